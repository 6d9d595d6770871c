import type { FieldError } from '../common/errors';

/**
 * `depends_on` validation (issue 15 item 6), pure: every entry must be a monitor of the same
 * account (another account's id answers exactly like an unknown one), never the monitor
 * itself, and the dependencies must stay acyclic. `graph`: the account's monitors and their
 * current `depends_on` (the edited monitor's entry is replaced by the new list).
 */
export function dependsOnProblems(
  selfId: string,
  dependsOn: readonly string[],
  graph: ReadonlyMap<string, readonly string[]>,
): FieldError[] {
  const errors: FieldError[] = [];
  dependsOn.forEach((id, i) => {
    if (id === selfId) errors.push({ field: `depends_on[${i}]`, message: 'a monitor cannot depend on itself' });
    else if (!graph.has(id))
      errors.push({ field: `depends_on[${i}]`, message: `no monitor ${JSON.stringify(id)} in this account` });
  });
  if (errors.length) return errors;
  const cycle = findCycle(selfId, dependsOn, graph);
  if (cycle) errors.push({ field: 'depends_on', message: `depends_on would make a cycle: ${cycle.join(' → ')}` });
  return errors;
}

/** A path from `selfId` back to itself through the dependencies (with `selfId`'s new list), or null. */
export function findCycle(
  selfId: string,
  dependsOn: readonly string[],
  graph: ReadonlyMap<string, readonly string[]>,
): string[] | null {
  const deps = (id: string) => (id === selfId ? dependsOn : (graph.get(id) ?? []));
  const seen = new Set<string>();
  // Depth-first from each direct dependency; the path is kept for the message.
  const visit = (id: string, path: string[]): string[] | null => {
    if (id === selfId) return [...path, id];
    if (seen.has(id)) return null;
    seen.add(id);
    for (const next of deps(id)) {
      const found = visit(next, [...path, id]);
      if (found) return found;
    }
    return null;
  };
  for (const d of dependsOn) {
    const found = visit(d, [selfId]);
    if (found) return found;
  }
  return null;
}
