import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Tx } from '../database/transaction';
import { rangeClause } from '../database/ranges';
import {
  FOLD_DELETE_SQL,
  FOLD_INSERT_SQL,
  foldedThroughSql,
  Granularity,
  ROLLUP_TABLE,
  REBUILD_STATEMENTS_NOW,
} from './rollup-sql';
import { bucketOf, Hist, Histogram } from './histogram';
import { Stats } from './stats';
import { DAY_MS, floorTo, foldedUntil, HOUR_MS } from './window';
import type { AccountId } from '../common/account-id';

/** One observation for the rollups: a region's result, or a decided round (region '*'). */
export interface Observation {
  monitorId: string;
  accountId: string;
  region: string;
  at: Date;
  ok: boolean;
  degraded?: boolean;
  responseMs: number | null;
  /** The monitor's `rollupsFoldedThrough`, read under its lock: daily rollups of later days are built by the fold, not here. */
  foldedThrough: string;
}

/** A stored rollup row: its stats, the histogram read from its stored text (owned by the caller: merge it or keep it). */
export interface RollupRow extends Stats {
  region: string;
  bucketStart: Date;
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
 * Hourly rollups are kept current in the transaction that stores the results or decides
 * the rounds, so they never lag. Daily rollups of a monitor are built from its hourly
 * ones once a day has closed (`fold`, RollupFoldService); from then on a late result of
 * that day updates both. Both writers hold the monitor's row lock, and the monitor's
 * `rollups_folded_through` (read under that lock) says which one a day belongs to, so a
 * result is counted in a daily rollup exactly once.
 */
@Injectable()
export class RollupsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Adds observations to the hourly rollups, and to the daily ones of days already folded. The caller holds their monitors' locks. */
  async add(tx: Tx, observations: Observation[]): Promise<void> {
    if (!observations.length) return;
    await this.upsert(tx, 'hour', RollupsRepository.aggregate(observations, HOUR_MS));
    const folded = observations.filter((o) => o.at.getTime() < foldedUntil(o.foldedThrough));
    if (folded.length) await this.upsert(tx, 'day', RollupsRepository.aggregate(folded, DAY_MS));
  }

