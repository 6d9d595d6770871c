import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { BackgroundTransactionRunner, type Tx } from '../database/transaction';
import { AttemptEntity, DeliveryEntity, MonitorNotificationStateEntity, WebhookEntity } from './notification.entity';
import type { AttemptRecord } from './notifications.repository';
import type { DampingState } from './alert-damping';
import type { RateCounter } from './rate-limit';

/**
 * The delivery outbox for background work, across accounts: rows enqueued inside a state
 * change's transaction, per-monitor sequences and SLA state, and the dispatcher's claims,
 * attempts, disabling and pruning. Never used by controllers or request-scoped services
 * (eslint `no-restricted-imports`); the webhooks API uses `NotificationsRepository`.
 */
@Injectable()
export class SystemOutboxRepository {
  constructor(private readonly background: BackgroundTransactionRunner) {}

  /**
   * The dispatcher's claims, attempt records and pruning run on the background pool
   * (DB_BACKGROUND_POOL_SIZE), so a request flood holding the request pool cannot stop
   * notifications; enqueueing runs in the caller's transaction.
   */
  private get dataSource(): DataSource {
    return this.background.source;
  }

  // --- enqueue (inside the state change's transaction)

  async insertDeliveries(tx: Tx, rows: Partial<DeliveryEntity>[]): Promise<void> {
    if (rows.length) await tx.getRepository(DeliveryEntity).insert(rows as QueryDeepPartialEntity<DeliveryEntity>[]);
  }

  /** Reserves `count` consecutive sequence numbers of a monitor's events; returns the first. */
  async nextSequences(tx: Tx, monitorId: string, count: number): Promise<number> {
    const rows: { sequence: string }[] = await tx.query(
      `INSERT INTO monitor_notification_state (monitor_id, sequence) VALUES ($1, $2)
       ON CONFLICT (monitor_id) DO UPDATE SET sequence = monitor_notification_state.sequence + $2
       RETURNING sequence`,
      [monitorId, count],
    );
    return Number(rows[0].sequence) - count + 1;
  }

  async slaBreached(tx: Tx, monitorId: string): Promise<boolean> {
    const row = await tx.getRepository(MonitorNotificationStateEntity).findOne({ where: { monitorId } });
    return row?.slaBreached ?? false;
  }

  async setSlaBreached(tx: Tx, monitorId: string, breached: boolean): Promise<void> {
    await tx.query(
      `INSERT INTO monitor_notification_state (monitor_id, sla_breached) VALUES ($1, $2)
       ON CONFLICT (monitor_id) DO UPDATE SET sla_breached = $2`,
      [monitorId, breached],
    );
  }

  // --- flap damping, reminders and rate limits (in the decision's transaction)

  /** The alert state (alert-damping.ts) of these monitors; a monitor without a row has none yet. */
  async alertStates(tx: Tx, monitorIds: string[]): Promise<Map<string, DampingState>> {
    if (!monitorIds.length) return new Map();
    const rows: {
      monitor_id: string;
      changes: Date[];
      flapping_since: Date | null;
      collapsed: number;
      down_notified_at: Date | null;
      reminders: number;
    }[] = await tx.query(
      `SELECT monitor_id, changes, flapping_since, collapsed, down_notified_at, reminders FROM alert_state WHERE monitor_id = ANY($1::text[])`,
      [[...new Set(monitorIds)]],
    );
    const ms = (d: Date | string | null) => (d === null ? null : new Date(d).getTime());
    return new Map(
      rows.map((r) => [
        r.monitor_id,
        {
          changes: (r.changes ?? []).map((d) => new Date(d).getTime()),
          flappingSince: ms(r.flapping_since),
          collapsed: r.collapsed,
          downNotifiedAt: ms(r.down_notified_at),
          reminders: r.reminders,
        },
      ]),
    );
  }

  /** Writes alert states, set-based (one upsert). */
  async saveAlertStates(tx: Tx, states: ReadonlyMap<string, DampingState>): Promise<void> {
    if (!states.size) return;
    const ids = [...states.keys()];
    const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
    const v = ids.map((id) => states.get(id)!);
    await tx.query(
      `INSERT INTO alert_state (monitor_id, changes, flapping_since, collapsed, down_notified_at, reminders)
       SELECT v.id, ARRAY(SELECT jsonb_array_elements_text(v.changes)::timestamptz), v.flapping_since, v.collapsed, v.down_notified_at, v.reminders
         FROM unnest($1::text[], $2::jsonb[], $3::timestamptz[], $4::int[], $5::timestamptz[], $6::int[])
           AS v(id, changes, flapping_since, collapsed, down_notified_at, reminders)
       ON CONFLICT (monitor_id) DO UPDATE SET changes = EXCLUDED.changes, flapping_since = EXCLUDED.flapping_since, collapsed = EXCLUDED.collapsed,
              down_notified_at = EXCLUDED.down_notified_at, reminders = EXCLUDED.reminders`,
      [
        ids,
        v.map((s) => JSON.stringify(s.changes.map((t) => new Date(t).toISOString()))),
        v.map((s) => iso(s.flappingSince)),
        v.map((s) => s.collapsed),
        v.map((s) => iso(s.downNotifiedAt)),
        v.map((s) => s.reminders),
      ],
    );
  }

