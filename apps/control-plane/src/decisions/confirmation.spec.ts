import type { MonitorStatus } from '../monitors/monitor.entity';
import { ConfirmationInput, confirmStatus, isRecovery, PendingChange } from './confirmation';

const t0 = new Date('2026-01-01T00:00:00Z');
const t1 = new Date('2026-01-01T00:00:05Z');
const t2 = new Date('2026-01-01T00:00:10Z');
const base = (over: Partial<ConfirmationInput>): ConfirmationInput => ({
  current: 'up',
  decision: 'down',
  pending: null,
  confirmationRounds: 1,
  recoveryRounds: 1,
  at: t0,
  ...over,
});

/** Feeds decisions one round at a time, as the decision service does, and returns each outcome. */
function run(
  start: MonitorStatus,
  decisions: ConfirmationInput['decision'][],
  confirmationRounds = 1,
  recoveryRounds = 1,
) {
  let current = start;
  let pending: PendingChange | null = null;
  return decisions.map((decision, n) => {
    const o = confirmStatus({
      current,
      decision,
      pending,
      confirmationRounds,
      recoveryRounds,
      at: new Date(t0.getTime() + n * 1000),
    });
    current = o.status;
    pending = o.pending;
    return o;
  });
}

describe('confirmStatus (second opinion)', () => {
  it('a pending monitor takes its first decision at once', () => {
    for (const d of ['up', 'degraded', 'down', 'warn'] as const) {
      expect(confirmStatus(base({ current: 'pending', decision: d }))).toEqual({
        status: d,
        changed: true,
        since: t0,
        pending: null,
        confirmNow: false,
      });
    }
  });

  it('a round that agrees with the status changes nothing and clears a pending change', () => {
    expect(
      confirmStatus(base({ current: 'up', decision: 'up', pending: { status: 'down', rounds: 0, since: t0 } })),
    ).toEqual({ status: 'up', changed: false, since: null, pending: null, confirmNow: false });
    expect(confirmStatus(base({ current: 'down', decision: 'down' }))).toEqual({
      status: 'down',
      changed: false,
      since: null,
      pending: null,
      confirmNow: false,
    });
  });

  it('a round that would change the status waits and asks for a confirmation round at once', () => {
    expect(confirmStatus(base({ at: t1 }))).toEqual({
      status: 'up',
      changed: false,
      since: null,
      pending: { status: 'down', rounds: 0, since: t1 },
      confirmNow: true,
    });
  });

  it('the confirmation round that agrees makes the change, dated at the first round', () => {
    expect(confirmStatus(base({ at: t2, pending: { status: 'down', rounds: 0, since: t1 } }))).toEqual({
      status: 'down',
      changed: true,
      since: t1,
      pending: null,
      confirmNow: false,
    });
  });

  it('a one-round blip never changes the status', () => {
    expect(run('up', ['down', 'up', 'up']).map((o) => [o.status, o.confirmNow])).toEqual([
      ['up', true],
      ['up', false],
      ['up', false],
    ]);
  });

  it('confirmation_rounds N needs N agreeing rounds after the first; every waiting round asks for another', () => {
    const out = run('up', ['down', 'down', 'down', 'down'], 3);
    expect(out.map((o) => o.status)).toEqual(['up', 'up', 'up', 'down']);
    expect(out.map((o) => o.confirmNow)).toEqual([true, true, true, false]);
    expect(out[3].since).toEqual(new Date(t0.getTime()));
  });

  it('0 confirmation rounds: at once', () => {
    expect(confirmStatus(base({ confirmationRounds: 0 }))).toEqual({
      status: 'down',
      changed: true,
      since: t0,
      pending: null,
      confirmNow: false,
    });
    expect(confirmStatus(base({ current: 'down', decision: 'up', recoveryRounds: 0 }))).toMatchObject({
      status: 'up',
      changed: true,
    });
  });

  it('recovery uses recovery_rounds, going into trouble uses confirmation_rounds', () => {
    expect(run('down', ['up', 'up'], 0, 1).map((o) => o.status)).toEqual(['down', 'up']);
    expect(run('down', ['up'], 5, 0).map((o) => o.status)).toEqual(['up']);
    expect(run('up', ['degraded'], 0, 5).map((o) => o.status)).toEqual(['degraded']);
    expect(run('degraded', ['down', 'down'], 1, 0).map((o) => o.status)).toEqual(['degraded', 'down']);
    expect(run('degraded', ['up'], 1, 0).map((o) => o.status)).toEqual(['up']);
    expect(run('down', ['degraded'], 1, 0).map((o) => o.status)).toEqual(['degraded']);
  });

  it('a confirmation round deciding a third status restarts the pending change', () => {
    const out = run('up', ['down', 'degraded', 'degraded']);
    expect(out.map((o) => o.status)).toEqual(['up', 'up', 'degraded']);
    expect(out[1].pending).toEqual({ status: 'degraded', rounds: 0, since: new Date(t0.getTime() + 1000) });
    expect(out[2].since).toEqual(new Date(t0.getTime() + 1000));
  });

  it('an interrupted streak starts again from zero', () => {
    expect(run('up', ['down', 'up', 'down', 'down'], 1).map((o) => o.status)).toEqual(['up', 'up', 'up', 'down']);
  });

  it('negative or fractional settings act as their floor, never below 0', () => {
    expect(confirmStatus(base({ confirmationRounds: -2 }))).toMatchObject({ status: 'down', changed: true });
    expect(confirmStatus(base({ confirmationRounds: 1.9 }))).toMatchObject({ status: 'up', confirmNow: true });
  });

  it('isRecovery: leaving down or reaching up', () => {
    expect(isRecovery('down', 'up')).toBe(true);
    expect(isRecovery('down', 'degraded')).toBe(true);
    expect(isRecovery('degraded', 'up')).toBe(true);
    expect(isRecovery('warn', 'up')).toBe(true);
    expect(isRecovery('up', 'down')).toBe(false);
    expect(isRecovery('up', 'degraded')).toBe(false);
    expect(isRecovery('degraded', 'down')).toBe(false);
    expect(isRecovery('up', 'up')).toBe(false);
    expect(isRecovery('down', 'down')).toBe(false);
  });
});
