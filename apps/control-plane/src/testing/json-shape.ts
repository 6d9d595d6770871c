/**
 * The JSON examples of a reference document and a shape comparison of our answers with them
 * (test helper): every field of an example is in the answer with the same JSON type, nested
 * objects and array elements alike. The answer may add fields; the examples' `...` and
 * `[ ... ]` placeholders are elisions, not fields.
 */

/** The `{ … }` blocks of a reference document (a line `{` at column 0 to the next `}` at column 0), elisions removed, parsed. */
export function jsonBlocks(text: string): unknown[] {
  const blocks: unknown[] = [];
  const re = /^\{\n[\s\S]*?\n\}$/gm;
  for (const m of text.matchAll(re)) {
    const cleaned = m[0]
      .replace(/\[\s*\.\.\.\s*\]/g, '[]')
      .replace(/^\s*\.\.\.\s*$\n/gm, '')
      .replace(/,(\s*[\]}])/g, '$1');
    blocks.push(JSON.parse(cleaned));
  }
  return blocks;
}

/**
 * The reference's endpoints with their example answer: a document of `GET\n<path>` headings
 * (Valtrogen's layout) gives each path the first JSON block under it, if any.
 */
export function examplesByPath(text: string): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const chunk of text.split(/\nGET\n/).slice(1)) {
    const path = chunk.split('\n', 1)[0].trim();
    const [example] = jsonBlocks(chunk.split(/\nGET\n/)[0]);
    if (example !== undefined) out.set(path, example);
  }
  return out;
}

export interface ShapeOptions {
  allowed?: Record<string, string | string[]>;
  elements?: Record<string, unknown>;
  maps?: string[];
}

const kind = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/**
 * Where `actual` does not have the example's shape: `path: expected type, got type` or
 * `path: missing`. `allowed` maps a path (`monitors[].id`) to the type (or types) we answer
 * there on purpose (e.g. a slug where the reference has a number). An example array with elements
 * needs a non-empty answer whose every element matches one of them; an empty example array
 * (`[ ... ]`) needs an array, compared with `elements[path]` when given. At a path in `maps`
 * the example is an object keyed by ids (`{"eu-api": {...}}`): the answer must be a non-empty
 * object whose every value has the shape of the example's first value.
 */
export function shapeMismatches(example: unknown, actual: unknown, opts: ShapeOptions = {}, path = ''): string[] {
  const allowed = opts.allowed ?? {};
  const want = kind(example);
  const got = kind(actual);
  if (allowed[path] !== undefined) {
    const ok = ([] as string[]).concat(allowed[path]);
    return ok.includes(got) ? [] : [`${path || '.'}: expected ${ok.join(' or ')} (allowed), got ${got}`];
  }
  if (want !== got) return [`${path || '.'}: expected ${want}, got ${got}`];
  if (want === 'array') {
    const ex = example as unknown[];
    const xs = actual as unknown[];
    const elems = ex.length ? ex : opts.elements?.[path] !== undefined ? [opts.elements[path]] : [];
    if (!elems.length) return [];
    if (!xs.length) return [`${path}: empty, the example has elements`];
    const out: string[] = [];
    xs.forEach((x, i) => {
      const tries = elems.map((e) => shapeMismatches(e, x, opts, `${path}[]`));
      if (!tries.some((t) => t.length === 0))
        out.push(...tries.reduce((a, b) => (b.length < a.length ? b : a)).map((m) => `${m} (element ${i})`));
    });
    return out;
  }
  if (want === 'object' && opts.maps?.includes(path)) {
    const [first] = Object.values(example as Record<string, unknown>);
    const entries = Object.entries(actual as Record<string, unknown>);
    if (!entries.length) return [`${path}: empty, the example has entries`];
    return entries.flatMap(([k, v]) => shapeMismatches(first, v, opts, `${path}.${k}`).map((m) => m));
  }
  if (want === 'object') {
    const a = actual as Record<string, unknown>;
    return Object.entries(example as Record<string, unknown>).flatMap(([k, v]) => {
      const p = path ? `${path}.${k}` : k;
      if (!(k in a)) return [`${p}: missing`];
      return shapeMismatches(v, a[k], opts, p);
    });
  }
  return [];
}