  /** Rate-limit counters (rate-limit.ts) of these keys, locked for the transaction (key order); absent keys have sent nothing yet. */
  async lockRateCounters(tx: Tx, keys: string[]): Promise<Map<string, RateCounter>> {
    if (!keys.length) return new Map();
    const rows: { key: string; window_start: Date; sent: number; collapsed: number }[] = await tx.query(
      `SELECT key, window_start, sent, collapsed FROM notification_rate_limits WHERE key = ANY($1::text[]) ORDER BY key FOR UPDATE`,
      [[...new Set(keys)].sort()],
    );
    return new Map(
      rows.map((r) => [
        r.key,
        { windowStart: new Date(r.window_start).getTime(), sent: r.sent, collapsed: r.collapsed },
      ]),
    );
  }

  /** Writes rate-limit counters, set-based (one upsert). */
  async saveRateCounters(tx: Tx, counters: ReadonlyMap<string, RateCounter>): Promise<void> {
    if (!counters.size) return;
    const keys = [...counters.keys()].sort();
    await tx.query(
      `INSERT INTO notification_rate_limits (key, window_start, sent, collapsed)
       SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::int[], $4::int[])
       ON CONFLICT (key) DO UPDATE SET window_start = EXCLUDED.window_start, sent = EXCLUDED.sent, collapsed = EXCLUDED.collapsed`,
      [
        keys,
        keys.map((k) => new Date(counters.get(k)!.windowStart).toISOString()),
        keys.map((k) => counters.get(k)!.sent),
        keys.map((k) => counters.get(k)!.collapsed),
      ],
    );
  }

  // --- dispatcher

  /**
   * Claims up to `limit` deliveries due at `now` for `leaseMs` (FOR UPDATE SKIP LOCKED:
   * replicas claim disjoint rows). A row waits while an earlier event of the same monitor
   * to the same destination is pending and still in its early retries (at most
   * `earlyRetries` attempts made: retry.ts), so each destination gets a monitor's events
   * in order unless one of them keeps failing; past its early retries that one steps aside
   * and the later events go ahead (receivers order by `sequence`). A lease that expires
   * (the replica died mid-send) makes the row claimable again.
   */
  async claim(limit: number, leaseMs: number, now: Date, earlyRetries: number): Promise<DeliveryEntity[]> {
    // TypeORM answers an UPDATE … RETURNING as [rows, affected].
    const [rows] = (await this.dataSource.query(
      `UPDATE notification_deliveries d SET locked_until = $3::timestamptz + $2 * interval '1 millisecond'
        WHERE d.id IN (
          SELECT c.id FROM notification_deliveries c
           WHERE c.status = 'pending' AND c.next_attempt_at <= $3
             AND (c.locked_until IS NULL OR c.locked_until < $3)
             AND NOT EXISTS (
               SELECT 1 FROM notification_deliveries e
                WHERE e.status = 'pending' AND e.destination = c.destination
                  AND e.monitor_id = c.monitor_id AND e.sequence < c.sequence
                  AND e.attempts <= $4)
           ORDER BY c.next_attempt_at
           LIMIT $1
           FOR UPDATE SKIP LOCKED)
        RETURNING d.id`,
      [limit, leaseMs, now, earlyRetries],
    )) as [{ id: string }[], number];
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    return this.dataSource
      .getRepository(DeliveryEntity)
      .find({ where: { id: In(ids) }, order: { sequence: 'ASC', createdAt: 'ASC' } });
  }

  webhooksByIds(ids: string[]): Promise<WebhookEntity[]> {
    return ids.length
      ? this.dataSource.getRepository(WebhookEntity).find({ where: { id: In(ids) } })
      : Promise.resolve([]);
  }

