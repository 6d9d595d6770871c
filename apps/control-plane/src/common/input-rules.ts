import type { FieldError } from './errors';

/**
 * What the edge refuses before any handler, class-transformer or the database sees it
 * (pure rules; the middleware is common/input-normaliser.ts, documented in docs/edge.md).
 * PostgreSQL cannot store U+0000 in text, and a lone UTF-16 surrogate has no UTF-8 form
 * (node-pg would silently turn it into U+FFFD); class-transformer recurses once per level
 * of a JSON body, so a deep body overflows its stack.
 */
export const INPUT_LIMITS = {
  /** Levels of objects/arrays in a body (`{"a":[1]}` is 2). */
  maxDepth: 32,
  /** Characters of one string value or key in a body. */
  maxStringLength: 65_536,
  /** Elements of one array in a body (DTOs document smaller maxima per field). */
  maxArrayLength: 1000,
  /** Keys of one object in a body. */
  maxObjectKeys: 1000,
  /** Characters of one query value, decoded. */
  maxQueryValueLength: 2048,
  /** Distinct query keys of one request. */
  maxQueryKeys: 64,
  /** Characters of one decoded path segment. */
  maxPathSegmentLength: 256,
} as const;

/** NUL, a C0 control other than tab/newline/carriage return, or DEL. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const NUL = /\u0000/;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why a string cannot be stored as text, or null when it can. */
export function stringProblem(s: string, maxLength: number = INPUT_LIMITS.maxStringLength): string | null {
  if (s.length > maxLength) return `must be at most ${maxLength} characters`;
  if (NUL.test(s)) return 'must not contain NUL (\\u0000) characters';
  if (LONE_SURROGATE.test(s)) return 'must not contain unpaired UTF-16 surrogates';
  return null;
}

function joinField(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent ? `${parent}.${key}` : key;
}

export type BodyVerdict =
  | { ok: true }
  | { ok: false; kind: 'too_deep'; message: string }
  | { ok: false; kind: 'invalid'; details: FieldError[] };

/**
 * Walks a parsed body iteratively (no recursion, so any depth is safe to inspect) and
 * reports the first level beyond `maxDepth`, or every string, key, array or object that
 * breaks a limit (at most 20 entries, each naming its field).
 */
export function inspectBody(body: unknown, limits: typeof INPUT_LIMITS = INPUT_LIMITS): BodyVerdict {
  if (body === null || typeof body !== 'object') {
    if (typeof body === 'string') {
      const p = stringProblem(body, limits.maxStringLength);
      if (p) return { ok: false, kind: 'invalid', details: [{ field: 'body', message: `body ${p}` }] };
    }
    return { ok: true };
  }
  const details: FieldError[] = [];
  const stack: { value: unknown; field: string; depth: number }[] = [{ value: body, field: '', depth: 1 }];
  while (stack.length > 0 && details.length < 20) {
    const { value, field, depth } = stack.pop()!;
    if (typeof value === 'string') {
      const p = stringProblem(value, limits.maxStringLength);
      if (p) details.push({ field: field || 'body', message: `${field || 'body'} ${p}` });
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth > limits.maxDepth)
      return { ok: false, kind: 'too_deep', message: `JSON body nested deeper than ${limits.maxDepth} levels` };
    const name = field || 'body';
    if (Array.isArray(value)) {
      if (value.length > limits.maxArrayLength) {
        details.push({ field: name, message: `${name} must contain at most ${limits.maxArrayLength} elements` });
        continue;
      }
      for (let i = value.length - 1; i >= 0; i--)
        stack.push({ value: value[i], field: joinField(field, i), depth: depth + 1 });
      continue;
    }
    const keys = Object.keys(value);
    if (keys.length > limits.maxObjectKeys) {
      details.push({ field: name, message: `${name} must have at most ${limits.maxObjectKeys} keys` });
      continue;
    }
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i];
      const keyProblem = stringProblem(key, 256);
      if (keyProblem) {
        details.push({ field: joinField(field, sanitizeForMessage(key)), message: `field names ${keyProblem}` });
        continue;
      }
      stack.push({ value: (value as Record<string, unknown>)[key], field: joinField(field, key), depth: depth + 1 });
    }
  }
  return details.length ? { ok: false, kind: 'invalid', details } : { ok: true };
}

