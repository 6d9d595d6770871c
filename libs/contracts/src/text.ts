/**
 * Text and values that cross the region boundary. A probe reports strings it read from
 * arbitrary targets; PostgreSQL refuses U+0000 in text and jsonb, and jsonb refuses a
 * lone surrogate (`\ud83d` without its pair). These helpers make every such value
 * storable without losing the result it belongs to. Pure; used by the probe before
 * publishing and by ingestion again on receipt (a region is a trust boundary).
 */

/** The string as well-formed UTF-16 (lone surrogates become U+FFFD) without U+0000. */
export function cleanText(s: string): string {
  let out = s.isWellFormed() ? s : s.toWellFormed();
  if (out.includes('\u0000')) out = out.replace(/\u0000/g, '');
  return out;
}

/**
 * At most `max` UTF-16 code units, cut on a code-point boundary (never between the two
 * halves of a surrogate pair), and well-formed.
 */
export function cutText(s: string, max: number): string {
  if (s.length <= max) return s.isWellFormed() ? s : s.toWellFormed();
  let end = max;
  const last = s.charCodeAt(end - 1);
  // A high surrogate at the cut would lose its low half: cut before it.
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end--;
  return s.slice(0, end).toWellFormed();
}

/** Strings, keys and nested values cleaned (cleanText); depth and size bounded by the caller's schema. */
export function cleanDeep<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return cleanText(value) as T;
  if (value === null || typeof value !== 'object' || depth > 32) return value;
  if (Array.isArray(value)) return value.map((v) => cleanDeep(v, depth + 1)) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[cleanText(k)] = cleanDeep(v, depth + 1);
  return out as T;
}

/** Years PostgreSQL's timestamptz and JavaScript's Date both hold, and ISO 8601 writes with four digits. */
const MIN_TIME = Date.UTC(1, 0, 1);
const MAX_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * An ISO 8601 time PostgreSQL can store, normalised to UTC (`toISOString`), or null for
 * anything else (not a date, an impossible day, a year outside 0001–9999).
 */
export function storableTime(v: unknown): string | null {
  if (typeof v !== 'string' || v.length > 64) return null;
  const t = Date.parse(v);
  if (!Number.isFinite(t) || t < MIN_TIME || t > MAX_TIME) return null;
  return new Date(t).toISOString();
}
