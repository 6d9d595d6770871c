/** Query parameters such as `limit` and `hours` are clamped to their bounds, never rejected. */
export function clampInt(raw: unknown, min: number, max: number, fallback: number): number {
  if (raw === undefined || raw === null || raw === '') return fallback;
  const n = Math.trunc(Number(raw));
  if (!Number.isFinite(n)) return fallback;
  return Math.min(max, Math.max(min, n));
}
