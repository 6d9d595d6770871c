import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** shields.io's endpoint badge schema (https://shields.io/badges/endpoint-badge). */
export class ShieldsEndpointDto {
  @ApiProperty({ enum: [1], example: 1 }) schemaVersion!: 1;
  @ApiProperty({ example: 'uptime' }) label!: string;
  @ApiProperty({ example: '99.95%' }) message!: string;
  @ApiProperty({ description: 'a shields.io named colour or hex without "#"', example: 'brightgreen' }) color!: string;
  @ApiProperty({ example: 300 }) cacheSeconds!: number;
  @ApiPropertyOptional({ description: 'true on the not-found, invalid and unavailable answers' }) isError?: boolean;
}
