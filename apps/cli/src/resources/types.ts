import type { ParallaxClient } from '@parallax/client';

/** One declared or existing resource: its identity and its managed fields. */
export interface Item {
  /** Server id (existing resources only). */
  id?: string;
  identity: string;
  fields: Record<string, unknown>;
  /** Write-only fields as the API answers them: "********" when set, "" when not. */
  masked?: Record<string, string>;
}

/**
 * A kind of resource the file declares (`monitors:`, `webhooks:`, …). Adding a kind is one
 * file implementing this and a line in resources/index.ts.
 */
export interface ResourceKind {
  /** The file's top-level key. */
  key: string;
  /** Singular, for messages. */
  noun: string;
  /** The field that names a resource across file and server (`slug`; webhooks: `url`). */
  identityField: string;
  /** Writable fields the file may set (the JSON schema lists them). */
  fields: readonly string[];
  /** Write-only fields: sent, never compared against the masked server value, never printed. */
  secrets: readonly string[];
  /** Fields only sent on create (the API cannot change them afterwards). */
  createOnly?: readonly string[];
  /** The OpenAPI schema of the create body (the JSON schema of the file is built from it). */
  schemaName: string;
  /** The identity as the server stores it (e.g. a normalised URL). */
  normalizeIdentity?(identity: string): string;
  /** A declared value in the form the server answers it (e.g. times as ISO 8601 in UTC), so equal values plan no change. */
  normalizeField?(field: string, value: unknown): unknown;
  list(client: ParallaxClient): Promise<Item[]>;
  create(client: ParallaxClient, fields: Record<string, unknown>): Promise<void>;
  update(client: ParallaxClient, id: string, changed: Record<string, unknown>): Promise<void>;
  remove(client: ParallaxClient, id: string): Promise<void>;
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly details?: { field: string; message: string }[],
  ) {
    super(message);
  }
}

/** Throws an ApiError for an openapi-fetch answer with an error envelope. */
export function unwrap<T>(what: string, res: { data?: T; error?: unknown; response: Response }): T {
  if (res.error !== undefined || !res.response.ok) {
    const e = (res.error ?? {}) as { error?: string; details?: { field: string; message: string }[] };
    const details = e.details?.map((d) => `${d.field}: ${d.message}`).join('; ');
    throw new ApiError(
      `${what}: ${res.response.status} ${e.error ?? res.response.statusText}${details ? ` (${details})` : ''}`,
      res.response.status,
      e.details,
    );
  }
  return res.data as T;
}

/** Every page of a list endpoint. */
export async function allPages<T>(
  page: (offset: number) => Promise<{ data: T[]; meta: { total: number } }>,
): Promise<T[]> {
  const out: T[] = [];
  for (;;) {
    const { data, meta } = await page(out.length);
    out.push(...data);
    if (data.length === 0 || out.length >= meta.total) return out;
  }
}

/** The fields of `view` named in `fields`, without nulls (their defaults). */
export function pick(view: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) if (view[f] !== undefined && view[f] !== null) out[f] = view[f];
  return out;
}
