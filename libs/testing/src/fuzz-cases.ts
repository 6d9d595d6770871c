/**
 * The fuzz cases of issue 13 (2), generated from an OpenAPI document (the served one), shared by
 * the in-process fuzz suite (apps/control-plane/src/common/fuzz.int-spec.ts) and the log-leak
 * run against the built control plane as a process (test/e2e/log-leaks.e2e-spec.ts).
 * `seeds` names one real resource of each kind (monitor, heartbeat, webhook, statusPage,
 * incident, apiKey, subscriber, slug), so bodies also reach the services behind real ids.
 */

export type FuzzSchema = {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  items?: FuzzSchema;
  properties?: Record<string, FuzzSchema>;
  required?: string[];
  nullable?: boolean;
  allOf?: FuzzSchema[];
  oneOf?: FuzzSchema[];
  anyOf?: FuzzSchema[];
};
export type FuzzParameter = { name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema?: FuzzSchema };
export type FuzzOperation = {
  operationId?: string;
  parameters?: FuzzParameter[];
  requestBody?: { content: Record<string, { schema: FuzzSchema }> };
  security?: unknown[];
};
export type FuzzDoc = {
  paths: Record<string, Record<string, FuzzOperation>>;
  components: { schemas: Record<string, FuzzSchema> };
};

/** Hostile strings, as JSON source text so that lone surrogates and raw literals survive. */
export const HOSTILE_STRING_SOURCES = [
  '""',
  '"a\\u0000b"',
  '"\\ud800"',
  '"x\\udfffy"',
  `"${'x'.repeat(100_000)}"`,
  '"\' OR 1=1 --"',
  '"Robert\'); DROP TABLE monitors;--"',
  '"%00%27%22"',
  '"\\u202e\\u0301\\ufeff\\u200b"',
  '"😀🏳️‍🌈 日本語"',
  '"../../../etc/passwd"',
  '"<script>alert(1)</script>"',
  '"${jndi:ldap://x}"',
  '"\\r\\nSet-Cookie: a=b"',
  '" "',
];
export const HOSTILE_NUMBER_SOURCES = [
  '1e400',
  '-1e400',
  '-1',
  '0',
  '0.5',
  '-0.000001',
  '9007199254740993',
  '99999999999999999999999999',
  '2147483648',
  '-2147483649',
  '1e-400',
  'NaN',
  '"1"',
  '"Infinity"',
];
export const WRONG_TYPE_SOURCES = [
  'null',
  'true',
  'false',
  '[]',
  '{}',
  '[null]',
  '[[[]]]',
  '{"a":1}',
  '"str"',
  '0',
  '{"__proto__":{"admin":true}}',
];
export const ODD_QUERY_VALUES = [
  '',
  '-1',
  '0',
  '1e400',
  '0.5',
  '99999999999999999999',
  'NaN',
  'Infinity',
  '%00',
  '%ED%A0%80',
  '%E0%A4',
  "'%20OR%201=1",
  'x'.repeat(4000),
  'true',
  '[]',
  '0000-01-01',
  '-infinity',
  '294277-01-01T00:00:00Z',
  '4714-11-24T00:00:00Z%20BC',
  '10000-01-01',
  '2026-02-30',
  '1970-01-01T00:00:00.000Z',
  'null',
  '%F0%9F%98%80',
];
export const GARBAGE_IDS = [
  '%00',
  'a%00b',
  '%ED%A0%80',
  '%',
  '-1',
  '0',
  '1e400',
  "x'%20OR%201=1",
  '..%2F..%2Fetc',
  'x'.repeat(300),
  '%F0%9F%98%80',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  '00000000-0000-0000-0000-000000000000',
  'mon_' + 'z'.repeat(22),
];
export const WRONG_CONTENT_TYPES = [
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=latin1',
  'application/octet-stream',
  'application/json-patch+json',
];

export interface FuzzCase {
  label: string;
  path: string;
  query?: string;
  body?: string;
  contentType?: string;
  auth?: boolean;
}

