import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Tx } from '../database/transaction';
import type { AnomalyMetric, StoredAnomaly } from './anomaly-rules';

/** A stored anomaly (columns as read). */
export interface AnomalyRow {
  id: string;
  accountId: string;
  monitorId: string;
  region: string;
  metric: AnomalyMetric;
  observed: number;
  expected: number;
  lower: number;
  upper: number;
  startedAt: Date;
  endedAt: Date | null;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
}

export interface AnomalyFilter {
  monitorId?: string;
  region?: string;
  metric?: AnomalyMetric;
  status?: 'open' | 'closed';
  acknowledged?: boolean;
  since?: Date;
  limit: number;
  offset: number;
}

const COLUMNS = `id, account_id, monitor_id, region, metric, observed, expected, lower, upper, started_at, ended_at, acknowledged_at, acknowledged_by`;

function toRow(r: Record<string, unknown>): AnomalyRow {
  return {
    id: r.id as string,
    accountId: r.account_id as string,
    monitorId: r.monitor_id as string,
    region: r.region as string,
    metric: r.metric as AnomalyMetric,
    observed: Number(r.observed),
    expected: Number(r.expected),
    lower: Number(r.lower),
    upper: Number(r.upper),
    startedAt: r.started_at as Date,
    endedAt: (r.ended_at as Date | null) ?? null,
    acknowledgedAt: (r.acknowledged_at as Date | null) ?? null,
    acknowledgedBy: (r.acknowledged_by as string | null) ?? null,
  };
}

/** The rows an UPDATE … RETURNING gave (TypeORM answers `[rows, count]` for an UPDATE). */
async function updated(
  q: { query(sql: string, params: unknown[]): Promise<unknown> },
  sql: string,
  params: unknown[],
): Promise<Record<string, unknown>[]> {
  const out = (await q.query(sql, params)) as [Record<string, unknown>[], number] | Record<string, unknown>[];
  return Array.isArray(out[0]) ? (out[0] as Record<string, unknown>[]) : (out as Record<string, unknown>[]);
}

