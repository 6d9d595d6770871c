import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** StatusRooster's bare ping answer (no envelope). */
export class PingView {
  @ApiProperty({ enum: [true] }) ok!: true;
  @ApiProperty({ enum: ['pending', 'up', 'degraded', 'down', 'warn', 'paused'], example: 'up' }) status!: string;
  @ApiPropertyOptional({ example: 'Nightly Backup Job' }) monitor?: string;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 1709471700.0, description: 'unix seconds' })
  next_expected_before?: number | null;
  @ApiPropertyOptional({ example: 'Monitor is paused — ping recorded but not tracked' }) message?: string;
}

export class PingTokenView {
  @ApiProperty({ example: 'mon_3k9x0q2m7d1v8b4n' }) monitor_id!: string;
  @ApiProperty({
    example: 'https://parallax.example.com/api/ping/mon_3k9x0q2m7d1v8b4n?token=pt_…',
    description: 'with the new token in full, shown once',
  })
  ping_url!: string;
}
