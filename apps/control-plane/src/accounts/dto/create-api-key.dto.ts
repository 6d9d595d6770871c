import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Length } from 'class-validator';
import type { KeyScope } from '../../common/principal';
import { Trim } from './trim';

export const KEY_SCOPES: readonly KeyScope[] = ['read_write', 'read_only'];

export class CreateApiKeyDto {
  @ApiProperty({ example: 'ci-pipeline', minLength: 1, maxLength: 100 })
  @Trim()
  @IsString()
  @Length(1, 100, { message: 'must be 1 to 100 characters long' })
  name!: string;

  @ApiPropertyOptional({ enum: KEY_SCOPES, default: 'read_write', description: 'A read_only key may only GET.' })
  @IsOptional()
  @IsIn(KEY_SCOPES, { message: `must be one of: ${KEY_SCOPES.join(', ')}` })
  scope?: KeyScope;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2027-01-01T00:00:00Z',
    description: 'When the key stops working (in the future, within 10 years); omitted: never.',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 date-time such as 2027-01-01T00:00:00Z' })
  expires_at?: string;
}