/** The generator for one document and its seed resources. */
export function fuzzCases(doc: FuzzDoc, seeds: Record<string, string>) {
  function resolve(schema: FuzzSchema | undefined, depth = 0): FuzzSchema {
    if (!schema || depth > 8) return {};
    if (schema.$ref) return resolve(doc.components.schemas[schema.$ref.split('/').pop() as string], depth + 1);
    const parts = schema.allOf ?? schema.oneOf ?? schema.anyOf;
    if (parts?.length) {
      const merged: FuzzSchema = { type: 'object', properties: {}, required: [] };
      for (const p of parts.map((s) => resolve(s, depth + 1))) {
        Object.assign(merged.properties as object, p.properties ?? {});
        merged.required!.push(...(p.required ?? []));
        if (p.type && p.type !== 'object') return p;
      }
      return merged;
    }
    return schema;
  }

  /** A plausible value from the schema (example, default, enum, format), so mutations reach past "required". */
  function plausible(schema: FuzzSchema | undefined, depth = 0): unknown {
    const s = resolve(schema);
    if (s.example !== undefined && (s.type !== 'object' || typeof s.example === 'object')) return s.example;
    if (s.default !== undefined) return s.default;
    if (s.enum?.length) return s.enum[0];
    switch (s.type) {
      case 'string':
        if (s.format === 'date-time') return '2026-01-01T00:00:00.000Z';
        if (s.format === 'email') return 'fuzz@example.com';
        if (s.format === 'uri' || s.format === 'url') return 'http://127.0.0.1:1/';
        return 'fuzz';
      case 'number':
      case 'integer':
        return s.minimum ?? 1;
      case 'boolean':
        return false;
      case 'array':
        return depth > 3 ? [] : [plausible(s.items, depth + 1)];
      case 'object':
      default: {
        if (!s.properties || depth > 3) return {};
        const out: Record<string, unknown> = {};
        for (const [name, prop] of Object.entries(s.properties)) out[name] = plausible(prop, depth + 1);
        return out;
      }
    }
  }

  function realId(path: string, name: string): string {
    if (name === 'slug') return seeds.slug;
    if (name === 'subscriberId') return seeds.subscriber;
    if (name === 'deliveryId') return 'dlv_missing';
    if (path.startsWith('/api/ping')) return seeds.heartbeat;
    if (path.startsWith('/api/v1/webhooks')) return seeds.webhook;
    if (path.startsWith('/api/v1/status-pages')) return seeds.statusPage;
    if (path.startsWith('/api/v1/incidents')) return seeds.incident;
    if (path.startsWith('/api/v1/api-keys')) return seeds.apiKey;
    return seeds.monitor;
  }

  function fillPath(template: string, params: FuzzParameter[], garbage?: string): string {
    return template.replace(/\{(\w+)\}/g, (_m, name: string) => {
      if (garbage !== undefined) return garbage;
      if (name === 'kind') return params.find((p) => p.name === 'kind')?.schema?.enum?.[0]?.toString() ?? 'start';
      return encodeURIComponent(realId(template, name) ?? 'missing');
    });
  }

  /** Every case for one operation; the PRNG picks `casesPerOperation` of them, always keeping the structural ones. */
  function casesFor(
    path: string,
    method: string,
    op: FuzzOperation,
    rand: () => number,
    casesPerOperation: number,
  ): FuzzCase[] {
    const params = op.parameters ?? [];
    const query = params.filter((p) => p.in === 'query');
    const hasPathParams = params.some((p) => p.in === 'path');
    const base = fillPath(path, params);
    const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
    const must: FuzzCase[] = [];
    const optional: FuzzCase[] = [];
    if (hasPathParams)
      for (const g of GARBAGE_IDS)
        optional.push({ label: `garbage id ${g.slice(0, 20)}`, path: fillPath(path, params, g) });
    for (const q of query) {
      for (const v of ODD_QUERY_VALUES)
        optional.push({ label: `query ${q.name}=${v.slice(0, 20)}`, path: base, query: `${q.name}=${v}` });
      optional.push({ label: `query ${q.name} repeated`, path: base, query: `${q.name}=1&${q.name}=x&${q.name}=%00` });
      optional.push({ label: `query ${q.name}[] array`, path: base, query: `${q.name}[]=1&${q.name}[a]=2` });
      optional.push({ label: `query ${q.name}[__proto__]`, path: base, query: `${q.name}[__proto__][x]=1` });
    }
    optional.push({
      label: 'unknown query key',
      path: base,
      query: `__proto__[x]=1&constructor[prototype][y]=2&zz${'q'.repeat(500)}=1`,
    });
    must.push({ label: 'no credentials', path: base, auth: false });
    const body = op.requestBody;
    if (body || ['post', 'put', 'patch'].includes(method)) {
      const schema = resolve(body?.content['application/json']?.schema);
      const valid = plausible(schema) as Record<string, unknown>;
      const props = Object.keys(schema.properties ?? {});
      const withProp = (name: string, source: string) => {
        const rest = JSON.stringify({ ...valid, [name]: undefined }).slice(1, -1);
        return `{${rest}${rest ? ',' : ''}${JSON.stringify(name)}:${source}}`;
      };
      must.push({ label: 'malformed JSON', path: base, body: '{"name":' });
      must.push({ label: 'truncated JSON with trailing garbage', path: base, body: '{"a":1}}garbage' });
      must.push({ label: 'JSON null body', path: base, body: 'null' });
      must.push({ label: 'JSON array body', path: base, body: '[1,2,3]' });
      must.push({ label: 'JSON string body', path: base, body: '"x"' });
      must.push({ label: 'JSON number body', path: base, body: '1e400' });
      must.push({ label: 'empty body with JSON type', path: base, body: '' });
      must.push({ label: 'deep nesting (40)', path: base, body: '{"a":'.repeat(40) + '1' + '}'.repeat(40) });
      must.push({ label: 'deep array nesting (5000)', path: base, body: '['.repeat(5000) + ']'.repeat(5000) });
      must.push({
        label: '2 MB body',
        path: base,
        body: JSON.stringify({ ...valid, name: 'x'.repeat(2 * 1024 * 1024) }),
      });
      must.push({
        label: '__proto__ at the top',
        path: base,
        body: `{"__proto__":{"isAdmin":true,"account_id":"acc_x"},${JSON.stringify(valid).slice(1)}`,
      });
      must.push({
        label: 'constructor.prototype',
        path: base,
        body: JSON.stringify({ ...valid, constructor: { prototype: { polluted: 1 } } }),
      });
      must.push({ label: 'unknown field', path: base, body: JSON.stringify({ ...valid, zz_unknown_field: 1 }) });
      must.push({
        label: 'all properties null',
        path: base,
        body: JSON.stringify(Object.fromEntries(props.map((p) => [p, null]))),
      });
      for (const ct of WRONG_CONTENT_TYPES)
        optional.push({ label: `content-type ${ct}`, path: base, body: JSON.stringify(valid), contentType: ct });
      optional.push({ label: 'no content-type', path: base, body: JSON.stringify(valid), contentType: '' });
      for (const name of props) {
        const prop = resolve(schema.properties![name]);
        for (const src of WRONG_TYPE_SOURCES)
          optional.push({ label: `${name}=${src.slice(0, 20)}`, path: base, body: withProp(name, src) });
        for (const src of HOSTILE_NUMBER_SOURCES)
          optional.push({ label: `${name}=${src.slice(0, 20)}`, path: base, body: withProp(name, src) });
        for (const src of HOSTILE_STRING_SOURCES)
          optional.push({ label: `${name}=${src.slice(0, 20)}`, path: base, body: withProp(name, src) });
        optional.push({
          label: `${name} deep`,
          path: base,
          body: withProp(name, '{"a":'.repeat(30) + '1' + '}'.repeat(30)),
        });
        optional.push({
          label: `${name} huge array`,
          path: base,
          body: withProp(
            name,
            `[${Array.from({ length: 5000 }, () => (prop.items ? JSON.stringify(plausible(prop.items)) : '1')).join(',')}]`,
          ),
        });
        if (prop.type === 'array' && prop.items) {
          optional.push({
            label: `${name} items hostile`,
            path: base,
            body: withProp(
              name,
              `[${pick(HOSTILE_STRING_SOURCES)},${pick(WRONG_TYPE_SOURCES)},${pick(HOSTILE_NUMBER_SOURCES)}]`,
            ),
          });
        }
        const item = resolve(prop.items);
        for (const [inner, innerSchema] of Object.entries({ ...(prop.properties ?? {}), ...(item.properties ?? {}) })) {
          const wrap = (src: string) =>
            prop.type === 'array' ? `[{${JSON.stringify(inner)}:${src}}]` : `{${JSON.stringify(inner)}:${src}}`;
          void innerSchema;
          optional.push({
            label: `${name}.${inner} wrong`,
            path: base,
            body: withProp(
              name,
              wrap(pick([...WRONG_TYPE_SOURCES, ...HOSTILE_STRING_SOURCES, ...HOSTILE_NUMBER_SOURCES])),
            ),
          });
        }
      }
    }
    // Shuffle with the seeded PRNG, keep the structural cases and a bounded sample of the rest.
    for (let i = optional.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [optional[i], optional[j]] = [optional[j], optional[i]];
    }
    return [...must, ...optional.slice(0, Math.max(0, casesPerOperation - must.length))];
  }

  return { resolve, plausible, casesFor };
}
