import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

export const MAINTENANCE_STATUSES = ['scheduled', 'in_progress', 'completed', 'cancelled'] as const;
export type MaintenanceStatus = (typeof MAINTENANCE_STATUSES)[number];

/** Scheduled maintenance (SPEC 3.7a, `mnt_…`): its status is moved by the clock (MaintenanceService.sweep), or cancelled by its owner. */
@Entity('maintenance')
@Index('maintenance_account_idx', ['accountId', 'startsAt'])
export class MaintenanceEntity {
  @PrimaryColumn('text') id!: string;
  @Column('text') accountId!: string;
  @Column('text') title!: string;
  @Column('text', { nullable: true }) description!: string | null;
  @Column('text', { array: true, default: () => "'{}'" }) monitorIds!: string[];
  @Column('timestamptz') startsAt!: Date;
  @Column('timestamptz') endsAt!: Date;
  @Column('text', { default: 'scheduled' }) status!: MaintenanceStatus;
  @Column('timestamptz') createdAt!: Date;
  @Column('timestamptz') updatedAt!: Date;
}

/** One entry of a maintenance's timeline (Valtrogen `events`): written by the sweep (started, completed) or posted by the owner. */
@Entity('maintenance_updates')
@Index('maintenance_updates_maintenance_idx', ['maintenanceId', 'createdAt'])
export class MaintenanceUpdateEntity {
  @PrimaryColumn('text') id!: string;
  @Column('text') maintenanceId!: string;
  @ManyToOne(() => MaintenanceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'maintenance_id', foreignKeyConstraintName: 'maintenance_updates_maintenance_fk' })
  maintenance?: MaintenanceEntity;
  @Column('text') accountId!: string;
  @Column('text') label!: string;
  @Column('text') content!: string;
  @Column('text', { nullable: true }) status!: string | null;
  @Column('timestamptz') createdAt!: Date;
}
