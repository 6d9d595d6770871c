import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '../common/errors';
import { Principal, PUBLIC_ROUTE } from '../common/principal';
import type { AccountsService, Credential } from './accounts.service';
import type { AppConfig } from '../config/config';
import { AuthenticatedRequest, AuthGuard, MISSING_CREDENTIALS, readCredential } from './auth.guard';
import { asAccountId } from '../common/account-id';
import type { RateLimiter } from './rate-limit.guard';

const KEY = 'px_' + 'A'.repeat(43);

describe('readCredential', () => {
  it('reads X-API-Key', () => {
    expect(readCredential({ 'x-api-key': ` ${KEY} ` })).toEqual({ kind: 'api_key', value: KEY });
  });
  it('reads a bearer API key and a bearer JWT', () => {
    expect(readCredential({ authorization: `Bearer ${KEY}` })).toEqual({ kind: 'api_key', value: KEY });
    expect(readCredential({ authorization: 'bearer eyJ.abc.def' })).toEqual({ kind: 'jwt', value: 'eyJ.abc.def' });
  });
  it('prefers X-API-Key when both are sent', () => {
    expect(readCredential({ 'x-api-key': KEY, authorization: 'Bearer eyJ.a.b' })).toEqual({
      kind: 'api_key',
      value: KEY,
    });
  });
  it('is null without a usable header', () => {
    expect(readCredential({})).toBeNull();
    expect(readCredential({ 'x-api-key': '  ' })).toBeNull();
    expect(readCredential({ authorization: 'Basic dXNlcjpwYXNz' })).toBeNull();
    expect(readCredential({ authorization: 'Bearer' })).toBeNull();
    expect(readCredential({ authorization: 'Bearer a b' })).toBeNull();
  });
});

describe('AuthGuard', () => {
  const principal = (scope: Principal['scope']): Principal => ({
    accountId: asAccountId('acc_1'),
    userId: null,
    keyId: 'key_1',
    scope,
    plan: 'free',
  });

  function setup(result: Principal | null, isPublic = false) {
    const seen: Credential[] = [];
    const accounts = { authenticate: async (c: Credential) => (seen.push(c), result) } as unknown as AccountsService;
    const reflector = {
      getAllAndOverride: (key: string) => (key === PUBLIC_ROUTE ? isPublic : undefined),
    } as unknown as Reflector;
    // The limiter's PostgreSQL counters are covered by rate-limits.int-spec.ts; here it only records failures.
    const failures: string[] = [];
    const limiter = {
      assertBelow: async () => undefined,
      note: async (key: string) => void failures.push(key),
    } as unknown as RateLimiter;
    const guard = new AuthGuard(reflector, accounts, limiter, { authFailuresPerMinute: 10 } as AppConfig);
    const run = (method: string, headers: AuthenticatedRequest['headers']) => {
      const req: AuthenticatedRequest = { method, headers };
      const resHeaders: Record<string, string> = {};
      const res = { setHeader: (k: string, v: string) => (resHeaders[k] = v) };
      const ctx = {
        getType: () => 'http',
        getHandler: () => undefined,
        getClass: () => undefined,
        switchToHttp: () => ({ getRequest: () => req, getResponse: () => res }),
      } as unknown as ExecutionContext;
      return { promise: guard.canActivate(ctx), req, resHeaders };
    };
    return { run, seen };
  }

  const rejection = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      return e as DomainError;
    }
    throw new Error('expected a rejection');
  };

  it('lets public routes through without credentials', async () => {
    const { run, seen } = setup(null, true);
    await expect(run('POST', {}).promise).resolves.toBe(true);
    expect(seen).toHaveLength(0);
  });

  it('401s without credentials, with a challenge header', async () => {
    const { run } = setup(principal('read_write'));
    const r = run('GET', {});
    const err = await rejection(r.promise);
    expect(err).toBeInstanceOf(DomainError);
    expect([err.code, err.message]).toEqual(['unauthorized', MISSING_CREDENTIALS]);
    expect(r.resHeaders['WWW-Authenticate']).toMatch(/^Bearer/);
  });

  it('401s for credentials the service does not recognise', async () => {
    const { run } = setup(null);
    const err = await rejection(run('GET', { 'x-api-key': KEY }).promise);
    expect([err.code, err.message]).toEqual(['unauthorized', 'invalid or expired credentials']);
  });

  it('sets req.principal', async () => {
    const { run, seen } = setup(principal('read_write'));
    const r = run('DELETE', { authorization: `Bearer ${KEY}` });
    await expect(r.promise).resolves.toBe(true);
    expect(r.req.principal?.keyId).toBe('key_1');
    expect(seen).toEqual([{ kind: 'api_key', value: KEY }]);
  });

  it('lets a read-only key read but not write', async () => {
    const { run } = setup(principal('read_only'));
    for (const m of ['GET', 'HEAD', 'OPTIONS']) await expect(run(m, { 'x-api-key': KEY }).promise).resolves.toBe(true);
    for (const m of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const err = await rejection(run(m, { 'x-api-key': KEY }).promise);
      expect([err.code, err.message]).toEqual(['forbidden', 'read-only API key cannot modify resources']);
    }
  });
});
