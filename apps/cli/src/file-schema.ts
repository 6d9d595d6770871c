import type { ResourceKind } from './resources/types';

type Json = Record<string, unknown>;

/** OpenAPI 3.0 schema → JSON Schema (draft 2020-12): `nullable` becomes a "null" type; refs to $defs. */
function convert(s: unknown): unknown {
  if (Array.isArray(s)) return s.map(convert);
  if (!s || typeof s !== 'object') return s;
  const o = { ...(s as Json) };
  if (typeof o.$ref === 'string') return { $ref: o.$ref.replace('#/components/schemas/', '#/$defs/') };
  if (o.nullable === true) {
    delete o.nullable;
    if (typeof o.type === 'string') o.type = [o.type, 'null'];
    if (Array.isArray(o.enum) && !o.enum.includes(null)) o.enum = [...o.enum, null];
  }
  delete o.example;
  for (const [k, v] of Object.entries(o)) if (typeof v === 'object') o[k] = convert(v);
  return o;
}

function refs(s: unknown, into: Set<string>): void {
  if (Array.isArray(s)) s.forEach((x) => refs(x, into));
  else if (s && typeof s === 'object') {
    for (const [k, v] of Object.entries(s)) {
      if (k === '$ref' && typeof v === 'string') into.add(v.split('/').pop()!);
      else refs(v, into);
    }
  }
}

/**
 * The JSON schema of parallax.yaml (docs/parallax.schema.json), built from the create
 * bodies in the OpenAPI document: editors validate and complete the file with it.
 */
export function fileSchema(
  openapi: { components: { schemas: Record<string, Json> } },
  kinds: readonly ResourceKind[],
): Json {
  const schemas = openapi.components.schemas;
  const defs: Record<string, unknown> = {};
  const properties: Record<string, unknown> = {
    $schema: { type: 'string' },
    version: { const: 1, description: 'file format version' },
  };
  for (const kind of kinds) {
    const body = schemas[kind.schemaName] as { properties: Record<string, unknown>; required?: string[] };
    const props: Record<string, unknown> = {};
    for (const f of new Set([kind.identityField, ...kind.fields])) {
      const p = body.properties[f] ?? (f === 'slug' ? { type: 'string', maxLength: 100 } : undefined);
      if (!p) throw new Error(`${kind.schemaName} has no property ${f}`);
      props[f] = convert(p);
      if (kind.secrets.includes(f)) {
        (props[f] as Json).description =
          `${(p as Json).description ?? ''} Write-only: use \${ENV_VAR}, never a literal secret.`.trim();
      }
    }
    const needed = new Set<string>();
    refs(props, needed);
    for (const n of needed) defs[n] = convert(schemas[n]);
    const required = [
      ...new Set([kind.identityField, ...(body.required ?? []).filter((r) => kind.fields.includes(r))]),
    ];
    defs[`${kind.noun}_entry`] = {
      type: 'object',
      additionalProperties: false,
      required,
      properties: props,
      description: `a ${kind.noun}; identity: ${kind.identityField}`,
    };
    properties[kind.key] = { type: 'array', items: { $ref: `#/$defs/${kind.noun}_entry` } };
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://parallax.dev/parallax.schema.json',
    title: 'parallax.yaml',
    description:
      'Monitoring as code for Parallax: `parallax plan -f parallax.yaml`, `parallax apply -f parallax.yaml`. Strings may use ${ENV_VAR}.',
    type: 'object',
    additionalProperties: false,
    properties,
    $defs: defs,
  };
}