/** The only writer of `monitor_anomalies` and `anomaly_sweeps` (the anomalies context). */
@Injectable()
export class AnomaliesRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Gives every monitor without one a sweep row (swept_through null: never swept). */
  async addNewMonitors(): Promise<void> {
    await this.ds.query(
      `INSERT INTO anomaly_sweeps (monitor_id) SELECT m.id FROM monitors m
        WHERE NOT EXISTS (SELECT 1 FROM anomaly_sweeps s WHERE s.monitor_id = m.id) ON CONFLICT DO NOTHING`,
    );
  }

  /**
   * Locks up to `limit` monitors not swept through `through`, after `after` in id order (a pass
   * walks the ids once instead of re-reading the swept ones for every chunk; SKIP LOCKED:
   * replicas take disjoint ones).
   */
  async lockDue(tx: Tx, through: Date, limit: number, after = ''): Promise<{ monitorId: string; accountId: string }[]> {
    const rows: { monitor_id: string; account_id: string }[] = await tx.query(
      `SELECT s.monitor_id, m.account_id FROM anomaly_sweeps s JOIN monitors m ON m.id = s.monitor_id
        WHERE (s.swept_through IS NULL OR s.swept_through < $1) AND s.monitor_id > $3
        ORDER BY s.monitor_id LIMIT $2 FOR UPDATE OF s SKIP LOCKED`,
      [through, limit, after],
    );
    return rows.map((r) => ({ monitorId: r.monitor_id, accountId: r.account_id }));
  }

  async markSwept(tx: Tx, monitorIds: string[], through: Date): Promise<void> {
    if (monitorIds.length)
      await tx.query(`UPDATE anomaly_sweeps SET swept_through = $2 WHERE monitor_id = ANY($1::text[])`, [
        monitorIds,
        through,
      ]);
  }

  /** The monitor's anomalies open or ended since `since` (what a sweep reconciles with). */
  async recentOf(tx: Tx, monitorId: string, since: Date): Promise<StoredAnomaly[]> {
    const rows: {
      id: string;
      region: string;
      metric: AnomalyMetric;
      started_at: Date;
      ended_at: Date | null;
      observed: number;
    }[] = await tx.query(
      `SELECT id, region, metric, started_at, ended_at, observed FROM monitor_anomalies WHERE monitor_id = $1 AND (ended_at IS NULL OR ended_at >= $2)`,
      [monitorId, since],
    );
    return rows.map((r) => ({
      id: r.id,
      region: r.region,
      metric: r.metric,
      startedAt: r.started_at.getTime(),
      endedAt: r.ended_at ? r.ended_at.getTime() : null,
      observed: Number(r.observed),
    }));
  }

  async insert(tx: Tx, a: Omit<AnomalyRow, 'acknowledgedAt' | 'acknowledgedBy'>, at: Date): Promise<void> {
    await tx.query(
      `INSERT INTO monitor_anomalies (id, account_id, monitor_id, region, metric, observed, expected, lower, upper, started_at, ended_at, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) ON CONFLICT (monitor_id, region, metric, started_at) DO NOTHING`,
      [
        a.id,
        a.accountId,
        a.monitorId,
        a.region,
        a.metric,
        a.observed,
        a.expected,
        a.lower,
        a.upper,
        a.startedAt,
        a.endedAt,
        at,
      ],
    );
  }

  /** Closes (endedAt) or updates the furthest value of an open anomaly; returns it as stored after. */
  async update(tx: Tx, id: string, observed: number, endedAt: Date | null, at: Date): Promise<AnomalyRow | null> {
    const rows = await updated(
      tx,
      `UPDATE monitor_anomalies SET observed = $2, ended_at = COALESCE($3, ended_at), updated_at = $4 WHERE id = $1 AND ended_at IS NULL RETURNING ${COLUMNS}`,
      [id, observed, endedAt, at],
    );
    return rows.length ? toRow(rows[0]) : null;
  }

  async list(accountId: string, f: AnomalyFilter): Promise<{ items: AnomalyRow[]; total: number }> {
    const where = ['account_id = $1'];
    const params: unknown[] = [accountId];
    const add = (sql: string, v: unknown) => {
      params.push(v);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (f.monitorId) add('monitor_id = ?', f.monitorId);
    if (f.region) add('region = ?', f.region);
    if (f.metric) add('metric = ?', f.metric);
    if (f.status === 'open') where.push('ended_at IS NULL');
    if (f.status === 'closed') where.push('ended_at IS NOT NULL');
    if (f.acknowledged === true) where.push('acknowledged_at IS NOT NULL');
    if (f.acknowledged === false) where.push('acknowledged_at IS NULL');
    if (f.since) add('(ended_at IS NULL OR ended_at >= ?)', f.since);
    const w = where.join(' AND ');
    const [rows, count] = await Promise.all([
      this.ds.query(
        `SELECT ${COLUMNS} FROM monitor_anomalies WHERE ${w} ORDER BY started_at DESC, id LIMIT ${f.limit} OFFSET ${f.offset}`,
        params,
      ),
      this.ds.query(`SELECT count(*)::int AS n FROM monitor_anomalies WHERE ${w}`, params),
    ]);
    return { items: (rows as Record<string, unknown>[]).map(toRow), total: (count as { n: number }[])[0].n };
  }

  /** Marks one of the account's anomalies acknowledged (kept when it already was); null when not the account's. */
  async acknowledge(accountId: string, id: string, by: string | null, at: Date): Promise<AnomalyRow | null> {
    const rows = await updated(
      this.ds,
      `UPDATE monitor_anomalies SET acknowledged_at = COALESCE(acknowledged_at, $3), acknowledged_by = COALESCE(acknowledged_by, $4), updated_at = $3
        WHERE account_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
      [accountId, id, at, by],
    );
    return rows.length ? toRow(rows[0]) : null;
  }
}
