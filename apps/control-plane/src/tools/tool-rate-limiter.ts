import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { DomainError } from '../common/errors';
import { APP_CONFIG, AppConfig } from '../config/config';
import { slidingWindow } from './tool-rules';

const WINDOW_MS = 60_000;
/** Accounts remembered at most (the oldest forgotten first): bounded memory. */
const MAX_ACCOUNTS = 10_000;

/** The tools' budget: TOOLS_RATE_LIMIT_PER_MINUTE calls per account per minute (per replica), on the Clock. */
@Injectable()
export class ToolRateLimiter {
  private readonly calls = new Map<string, number[]>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Counts one call of the account, or throws rate_limited (429 with retry_after). */
  take(accountId: string): void {
    const r = slidingWindow(this.calls.get(accountId) ?? [], this.clock.nowMs(), this.config.tools.ratePerMinute, WINDOW_MS);
    this.calls.delete(accountId);
    this.calls.set(accountId, r.calls);
    if (this.calls.size > MAX_ACCOUNTS) this.calls.delete(this.calls.keys().next().value as string);
    if (!r.allowed) throw new DomainError('rate_limited', `tool rate limit exceeded (${this.config.tools.ratePerMinute} per minute): try again in ${r.retryAfterSeconds} seconds`, undefined, r.retryAfterSeconds);
  }
}
