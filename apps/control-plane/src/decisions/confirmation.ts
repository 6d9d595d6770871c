import type { MonitorStatus } from '../monitors/monitor.entity';
import type { RoundDecision } from './round-summary';

/**
 * The second opinion (issue 15 item 2), a pure function: whether a counted round's decision
 * changes the monitor's status now, or waits for confirmation rounds.
 *
 * - A round that agrees with the status clears any pending change: a blip that the
 *   confirmation round does not see again never becomes a status change.
 * - A round that would change the status starts a pending change (the round's decision,
 *   since the round's time) and asks for a confirmation round at once (`confirmNow`: the
 *   scheduler dispatches one to all the monitor's regions without waiting for the interval).
 * - The change takes effect when `needed` confirmation rounds after the first agree with it:
 *   `recoveryRounds` for a recovery (leaving `down`, or reaching `up`), `confirmationRounds`
 *   otherwise (up → degraded/warn/down, degraded → down). `needed = 0`: at once.
 * - A confirmation round that decides a third status restarts the pending change with it.
 * - A monitor still `pending` (never decided) takes its first decision at once.
 * - `since`: when the change began (the first round of the agreeing streak); the incident
 *   opens or resolves at that instant, so confirmation never shifts incident times.
 */
export interface PendingChange {
  status: MonitorStatus;
  /** Confirmation rounds that agreed so far (0: only the round that started it). */
  rounds: number;
  since: Date;
}

export interface ConfirmationInput {
  /** The monitor's status before this round. */
  current: MonitorStatus;
  /** The round's decision (counted: never `no_data`). */
  decision: Exclude<RoundDecision, 'no_data'>;
  pending: PendingChange | null;
  confirmationRounds: number;
  recoveryRounds: number;
  /** The round's scheduled time. */
  at: Date;
}

export interface ConfirmationOutcome {
  /** The status after this round. */
  status: MonitorStatus;
  changed: boolean;
  /** When the change began (set when `changed`). */
  since: Date | null;
  pending: PendingChange | null;
  /** Dispatch a confirmation round now. */
  confirmNow: boolean;
}

/** A change that ends trouble: leaving `down`, or reaching `up`. */
export function isRecovery(current: MonitorStatus, to: MonitorStatus): boolean {
  return current !== to && (current === 'down' || to === 'up');
}

export function confirmStatus(i: ConfirmationInput): ConfirmationOutcome {
  const to = i.decision as MonitorStatus;
  if (i.current === 'pending')
    return { status: to, changed: to !== i.current, since: i.at, pending: null, confirmNow: false };
  if (to === i.current) return { status: i.current, changed: false, since: null, pending: null, confirmNow: false };
  const needed = Math.max(0, Math.floor(isRecovery(i.current, to) ? i.recoveryRounds : i.confirmationRounds));
  const streak: PendingChange =
    i.pending && i.pending.status === to
      ? { ...i.pending, rounds: i.pending.rounds + 1 }
      : { status: to, rounds: 0, since: i.at };
  if (streak.rounds >= needed)
    return { status: to, changed: true, since: streak.since, pending: null, confirmNow: false };
  return { status: i.current, changed: false, since: null, pending: streak, confirmNow: true };
}
