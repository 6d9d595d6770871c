/**
 * `(col >= $n AND col < $n+1) OR …` for some time ranges, with its parameters: an
 * index (and partition pruning) friendly filter for the pieces of a window.
 */
export function rangeClause(
  column: string,
  ranges: { from: Date; to: Date }[],
  firstParam: number,
): { sql: string; params: string[] } {
  const parts: string[] = [];
  const params: string[] = [];
  ranges.forEach((r, i) => {
    parts.push(`(${column} >= $${firstParam + 2 * i} AND ${column} < $${firstParam + 2 * i + 1})`);
    params.push(r.from.toISOString(), r.to.toISOString());
  });
  return { sql: parts.length ? `(${parts.join(' OR ')})` : 'false', params };
}
