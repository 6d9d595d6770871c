import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KINDS } from './index';
import { REFERENCE_ALIASES } from './monitors';

/**
 * Every writable property of a kind's create body is a field the file may set (or the kind's
 * identity, or a reference alias the file does not use), and no file field is unknown to the
 * API: a field added to the API cannot silently be missing from export / plan / apply.
 */
const doc = JSON.parse(readFileSync(join(__dirname, '../../../../docs/openapi.json'), 'utf8')) as {
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
};
const NOT_IN_FILE: Record<string, readonly string[]> = { monitors: REFERENCE_ALIASES };

describe.each(KINDS.map((k) => [k.key, k] as const))('the %s fields', (key, kind) => {
  const props = Object.keys(doc.components.schemas[kind.schemaName]?.properties ?? {});

  it('are the create body of the API', () => {
    expect(props.length).toBeGreaterThan(0);
    expect(kind.fields.filter((f) => !props.includes(f))).toEqual([]);
  });

  it('leave out no writable property but the identity and the reference aliases', () => {
    const skipped = new Set([kind.identityField, ...(NOT_IN_FILE[key] ?? [])]);
    expect(props.filter((p) => !kind.fields.includes(p) && !skipped.has(p))).toEqual([]);
  });
});
