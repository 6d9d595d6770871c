import { Injectable } from '@nestjs/common';
import type { Tx } from '../database/transaction';
import { MonitorEntity } from '../monitors/monitor.entity';
import type { PingFields } from './heartbeat-rules';
import { MonitorScheduleEntity } from '../scheduler/monitor-schedule.entity';
import { MonitorStateEntity } from '../decisions/monitor-state.entity';
import { HeartbeatStateEntity } from './heartbeat-state.entity';

const STATE_COLUMNS: Record<keyof PingFields, string> = {
  heartbeatExpectedBy: 'heartbeat_expected_by',
  lastPingAt: 'last_ping_at',
  lastFailAt: 'last_fail_at',
  runStartedAt: 'run_started_at',
  lastRunMs: 'last_run_ms',
};

/**
 * `heartbeat_state`, the pings' state of heartbeat monitors; the heartbeats context is its
 * only writer. The ping endpoint is not an account request: the ping token is its
 * credential, so `lockForPing` looks the monitor up by id alone and the service checks the
 * token before anything else. A monitor without a state row has nothing pinged yet: every
 * write is an upsert.
 */
@Injectable()
export class HeartbeatsRepository {
  /** A heartbeat monitor's ping token hash, read without a lock (the token is checked before anything is locked). */
  async pingTokenHash(tx: Tx, id: string): Promise<string | null | undefined> {
    const m = await tx
      .getRepository(MonitorEntity)
      .findOne({ where: { id, monitorType: 'heartbeat' }, select: { id: true, pingTokenHash: true } });
    return m ? m.pingTokenHash : undefined;
  }

  /**
   * A heartbeat monitor by id with its ping state (`heartbeat`) and read model, the monitor
   * locked: pings and checks of one monitor run one at a time.
   */
  async lockForPing(tx: Tx, id: string): Promise<MonitorEntity | null> {
    const locked: unknown[] = await tx.query(
      `SELECT id FROM monitors WHERE id = $1 AND monitor_type = 'heartbeat' FOR UPDATE`,
      [id],
    );
    if (!locked.length) return null;
    // Read after the lock, in a statement of its own (see attachStates), with the schedule a check claims from
    // and the decision read model (`state`: the status a ping answers with).
    return tx
      .getRepository(MonitorEntity)
      .createQueryBuilder('m')
      .leftJoinAndMapOne('m.heartbeat', HeartbeatStateEntity, 'h', 'h.monitor_id = m.id')
      .leftJoinAndMapOne('m.schedule', MonitorScheduleEntity, 's', 's.monitor_id = m.id')
      .leftJoinAndMapOne('m.state', MonitorStateEntity, 'st', 'st.monitor_id = m.id')
      .where('m.id = :id', { id })
      .getOne();
  }

  /**
   * Reads the state of (locked) heartbeat monitors into `heartbeat`, one statement for all.
   * Always a statement of its own after the lock: the locking statement's snapshot may predate
   * a ping that committed while it waited (PostgreSQL re-reads only the locked rows then).
   */
  async attachStates(tx: Tx, ms: MonitorEntity[]): Promise<void> {
    if (!ms.length) return;
    const rows = await tx
      .getRepository(HeartbeatStateEntity)
      .createQueryBuilder('h')
      .where('h.monitor_id IN (:...ids)', { ids: ms.map((m) => m.id) })
      .getMany();
    const byId = new Map(rows.map((h) => [h.monitorId, h]));
    for (const m of ms) m.heartbeat = byId.get(m.id) ?? null;
  }

  /** Records what a ping changed (the monitor is locked). */
  async recordPing(tx: Tx, id: string, fields: Partial<PingFields>): Promise<void> {
    const keys = (Object.keys(fields) as (keyof PingFields)[]).filter((k) => fields[k] !== undefined);
    if (!keys.length) return;
    const cols = keys.map((k) => STATE_COLUMNS[k]);
    await tx.query(
      `INSERT INTO heartbeat_state (monitor_id, ${cols.join(', ')}) VALUES ($1, ${cols.map((_, i) => `$${i + 2}`).join(', ')})
       ON CONFLICT (monitor_id) DO UPDATE SET ${cols.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}`,
      [id, ...keys.map((k) => fields[k])],
    );
  }

  /** When the next ping is expected, for many monitors in one statement (created, resumed, or given a new interval). */
  async setExpectedBy(tx: Tx, rows: { monitorId: string; expectedBy: Date }[]): Promise<void> {
    if (!rows.length) return;
    await tx.query(
      `INSERT INTO heartbeat_state (monitor_id, heartbeat_expected_by)
       SELECT * FROM unnest($1::text[], $2::timestamptz[])
       ON CONFLICT (monitor_id) DO UPDATE SET heartbeat_expected_by = EXCLUDED.heartbeat_expected_by`,
      [rows.map((r) => r.monitorId), rows.map((r) => r.expectedBy.toISOString())],
    );
  }
}
