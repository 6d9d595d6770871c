/** A region's probe clocks against the control plane's, as `GET /regions` shows them. */
export interface ClockSkewSummary {
  /** The reported skew of largest size (signed, ms); 0 when no probe reports one. */
  max_ms: number;
  /** The median skew over the region's online probes (ms); a probe that reports none counts as 0 (within its threshold). */
  typical_ms: number;
  /** Online probes reporting a skew beyond their threshold. */
  probes_skewed: number;
}

/**
 * Summarises the skews reported by a region's online probes (`null`: a probe within its
 * threshold, or one too old to report). No probes: all zero.
 */
export function clockSkewSummary(skews: readonly (number | null)[]): ClockSkewSummary {
  const values = skews.map((s) => (s === null || !Number.isFinite(s) ? 0 : s));
  if (!values.length) return { max_ms: 0, typical_ms: 0, probes_skewed: 0 };
  const max = values.reduce((m, v) => (Math.abs(v) > Math.abs(m) ? v : m), 0);
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const typical = sorted.length % 2 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
  return { max_ms: max, typical_ms: typical, probes_skewed: values.filter((v) => v !== 0).length };
}
