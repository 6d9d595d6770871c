import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOpenApiDocument, openApiText } from '../openapi-document';
import { startTestApp, TestApp } from '../testing/harness';

jest.setTimeout(60_000);

type Schema = Record<string, unknown> & {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: boolean | Schema;
};
interface Operation {
  operationId: string;
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
  security?: unknown[];
}
interface Doc {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/** Every operation of the document with its method and path. */
function operations(doc: Doc): { key: string; path: string; op: Operation }[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([m]) => METHODS.includes(m))
      .map(([m, op]) => ({ key: `${m.toUpperCase()} ${path}`, path, op })),
  );
}

/**
 * The places in a schema a generated client would type as `unknown`: an object with
 * neither properties nor additionalProperties, or a schema with no type at all.
 * Free-form maps must say so (`additionalProperties: true` or a value schema).
 */
function untyped(doc: Doc, schema: Schema, at: string, seen = new Set<string>()): string[] {
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop()!;
    if (seen.has(name)) return [];
    const target = doc.components.schemas[name];
    if (!target) return [`${at}: dangling $ref ${schema.$ref}`];
    return untyped(doc, target, at, new Set([...seen, name]));
  }
  const composed = (['allOf', 'oneOf', 'anyOf'] as const).flatMap((k) =>
    ((schema[k] as Schema[] | undefined) ?? []).flatMap((s) => untyped(doc, s, at, seen)),
  );
  if (schema.allOf || schema.oneOf || schema.anyOf) return composed;
  if (schema.type === 'array')
    return schema.items ? untyped(doc, schema.items, `${at}[]`, seen) : [`${at}: array without items`];
  if (schema.type === 'object' || schema.properties) {
    const props = Object.entries(schema.properties ?? {});
    if (props.length === 0 && schema.additionalProperties === undefined) return [`${at}: object without properties`];
    const ap =
      typeof schema.additionalProperties === 'object' ? untyped(doc, schema.additionalProperties, `${at}{}`, seen) : [];
    return [...props.flatMap(([k, v]) => untyped(doc, v, `${at}.${k}`, seen)), ...ap];
  }
  if (schema.type === undefined && schema.enum === undefined) return [`${at}: no type`];
  return [];
}

describe('the served OpenAPI document is typed', () => {
  let t: TestApp;
  let doc: Doc;
  beforeAll(async () => {
    t = await startTestApp();
    const res = await fetch(`${t.baseUrl}/api/docs-json`);
    expect(res.status).toBe(200);
    doc = (await res.json()) as Doc;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('types every operation’s 2xx answer all the way down (no `unknown` in a generated client)', () => {
    const problems: string[] = [];
    for (const { key, op } of operations(doc)) {
      const ok = Object.entries(op.responses).filter(([code]) => code.startsWith('2'));
      const schemas = ok
        .flatMap(([, r]) => Object.values(r.content ?? {}).map((c) => c.schema))
        .filter((s): s is Schema => !!s);
      if (schemas.length === 0) problems.push(`${key}: no 2xx response schema`);
      for (const s of schemas) problems.push(...untyped(doc, s, key));
    }
    expect(problems).toEqual([]);
    expect(operations(doc).length).toBeGreaterThan(30);
  });

  it('answers every /api/v1 operation in the envelope and documents its errors with the error envelope', () => {
    const problems: string[] = [];
    for (const { key, path, op } of operations(doc)) {
      if (!path.startsWith('/api/v1/')) continue;
      for (const [code, r] of Object.entries(op.responses)) {
        const raw = r.content?.['application/json']?.schema;
        const schema = raw?.$ref ? doc.components.schemas[raw.$ref.split('/').pop()!] : raw;
        const props = schema?.properties ?? {};
        if (code.startsWith('2')) {
          if (!props.data || !props.error) problems.push(`${key} ${code}: not the {data, error} envelope`);
        } else if (!props.data || !props.error || (props.error as Schema).type !== 'string')
          problems.push(`${key} ${code}: not the error envelope`);
      }
      const errors = Object.keys(op.responses).filter((c) => /^4\d\d$/.test(c));
      if (errors.length === 0) problems.push(`${key}: documents no error response`);
      const authenticated = !['/api/v1/auth/signup', '/api/v1/auth/login'].includes(path);
      if (authenticated && !errors.includes('401')) problems.push(`${key}: authenticated but no 401`);
    }
    expect(problems).toEqual([]);
    const err = doc.components.schemas.ErrorEnvelopeView;
    expect(Object.keys(err.properties ?? {})).toEqual(expect.arrayContaining(['data', 'error', 'code', 'details']));
  });

  it('names every operation, types every parameter and documents the bounds of its integer query parameters', () => {
    const ids = operations(doc).map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const unbounded: string[] = [];
    for (const { key, op } of operations(doc)) {
      for (const p of (op as unknown as { parameters?: { name: string; in: string; schema?: Schema }[] }).parameters ??
        []) {
        if (!p.schema?.type && !p.schema?.enum && !p.schema?.$ref) unbounded.push(`${key} ${p.in} ${p.name}: no type`);
        if (
          p.in === 'query' &&
          ['limit', 'offset', 'page', 'hours', 'days'].includes(p.name) &&
          (p.schema?.type !== 'integer' || p.schema.minimum === undefined || p.schema.maximum === undefined)
        ) {
          unbounded.push(`${key} ?${p.name}`);
        }
      }
    }
    expect(unbounded).toEqual([]);
  });

  it('is the document `npm run openapi` writes to docs/openapi.json (no drift)', async () => {
    const built = await buildOpenApiDocument();
    expect(built).toEqual(doc);
    const committed = readFileSync(join(__dirname, '../../../../docs/openapi.json'), 'utf8');
    expect(committed).toBe(openApiText(doc as never));
  });
});