  /** Observations summed per monitor × bucket × region. */
  private static aggregate(observations: Observation[], step: number): Row[] {
    const groups = new Map<string, Row>();
    for (const o of observations) {
      const bucket = floorTo(o.at.getTime(), step);
      const k = `${o.monitorId}|${bucket}|${o.region}`;
      let row = groups.get(k);
      if (!row) {
        row = {
          monitor_id: o.monitorId,
          bucket_start: new Date(bucket).toISOString(),
          region: o.region,
          account_id: o.accountId,
          checks: 0,
          failures: 0,
          degraded: 0,
          rt_count: 0,
          rt_sum: 0,
          rt_min: null,
          rt_max: null,
          hist: {},
        };
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
    return [...groups.values()];
  }

  /**
   * Builds the daily rollups of some monitors from their hourly ones, for the days after
   * each one's `foldedThrough` up to and including `through` (closed days): the daily rows
   * of those days are replaced. The caller holds the monitors' locks and then moves their
   * `rollups_folded_through` to `through` in the same transaction. Returns the rows written.
   */
  async fold(tx: Tx, monitors: { id: string; foldedThrough: string }[], through: string): Promise<number> {
    if (!monitors.length) return 0;
    const params = [monitors.map((m) => m.id), monitors.map((m) => m.foldedThrough), through];
    await tx.query(FOLD_DELETE_SQL, params);
    const written: { n: number }[] = await tx.query(FOLD_INSERT_SQL, params);
    return written[0].n;
  }

  /**
   * Adds aggregated rows to the stored ones in one statement: counts and sums added,
   * min/max kept, and the histogram merged key by key for the buckets this batch touched
   * only (a batch adds a few buckets to a row; the rest of the stored object is kept as
   * is). Rows go in key order, so concurrent writers lock them in the same order.
   */
  private async upsert(tx: Tx, g: Granularity, rows: Row[]): Promise<void> {
    const t = ROLLUP_TABLE[g];
    rows.sort((a, b) =>
      a.monitor_id < b.monitor_id
        ? -1
        : a.monitor_id > b.monitor_id
          ? 1
          : a.bucket_start < b.bucket_start
            ? -1
            : a.bucket_start > b.bucket_start
              ? 1
              : a.region < b.region
                ? -1
                : 1,
    );
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

  /**
   * The rounds with data (not `no_data`) of one monitor still kept, from its whole-monitor
   * rollups: daily rows of the folded days, hourly rows after them (about 90 + 48 rows,
   * instead of counting up to 130,000 rounds of a one-minute monitor).
   */
  async countRounds(accountId: AccountId, monitorId: string, foldedThrough: string): Promise<number> {
    const rows: { n: string }[] = await this.ds.query(
      `SELECT COALESCE(sum(checks), 0) AS n FROM (
         SELECT checks FROM rollups_daily WHERE account_id = $1 AND monitor_id = $2 AND region = '${OVERALL}' AND bucket_start < $3
         UNION ALL
         SELECT checks FROM rollups_hourly WHERE account_id = $1 AND monitor_id = $2 AND region = '${OVERALL}' AND bucket_start >= $3) x`,
      [accountId, monitorId, new Date(foldedUntil(foldedThrough))],
    );
    return Number(rows[0].n);
  }

  /**
   * Rollup rows of one monitor whose bucket starts in some ranges, of some regions ('*': the
   * whole monitor) or of all (null). The histogram comes as the `jsonb` text and the bucket
   * start as epoch milliseconds: parsing them here costs less than pg's JSON.parse and date
   * parsing of up to 3,600 rows (a 30-day hourly series of 4 regions and the monitor).
   */
  async inRanges(
    accountId: AccountId,
    monitorId: string,
    g: Granularity,
    ranges: { from: Date; to: Date }[],
    regions: string[] | null,
  ): Promise<RollupRow[]> {
    if (!ranges.length || regions?.length === 0) return [];
    const w = rangeClause('bucket_start', ranges, 4);
    const rows: {
      region: string;
      bucket_ms: number;
      checks: number;
      failures: number;
      degraded: number;
      rt_count: number;
      rt_sum: number;
      rt_min: number | null;
      rt_max: number | null;
      hist: string;
    }[] = await this.ds.query(
      `SELECT region, (extract(epoch FROM bucket_start) * 1000)::float8 AS bucket_ms, checks, failures, degraded, rt_count, rt_sum, rt_min, rt_max, hist::text AS hist
         FROM ${ROLLUP_TABLE[g]}
        WHERE account_id = $1 AND monitor_id = $2 AND ($3::text[] IS NULL OR region = ANY($3::text[])) AND ${w.sql}`,
      [accountId, monitorId, regions, ...w.params],
    );
    return rows.map((r) => ({
      region: r.region,
      bucketStart: new Date(r.bucket_ms),
      checks: r.checks,
      failures: r.failures,
      degraded: r.degraded,
      rtCount: r.rt_count,
      rtSum: r.rt_sum,
      rtMin: r.rt_min,
      rtMax: r.rt_max,
      hist: Hist.fromJsonText(r.hist),
    }));
  }

  /**
   * System-wide, for the rollup fold: up to `limit` monitors whose daily rollups are built
   * through a day before `through`, the monitors locked like SystemMonitorsRepository.lockForResults
   * (id order, FOR NO KEY UPDATE, SKIP LOCKED: replicas fold disjoint monitors).
   */
  async lockDueForFold(tx: Tx, through: string, limit: number): Promise<{ id: string; foldedThrough: string }[]> {
    const rows: { id: string; folded: string }[] = await tx.query(
      `SELECT m.id, ${foldedThroughSql('m', 'f')}::text AS folded FROM monitors m LEFT JOIN rollup_folds f ON f.monitor_id = m.id
        WHERE ${foldedThroughSql('m', 'f')} < $1::date ORDER BY m.id LIMIT $2 FOR NO KEY UPDATE OF m SKIP LOCKED`,
      [through, limit],
    );
    return rows.map((r) => ({ id: r.id, foldedThrough: r.folded }));
  }

  /** Records that these (locked) monitors' daily rollups are built through `through` (the fold watermark, `rollup_folds`). */
  async markFolded(tx: Tx, ids: string[], through: string): Promise<void> {
    if (!ids.length) return;
    await tx.query(
      `INSERT INTO rollup_folds (monitor_id, folded_through) SELECT id, $2::date FROM unnest($1::text[]) AS id
       ON CONFLICT (monitor_id) DO UPDATE SET folded_through = EXCLUDED.folded_through`,
      [ids, through],
    );
  }

  /** System-wide: the oldest day any monitor's daily rollups are built through (null: no monitors). */
  async oldestFoldedThrough(): Promise<string | null> {
    const rows: { d: string | null }[] = await this.ds.query(
      `SELECT min(${foldedThroughSql('m', 'f')})::text AS d FROM monitors m LEFT JOIN rollup_folds f ON f.monitor_id = m.id`,
    );
    return rows[0].d;
  }

  /**
   * Status pages: the whole-monitor ('*') rounds of several monitors per UTC day since
   * `from`, in one query: daily rollups of folded days, hourly ones summed by day after
   * each monitor's fold point (so a round is counted once).
   */
  async dailyRoundsOf(
    accountId: AccountId,
    monitorIds: string[],
    from: Date,
  ): Promise<{ monitorId: string; day: string; checks: number; failures: number; degraded: number }[]> {
    if (!monitorIds.length) return [];
    const rows: { monitor_id: string; day: string; checks: string; failures: string; degraded: string }[] =
      await this.ds.query(
        `SELECT monitor_id, day, sum(checks) AS checks, sum(failures) AS failures, sum(degraded) AS degraded FROM (
         SELECT d.monitor_id, to_char(d.bucket_start AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, d.checks, d.failures, d.degraded
           FROM rollups_daily d JOIN monitors m ON m.id = d.monitor_id LEFT JOIN rollup_folds f ON f.monitor_id = m.id
          WHERE d.account_id = $1 AND d.monitor_id = ANY($2::text[]) AND d.region = '${OVERALL}' AND d.bucket_start >= $3
            AND d.bucket_start < ((${foldedThroughSql('m', 'f')} + 1)::timestamp AT TIME ZONE 'UTC')
         UNION ALL
         SELECT h.monitor_id, to_char(h.bucket_start AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, h.checks, h.failures, h.degraded
           FROM rollups_hourly h JOIN monitors m ON m.id = h.monitor_id LEFT JOIN rollup_folds f ON f.monitor_id = m.id
          WHERE h.account_id = $1 AND h.monitor_id = ANY($2::text[]) AND h.region = '${OVERALL}' AND h.bucket_start >= $3
            AND h.bucket_start >= ((${foldedThroughSql('m', 'f')} + 1)::timestamp AT TIME ZONE 'UTC')) x
       GROUP BY monitor_id, day`,
        [accountId, monitorIds, from],
      );
    return rows.map((r) => ({
      monitorId: r.monitor_id,
      day: r.day,
      checks: Number(r.checks),
      failures: Number(r.failures),
      degraded: Number(r.degraded),
    }));
  }

  /** Status pages: hourly average response time of the whole monitor ('*') of several monitors since `from` (one query). */
  async hourlyResponseOf(
    accountId: AccountId,
    monitorIds: string[],
    from: Date,
  ): Promise<{ monitorId: string; hour: Date; avgMs: number | null }[]> {
    if (!monitorIds.length) return [];
    const rows: { monitor_id: string; bucket_start: Date; rt_count: number; rt_sum: number }[] = await this.ds.query(
      `SELECT monitor_id, bucket_start, rt_count, rt_sum FROM rollups_hourly
        WHERE account_id = $1 AND monitor_id = ANY($2::text[]) AND region = '${OVERALL}' AND bucket_start >= $3 ORDER BY bucket_start`,
      [accountId, monitorIds, from],
    );
    return rows.map((r) => ({
      monitorId: r.monitor_id,
      hour: r.bucket_start,
      avgMs: r.rt_count > 0 ? Number(r.rt_sum) / Number(r.rt_count) : null,
    }));
  }

  /** Rollups older than the retention (small tables: row deletes by the bucket index). */
  async deleteBefore(cutoff: Date): Promise<void> {
    for (const t of Object.values(ROLLUP_TABLE))
      await this.ds.query(`DELETE FROM ${t} WHERE bucket_start < $1`, [cutoff.toISOString()]);
  }

  /** Rebuilds the rollups of some monitors from raw rows (the migration's SQL); for tests and the benchmark. */
  async rebuild(monitorIds: string[]): Promise<void> {
    await this.ds.transaction(async (tx) => {
      for (const t of Object.values(ROLLUP_TABLE))
        await tx.query(`DELETE FROM ${t} WHERE monitor_id = ANY($1::text[])`, [monitorIds]);
      for (const sql of REBUILD_STATEMENTS_NOW) await tx.query(sql, [monitorIds]);
    });
  }
}
