import {
  classifyResults,
  ClassifiedRound,
  resultIdentity,
  roundComplete,
  roundKey,
  storedOutcome,
} from './result-classification';

const CUTOFF = Date.parse('2026-01-10T00:00:00Z');
const round = (over: Partial<ClassifiedRound> = {}): ClassifiedRound => ({
  regions: ['eu', 'us'],
  scheduledAtMs: CUTOFF + 60_000,
  decided: false,
  ...over,
});

/** Classifies with monitor `m1` existing and the rounds given by `monitor|round`. */
function classify(
  results: { monitorId: string; round: number; region: string }[],
  rounds: Record<string, ClassifiedRound>,
) {
  return classifyResults(
    results,
    (id) => id === 'm1',
    (id, n) => rounds[roundKey(id, n)],
    CUTOFF,
  );
}

describe('classifyResults', () => {
  it('calls a result of a monitor that does not exist an orphan, whatever its round', () => {
    expect(classify([{ monitorId: 'gone', round: 1, region: 'eu' }], { 'gone|1': round() })).toEqual([
      { kind: 'orphan' },
    ]);
    expect(classify([{ monitorId: 'gone', round: 1, region: 'eu' }], {})).toEqual([{ kind: 'orphan' }]);
  });

  it('calls a result of a round that does not exist not dispatched', () => {
    expect(classify([{ monitorId: 'm1', round: 7, region: 'eu' }], { 'm1|1': round() })).toEqual([
      { kind: 'not_dispatched' },
    ]);
  });

  it('calls a result from a region the round sent no job to not dispatched', () => {
    expect(classify([{ monitorId: 'm1', round: 1, region: 'ap' }], { 'm1|1': round() })).toEqual([
      { kind: 'not_dispatched' },
    ]);
    expect(classify([{ monitorId: 'm1', round: 1, region: 'eu' }], { 'm1|1': round({ regions: [] }) })).toEqual([
      { kind: 'not_dispatched' },
    ]);
  });

  it('calls a result of a round scheduled before the retention cutoff expired, and one at the cutoff not', () => {
    expect(
      classify([{ monitorId: 'm1', round: 1, region: 'eu' }], { 'm1|1': round({ scheduledAtMs: CUTOFF - 1 }) }),
    ).toEqual([{ kind: 'expired' }]);
    expect(
      classify([{ monitorId: 'm1', round: 1, region: 'eu' }], { 'm1|1': round({ scheduledAtMs: CUTOFF }) }),
    ).toEqual([{ kind: 'store', late: false }]);
  });

  it('checks not dispatched before expired (an old round from a skipped region is not dispatched)', () => {
    expect(
      classify([{ monitorId: 'm1', round: 1, region: 'ap' }], { 'm1|1': round({ scheduledAtMs: CUTOFF - 1 }) }),
    ).toEqual([{ kind: 'not_dispatched' }]);
  });

  it('stores a result of an undecided round on time and one of a decided round late', () => {
    expect(classify([{ monitorId: 'm1', round: 1, region: 'us' }], { 'm1|1': round() })).toEqual([
      { kind: 'store', late: false },
    ]);
    expect(classify([{ monitorId: 'm1', round: 1, region: 'us' }], { 'm1|1': round({ decided: true }) })).toEqual([
      { kind: 'store', late: true },
    ]);
  });

  it('keeps the first of results with one identity in a batch and calls the later ones duplicates', () => {
    const r = { monitorId: 'm1', round: 1, region: 'eu' };
    expect(classify([r, { ...r, region: 'us' }, r, r], { 'm1|1': round() })).toEqual([
      { kind: 'store', late: false },
      { kind: 'store', late: false },
      { kind: 'duplicate' },
      { kind: 'duplicate' },
    ]);
  });

  it('calls repeated results refused before the duplicate check what they are, not duplicates', () => {
    const r = { monitorId: 'm1', round: 2, region: 'eu' };
    expect(classify([r, r], {})).toEqual([{ kind: 'not_dispatched' }, { kind: 'not_dispatched' }]);
    expect(
      classify(
        [
          { ...r, monitorId: 'x' },
          { ...r, monitorId: 'x' },
        ],
        {},
      ),
    ).toEqual([{ kind: 'orphan' }, { kind: 'orphan' }]);
  });

  it('classifies a mixed batch in order', () => {
    const rounds = { 'm1|1': round(), 'm1|2': round({ scheduledAtMs: CUTOFF - 5 }), 'm1|3': round({ decided: true }) };
    expect(
      classify(
        [
          { monitorId: 'x', round: 1, region: 'eu' },
          { monitorId: 'm1', round: 1, region: 'eu' },
          { monitorId: 'm1', round: 1, region: 'ap' },
          { monitorId: 'm1', round: 2, region: 'eu' },
          { monitorId: 'm1', round: 3, region: 'us' },
          { monitorId: 'm1', round: 1, region: 'eu' },
          { monitorId: 'm1', round: 9, region: 'eu' },
        ],
        rounds,
      ).map((c) => (c.kind === 'store' ? (c.late ? 'late' : 'store') : c.kind)),
    ).toEqual(['orphan', 'store', 'not_dispatched', 'expired', 'late', 'duplicate', 'not_dispatched']);
  });

  it('answers nothing for an empty batch', () => {
    expect(classify([], {})).toEqual([]);
  });
});

describe('storedOutcome', () => {
  it('is duplicate when the row existed already, whether late or not', () => {
    expect(storedOutcome(false, false)).toBe('duplicate');
    expect(storedOutcome(false, true)).toBe('duplicate');
  });
  it('is stored or late when the row is new', () => {
    expect(storedOutcome(true, false)).toBe('stored');
    expect(storedOutcome(true, true)).toBe('late');
  });
});

describe('roundComplete', () => {
  it('is complete once every region sent a job has answered', () => {
    expect(roundComplete(['eu', 'us'], ['us', 'eu'])).toBe(true);
    expect(roundComplete(['eu'], ['eu', 'eu'])).toBe(true);
  });
  it('is not complete while a region is missing, and extra regions do not count', () => {
    expect(roundComplete(['eu', 'us'], ['eu'])).toBe(false);
    expect(roundComplete(['eu', 'us'], ['eu', 'ap'])).toBe(false);
    expect(roundComplete(['eu'], [])).toBe(false);
  });
  it('calls a round with no regions complete (nothing to wait for)', () => {
    expect(roundComplete([], [])).toBe(true);
  });
});

describe('identities', () => {
  it('agree with the stored identity of a result and a round', () => {
    expect(resultIdentity({ monitorId: 'm1', round: 4, region: 'eu' })).toBe('m1|4|eu');
    expect(roundKey('m1', 4)).toBe('m1|4');
  });
});
