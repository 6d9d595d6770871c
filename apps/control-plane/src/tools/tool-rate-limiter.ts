import { Inject, Injectable } from '@nestjs/common';
import type { AccountId } from '../common/account-id';
import { DomainError } from '../common/errors';
import { APP_CONFIG, AppConfig } from '../config/config';
import { RateLimitedError, RateLimiter } from '../accounts/rate-limit.guard';
import { toolBudgetKey } from './tool-rules';

const WINDOW_MS = 60_000;

/**
 * The tools' budget: TOOLS_RATE_LIMIT_PER_MINUTE whois and MTR calls per account per
 * minute, counted in PostgreSQL by the rate limiter of issue 13 (`rate_limit_counters`,
 * key `tools:<account>`), so every control-plane replica draws on the same budget. The
 * window starts at the account's first call and lasts 60 s on the Clock.
 */
@Injectable()
export class ToolRateLimiter {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly limiter: RateLimiter,
  ) {}

  /** Counts one call of the account, or throws rate_limited (429 with retry_after). */
  async take(accountId: AccountId): Promise<void> {
    const limit = this.config.tools.ratePerMinute;
    try {
      await this.limiter.consume(toolBudgetKey(accountId), limit, WINDOW_MS);
    } catch (e) {
      if (!(e instanceof RateLimitedError)) throw e;
      throw new DomainError(
        'rate_limited',
        `tool rate limit exceeded (${limit} per minute): try again in ${e.retryAfterSeconds} seconds`,
        undefined,
        e.retryAfterSeconds,
      );
    }
  }
}
