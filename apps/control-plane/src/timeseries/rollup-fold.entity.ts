import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { MonitorEntity } from '../monitors/monitor.entity';

/**
 * The fold watermark of a monitor's rollups: the last UTC day ('YYYY-MM-DD') whose daily
 * rollups were built from the hourly ones (RollupFoldService). Written by the timeseries
 * context only (the fold, `RollupsRepository.markFolded`). Results of that day and earlier
 * update the daily rollups as they arrive (late ones); later days have hourly rollups only,
 * and window queries read those. A monitor without a row is folded through the day before
 * the day it was created (it has nothing before): `foldedThroughOf` (window.ts) and
 * `foldedThroughSql` (rollup-sql.ts) say so in one place each.
 */
@Entity('rollup_folds')
export class RollupFoldEntity {
  @PrimaryColumn('text') monitorId!: string;
  @OneToOne(() => MonitorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'monitor_id', foreignKeyConstraintName: 'rollup_folds_monitor_fk' })
  monitor?: MonitorEntity;
  @Column('date') foldedThrough!: string;
}
