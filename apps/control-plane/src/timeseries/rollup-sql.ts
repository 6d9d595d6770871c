/**
 * SQL that (re)builds rollups from raw rows: used by the partitioning migration for
 * existing data and by the benchmark after a bulk load. Live rollups are kept current
 * incrementally by ingestion and decisions (RollupsRepository); a test checks that
 * both give the same rows. The bucket expression is `bucketOf` of histogram.ts.
 */
import { BUCKETS } from './histogram';

export type Granularity = 'hour' | 'day';

/**
 * A monitor's folded-through day in SQL, for monitor alias `m` LEFT JOINed to `rollup_folds`
 * alias `f`: the watermark, else the day before its creation day (`foldedThroughOf`, window.ts).
 */
export function foldedThroughSql(m: string, f: string): string {
  return `COALESCE(${f}.folded_through, (${m}.created_at AT TIME ZONE 'UTC')::date - 1)`;
}

export const ROLLUP_TABLE: Record<Granularity, string> = { hour: 'rollups_hourly', day: 'rollups_daily' };

const BUCKET_EXPR = `CASE WHEN v IS NULL THEN NULL WHEN v < 1 THEN 0 ELSE LEAST(${BUCKETS - 1}, floor(ln(v) / ln(1.02) + 1e-9)::int + 1) END`;

/** Region rows from check_results, or whole-monitor rows (region '*') from decided rounds; `$1` = monitor ids or null for all. */
export function rebuildRollupsSql(g: Granularity, source: 'results' | 'rounds', skipMaintenance = false): string {
  const inner =
    source === 'results'
      ? `SELECT monitor_id, account_id, region, date_trunc('${g}', scheduled_at, 'UTC') AS b, response_ms AS v,
                NOT is_up AS failed, false AS degraded
           FROM check_results WHERE ($1::text[] IS NULL OR monitor_id = ANY($1::text[]))`
      : `SELECT monitor_id, account_id, '*' AS region, date_trunc('${g}', scheduled_at, 'UTC') AS b, response_ms AS v,
                outcome = 'down' AS failed, outcome = 'degraded' AS degraded
           FROM rounds WHERE outcome IN ('up', 'degraded', 'down', 'warn')${skipMaintenance ? ' AND NOT in_maintenance' : ''} AND ($1::text[] IS NULL OR monitor_id = ANY($1::text[]))`;
  return `
    INSERT INTO ${ROLLUP_TABLE[g]} (monitor_id, bucket_start, region, account_id, checks, failures, degraded, rt_count, rt_sum, rt_min, rt_max, hist)
    SELECT monitor_id, b, region, min(account_id), sum(n)::int, sum(f)::int, sum(d)::int, sum(rc)::int, COALESCE(sum(rs), 0), min(rmin), max(rmax),
           COALESCE(jsonb_object_agg(bi::text, rc) FILTER (WHERE bi IS NOT NULL), '{}'::jsonb)
      FROM (SELECT monitor_id, account_id, region, b, ${BUCKET_EXPR} AS bi, count(*) AS n, count(*) FILTER (WHERE failed) AS f,
                   count(*) FILTER (WHERE degraded) AS d, count(v) AS rc, sum(v) AS rs, min(v) AS rmin, max(v) AS rmax
              FROM (${inner}) raw
             GROUP BY 1, 2, 3, 4, 5) x
     GROUP BY monitor_id, b, region`;
}

/** Rounds before results: the order every transaction reaches the two partitioned tables in (see PartitionsRepository). */
/** As the PartitionedResultsRollups migration ran them (rounds had no `in_maintenance` yet): never change. */
export const REBUILD_STATEMENTS: string[] = (['hour', 'day'] as const).flatMap((g) => [
  rebuildRollupsSql(g, 'rounds'),
  rebuildRollupsSql(g, 'results'),
]);

/**
 * The fold (RollupFoldService, and the RollupFolds migration's down()): the daily rows of
 * some monitors, for the days after each one's folded day (`$1` monitor ids, `$2` their
 * `rollups_folded_through`) through `$3` (a date), rebuilt from the hourly rows:
 * FOLD_DELETE_SQL removes them, FOLD_INSERT_SQL writes the sums (histograms merged bucket
 * by bucket) and returns `n`, the rows written.
 */
const FOLD_RANGES = `unnest($1::text[], $2::date[]) AS f(monitor_id, after)`;
const foldRange = (col: string) =>
  `${col} >= (f.after + 1)::timestamp AT TIME ZONE 'UTC' AND ${col} < ($3::date + 1)::timestamp AT TIME ZONE 'UTC'`;

export const FOLD_DELETE_SQL = `DELETE FROM rollups_daily d USING ${FOLD_RANGES} WHERE d.monitor_id = f.monitor_id AND ${foldRange('d.bucket_start')}`;

export const FOLD_INSERT_SQL = `
  WITH h AS (
    SELECT r.monitor_id, date_trunc('day', r.bucket_start, 'UTC') AS day, r.region, r.account_id, r.checks, r.failures, r.degraded,
           r.rt_count, r.rt_sum, r.rt_min, r.rt_max, r.hist
      FROM ${FOLD_RANGES} JOIN rollups_hourly r ON r.monitor_id = f.monitor_id AND ${foldRange('r.bucket_start')}
  ), hist AS (
    SELECT monitor_id, day, region, jsonb_object_agg(k, n) AS hist
      FROM (SELECT h.monitor_id, h.day, h.region, e.k, sum(e.v::int) AS n FROM h, jsonb_each_text(h.hist) AS e(k, v) GROUP BY 1, 2, 3, 4) x
     GROUP BY 1, 2, 3
  ), ins AS (
    INSERT INTO rollups_daily (monitor_id, bucket_start, region, account_id, checks, failures, degraded, rt_count, rt_sum, rt_min, rt_max, hist)
    SELECT s.monitor_id, s.day, s.region, s.account_id, s.checks, s.failures, s.degraded, s.rt_count, s.rt_sum, s.rt_min, s.rt_max, COALESCE(hist.hist, '{}'::jsonb)
      FROM (SELECT monitor_id, day, region, min(account_id) AS account_id, sum(checks)::int AS checks, sum(failures)::int AS failures,
                   sum(degraded)::int AS degraded, sum(rt_count)::int AS rt_count, sum(rt_sum) AS rt_sum, min(rt_min) AS rt_min, max(rt_max) AS rt_max
              FROM h GROUP BY 1, 2, 3) s
      LEFT JOIN hist USING (monitor_id, day, region)
    RETURNING 1
  )
  SELECT count(*)::int AS n FROM ins`;

/** The rebuild today: rounds decided in maintenance are left out of uptime (SPEC 3.7a). */
export const REBUILD_STATEMENTS_NOW: string[] = (['hour', 'day'] as const).flatMap((g) => [
  rebuildRollupsSql(g, 'rounds', true),
  rebuildRollupsSql(g, 'results'),
]);
