import { Global, Injectable, Module } from '@nestjs/common';

/**
 * The one source of wall-clock time in the control plane: schedule cursors, deadlines,
 * status_changed_at, maintenance windows, retention cut-offs, cache expiry. Injected so that
 * tests drive time instead of sleeping:
 *
 *   const clock = app.get(Clock);
 *   clock.freeze();                 // stop at the current instant
 *   clock.advance(60_000);          // one minute later, then call the sweep/tick directly
 *   clock.set(new Date('2026-…'));  // jump to a given instant
 *   clock.set(null);                // back to the system clock
 *
 * Durations of work (metrics histograms, give-up timeouts of retry loops) are not
 * wall-clock time and use `monotonicMs()` so that a frozen clock cannot stall a loop.
 */
@Injectable()
export class Clock {
  private fixedMs: number | null = null;

  now(): Date {
    return new Date(this.nowMs());
  }

  nowMs(): number {
    return this.fixedMs ?? Date.now();
  }

  /** True while a test holds the clock (set/freeze/advance). */
  get frozen(): boolean {
    return this.fixedMs !== null;
  }

  /** Tests only: fixes the clock at `at` (null: back to the system clock). */
  set(at: Date | number | null): void {
    this.fixedMs = at === null ? null : typeof at === 'number' ? at : at.getTime();
  }

  /** Tests only: stops the clock at the current instant (no-op when already fixed). */
  freeze(): Date {
    if (this.fixedMs === null) this.fixedMs = Date.now();
    return this.now();
  }

  /** Tests only: moves the clock forward by `ms` (freezing it first if it was running). */
  advance(ms: number): Date {
    this.freeze();
    this.fixedMs = (this.fixedMs as number) + ms;
    return this.now();
  }
}

/** Milliseconds on a monotonic clock: for measuring how long work took, never for dates. */
export function monotonicMs(): number {
  return performance.now();
}

/** The system clock for code that runs outside the Nest container (scripts, the fake probe). */
export const systemClock = new Clock();

@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
