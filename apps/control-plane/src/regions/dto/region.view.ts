import { ApiProperty } from '@nestjs/swagger';

export class ClockSkewView {
  @ApiProperty({
    example: 10_012,
    description: 'the reported probe clock − control plane clock of largest size, ms (0: none beyond the threshold)',
  })
  max_ms!: number;
  @ApiProperty({
    example: 0,
    description: 'median over the online probes, ms (a probe within its threshold counts as 0)',
  })
  typical_ms!: number;
  @ApiProperty({ example: 1, description: 'online probes whose clock is off by more than their threshold' })
  probes_skewed!: number;
}

/** What a region's online probes add up to. Probe ids are not shown to tenants (operators: `parallax_probe_info` in /metrics). */
export class ProbeSummaryView {
  @ApiProperty({ example: 2 }) probes_online!: number;
  @ApiProperty({ type: [String], example: ['0.1.0'], description: 'distinct versions of the probes online' })
  versions!: string[];
  @ApiProperty({ example: 3, description: 'checks running now, all probes' }) in_flight!: number;
  @ApiProperty({ example: 0, description: 'jobs waiting, all probes' }) queued!: number;
  @ApiProperty({ example: 128, description: 'concurrent checks, all probes (probes × PROBE_CONCURRENCY)' })
  capacity!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 0.42,
    description:
      '(in_flight + queued) / capacity; above 1 jobs wait for slots: add probes to the region. Null without probes.',
  })
  utilisation!: number | null;
  @ApiProperty({
    type: ClockSkewView,
    description:
      'probe clocks against the control plane (deadlines are relative, so a skewed probe still counts; fix its NTP)',
  })
  clock_skew!: ClockSkewView;
}

export class RegionView extends ProbeSummaryView {
  @ApiProperty({ example: 'eu-west' }) id!: string;
  @ApiProperty() healthy!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) unhealthy_since!: string | null;
  @ApiProperty() receiving_jobs!: boolean;
}

export class UnknownRegionProbeView extends ProbeSummaryView {
  @ApiProperty({ example: 'sa-east' }) region!: string;
}

export class RegionsMetaView {
  @ApiProperty({ example: 3 }) total!: number;
  @ApiProperty({
    type: [UnknownRegionProbeView],
    description: 'probes announcing a region that is not configured, per region',
  })
  unknown_region_probes!: UnknownRegionProbeView[];
}