/** A name safe to echo back in a message: controls and lone surrogates become U+FFFD, at most 64 characters. */
export function sanitizeForMessage(s: string): string {
  const cut = s.length > 64 ? `${s.slice(0, 64)}…` : s;
  return cut.replace(/[\u0000-\u001f\u007f]/g, '\ufffd').replace(new RegExp(LONE_SURROGATE.source, 'g'), '\ufffd');
}

/** Strict percent-decoding: null for malformed escapes or bytes that are not UTF-8. */
export function decodeStrict(s: string, plusIsSpace: boolean): string | null {
  try {
    return decodeURIComponent(plusIsSpace ? s.replace(/\+/g, ' ') : s);
  } catch {
    return null;
  }
}

/**
 * True when a raw (still percent-encoded) request path names nothing that can exist:
 * a segment that does not decode as UTF-8, holds a control character or a lone
 * surrogate, or is longer than `maxPathSegmentLength`. Such a path is a 404.
 */
export function pathCannotExist(rawPath: string, limits: typeof INPUT_LIMITS = INPUT_LIMITS): boolean {
  for (const segment of rawPath.split('/')) {
    if (segment === '') continue;
    const decoded = decodeStrict(segment, false);
    if (decoded === null) return true;
    if (decoded.length > limits.maxPathSegmentLength) return true;
    if (CONTROL.test(decoded) || LONE_SURROGATE.test(decoded)) return true;
  }
  return false;
}

/**
 * Ids (`mon_…`, `sp_…`, legacy numeric ids) and slugs are letters, digits, `_`, `-` and `.`,
 * 1..128 characters. A path parameter that is not can name no row: the answer is a 404
 * without a database query.
 */
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;
export function idCannotExist(value: string): boolean {
  return !ID_PATTERN.test(value);
}

/** The route parameters that name a row (`:id`, `:deliveryId`, `:subscriberId`, `:slug`). */
export function isIdParam(name: string | undefined): boolean {
  return name !== undefined && (name === 'id' || name === 'slug' || /^[a-z]+Id$/.test(name));
}

export type QueryVerdict = { ok: true; query: Record<string, string> } | { ok: false; details: FieldError[] };

/**
 * Parses a raw query string (without `?`): a key given more than once keeps its first
 * value (`?tags=a&tags=b` is `tags=a`), `a[b]=c` is the literal key `a[b]` (no nesting),
 * values are strings. Refused (422 naming the parameter): escapes that are not UTF-8,
 * NUL or lone surrogates, values over `maxQueryValueLength`, more than `maxQueryKeys` keys.
 */
export function parseQuery(raw: string, limits: typeof INPUT_LIMITS = INPUT_LIMITS): QueryVerdict {
  const query: Record<string, string> = {};
  const details: FieldError[] = [];
  let keys = 0;
  for (const pair of raw.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const rawKey = eq < 0 ? pair : pair.slice(0, eq);
    const rawValue = eq < 0 ? '' : pair.slice(eq + 1);
    const key = decodeStrict(rawKey, true);
    if (key === null || stringProblem(key, 128)) {
      details.push({
        field: `query.${sanitizeForMessage(key ?? rawKey)}`,
        message: 'query parameter names must be valid UTF-8 text of at most 128 characters',
      });
      continue;
    }
    const value = decodeStrict(rawValue, true);
    if (value === null) {
      details.push({
        field: `query.${sanitizeForMessage(key)}`,
        message: `query parameter ${sanitizeForMessage(key)} is not valid percent-encoded UTF-8`,
      });
      continue;
    }
    const p = stringProblem(value, limits.maxQueryValueLength);
    if (p) {
      details.push({
        field: `query.${sanitizeForMessage(key)}`,
        message: `query parameter ${sanitizeForMessage(key)} ${p}`,
      });
      continue;
    }
    if (Object.prototype.hasOwnProperty.call(query, key)) continue;
    if (++keys > limits.maxQueryKeys) {
      details.push({ field: 'query', message: `at most ${limits.maxQueryKeys} query parameters` });
      break;
    }
    // defineProperty: a key such as `__proto__` stays an ordinary own key (and is then an unknown parameter).
    Object.defineProperty(query, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return details.length ? { ok: false, details: details.slice(0, 20) } : { ok: true, query };
}
