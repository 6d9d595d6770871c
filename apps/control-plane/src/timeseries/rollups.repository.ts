import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Tx } from '../database/transaction';
import { rangeClause } from '../database/ranges';
import { Granularity, ROLLUP_TABLE, REBUILD_STATEMENTS } from './rollup-sql';
import { bucketOf, Histogram } from './histogram';
import { Stats } from './stats';
import { DAY_MS, floorTo, HOUR_MS } from './window';

/** One observation for the rollups: a region's result, or a decided round (region '*'). */
export interface Observation {
  monitorId: string;
  accountId: string;
  region: string;
  at: Date;
  ok: boolean;
  degraded?: boolean;
  responseMs: number | null;
}

/** A stored rollup row: the stats with the histogram as stored (sparse; merged with mergeRow). */
export interface RollupRow extends Omit<Stats, 'hist'> {
  region: string;
  bucketStart: Date;
  hist: Histogram;
}

/** A rollup row being written (column names as stored). */
interface Row {
  monitor_id: string;
  bucket_start: string;
  region: string;
  account_id: string;
  checks: number;
  failures: number;
  degraded: number;
  rt_count: number;
  rt_sum: number;
  rt_min: number | null;
  rt_max: number | null;
  hist: Histogram;
}

/** The whole monitor's rollup rows (rounds) carry this region id. */
export const OVERALL = '*';

/**
 * Rollups per monitor × region × hour and × day (`rollups_hourly`, `rollups_daily`).
 * Kept current in the transaction that stores the results or decides the rounds, so they
 * never lag.
 */
@Injectable()
export class RollupsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async add(tx: Tx, observations: Observation[]): Promise<void> {
    if (!observations.length) return;
    for (const [g, step] of [['hour', HOUR_MS], ['day', DAY_MS]] as const) {
      const groups = new Map<string, Row>();
      for (const o of observations) {
        const bucket = floorTo(o.at.getTime(), step);
        const k = `${o.monitorId}|${bucket}|${o.region}`;
        let row = groups.get(k);
        if (!row) {
          row = { monitor_id: o.monitorId, bucket_start: new Date(bucket).toISOString(), region: o.region, account_id: o.accountId, checks: 0, failures: 0, degraded: 0, rt_count: 0, rt_sum: 0, rt_min: null, rt_max: null, hist: {} };
          groups.set(k, row);
        }
        row.checks += 1;
        if (!o.ok) row.failures += 1;
        if (o.degraded) row.degraded += 1;
        if (o.responseMs !== null) {
          row.rt_count += 1;
          row.rt_sum += o.responseMs;
          row.rt_min = row.rt_min === null ? o.responseMs : Math.min(row.rt_min, o.responseMs);
          row.rt_max = row.rt_max === null ? o.responseMs : Math.max(row.rt_max, o.responseMs);
          const b = bucketOf(o.responseMs);
          row.hist[b] = (row.hist[b] ?? 0) + 1;
        }
      }
      await this.upsert(tx, g, [...groups.values()]);
    }
  }

  /**
   * Adds aggregated rows to the stored ones in one statement: counts and sums added,
   * min/max kept, and the histogram merged key by key for the buckets this batch touched
   * only (a batch adds a few buckets to a row; the rest of the stored object is kept as
   * is). Rows go in key order, so concurrent writers lock them in the same order.
   */
  private async upsert(tx: Tx, g: Granularity, rows: Row[]): Promise<void> {
    const t = ROLLUP_TABLE[g];
    rows.sort((a, b) => (a.monitor_id < b.monitor_id ? -1 : a.monitor_id > b.monitor_id ? 1 : a.bucket_start < b.bucket_start ? -1 : a.bucket_start > b.bucket_start ? 1 : a.region < b.region ? -1 : 1));
    await tx.query(
      `INSERT INTO ${t} AS r (monitor_id, bucket_start, region, account_id, checks, failures, degraded, rt_count, rt_sum, rt_min, rt_max, hist)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(monitor_id text, bucket_start timestamptz, region text, account_id text, checks int,
              failures int, degraded int, rt_count int, rt_sum float8, rt_min float8, rt_max float8, hist jsonb)
       ON CONFLICT (monitor_id, bucket_start, region) DO UPDATE SET
         checks = r.checks + EXCLUDED.checks,
         failures = r.failures + EXCLUDED.failures,
         degraded = r.degraded + EXCLUDED.degraded,
         rt_count = r.rt_count + EXCLUDED.rt_count,
         rt_sum = r.rt_sum + EXCLUDED.rt_sum,
         rt_min = LEAST(r.rt_min, EXCLUDED.rt_min),
         rt_max = GREATEST(r.rt_max, EXCLUDED.rt_max),
         hist = r.hist || COALESCE((SELECT jsonb_object_agg(e.k, COALESCE((r.hist ->> e.k)::int, 0) + e.v::int)
                                      FROM jsonb_each_text(EXCLUDED.hist) AS e(k, v)), '{}'::jsonb)`,
      [JSON.stringify(rows)],
    );
  }

  /** Rollup rows of one monitor whose bucket starts in some ranges, of some regions ('*': the whole monitor) or of all (null). */
  async inRanges(accountId: string, monitorId: string, g: Granularity, ranges: { from: Date; to: Date }[], regions: string[] | null): Promise<RollupRow[]> {
    if (!ranges.length || regions?.length === 0) return [];
    const w = rangeClause('bucket_start', ranges, 4);
    const rows: (Omit<Row, 'bucket_start' | 'monitor_id' | 'account_id'> & { bucket_start: Date })[] = await this.ds.query(
      `SELECT region, bucket_start, checks, failures, degraded, rt_count, rt_sum, rt_min, rt_max, hist FROM ${ROLLUP_TABLE[g]}
        WHERE account_id = $1 AND monitor_id = $2 AND ($3::text[] IS NULL OR region = ANY($3::text[])) AND ${w.sql}`,
      [accountId, monitorId, regions, ...w.params],
    );
    return rows.map((r) => ({
      region: r.region,
      bucketStart: r.bucket_start,
      checks: r.checks,
      failures: r.failures,
      degraded: r.degraded,
      rtCount: r.rt_count,
      rtSum: r.rt_sum,
      rtMin: r.rt_min,
      rtMax: r.rt_max,
      hist: r.hist,
    }));
  }

  /** Rollups older than the retention (small tables: row deletes by the bucket index). */
  async deleteBefore(cutoff: Date): Promise<void> {
    for (const t of Object.values(ROLLUP_TABLE)) await this.ds.query(`DELETE FROM ${t} WHERE bucket_start < $1`, [cutoff.toISOString()]);
  }

  /** Rebuilds the rollups of some monitors from raw rows (the migration's SQL); for tests and the benchmark. */
  async rebuild(monitorIds: string[]): Promise<void> {
    await this.ds.transaction(async (tx) => {
      for (const t of Object.values(ROLLUP_TABLE)) await tx.query(`DELETE FROM ${t} WHERE monitor_id = ANY($1::text[])`, [monitorIds]);
      for (const sql of REBUILD_STATEMENTS) await tx.query(sql, [monitorIds]);
    });
  }
}
