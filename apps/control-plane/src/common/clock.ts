import { Global, Injectable, Module } from '@nestjs/common';

/**
 * The time decisions are taken at (status_changed_at, maintenance windows). Injected so
 * that tests set the time instead of sleeping: `app.get(Clock).set(date)`; `set(null)`
 * returns to the system clock.
 */
@Injectable()
export class Clock {
  private fixed: Date | null = null;

  now(): Date {
    return this.fixed ? new Date(this.fixed) : new Date();
  }

  /** Tests only: freezes the clock at `at` (null: back to the system clock). */
  set(at: Date | null): void {
    this.fixed = at;
  }
}

@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
