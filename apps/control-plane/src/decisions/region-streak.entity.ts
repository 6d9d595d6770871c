import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A region's current failure streak of one monitor (decisions/regional-incident.ts): a row
 * exists only while the region's last reported result failed (its consecutive failing rounds
 * and the first one's scheduled time). Written only by decisions (RegionStreaksRepository),
 * set-based in the decision transaction; deleted with the monitor.
 */
@Entity('region_streaks')
export class RegionStreakEntity {
  @PrimaryColumn('text') monitorId!: string;
  @PrimaryColumn('text') region!: string;
  @Column('int') rounds!: number;
  @Column('timestamptz') since!: Date;
}
