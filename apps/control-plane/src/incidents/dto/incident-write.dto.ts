import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IMPACTS, MANUAL_STATUSES } from '../incident.entity';
import { LABEL_MAX, MAX_INCIDENT_MONITORS, TEXT_MAX, TITLE_MAX } from '../incident-rules';

const STATUS_MESSAGE = `status must be one of ${MANUAL_STATUSES.join(', ')}`;
const IMPACT_MESSAGE = `impact must be one of ${IMPACTS.join(', ')}`;

/** `POST /incidents`: a manual incident (SPEC 3.7a; StatusPool's `monitor_id` accepted too). */
export class CreateIncidentDto {
  @ApiProperty({ example: 'Elevated error rates on the API', maxLength: TITLE_MAX })
  @IsString()
  @MaxLength(TITLE_MAX * 4)
  title!: string;

  @ApiPropertyOptional({
    example: 'We are investigating errors on **some** requests (Markdown allowed, shown as text).',
    maxLength: TEXT_MAX,
  })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX * 2)
  description?: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['mon_3k9x0q2m7d1v8b4n'],
    description: "Affected monitors (the account's own)",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_INCIDENT_MONITORS)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  monitor_ids?: string[];

  @ApiPropertyOptional({
    example: 'mon_3k9x0q2m7d1v8b4n',
    description: "StatusPool's single affected monitor (added to monitor_ids)",
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  monitor_id?: string;

  @ApiPropertyOptional({ enum: MANUAL_STATUSES, default: 'investigating' })
  @IsOptional()
  @IsIn(MANUAL_STATUSES, { message: STATUS_MESSAGE })
  status?: string;

  @ApiPropertyOptional({ enum: IMPACTS, default: 'minor' })
  @IsOptional()
  @IsIn(IMPACTS, { message: IMPACT_MESSAGE })
  impact?: string;
}

/** `PATCH /incidents/{id}`: a manual incident's fields; a status change adds an update to its timeline. */
export class UpdateIncidentDto {
  @ApiPropertyOptional({ maxLength: TITLE_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(TITLE_MAX * 4)
  title?: string;

  @ApiPropertyOptional({ maxLength: TEXT_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX * 2)
  description?: string;

  @ApiPropertyOptional({ type: [String], description: 'Replaces the affected monitors' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_INCIDENT_MONITORS)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  monitor_ids?: string[];

  @ApiPropertyOptional({ enum: MANUAL_STATUSES })
  @IsOptional()
  @IsIn(MANUAL_STATUSES, { message: STATUS_MESSAGE })
  status?: string;

  @ApiPropertyOptional({ enum: IMPACTS })
  @IsOptional()
  @IsIn(IMPACTS, { message: IMPACT_MESSAGE })
  impact?: string;
}

/** `POST /incidents/{id}/updates`: an entry of the timeline (Valtrogen `events`), for manual and automatic incidents. */
export class CreateIncidentUpdateDto {
  @ApiProperty({ example: 'Identified', maxLength: LABEL_MAX })
  @IsString()
  @MaxLength(LABEL_MAX * 4)
  label!: string;

  @ApiProperty({ example: 'A faulty deploy; rolling back.', maxLength: TEXT_MAX })
  @IsString()
  @MaxLength(TEXT_MAX * 2)
  content!: string;

  @ApiPropertyOptional({
    enum: MANUAL_STATUSES,
    description: 'Manual incidents only: moves the incident to this status',
  })
  @IsOptional()
  @IsIn(MANUAL_STATUSES, { message: STATUS_MESSAGE })
  status?: string;
}
