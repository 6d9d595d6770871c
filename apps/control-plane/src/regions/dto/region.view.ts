import { ApiProperty } from '@nestjs/swagger';

export class ProbeView {
  @ApiProperty({ example: 'probe-eu-west-7f9c' }) id!: string;
  @ApiProperty({ example: '0.1.0' }) version!: string;
  @ApiProperty({ format: 'date-time' }) last_seen!: string;
  @ApiProperty({ format: 'date-time' }) started_at!: string;
  @ApiProperty({ example: 3 }) in_flight!: number;
  @ApiProperty({ example: 0 }) queued!: number;
  @ApiProperty({ example: 64 }) capacity!: number;
}

export class RegionView {
  @ApiProperty({ example: 'eu-west' }) id!: string;
  @ApiProperty() healthy!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) unhealthy_since!: string | null;
  @ApiProperty() receiving_jobs!: boolean;
  @ApiProperty({ example: 2 }) probes_online!: number;
  @ApiProperty({ type: [ProbeView] }) probes!: ProbeView[];
}

export class UnknownRegionProbeView extends ProbeView {
  @ApiProperty({ example: 'sa-east' }) region!: string;
}

export class RegionsMetaView {
  @ApiProperty({ example: 3 }) total!: number;
  @ApiProperty({ type: [UnknownRegionProbeView], description: 'probes announcing a region that is not configured' }) unknown_region_probes!: UnknownRegionProbeView[];
}
