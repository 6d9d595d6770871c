import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/config';
import { Reflector } from '@nestjs/core';
import { DomainError } from '../common/errors';
import { Principal, PUBLIC_ROUTE } from '../common/principal';
import { AccountsService, Credential, INVALID_CREDENTIALS, READ_ONLY_KEY } from './accounts.service';
import { looksLikeApiKey } from './api-key';
import { RateLimiter } from './rate-limit.guard';

export const MISSING_CREDENTIALS = 'missing credentials: send X-API-Key or Authorization: Bearer';

/** Methods a read_only key may use. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

/** The parts of an HTTP request the guard reads (express's own types are not a dependency). */
export interface AuthenticatedRequest {
  method: string;
  ip?: string;
  headers: Record<string, string | string[] | undefined>;
  principal?: Principal;
}
interface HttpResponse {
  setHeader(name: string, value: string): unknown;
}

/**
 * The credential a request carries: `X-API-Key: <key>`, or `Authorization: Bearer <value>`
 * where a value starting with `px_` is an API key and anything else a JWT. X-API-Key wins
 * when both are sent. Null when neither header holds a value.
 */
export function readCredential(headers: Record<string, string | string[] | undefined>): Credential | null {
  const apiKey = headers['x-api-key'];
  const keyValue = (Array.isArray(apiKey) ? apiKey[0] : apiKey)?.trim();
  if (keyValue) return { kind: 'api_key', value: keyValue };
  const authorization = headers['authorization'];
  const match = typeof authorization === 'string' ? BEARER.exec(authorization) : null;
  if (!match) return null;
  const value = match[1];
  return looksLikeApiKey(value) ? { kind: 'api_key', value } : { kind: 'jwt', value };
}

/**
 * Global guard (APP_GUARD, registered before ApiThrottlerGuard): routes marked @Public()
 * pass; every other HTTP route needs an API key or a JWT and gets `req.principal`.
 * A read_only key may only use GET, HEAD and OPTIONS. Bad credentials count against the
 * client IP (AUTH_FAILURES_PER_MINUTE); over that budget the IP gets 429 before its
 * credential is looked up.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly accounts: AccountsService,
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true; // NATS handlers of a hybrid app are not API routes
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()]))
      return true;
    const http = context.switchToHttp();
    const req = http.getRequest<AuthenticatedRequest>();
    const credential = readCredential(req.headers);
    if (!credential) throw this.challenge(http.getResponse<HttpResponse>(), MISSING_CREDENTIALS);
    // A caller that sent too many bad credentials is refused before any lookup of this one.
    const failures = `authfail:ip:${req.ip ?? 'unknown'}`;
    await this.limiter.assertBelow(failures, this.config.authFailuresPerMinute);
    const principal = await this.accounts.authenticate(credential);
    if (!principal) {
      await this.limiter.note(failures);
      throw this.challenge(http.getResponse<HttpResponse>(), INVALID_CREDENTIALS);
    }
    if (principal.scope === 'read_only' && !SAFE_METHODS.has(req.method.toUpperCase())) {
      throw new DomainError('forbidden', READ_ONLY_KEY);
    }
    req.principal = principal;
    return true;
  }

  private challenge(res: HttpResponse, message: string): DomainError {
    res.setHeader('WWW-Authenticate', 'Bearer realm="parallax"');
    return new DomainError('unauthorized', message);
  }
}
