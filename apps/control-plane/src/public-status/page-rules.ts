/** Pure rules of the public status page: overall banner, bar levels, error classes, labels, sparkline. */

export type OverallStatus = 'operational' | 'degraded' | 'partial_outage' | 'major_outage' | 'maintenance';

export const OVERALL_TEXT: Record<OverallStatus, string> = {
  operational: 'All systems operational',
  degraded: 'Degraded performance',
  partial_outage: 'Partial outage',
  major_outage: 'Major outage',
  maintenance: 'Under maintenance',
};

/**
 * The banner from the shown monitors' statuses (paused and pending ones do not count):
 * every counted monitor down → major outage; some down → partial outage; any degraded
 * (some regions failing, fewer than the quorum) or warn → degraded; else operational.
 * Monitors under maintenance count as maintenance when nothing else is wrong.
 */
export function overallStatus(monitors: { status: string; paused: boolean; inMaintenance?: boolean }[]): OverallStatus {
  const counted = monitors.filter((m) => !m.paused && m.status !== 'pending' && !m.inMaintenance);
  const down = counted.filter((m) => m.status === 'down').length;
  if (counted.length > 0 && down === counted.length) return 'major_outage';
  if (down > 0) return 'partial_outage';
  if (counted.some((m) => m.status === 'degraded' || m.status === 'warn')) return 'degraded';
  if (monitors.some((m) => m.inMaintenance)) return 'maintenance';
  return 'operational';
}

export type BarLevel = 'none' | 'ok' | 'minor' | 'major' | 'critical';

/** A day's bar: no data, ≥ 99.9 %, ≥ 99 %, ≥ 95 %, below. */
export function barLevel(checks: number, failures: number): BarLevel {
  if (checks <= 0) return 'none';
  const up = ((checks - failures) / checks) * 100;
  if (up >= 99.9) return 'ok';
  if (up >= 99) return 'minor';
  if (up >= 95) return 'major';
  return 'critical';
}

/** Uptime percent of a day with two decimals (truncated, so 99.999 never reads 100.00), null without data. */
export function uptimePercentText(checks: number, failures: number): string | null {
  if (checks <= 0) return null;
  return (Math.floor(((checks - failures) / checks) * 10_000) / 100).toFixed(2);
}

/** Minutes of outage of a day: down rounds × the monitor's interval. */
export function outageMinutes(failures: number, intervalSeconds: number): number {
  return Math.round((failures * intervalSeconds) / 60);
}

/** The accessible label of a day's bar: "2026-11-30: 99.95 % uptime, 1 minute of outage" / "… no data". */
export function dayLabel(day: string, checks: number, failures: number, intervalSeconds: number): string {
  const pct = uptimePercentText(checks, failures);
  if (pct === null) return `${day}: no data`;
  const min = outageMinutes(failures, intervalSeconds);
  return `${day}: ${pct} % uptime, ${min === 0 ? 'no outage' : `${min} minute${min === 1 ? '' : 's'} of outage`}`;
}

export type ErrorClass =
  | 'timeout'
  | 'connection_refused'
  | 'dns'
  | 'tls'
  | 'http_5xx'
  | 'http_4xx'
  | 'http_status'
  | 'assertion'
  | 'network'
  | 'missed_heartbeat'
  | 'error';

export const ERROR_CLASS_TEXT: Record<ErrorClass, string> = {
  timeout: 'Timeout',
  connection_refused: 'Connection refused',
  dns: 'DNS resolution failed',
  tls: 'TLS / certificate error',
  http_5xx: 'HTTP 5xx server error',
  http_4xx: 'HTTP 4xx client error',
  http_status: 'Unexpected HTTP status',
  assertion: 'Content check failed',
  network: 'Network error',
  missed_heartbeat: 'Missed heartbeat',
  error: 'Check failed',
};

/**
 * Pure: a failure as the public may see it: a class, never the raw message (which can
 * carry hosts, addresses, headers or bodies).
 */
export function errorClass(message: string | null, statusCode: number | null): ErrorClass {
  const m = (message ?? '').toLowerCase();
  if (/timed? ?out|timeout|deadline/.test(m)) return 'timeout';
  if (/econnrefused|connection refused/.test(m)) return 'connection_refused';
  if (/enotfound|eai_again|dns|nxdomain|servfail|resolve/.test(m)) return 'dns';
  if (/tls|ssl|certificate|cert_|self.signed|handshake/.test(m)) return 'tls';
  if (/heartbeat|ping/.test(m)) return 'missed_heartbeat';
  if (/keyword|assert|json|expected .*(value|body)|response time|threshold/.test(m)) return 'assertion';
  if (statusCode !== null && statusCode >= 500) return 'http_5xx';
  if (statusCode !== null && statusCode >= 400) return 'http_4xx';
  if (/status|expected/.test(m) && statusCode !== null) return 'http_status';
  if (/econnreset|ehostunreach|enetunreach|socket|network|refused/.test(m)) return 'network';
  return 'error';
}

/**
 * An SVG polyline's points for a series (null: no data, a gap) in a width × height box,
 * or null when fewer than two points have data.
 */
export function sparklinePoints(values: (number | null)[], width: number, height: number): string | null {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (known.length < 2) return null;
  const max = Math.max(...known);
  const min = Math.min(...known);
  const span = max - min || 1;
  const step = values.length > 1 ? width / (values.length - 1) : width;
  const pad = 2;
  return values
    .map((v, i) =>
      v === null || !Number.isFinite(v)
        ? null
        : `${(i * step).toFixed(1)},${(pad + (height - 2 * pad) * (1 - (v - min) / span)).toFixed(1)}`,
    )
    .filter((p): p is string => p !== null)
    .join(' ');
}

/** HTML-escapes text for element content and quoted attributes. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
