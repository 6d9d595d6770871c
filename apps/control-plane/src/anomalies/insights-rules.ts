/**
 * Insights rules (pure; issue 19 item 6): error classes of failed results, and how a
 * region's response times and uptime moved between two periods.
 */
export const ERROR_CLASSES = [
  'timeout',
  'dns',
  'connection_refused',
  'connection_reset',
  'unreachable',
  'tls',
  'http_5xx',
  'http_4xx',
  'http_status',
  'assertion',
  'other',
] as const;
export type ErrorClass = (typeof ERROR_CLASSES)[number];

/** The class of a failed result, from its error text and status code (first match wins, in ERROR_CLASSES order). */
export function errorClass(error: string | null, statusCode: number | null): ErrorClass {
  const e = (error ?? '').toLowerCase();
  if (/timeout|timed out|etimedout/.test(e)) return 'timeout';
  if (/enotfound|eai_again|dns|nxdomain|servfail|resolv/.test(e)) return 'dns';
  if (/refused/.test(e)) return 'connection_refused';
  if (/reset|closed by peer|econnreset/.test(e)) return 'connection_reset';
  if (/unreachable|packet loss|no route/.test(e)) return 'unreachable';
  if (/certificate|tls|ssl/.test(e)) return 'tls';
  if (statusCode !== null && statusCode >= 500) return 'http_5xx';
  if (statusCode !== null && statusCode >= 400) return 'http_4xx';
  if (/expected status/.test(e)) return 'http_status';
  if (/assertion|keyword|expected|json/.test(e)) return 'assertion';
  return 'other';
}

export interface ErrorGroup {
  region: string;
  error: string | null;
  statusCode: number | null;
  count: number;
}

export interface ErrorClassCount {
  class: ErrorClass;
  count: number;
  by_region: Record<string, number>;
  /** The most frequent error text of the class. */
  example: string | null;
}

/** Failed results grouped by class, most frequent first (ties: ERROR_CLASSES order). */
export function errorClasses(groups: readonly ErrorGroup[]): ErrorClassCount[] {
  const out = new Map<ErrorClass, ErrorClassCount & { exampleCount: number }>();
  for (const g of groups) {
    const c = errorClass(g.error, g.statusCode);
    let e = out.get(c);
    if (!e) out.set(c, (e = { class: c, count: 0, by_region: {}, example: null, exampleCount: 0 }));
    e.count += g.count;
    e.by_region[g.region] = (e.by_region[g.region] ?? 0) + g.count;
    if (g.count > e.exampleCount) {
      e.example = g.error;
      e.exampleCount = g.count;
    }
  }
  return [...out.values()]
    .sort((a, b) => b.count - a.count || ERROR_CLASSES.indexOf(a.class) - ERROR_CLASSES.indexOf(b.class))
    .map(({ exampleCount: _n, ...rest }) => rest);
}

export interface PeriodStats {
  p50: number | null;
  p95: number | null;
  checks: number;
  failures: number;
  uptime: number | null;
}

/** Relative change in percent (1 decimal); null when either side is missing or the old one is 0. */
export function changePercent(now: number | null, before: number | null): number | null {
  if (now === null || before === null || before === 0) return null;
  return Math.round(((now - before) / before) * 1000) / 10;
}

/** Change in percentage points (4 decimals); null when either side is missing. */
export function pointsChange(now: number | null, before: number | null): number | null {
  return now === null || before === null ? null : Math.round((now - before) * 10_000) / 10_000;
}

/** The region with the highest p95 now (ties: by name); null when no region has timed results. */
export function slowestRegion(regions: readonly { region: string; now: PeriodStats }[]): string | null {
  let best: { region: string; p95: number } | null = null;
  for (const r of [...regions].sort((a, b) => (a.region < b.region ? -1 : 1))) {
    if (r.now.p95 !== null && (best === null || r.now.p95 > best.p95)) best = { region: r.region, p95: r.now.p95 };
  }
  return best?.region ?? null;
}
