/**
 * SQL that (re)builds rollups from raw rows: used by the partitioning migration for
 * existing data and by the benchmark after a bulk load. Live rollups are kept current
 * incrementally by ingestion and decisions (RollupsRepository); a test checks that
 * both give the same rows. The bucket expression is `bucketOf` of histogram.ts.
 */
import { BUCKETS } from './histogram';

export type Granularity = 'hour' | 'day';

export const ROLLUP_TABLE: Record<Granularity, string> = { hour: 'rollups_hourly', day: 'rollups_daily' };

const BUCKET_EXPR = `CASE WHEN v IS NULL THEN NULL WHEN v < 1 THEN 0 ELSE LEAST(${BUCKETS - 1}, floor(ln(v) / ln(1.02) + 1e-9)::int + 1) END`;

/** Region rows from check_results, or whole-monitor rows (region '*') from decided rounds; `$1` = monitor ids or null for all. */
export function rebuildRollupsSql(g: Granularity, source: 'results' | 'rounds'): string {
  const inner =
    source === 'results'
      ? `SELECT monitor_id, account_id, region, date_trunc('${g}', scheduled_at, 'UTC') AS b, response_ms AS v,
                NOT is_up AS failed, false AS degraded
           FROM check_results WHERE ($1::text[] IS NULL OR monitor_id = ANY($1::text[]))`
      : `SELECT monitor_id, account_id, '*' AS region, date_trunc('${g}', scheduled_at, 'UTC') AS b, response_ms AS v,
                outcome = 'down' AS failed, outcome = 'degraded' AS degraded
           FROM rounds WHERE outcome IN ('up', 'degraded', 'down', 'warn') AND ($1::text[] IS NULL OR monitor_id = ANY($1::text[]))`;
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

export const REBUILD_STATEMENTS: string[] = (['hour', 'day'] as const).flatMap((g) => [rebuildRollupsSql(g, 'results'), rebuildRollupsSql(g, 'rounds')]);
