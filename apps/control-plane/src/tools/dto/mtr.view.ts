import { ApiProperty } from '@nestjs/swagger';

export class MtrHopView {
  @ApiProperty({ example: 1 }) hop!: number;
  @ApiProperty({ type: String, nullable: true, example: '10.0.0.1', description: 'null: the hop never answered (???)' })
  address!: string | null;
  @ApiProperty({ example: 0 }) loss_percent!: number;
  @ApiProperty({ example: 3 }) sent!: number;
  @ApiProperty({ type: Number, nullable: true, example: 0.41 }) best_ms!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 0.62 }) avg_ms!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 0.93 }) worst_ms!: number | null;
}

export class MtrRegionView {
  @ApiProperty({ example: 'eu-west' }) region!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The probe that answered' }) probe_id!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '93.184.216.34',
    description: 'The address the probe resolved and traced',
  })
  address!: string | null;
  @ApiProperty({ type: [MtrHopView] }) hops!: MtrHopView[];
  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description: 'Why the region has no hops (no probe answered, SSRF guard, mtr failed)',
  })
  error!: string | null;
}

export class MtrView {
  @ApiProperty({ example: 'mon_3k9x0q2m7d1v8b4n' }) monitor_id!: string;
  @ApiProperty({ example: 'api.example.com' }) target!: string;
  @ApiProperty({ example: 3, description: 'probes per hop' }) count!: number;
  @ApiProperty({ example: 10000, description: "the monitor's timeout (5–60 s)" }) timeout_ms!: number;
  @ApiProperty({ type: [MtrRegionView] }) regions!: MtrRegionView[];
}
