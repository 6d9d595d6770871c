import { parse, stringify } from 'yaml';
import type { Item, ResourceKind } from './resources/types';

export class FileError extends Error {}

/**
 * `${NAME}` in any string value is replaced by the environment variable NAME (`$${` is a
 * literal `${`); an unset variable is an error that names it, never an empty value.
 */
export function substitute(value: unknown, env: Record<string, string | undefined>, at: string): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$(\$)?\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_m, escaped: string | undefined, name: string) => {
      if (escaped) return `\${${name}}`;
      const v = env[name];
      if (v === undefined) throw new FileError(`${at}: environment variable ${name} is not set`);
      return v;
    });
  }
  if (Array.isArray(value)) return value.map((v, i) => substitute(v, env, `${at}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, env, `${at}.${k}`)]));
  }
  return value;
}

export type Declared = Map<string, Item[]>;

/** Parses a parallax.yaml: per kind its declared items (identity + fields), checked against the kinds' fields. */
export function parseFile(
  text: string,
  kinds: readonly ResourceKind[],
  env: Record<string, string | undefined>,
): Declared {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    throw new FileError(`not valid YAML: ${(e as Error).message}`);
  }
  doc ??= {};
  if (typeof doc !== 'object' || Array.isArray(doc))
    throw new FileError('the file must be a mapping with version and resource lists');
  const root = doc as Record<string, unknown>;
  const known = new Set(['version', '$schema', ...kinds.map((k) => k.key)]);
  for (const k of Object.keys(root))
    if (!known.has(k)) throw new FileError(`unknown top-level key "${k}" (known: ${[...known].join(', ')})`);
  if (root.version !== undefined && root.version !== 1) throw new FileError('version must be 1');
  const out: Declared = new Map();
  for (const kind of kinds) {
    const list = root[kind.key] ?? [];
    if (!Array.isArray(list)) throw new FileError(`${kind.key} must be a list`);
    const seen = new Set<string>();
    const items: Item[] = [];
    list.forEach((raw, i) => {
      const at = `${kind.key}[${i}]`;
      if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new FileError(`${at} must be a mapping`);
      const entry = substitute(raw, env, at) as Record<string, unknown>;
      const identity = entry[kind.identityField];
      if (typeof identity !== 'string' || identity === '')
        throw new FileError(`${at}: ${kind.identityField} is required (it identifies the ${kind.noun})`);
      const key = kind.normalizeIdentity ? kind.normalizeIdentity(identity) : identity;
      if (seen.has(key)) throw new FileError(`${at}: ${kind.identityField} "${identity}" is declared twice`);
      seen.add(key);
      const fields: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(entry)) {
        if (k === kind.identityField && k !== 'url') continue;
        if (!kind.fields.includes(k)) throw new FileError(`${at}: unknown field "${k}" for a ${kind.noun}`);
        fields[k] = v;
      }
      items.push({ identity, fields });
    });
    out.set(kind.key, items);
  }
  return out;
}

/** The YAML `export` writes: every kind's existing resources, identity first. */
export function renderFile(existing: Map<string, Item[]>, kinds: readonly ResourceKind[], schemaPath: string): string {
  const doc: Record<string, unknown> = { version: 1 };
  for (const kind of kinds) {
    doc[kind.key] = (existing.get(kind.key) ?? [])
      .slice()
      .sort((a, b) => a.identity.localeCompare(b.identity))
      .map((i) => ({ [kind.identityField]: i.identity, ...i.fields }));
  }
  return `# yaml-language-server: $schema=${schemaPath}\n${stringify(doc, { lineWidth: 0 })}`;
}
