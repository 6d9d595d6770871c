/**
 * The classification of a received result (pure): what `IngestionService.store()` does with
 * each result of a batch, given what the database holds for it. No I/O, no clock.
 *
 * - `orphan`: its monitor does not exist (deleted).
 * - `not_dispatched`: its round does not exist, or the round sent no job to its region
 *   (a region the round skipped, or one the monitor does not use).
 * - `expired`: its round is older than the results' retention (its partition is gone).
 * - `duplicate`: the same result (monitor, round, region) came earlier in the same batch.
 * - `store`: to be inserted; `late` when its round was decided already.
 *
 * The insert then answers `stored` / `late`, or `duplicate` when the row existed already
 * (`storedOutcome`), and a round is decided once every region it sent a job to has answered
 * (`roundComplete`).
 */

/** What is known of a result's round (locked by the caller). */
export interface ClassifiedRound {
  regions: readonly string[];
  scheduledAtMs: number;
  decided: boolean;
}

/** The parts of a result the classification reads. */
export interface ClassifiedResult {
  monitorId: string;
  round: number;
  region: string;
}

export type Classification =
  | { kind: 'orphan' }
  | { kind: 'not_dispatched' }
  | { kind: 'expired' }
  | { kind: 'duplicate' }
  | { kind: 'store'; late: boolean };

export const resultIdentity = (r: ClassifiedResult): string => `${r.monitorId}|${r.round}|${r.region}`;
export const roundKey = (monitorId: string, round: number): string => `${monitorId}|${round}`;

/**
 * Classifies each result of a batch (same order). `monitorExists` says whether the monitor
 * row exists, `roundOf` gives the result's round if one exists, `cutoffMs` is the retention
 * cutoff (rounds scheduled before it are expired). The first of results with one identity
 * wins; the later ones are duplicates.
 */
export function classifyResults(
  results: readonly ClassifiedResult[],
  monitorExists: (monitorId: string) => boolean,
  roundOf: (monitorId: string, round: number) => ClassifiedRound | undefined,
  cutoffMs: number,
): Classification[] {
  const seen = new Set<string>();
  return results.map((r) => {
    if (!monitorExists(r.monitorId)) return { kind: 'orphan' };
    const round = roundOf(r.monitorId, r.round);
    if (!round || !round.regions.includes(r.region)) return { kind: 'not_dispatched' };
    if (round.scheduledAtMs < cutoffMs) return { kind: 'expired' };
    const id = resultIdentity(r);
    if (seen.has(id)) return { kind: 'duplicate' };
    seen.add(id);
    return { kind: 'store', late: round.decided };
  });
}

/** The outcome of a result that was to be stored, once the insert answered whether its row is new. */
export function storedOutcome(inserted: boolean, late: boolean): 'stored' | 'late' | 'duplicate' {
  if (!inserted) return 'duplicate';
  return late ? 'late' : 'stored';
}

/** A round is complete (to be decided) once every region it sent a job to has answered. */
export function roundComplete(regions: readonly string[], answered: Iterable<string>): boolean {
  const have = new Set(answered);
  return regions.every((r) => have.has(r));
}
