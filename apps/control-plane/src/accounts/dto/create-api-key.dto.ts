import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
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
}
