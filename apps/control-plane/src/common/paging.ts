import { validationFailed } from './errors';

/** The deepest `offset` a list endpoint serves: past it a request would scan an account's whole history. */
export const MAX_OFFSET = 10_000;

/**
 * A list's offset from `offset` (or 1-based `page` × `limit`): clamped at 0, and refused
 * (422 on `offset`) beyond MAX_OFFSET. `hint` says how to go further (a cursor, or filters).
 */
export function listOffset(
  offsetRaw: unknown,
  limit: number,
  pageRaw?: unknown,
  hint = 'narrow the query with its filters',
): number {
  let offset = 0;
  const given = offsetRaw !== undefined && offsetRaw !== null && offsetRaw !== '';
  const n = Math.trunc(Number(given ? offsetRaw : pageRaw));
  if (given) offset = Number.isFinite(n) ? Math.max(0, n) : 0;
  else if (pageRaw !== undefined && pageRaw !== null && pageRaw !== '' && Number.isFinite(n))
    offset = Math.max(0, n - 1) * limit;
  if (offset > MAX_OFFSET) {
    throw validationFailed([
      { field: given ? 'offset' : 'page', message: `offset ${offset} is beyond ${MAX_OFFSET}; ${hint}` },
    ]);
  }
  return offset;
}

/** Keyset position in a list ordered by (created_at, id): the last row's exact timestamp (PostgreSQL text) and id. */
export interface ListCursor {
  createdAt: string;
  id: string;
}

/** Opaque cursor text (base64url) for a position. */
export function encodeCursor(c: ListCursor): string {
  return Buffer.from(JSON.stringify([c.createdAt, c.id]), 'utf8').toString('base64url');
}

/** The position in a cursor, or null when it is not one of ours (never throws). */
export function decodeCursor(raw: string): ListCursor | null {
  if (raw.length > 512 || !/^[A-Za-z0-9_-]+$/.test(raw)) return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (!Array.isArray(v) || v.length !== 2 || typeof v[0] !== 'string' || typeof v[1] !== 'string') return null;
    const [createdAt, id] = v as [string, string];
    if (
      !/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)$/.test(createdAt) ||
      !/^[a-z]+_[a-z0-9]{1,64}$/.test(id)
    )
      return null;
    return { createdAt, id };
  } catch {
    return null;
  }
}