  /**
   * Writes the attempt log row and the delivery's new state in one transaction. A delivery
   * deleted meanwhile (its webhook or subscriber removed mid-delivery: the cascade) is
   * skipped: its rows are locked first (KEY SHARE, so a concurrent delete waits or has
   * won), and only those still there get an attempt row, never a foreign-key failure.
   */
  async recordAttempts(all: AttemptRecord[]): Promise<void> {
    if (all.length === 0) return;
    await this.dataSource.transaction(async (tx) => {
      const alive: { id: string }[] = await tx.query(
        `SELECT id FROM notification_deliveries WHERE id = ANY($1::text[]) FOR KEY SHARE`,
        [all.map((r) => r.deliveryId)],
      );
      const ids = new Set(alive.map((r) => r.id));
      const records = all.filter((r) => ids.has(r.deliveryId));
      if (records.length === 0) return;
      await tx.getRepository(AttemptEntity).insert(
        records.map((r) => ({
          deliveryId: r.deliveryId,
          attempt: r.attempt,
          attemptedAt: r.attemptedAt,
          responseStatus: r.responseStatus,
          durationMs: r.durationMs,
          error: r.error,
          nextRetryAt: r.nextRetryAt,
        })),
      );
      await tx.query(
        `UPDATE notification_deliveries d
            SET status = v.status, attempts = v.attempt, locked_until = NULL, next_attempt_at = v.next_attempt_at,
                last_response_status = v.response_status, last_error = v.error, delivered_at = v.delivered_at
           FROM unnest($1::text[], $2::text[], $3::int[], $4::timestamptz[], $5::int[], $6::text[], $7::timestamptz[])
                AS v(id, status, attempt, next_attempt_at, response_status, error, delivered_at)
          WHERE d.id = v.id`,
        [
          records.map((r) => r.deliveryId),
          records.map((r) => r.status),
          records.map((r) => r.attempt),
          records.map((r) => r.nextRetryAt ?? r.attemptedAt),
          records.map((r) => r.responseStatus),
          records.map((r) => r.error),
          records.map((r) => (r.status === 'delivered' ? r.attemptedAt : null)),
        ],
      );
      const triggered = [
        ...new Set(records.filter((r) => r.webhookId && r.status === 'delivered').map((r) => r.webhookId!)),
      ];
      // At most once a second per webhook, so replicas delivering to one endpoint do not queue on its row.
      if (triggered.length) {
        await tx.query(
          `UPDATE webhooks SET last_triggered_at = now() WHERE id = ANY($1) AND (last_triggered_at IS NULL OR last_triggered_at < now() - interval '1 second')`,
          [triggered],
        );
      }
    });
  }

  /** An endpoint answered 410 Gone: an account webhook is deactivated; the destination's pending deliveries stop. */
  async disableDestination(d: DeliveryEntity, reason: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      if (d.webhookId)
        await tx.getRepository(WebhookEntity).update({ id: d.webhookId }, { active: false, disabledReason: reason });
      await tx.query(
        `UPDATE notification_deliveries SET status = 'disabled', locked_until = NULL, last_error = $2 WHERE destination = $1 AND status = 'pending'`,
        [d.destination, reason],
      );
    });
  }

  /** Deletes up to `limit` finished deliveries (delivered, failed, disabled) created before `before`; returns how many. */
  async pruneFinished(before: Date, limit: number): Promise<number> {
    const [, deleted] = (await this.dataSource.query(
      `DELETE FROM notification_deliveries WHERE id IN (
         SELECT id FROM notification_deliveries WHERE status <> 'pending' AND created_at < $1 LIMIT $2)`,
      [before, limit],
    )) as [unknown, number];
    return deleted;
  }

  /** Deletes rate-limit counters whose window started before `before` and that hold no collapsed count. */
  async pruneRateCounters(before: Date): Promise<void> {
    await this.dataSource.query(`DELETE FROM notification_rate_limits WHERE window_start < $1 AND collapsed = 0`, [
      before,
    ]);
  }

  /** Pending deliveries, and the age in seconds of the oldest one that is due (0 when none is). */
  async outboxStats(now: Date): Promise<{ pending: number; oldestDueSeconds: number }> {
    const rows: { pending: string; oldest: string | null }[] = await this.dataSource.query(
      `SELECT count(*) AS pending,
              EXTRACT(EPOCH FROM $1::timestamptz - min(next_attempt_at) FILTER (WHERE next_attempt_at <= $1)) AS oldest
         FROM notification_deliveries WHERE status = 'pending'`,
      [now],
    );
    return { pending: Number(rows[0].pending), oldestDueSeconds: Math.max(0, Number(rows[0].oldest ?? 0)) };
  }
}
