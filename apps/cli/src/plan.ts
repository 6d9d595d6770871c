import type { Item, ResourceKind } from './resources/types';

export type Action = 'create' | 'update' | 'delete' | 'unchanged' | 'unmanaged';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
  /** A write-only field: its values are never printed. */
  sensitive: boolean;
}

export interface PlanEntry {
  kind: string;
  noun: string;
  identity: string;
  action: Action;
  id?: string;
  /** create: every field; update: the changed ones. */
  changes: FieldChange[];
  /** What apply sends (create: the whole declaration; update: the changed fields). */
  send: Record<string, unknown>;
}

/** Key-order-independent JSON, for comparing values. */
export function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

/**
 * Whether the server's value satisfies the declared one: objects (also inside arrays)
 * compare only the keys the file names, so a default the server fills in (a group's
 * `order`) is not a change; arrays compare element by element, in order.
 */
export function satisfies(declared: unknown, actual: unknown): boolean {
  if (Array.isArray(declared))
    return (
      Array.isArray(actual) && actual.length === declared.length && declared.every((d, i) => satisfies(d, actual[i]))
    );
  if (declared && typeof declared === 'object') {
    if (!actual || typeof actual !== 'object' || Array.isArray(actual)) return false;
    return Object.entries(declared).every(([k, v]) => satisfies(v, (actual as Record<string, unknown>)[k]));
  }
  return stable(declared) === stable(actual);
}

/**
 * The plan of one kind: each declared resource is created (unknown identity), updated
 * (some declared field differs: only fields the file names are managed) or unchanged;
 * an existing resource the file does not name is deleted with `prune`, else left alone
 * ("unmanaged"). Write-only fields are compared with the API's mask only: set vs not set.
 */
export function planKind(kind: ResourceKind, desired: Item[], existing: Item[], prune: boolean): PlanEntry[] {
  const norm = (s: string) => (kind.normalizeIdentity ? kind.normalizeIdentity(s) : s);
  const byIdentity = new Map(existing.map((e) => [norm(e.identity), e]));
  const out: PlanEntry[] = [];
  const named = new Set<string>();
  const base = { kind: kind.key, noun: kind.noun };
  for (const d of desired) {
    const key = norm(d.identity);
    named.add(key);
    const e = byIdentity.get(key);
    const isSecret = (f: string) => kind.secrets.includes(f);
    if (!e) {
      const send = { [kind.identityField]: d.identity, ...d.fields };
      const changes = Object.entries(send).map(([field, after]) => ({
        field,
        before: undefined,
        after,
        sensitive: isSecret(field),
      }));
      out.push({ ...base, identity: d.identity, action: 'create', changes, send });
      continue;
    }
    const changes: FieldChange[] = [];
    const send: Record<string, unknown> = {};
    for (const [field, declared] of Object.entries(d.fields)) {
      const after = kind.normalizeField ? kind.normalizeField(field, declared) : declared;
      if (field === kind.identityField || kind.createOnly?.includes(field)) continue;
      if (isSecret(field)) {
        const wasSet = (e.masked?.[field] ?? '') !== '';
        const isSet = typeof after === 'string' ? after !== '' : after !== null && after !== undefined;
        if (wasSet !== isSet) {
          changes.push({
            field,
            before: wasSet ? '(set)' : '(not set)',
            after: isSet ? '(set)' : '(not set)',
            sensitive: true,
          });
          send[field] = after;
        }
        continue;
      }
      const before = e.fields[field];
      if (!satisfies(after, before)) {
        changes.push({ field, before, after, sensitive: false });
        send[field] = after;
      }
    }
    out.push({
      ...base,
      identity: d.identity,
      id: e.id,
      action: changes.length ? 'update' : 'unchanged',
      changes,
      send,
    });
  }
  for (const e of existing) {
    if (named.has(norm(e.identity))) continue;
    out.push({
      ...base,
      identity: e.identity,
      id: e.id,
      action: prune ? 'delete' : 'unmanaged',
      changes: [],
      send: {},
    });
  }
  return out;
}

export interface PlanSummary {
  create: number;
  update: number;
  delete: number;
  unchanged: number;
  unmanaged: number;
}

export function summarize(entries: PlanEntry[]): PlanSummary {
  const s: PlanSummary = { create: 0, update: 0, delete: 0, unchanged: 0, unmanaged: 0 };
  for (const e of entries) s[e.action] += 1;
  return s;
}

export const hasChanges = (s: PlanSummary) => s.create + s.update + s.delete > 0;

const show = (c: FieldChange, v: unknown) =>
  c.sensitive ? (v === '(set)' || v === '(not set)' ? v : '(sensitive)') : JSON.stringify(v);

/** Human-readable plan, field by field; secrets never printed. */
export function renderPlan(entries: PlanEntry[]): string {
  const lines: string[] = [];
  const sign: Record<Action, string> = { create: '+', update: '~', delete: '-', unchanged: ' ', unmanaged: '?' };
  for (const e of entries) {
    if (e.action === 'unchanged') continue;
    const what = `${e.noun} "${e.identity}"`;
    if (e.action === 'unmanaged') {
      lines.push(`? ${what}: exists but is not in the file (kept; --prune deletes it)`);
      continue;
    }
    lines.push(`${sign[e.action]} ${what}: ${e.action}`);
    for (const c of e.changes) {
      if (e.action === 'create') lines.push(`    + ${c.field}: ${show(c, c.after)}`);
      else lines.push(`    ~ ${c.field}: ${show(c, c.before)} -> ${show(c, c.after)}`);
    }
  }
  const s = summarize(entries);
  lines.push(
    `Plan: ${s.create} to create, ${s.update} to update, ${s.delete} to delete, ${s.unchanged} unchanged${s.unmanaged ? `, ${s.unmanaged} not in the file` : ''}.`,
  );
  return lines.join('\n');
}
