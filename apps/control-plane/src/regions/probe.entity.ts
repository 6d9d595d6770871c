import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The last presence announcement of each probe process. */
@Entity('probes')
export class ProbeEntity {
  @PrimaryColumn('text') probeId!: string;
  @Index() @Column('text') region!: string;
  @Column('text') version!: string;
  @Column('int') inFlight!: number;
  @Column('int') queued!: number;
  @Column('int') capacity!: number;
  @Column('timestamptz') startedAt!: Date;
  @Column('timestamptz') lastSeenAt!: Date;
  @Column('boolean', { default: false }) leaving!: boolean;
}
