import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';

export class CreateWebhookDto {
  @ApiProperty({ example: 'https://hooks.example.com/parallax' })
  @IsString()
  @MaxLength(2048)
  url!: string;

  @ApiPropertyOptional({
    example: ['monitor.down', 'monitor.up', 'incident.created'],
    description:
      'monitor.down, monitor.up, monitor.degraded, monitor.slow, monitor.warn, incident.created, incident.resolved, sla.breach, or "*"; the reference names status_change, incident_created, sla_breach are accepted. Default: all.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  events?: string[];

  @ApiPropertyOptional({
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    description: 'Standard Webhooks secret; generated when omitted; answered only in this response',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  secret?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) description?: string;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() active?: boolean;
}

/** `PATCH /webhooks/{id}`: url, events, description, active (true re-enables an endpoint disabled by 410). The secret cannot change. */
export class UpdateWebhookDto extends PartialType(OmitType(CreateWebhookDto, ['secret'] as const)) {}
