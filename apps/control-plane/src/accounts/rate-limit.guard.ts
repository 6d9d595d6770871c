import { ExecutionContext, Injectable, Module } from '@nestjs/common';
import { ThrottlerException, ThrottlerGuard, ThrottlerModule, ThrottlerStorage } from '@nestjs/throttler';
import { Clock } from '../common/clock';
import type { Principal } from '../common/principal';
import { APP_CONFIG, AppConfig } from '../config/config';
import { activeHits, callerKey, CounterState, secondsUntilReset } from './rate-limit-rules';
import { RateLimitRepository } from './rate-limit.repository';

export const RATE_LIMIT_WINDOW_MS = 60_000;

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** A 429 with its Retry-After (seconds); the error filter answers it with code `rate_limited`. */
export class RateLimitedError extends ThrottlerException {
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

/**
 * Counters in PostgreSQL (RateLimitRepository): the throttler's storage and the named
 * limits below (auth failures per IP, login per account, ping per monitor and per IP).
 * The Clock drives the windows, so tests advance time instead of sleeping.
 */
@Injectable()
export class RateLimiter implements ThrottlerStorage {
  constructor(
    private readonly counters: RateLimitRepository,
    private readonly clock: Clock,
  ) {}

  /** ThrottlerStorage: `ttl` and `blockDuration` in ms; the answer's times in seconds. */
  async increment(key: string, ttl: number, limit: number): Promise<ThrottlerStorageRecord> {
    const now = this.clock.nowMs();
    const state = await this.counters.hit(key, ttl, now);
    const seconds = secondsUntilReset(state, ttl, now);
    const isBlocked = state.hits > limit;
    return { totalHits: state.hits, timeToExpire: seconds, isBlocked, timeToBlockExpire: isBlocked ? seconds : 0 };
  }

  /** Counts a hit of `key` and throws RateLimitedError when it is over `limit` in the window. */
  async consume(key: string, limit: number, windowMs = RATE_LIMIT_WINDOW_MS): Promise<void> {
    const now = this.clock.nowMs();
    const state = await this.counters.hit(key, windowMs, now);
    if (state.hits > limit) throw new RateLimitedError(secondsUntilReset(state, windowMs, now));
  }

  /** Throws RateLimitedError when `key` already used `limit` hits in the window; counts nothing. */
  async assertBelow(key: string, limit: number, windowMs = RATE_LIMIT_WINDOW_MS): Promise<void> {
    const now = this.clock.nowMs();
    const state = await this.counters.peek(key);
    if (activeHits(state, windowMs, now) >= limit) throw new RateLimitedError(secondsUntilReset(state, windowMs, now));
  }

  /** Counts a hit without a limit (failures that a later check reads). */
  note(key: string, windowMs = RATE_LIMIT_WINDOW_MS): Promise<CounterState> {
    return this.counters.hit(key, windowMs, this.clock.nowMs());
  }

  peek(key: string): Promise<CounterState | null> {
    return this.counters.peek(key);
  }

  reset(key: string): Promise<void> {
    return this.counters.reset(key);
  }
}

/** The counters' store, shared by the throttler and the accounts, heartbeats contexts. */
@Module({ providers: [RateLimitRepository, RateLimiter], exports: [RateLimiter] })
export class RateLimitStoreModule {}

interface ThrottledRequest {
  principal?: Principal;
  ip?: string;
}

/**
 * The throttler configuration: per 60 s window, `rateLimitPerMinute` requests per account
 * (authenticated) and `publicRateLimitPerMinute` per client IP (unauthenticated routes).
 * The unnamed throttler is called "default", so the guard's headers carry no suffix:
 * `X-RateLimit-Limit`, `X-RateLimit-Remaining`, `X-RateLimit-Reset` on every throttled
 * route and `Retry-After` (seconds) on a 429. Storage is PostgreSQL (RateLimiter), shared
 * by every replica.
 */
export const RateLimitModule = ThrottlerModule.forRootAsync({
  imports: [RateLimitStoreModule],
  inject: [APP_CONFIG, RateLimiter],
  useFactory: (config: AppConfig, storage: RateLimiter) => ({
    throttlers: [
      {
        ttl: RATE_LIMIT_WINDOW_MS,
        limit: (context: ExecutionContext) =>
          context.switchToHttp().getRequest<ThrottledRequest>().principal
            ? config.rateLimitPerMinute
            : config.publicRateLimitPerMinute,
        blockDuration: 0,
      },
    ],
    setHeaders: true,
    storage,
  }),
});

/**
 * Global rate-limit guard (APP_GUARD, registered after AuthGuard so `req.principal` is
 * set). One budget per account across all routes, the sum over its API keys and JWT
 * sessions; unauthenticated (public) routes are limited per client IP (`req.ip`, which
 * honours TRUST_PROXY). Routes or controllers marked `@SkipThrottle()` are not limited.
 */
@Injectable()
export class ApiThrottlerGuard extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return context.getType() !== 'http';
  }

  protected override async getTracker(req: Record<string, any>): Promise<string> {
    const principal = req.principal as Principal | undefined;
    return callerKey(principal?.accountId, principal ? undefined : await super.getTracker(req));
  }

  /** The stock key includes the controller and handler (a budget per route); ours is per caller. */
  protected override generateKey(_context: ExecutionContext, tracker: string, throttlerName: string): string {
    return `${throttlerName}:${tracker}`;
  }
}
