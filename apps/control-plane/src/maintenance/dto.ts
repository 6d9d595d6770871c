import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { LABEL_MAX, TEXT_MAX, TITLE_MAX } from '../incidents/incident-rules';
import { MAINTENANCE_STATUSES } from './maintenance.entity';
import { MAX_MAINTENANCE_MONITORS } from './maintenance-rules';

/** `POST /maintenance` (SPEC 3.7a). */
export class CreateMaintenanceDto {
  @ApiProperty({ example: 'Database upgrade', maxLength: TITLE_MAX })
  @IsString()
  @MaxLength(TITLE_MAX * 4)
  title!: string;

  @ApiPropertyOptional({ example: 'PostgreSQL 15 to 16; writes pause for about a minute.', maxLength: TEXT_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX * 2)
  description?: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['mon_3k9x0q2m7d1v8b4n'],
    description: "Affected monitors (the account's own): in maintenance while it is in progress",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_MAINTENANCE_MONITORS)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  monitor_ids?: string[];

  @ApiProperty({ format: 'date-time', example: '2026-12-03T22:00:00Z', description: 'ISO 8601 with a time zone' })
  @IsString()
  @MaxLength(40)
  starts_at!: string;

  @ApiProperty({
    format: 'date-time',
    example: '2026-12-03T23:00:00Z',
    description: 'After starts_at, at most 31 days later',
  })
  @IsString()
  @MaxLength(40)
  ends_at!: string;
}

/** `PATCH /maintenance/{id}`: fields of a maintenance not yet finished; `status: cancelled` cancels it. */
export class UpdateMaintenanceDto {
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
  @ArrayMaxSize(MAX_MAINTENANCE_MONITORS)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  monitor_ids?: string[];

  @ApiPropertyOptional({ format: 'date-time', description: 'Not while in progress' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  starts_at?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  ends_at?: string;

  @ApiPropertyOptional({ enum: ['cancelled'], description: 'The clock moves the other statuses' })
  @IsOptional()
  @IsIn(['cancelled'], {
    message: 'status can only be set to cancelled: scheduled, in_progress and completed follow the clock',
  })
  status?: string;
}

/** `POST /maintenance/{id}/updates`: an entry of its timeline. */
export class CreateMaintenanceUpdateDto {
  @ApiProperty({ example: 'Update', maxLength: LABEL_MAX })
  @IsString()
  @MaxLength(LABEL_MAX * 4)
  label!: string;

  @ApiProperty({ example: 'Primary upgraded; replicas next.', maxLength: TEXT_MAX })
  @IsString()
  @MaxLength(TEXT_MAX * 2)
  content!: string;
}

export class MaintenanceUpdateView {
  @ApiProperty({ example: 'upd_4k2m9x0q7d1v8b3n' }) id!: string;
  @ApiProperty({ example: 'In progress' }) label!: string;
  @ApiProperty({ example: 'Maintenance started.' }) content!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: MAINTENANCE_STATUSES,
    description: 'The status it moved to with this entry',
  })
  status!: string | null;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
}

export class MaintenanceView {
  @ApiProperty({ example: 'mnt_7h2k9d0q3m1x8v4b' }) id!: string;
  @ApiProperty({ example: 'Database upgrade' }) title!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ enum: MAINTENANCE_STATUSES }) status!: string;
  @ApiProperty({ type: [String], example: ['mon_3k9x0q2m7d1v8b4n'] }) monitor_ids!: string[];
  @ApiProperty({ format: 'date-time' }) starts_at!: string;
  @ApiProperty({ format: 'date-time' }) ends_at!: string;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
  @ApiProperty({ format: 'date-time' }) updated_at!: string;
  @ApiProperty({ type: [MaintenanceUpdateView], description: 'The timeline, oldest first' })
  updates!: MaintenanceUpdateView[];
}

export class MaintenanceMetaView {
  @ApiProperty({ example: 3 }) total!: number;
  @ApiProperty({ example: 50 }) limit!: number;
  @ApiProperty({ example: 0 }) offset!: number;
}

export class DeletedMaintenanceView {
  @ApiProperty({ example: true }) deleted!: boolean;
  @ApiProperty({ example: 'mnt_7h2k9d0q3m1x8v4b' }) maintenance_id!: string;
}
