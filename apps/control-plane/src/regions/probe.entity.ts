import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last presence announcement of each probe process, keyed by (region, probe id): a region speaks only for its own probes. */
@Entity('probes')
export class ProbeEntity {
  @PrimaryColumn('text') region!: string;
  @PrimaryColumn('text') probeId!: string;
  @Column('text') version!: string;
  @Column('int') inFlight!: number;
  @Column('int') queued!: number;
  @Column('int') capacity!: number;
  @Column('timestamptz') startedAt!: Date;
  @Column('timestamptz') lastSeenAt!: Date;
  @Column('boolean', { default: false }) leaving!: boolean;
  /** Probe clock − control plane clock as the probe reported it (beyond its threshold), else null. */
  @Column('bigint', {
    nullable: true,
    transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  clockSkewMs!: number | null;
}
