import type { FieldError } from '../common/errors';

/** A page's layout as the API gives it: ordered groups and the ungrouped monitors. */
export interface LayoutInput {
  groups: { slug: string; name: string; order?: number; monitor_ids: string[] }[];
  monitorIds: string[];
}

export interface LayoutGroup {
  slug: string;
  name: string;
  /** The order given (or the group's index when none was). */
  order: number;
  position: number;
}

export interface LayoutMember {
  monitorId: string;
  /** null: ungrouped. */
  groupSlug: string | null;
  position: number;
}

/** Field path of a monitor id in the request body, for 422 details. */
export interface MemberRef {
  monitorId: string;
  field: string;
}

/**
 * Pure: checks a layout (unique group slugs, each monitor listed once) and turns it into
 * rows. Groups are sorted by `order`, then as listed (stable); positions number them.
 */
export function planLayout(input: LayoutInput): {
  errors: FieldError[];
  groups: LayoutGroup[];
  members: LayoutMember[];
  refs: MemberRef[];
} {
  const errors: FieldError[] = [];
  const seenGroups = new Set<string>();
  const seenMonitors = new Map<string, string>();
  const refs: MemberRef[] = [];
  const note = (monitorId: string, field: string) => {
    const first = seenMonitors.get(monitorId);
    if (first !== undefined) errors.push({ field, message: `monitor ${monitorId} is already listed at ${first}` });
    else {
      seenMonitors.set(monitorId, field);
      refs.push({ monitorId, field });
    }
  };
  input.groups.forEach((g, i) => {
    if (seenGroups.has(g.slug))
      errors.push({ field: `groups[${i}].slug`, message: `group slug "${g.slug}" is used twice` });
    seenGroups.add(g.slug);
    g.monitor_ids.forEach((id, j) => note(id, `groups[${i}].monitor_ids[${j}]`));
  });
  input.monitorIds.forEach((id, j) => note(id, `monitor_ids[${j}]`));
  const sorted = input.groups
    .map((g, i) => ({ g, i, order: g.order ?? i }))
    .sort((a, b) => a.order - b.order || a.i - b.i);
  const groups = sorted.map(({ g, order }, position) => ({ slug: g.slug, name: g.name, order, position }));
  const members: LayoutMember[] = [];
  let position = 0;
  for (const { g } of sorted)
    for (const id of g.monitor_ids) members.push({ monitorId: id, groupSlug: g.slug, position: position++ });
  for (const id of input.monitorIds) members.push({ monitorId: id, groupSlug: null, position: position++ });
  const listed = new Set<string>();
  return { errors, groups, members: members.filter((m) => !listed.has(m.monitorId) && listed.add(m.monitorId)), refs };
}

const LABEL_RE = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * Pure: a custom domain as stored (lowercase, no trailing dot), or an error message. A
 * hostname of at least two labels, not an IP address, not the install's own host (which
 * would hand the whole site to one page).
 */
export function normaliseCustomDomain(raw: string, ownHost: string | null): { value: string } | { error: string } {
  const v = raw.trim().toLowerCase().replace(/\.$/, '');
  if (!v) return { error: 'custom_domain must be a hostname such as status.example.com' };
  if (v.length > 253 || /[:/?#@\s]/.test(v))
    return { error: 'custom_domain must be a bare hostname (no scheme, port or path), such as status.example.com' };
  const labels = v.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL_RE.test(l)))
    return { error: 'custom_domain must be a hostname such as status.example.com' };
  if (/^\d+$/.test(labels[labels.length - 1])) return { error: 'custom_domain must be a hostname, not an IP address' };
  if (ownHost && v === ownHost.toLowerCase()) return { error: "custom_domain cannot be this install's own host" };
  return { value: v };
}

/** The host of a request (Host header without port, lowercase), or null. */
export function requestHost(hostHeader: string | undefined): string | null {
  if (!hostHeader) return null;
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith('[')) return null; // IPv6 literal: never a custom domain
  return h.replace(/:\d+$/, '').replace(/\.$/, '') || null;
}
