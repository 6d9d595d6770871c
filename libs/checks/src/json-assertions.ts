import type { JsonAssertion } from '@parallax/contracts';
import { memoiseParser } from './expressions';

/**
 * JSON assertions of json_api monitors (StatusRooster reference): a dot path with array
 * indices (`data.users[0].name`), an operator and a string value. Pure; the control plane
 * uses `parseJsonPath` to validate input, the probe evaluates.
 */

export type PathSegment = string | number;

/** An invalid path; the message is meant for the API user. */
export class JsonPathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonPathError';
  }
}

/**
 * `status` → ['status']; `data.users[0].name` → ['data', 'users', 0, 'name'];
 * `[0].id` → [0, 'id']; `items[2][1]` → ['items', 2, 1]. Keys are any characters but `.`,
 * `[` and `]`. Throws JsonPathError on an empty key, an unclosed or non-numeric index.
 */
export function parseJsonPath(path: string): PathSegment[] {
  if (typeof path !== 'string' || path.trim() === '') throw new JsonPathError('path is empty');
  const out: PathSegment[] = [];
  let i = 0;
  const n = path.length;
  let expectKey = true; // at the start or after a '.'
  while (i < n) {
    const ch = path[i];
    if (ch === '[') {
      const close = path.indexOf(']', i);
      if (close < 0) throw new JsonPathError(`unclosed "[" at position ${i + 1}`);
      const inner = path.slice(i + 1, close);
      if (!/^\d{1,9}$/.test(inner))
        throw new JsonPathError(`array index must be a non-negative integer at position ${i + 1}, got "[${inner}]"`);
      if (expectKey && out.length > 0) throw new JsonPathError(`empty key before "[" at position ${i + 1}`);
      out.push(Number(inner));
      i = close + 1;
      expectKey = false;
      if (i < n && path[i] !== '.' && path[i] !== '[')
        throw new JsonPathError(`expected "." or "[" at position ${i + 1}`);
      continue;
    }
    if (ch === '.') {
      if (expectKey) throw new JsonPathError(`empty key at position ${i + 1}`);
      expectKey = true;
      i++;
      if (i === n) throw new JsonPathError('path ends with "."');
      continue;
    }
    if (ch === ']') throw new JsonPathError(`unexpected "]" at position ${i + 1}`);
    if (!expectKey) throw new JsonPathError(`expected "." or "[" at position ${i + 1}`);
    let j = i;
    while (j < n && path[j] !== '.' && path[j] !== '[' && path[j] !== ']') j++;
    out.push(path.slice(i, j));
    i = j;
    expectKey = false;
  }
  return out;
}

type Lookup = { found: true; value: unknown } | { found: false };

/** The value at `segments` in `doc`; own properties only, array indices only on arrays. */
export function lookupPath(doc: unknown, segments: readonly PathSegment[]): Lookup {
  let cur: unknown = doc;
  for (const seg of segments) {
    if (typeof seg === 'number') {
      if (!Array.isArray(cur) || seg >= cur.length) return { found: false };
      cur = cur[seg];
    } else {
      if (cur === null || typeof cur !== 'object' || Array.isArray(cur) || !Object.hasOwn(cur, seg))
        return { found: false };
      cur = (cur as Record<string, unknown>)[seg];
    }
  }
  return { found: true, value: cur };
}

/** How a JSON value compares with the assertion's string: strings as is, everything else as JSON text. */
function asText(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** A finite number from a JSON number or a numeric string; null otherwise. */
function asNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
}

function shown(v: unknown): string {
  const t = JSON.stringify(v) ?? String(v);
  return t.length > 80 ? `${t.slice(0, 77)}...` : t;
}

/**
 * null when the assertion holds, otherwise why not (`data.count: expected greater than 0, got 0`).
 *
 * - equals / not_equals: a string is compared as is; a number, boolean, null, object or
 *   array by its JSON text (`"42"` equals 42, `"true"` equals true, `"null"` equals null).
 * - contains / not_contains: substring of a string (or of the JSON text of other values);
 *   for an array, whether one element equals the value.
 * - greater_than / less_than: numeric; both sides must be numbers (or numeric strings).
 * - exists / not_exists: presence of the path (a `null` value exists); `value` is ignored.
 * A missing path fails every operator but not_exists (not_equals and not_contains too).
 */
export function evaluateAssertion(doc: unknown, a: JsonAssertion): string | null {
  let segments: PathSegment[];
  try {
    segments = parseJsonPathCached(a.path);
  } catch (e) {
    return `${a.path}: invalid path (${(e as Error).message})`;
  }
  const hit = lookupPath(doc, segments);
  if (a.operator === 'exists') return hit.found ? null : `${a.path}: expected to exist, but it is absent`;
  if (a.operator === 'not_exists')
    return hit.found ? `${a.path}: expected to be absent, but it is ${shown(hit.value)}` : null;
  if (!hit.found) return `${a.path}: not found (operator ${a.operator})`;
  const v = hit.value;
  switch (a.operator) {
    case 'equals':
      return asText(v) === a.value ? null : `${a.path}: expected equals ${JSON.stringify(a.value)}, got ${shown(v)}`;
    case 'not_equals':
      return asText(v) !== a.value
        ? null
        : `${a.path}: expected not equals ${JSON.stringify(a.value)}, got ${shown(v)}`;
    case 'contains':
    case 'not_contains': {
      const has = Array.isArray(v) ? v.some((e) => asText(e) === a.value) : asText(v).includes(a.value);
      const want = a.operator === 'contains';
      return has === want
        ? null
        : `${a.path}: expected ${want ? 'to contain' : 'not to contain'} ${JSON.stringify(a.value)}, got ${shown(v)}`;
    }
    case 'greater_than':
    case 'less_than': {
      const actual = asNumber(v);
      const limit = asNumber(a.value);
      const word = a.operator === 'greater_than' ? 'greater than' : 'less than';
      if (limit === null) return `${a.path}: assertion value ${JSON.stringify(a.value)} is not a number`;
      if (actual === null) return `${a.path}: expected a number ${word} ${a.value}, got ${shown(v)}`;
      const ok = a.operator === 'greater_than' ? actual > limit : actual < limit;
      return ok ? null : `${a.path}: expected ${word} ${a.value}, got ${shown(v)}`;
    }
  }
}

/** Every failing assertion's reason, in order (empty when all hold). */
export function evaluateAssertions(doc: unknown, assertions: readonly JsonAssertion[]): string[] {
  const failures: string[] = [];
  for (const a of assertions) {
    const f = evaluateAssertion(doc, a);
    if (f !== null) failures.push(f);
  }
  return failures;
}

/**
 * Judges a json_api response body: null when it is JSON and every assertion holds,
 * otherwise the check's error (each failing assertion named).
 */
export function judgeJsonBody(body: string, assertions: readonly JsonAssertion[]): string | null {
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch (e) {
    const sample = body.trim().slice(0, 40);
    return `response body is not JSON (${(e as Error).message})${sample ? `; starts with ${JSON.stringify(sample)}` : '; body is empty'}`;
  }
  const failures = evaluateAssertions(doc, assertions);
  if (failures.length === 0) return null;
  return `${failures.length} of ${assertions.length} JSON assertion${assertions.length === 1 ? '' : 's'} failed: ${failures.join('; ')}`;
}

/** parseJsonPath memoised per distinct path (a probe evaluates the same paths every check). The result must not be mutated. */
const parseJsonPathCached = memoiseParser(1024, parseJsonPath, (e) => e instanceof JsonPathError);
