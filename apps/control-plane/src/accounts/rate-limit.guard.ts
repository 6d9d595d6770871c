import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import type { Principal } from '../common/principal';
import { APP_CONFIG, AppConfig } from '../config/config';

export const RATE_LIMIT_WINDOW_MS = 60_000;

/**
 * The throttler configuration: `rateLimitPerMinute` requests per sliding 60 s window.
 * `blockDuration: 0` means no extra penalty: a caller over the limit may retry as soon as
 * its oldest request leaves the window, and `Retry-After` says exactly when that is.
 * The unnamed throttler is called "default", so the guard's headers carry no suffix:
 * `X-RateLimit-Limit`, `X-RateLimit-Remaining`, `X-RateLimit-Reset` on every throttled
 * route and `Retry-After` (seconds) on a 429. Storage is in memory, per replica.
 */
export const RateLimitModule = ThrottlerModule.forRootAsync({
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => ({
    throttlers: [{ ttl: RATE_LIMIT_WINDOW_MS, limit: config.rateLimitPerMinute, blockDuration: 0 }],
    setHeaders: true,
  }),
});

/**
 * Global rate-limit guard (APP_GUARD, registered after AuthGuard so `req.principal` is
 * set). One budget per API key across all routes; JWT sessions share their account's
 * budget; unauthenticated (public) routes are limited per client IP. Routes or
 * controllers marked `@SkipThrottle()` are not limited.
 */
@Injectable()
export class ApiThrottlerGuard extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return context.getType() !== 'http';
  }

  protected override async getTracker(req: Record<string, any>): Promise<string> {
    const principal = req.principal as Principal | undefined;
    if (principal?.keyId) return `key:${principal.keyId}`;
    if (principal) return `acc:${principal.accountId}`;
    return `ip:${await super.getTracker(req)}`;
  }

  /** The stock key includes the controller and handler (a budget per route); ours is per caller. */
  protected override generateKey(_context: ExecutionContext, tracker: string, throttlerName: string): string {
    return `${throttlerName}:${tracker}`;
  }
}
