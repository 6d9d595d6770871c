import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Clock } from '../common/clock';
import { JwtService } from '@nestjs/jwt';
import { Paged } from '../common/envelope.interceptor';
import { DomainError, notFound } from '../common/errors';
import { newId } from '../common/ids';
import type { Principal } from '../common/principal';
import { APP_CONFIG, AppConfig } from '../config/config';
import { TransactionRunner, type Tx } from '../database/transaction';
import { AccountEntity, ApiKeyEntity, UserEntity } from './account.entity';
import { AccountsRepository } from './accounts.repository';
import { apiKeyMatchesHash, generateApiKey, hashApiKey, isWellFormedApiKey } from './api-key';
import { CreateApiKeyDto } from './dto/create-api-key.dto';
import { LoginDto } from './dto/login.dto';
import { SignupDto } from './dto/signup.dto';
import {
  AccountView,
  ApiKeyView,
  CreatedApiKeyView,
  DeletedView,
  LoginView,
  MeView,
  SignupView,
  UserView,
} from './dto/views';
import {
  hashPassword,
  needsRehash,
  prepareDummyHash,
  ScryptParams,
  verifyAgainstDummy,
  verifyPassword,
} from './password';
import { PlanLimitsService } from './plan-limits';
import { asAccountId, type AccountId } from '../common/account-id';
import { apiKeyExpired, apiKeyExpiry } from './api-key';
import { loginLockoutMs } from './rate-limit-rules';
import { RateLimitedError, RateLimiter } from './rate-limit.guard';

/** Credentials read from a request by the AuthGuard. */
export type Credential = { kind: 'api_key'; value: string } | { kind: 'jwt'; value: string };

export const INVALID_LOGIN = 'invalid email or password';
export const EMAIL_TAKEN = 'email already registered';
export const INVALID_CREDENTIALS = 'invalid or expired credentials';
export const READ_ONLY_KEY = 'read-only API key cannot modify resources';
export const TOO_MANY_KEYS = (max: number) => `an account may hold at most ${max} API keys: delete one first`;

/** Failed logins of an account are remembered this long (a success forgets them). */
const LOGIN_FAILURE_WINDOW_MS = 86_400_000;

/** Successful credential lookups are reused for this long, then checked against the database again. */
const PRINCIPAL_CACHE_MS = 5_000;
const CACHE_MAX_ENTRIES = 10_000;
/** `last_used_at` is written at most this often per key. */
const TOUCH_INTERVAL_SECONDS = 60;
const FIRST_KEY_NAME = 'default';
const DEFAULT_PAGE = 500;

interface JwtClaims {
  sub?: unknown;
  acc?: unknown;
  /** The user's token version when the token was issued (absent in tokens from before versions: 0). */
  ver?: unknown;
}

export const SESSION_ONLY =
  'this needs a login session (Authorization: Bearer <JWT from POST /auth/login>), not an API key';
export const WRONG_PASSWORD = 'current password is wrong';

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

const iso = (d: Date): string => d.toISOString();
const accountView = (a: AccountEntity): AccountView => ({
  id: a.id,
  name: a.name,
  plan: a.plan,
  created_at: iso(a.createdAt),
});
const userView = (u: UserEntity): UserView => ({
  id: u.id,
  email: u.email,
  name: u.name,
  created_at: iso(u.createdAt),
});
const apiKeyView = (k: ApiKeyEntity): ApiKeyView => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  scope: k.scope,
  created_at: iso(k.createdAt),
  last_used_at: k.lastUsedAt ? iso(k.lastUsedAt) : null,
  expires_at: k.expiresAt ? iso(k.expiresAt) : null,
});
const createdKeyView = (k: ApiKeyEntity, key: string): CreatedApiKeyView => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  scope: k.scope,
  key,
  created_at: iso(k.createdAt),
  expires_at: k.expiresAt ? iso(k.expiresAt) : null,
});

/** Accounts, users, API keys and authentication of requests. */
@Injectable()
export class AccountsService implements OnModuleInit {
  private readonly logger = new Logger(AccountsService.name);
  private readonly principals = new Map<string, { principal: Principal; expiresAt: number }>();
  private readonly keyTouchedAt = new Map<string, number>();
  /** scrypt cost of new hashes: N = 2^SCRYPT_LOG2_N (default 17), r = 8, p = 1. */
  private readonly scrypt: ScryptParams;

  constructor(
    private readonly repo: AccountsRepository,
    private readonly transactions: TransactionRunner,
    private readonly jwt: JwtService,
    private readonly limits: PlanLimitsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly limiter: RateLimiter,
  ) {
    this.scrypt = { N: 2 ** config.scryptLog2N, r: 8, p: 1 };
  }

  async onModuleInit(): Promise<void> {
    await prepareDummyHash(this.scrypt);
  }

  /** Creates an account, its first user and a first read_write API key in one transaction. */
  async signup(dto: SignupDto): Promise<SignupView> {
    const email = normalizeEmail(dto.email);
    const name = dto.name.trim();
    const passwordHash = await hashPassword(dto.password, this.scrypt);
    const now = this.clock.now();
    const account: AccountEntity = { id: newId('acc'), name, plan: this.config.defaultPlan, createdAt: now };
    const user: UserEntity = {
      id: newId('usr'),
      accountId: account.id,
      email,
      name,
      passwordHash,
      tokenVersion: 0,
      createdAt: now,
    };
    const generated = generateApiKey();
    const key = this.newKeyEntity(account.id, FIRST_KEY_NAME, 'read_write', generated, now);
    await this.transactions.run(async (tx) => {
      await this.repo.insertAccount(tx, account);
      if (!(await this.repo.insertUser(tx, user))) throw new DomainError('conflict', EMAIL_TAKEN);
      await this.repo.insertApiKey(key, tx);
    });
    return { account: accountView(account), user: userView(user), api_key: createdKeyView(key, generated.key) };
  }

  /** Email and password to a JWT; an unknown email and a wrong password answer alike, in similar time. */
  async login(dto: LoginDto): Promise<LoginView> {
    const email = normalizeEmail(dto.email);
    // Per account (email, known or not: the answer must not tell which): after
    // LOGIN_LOCKOUT_AFTER failures, a 429 with a doubling wait, whatever the password.
    const failuresKey = `login:${email}`;
    const failures = await this.limiter.peek(failuresKey);
    const policy = this.config.loginLockout;
    const waitMs =
      failures && failures.windowStartMs + LOGIN_FAILURE_WINDOW_MS > this.clock.nowMs()
        ? loginLockoutMs(failures.hits, failures.lastHitMs, this.clock.nowMs(), {
            after: policy.after,
            baseMs: policy.baseSeconds * 1000,
            maxMs: policy.maxSeconds * 1000,
          })
        : 0;
    if (waitMs > 0) throw new RateLimitedError(Math.ceil(waitMs / 1000));
    const found = await this.repo.findUserByEmail(email);
    const ok = found
      ? await verifyPassword(dto.password, found.user.passwordHash)
      : await verifyAgainstDummy(dto.password, this.scrypt);
    if (!found || !ok) {
      await this.limiter.note(failuresKey, LOGIN_FAILURE_WINDOW_MS);
      throw new DomainError('unauthorized', INVALID_LOGIN);
    }
    if (failures) await this.limiter.reset(failuresKey);
    const { user, plan } = found;
    // Transparent rehash: a hash made with an older (lower) cost is replaced now that the password is known.
    if (needsRehash(user.passwordHash, this.scrypt))
      await this.repo.updateCredentials(
        asAccountId(user.accountId),
        user.id,
        await hashPassword(dto.password, this.scrypt),
        false,
      );
    const token = await this.sign(user.id, user.accountId, user.tokenVersion ?? 0);
    return { user: { id: user.id, email: user.email, name: user.name, plan, account_id: user.accountId }, token };
  }

  /** Ends every login session of the caller's user: its token version moves on, so all its JWTs stop working. */
  async logout(principal: Principal): Promise<{ logged_out: true }> {
    const userId = this.sessionUser(principal);
    await this.repo.updateCredentials(principal.accountId, userId, null, true);
    this.forgetUser(principal.accountId, userId);
    return { logged_out: true };
  }

  /** Changes the caller's password (the current one is required) and revokes its other JWTs; answers a new token. */
  async changePassword(principal: Principal, currentPassword: string, newPassword: string): Promise<{ token: string }> {
    const userId = this.sessionUser(principal);
    const user = await this.repo.findUser(principal.accountId, userId);
    if (!user) throw new DomainError('unauthorized', INVALID_CREDENTIALS);
    if (!(await verifyPassword(currentPassword, user.passwordHash))) throw new DomainError('forbidden', WRONG_PASSWORD);
    const version = await this.repo.updateCredentials(
      principal.accountId,
      userId,
      await hashPassword(newPassword, this.scrypt),
      true,
    );
    if (version === null) throw new DomainError('unauthorized', INVALID_CREDENTIALS);
    this.forgetUser(principal.accountId, userId);
    return { token: await this.sign(userId, principal.accountId, version) };
  }

  private sessionUser(principal: Principal): string {
    if (!principal.userId) throw new DomainError('forbidden', SESSION_ONLY);
    return principal.userId;
  }

  private sign(userId: string, accountId: string, version: number): Promise<string> {
    // `iat` from the Clock: the expiry (JWT_TTL_SECONDS after it) runs on the same clock as the check.
    return this.jwt.signAsync({
      sub: userId,
      acc: accountId,
      ver: version,
      iat: Math.floor(this.clock.nowMs() / 1000),
    });
  }

  async me(principal: Principal): Promise<MeView> {
    const account = await this.repo.findAccount(principal.accountId);
    if (!account) throw new DomainError('unauthorized', INVALID_CREDENTIALS);
    const user = principal.userId ? await this.repo.findUser(principal.accountId, principal.userId) : null;
    const limits = this.limits.planLimits(account.plan);
    return {
      user: user ? userView(user) : null,
      account: accountView(account),
      auth: { method: principal.keyId ? 'api_key' : 'jwt', key_id: principal.keyId, scope: principal.scope },
      limits: { max_monitors: limits.maxMonitors, min_interval_seconds: limits.minIntervalSeconds },
    };
  }

  /** A new key; the full key is in this answer only. */
  async createApiKey(principal: Principal, dto: CreateApiKeyDto): Promise<CreatedApiKeyView> {
    this.assertWritable(principal);
    const generated = generateApiKey();
    const key = this.newKeyEntity(
      principal.accountId,
      dto.name.trim(),
      dto.scope ?? 'read_write',
      generated,
      this.clock.now(),
    );
    key.expiresAt = apiKeyExpiry(dto.expires_at, this.clock.nowMs());
    const max = this.config.maxApiKeysPerAccount;
    await this.transactions.run(async (tx) => {
      // The account row is locked so that concurrent creations cannot pass the cap together.
      if ((await this.repo.lockAndCountApiKeys(tx, principal.accountId)) >= max)
        throw new DomainError('conflict', TOO_MANY_KEYS(max));
      await this.repo.insertApiKey(key, tx);
    });
    return createdKeyView(key, generated.key);
  }

  /** `limit` and `offset` as ApiKeyListQuery parsed them (limit 1–500, offset ≤ 10,000). */
  async listApiKeys(
    principal: Principal,
    query: { limit: number; offset: number } = { limit: DEFAULT_PAGE, offset: 0 },
  ): Promise<Paged<ApiKeyView>> {
    const { limit, offset } = query;
    const { items, total } = await this.repo.listApiKeys(principal.accountId, limit, offset);
    return new Paged(items.map(apiKeyView), { total, limit, offset });
  }

  /** Deletes one of the caller's keys (possibly the one in use); another account's key is "not found". */
  async deleteApiKey(principal: Principal, id: string): Promise<DeletedView> {
    this.assertWritable(principal);
    if (!(await this.repo.deleteApiKey(principal.accountId, id))) throw notFound('api key', id);
    this.forgetKey(id);
    return { deleted: true, id };
  }

  /** The caller behind a credential, or null when it is unknown, revoked or expired. */
  authenticate(credential: Credential): Promise<Principal | null> {
    return credential.kind === 'api_key'
      ? this.authenticateApiKey(credential.value)
      : this.authenticateJwt(credential.value);
  }

  private async authenticateApiKey(key: string): Promise<Principal | null> {
    if (!isWellFormedApiKey(key)) return null;
    const hash = hashApiKey(key);
    const cacheKey = `key:${hash}`;
    let principal = this.cached(cacheKey);
    if (!principal) {
      const found = await this.repo.findApiKeyByHash(hash);
      if (!found || !apiKeyMatchesHash(key, found.key.keyHash)) return null;
      if (apiKeyExpired(found.key.expiresAt, this.clock.nowMs())) return null;
      principal = {
        accountId: asAccountId(found.key.accountId),
        userId: null,
        keyId: found.key.id,
        scope: found.key.scope,
        plan: found.plan,
      };
      this.cache(cacheKey, principal, found.key.expiresAt?.getTime());
    }
    await this.noteKeyUse(principal.accountId, principal.keyId!);
    return principal;
  }

  private async authenticateJwt(token: string): Promise<Principal | null> {
    let claims: JwtClaims;
    try {
      claims = await this.jwt.verifyAsync<JwtClaims>(token, {
        algorithms: ['HS256'],
        clockTimestamp: Math.floor(this.clock.nowMs() / 1000),
      });
    } catch {
      return null;
    }
    if (typeof claims.sub !== 'string' || typeof claims.acc !== 'string') return null;
    const version = claims.ver === undefined ? 0 : claims.ver;
    if (typeof version !== 'number') return null;
    const cacheKey = `usr:${claims.acc}:${claims.sub}:${version}`;
    let principal = this.cached(cacheKey);
    if (!principal) {
      const found = await this.repo.findUserWithPlan(asAccountId(claims.acc), claims.sub);
      // A token issued before the last logout or password change is revoked.
      if (!found || (found.user.tokenVersion ?? 0) !== version) return null;
      principal = {
        accountId: asAccountId(found.user.accountId),
        userId: found.user.id,
        keyId: null,
        scope: 'read_write',
        plan: found.plan,
      };
      this.cache(cacheKey, principal);
    }
    return principal;
  }

  private assertWritable(principal: Principal): void {
    if (principal.scope !== 'read_write') throw new DomainError('forbidden', READ_ONLY_KEY);
  }

  private newKeyEntity(
    accountId: string,
    name: string,
    scope: ApiKeyEntity['scope'],
    generated: { prefix: string; hash: string },
    createdAt: Date,
  ): ApiKeyEntity {
    return {
      id: newId('key'),
      accountId,
      name,
      prefix: generated.prefix,
      keyHash: generated.hash,
      scope,
      createdAt,
      lastUsedAt: null,
      expiresAt: null,
    };
  }

  /** Writes `last_used_at` at most once a minute per key; bookkeeping never fails a request. */
  private async noteKeyUse(accountId: AccountId, keyId: string): Promise<void> {
    const now = this.clock.nowMs();
    const last = this.keyTouchedAt.get(keyId);
    if (last !== undefined && now - last < TOUCH_INTERVAL_SECONDS * 1000) return;
    if (this.keyTouchedAt.size >= CACHE_MAX_ENTRIES) {
      for (const [id, at] of this.keyTouchedAt)
        if (now - at >= TOUCH_INTERVAL_SECONDS * 1000) this.keyTouchedAt.delete(id);
      if (this.keyTouchedAt.size >= CACHE_MAX_ENTRIES) this.keyTouchedAt.clear();
    }
    this.keyTouchedAt.set(keyId, now);
    try {
      await this.repo.touchApiKey(accountId, keyId, TOUCH_INTERVAL_SECONDS, new Date(now));
    } catch (err) {
      this.logger.warn({ err, keyId }, 'could not record API key use');
    }
  }

  private cached(cacheKey: string): Principal | null {
    const hit = this.principals.get(cacheKey);
    if (!hit) return null;
    if (hit.expiresAt <= this.clock.nowMs()) {
      this.principals.delete(cacheKey);
      return null;
    }
    return hit.principal;
  }

  /** Caches a principal for PRINCIPAL_CACHE_MS, never past `expiresAtMs` (an expiring API key). */
  private cache(cacheKey: string, principal: Principal, expiresAtMs?: number): void {
    const now = this.clock.nowMs();
    if (expiresAtMs !== undefined && expiresAtMs <= now) return;
    if (this.principals.size >= CACHE_MAX_ENTRIES) {
      for (const [k, v] of this.principals) if (v.expiresAt <= now) this.principals.delete(k);
      if (this.principals.size >= CACHE_MAX_ENTRIES) this.principals.clear();
    }
    this.principals.set(cacheKey, {
      principal,
      expiresAt: Math.min(now + PRINCIPAL_CACHE_MS, expiresAtMs ?? Infinity),
    });
  }

  /** A deleted key stops working at once on this replica (others within PRINCIPAL_CACHE_MS). */
  private forgetUser(accountId: string, userId: string): void {
    for (const [k, v] of this.principals)
      if (v.principal.accountId === accountId && v.principal.userId === userId) this.principals.delete(k);
  }

  private forgetKey(keyId: string): void {
    for (const [k, v] of this.principals) if (v.principal.keyId === keyId) this.principals.delete(k);
    this.keyTouchedAt.delete(keyId);
  }

  /** Where a monitor's alert emails go when its `alert_email` is empty (reference: the account's email). */
  defaultAlertEmail(tx: Tx, accountId: AccountId): Promise<string | null> {
    return this.repo.firstUserEmail(tx, accountId);
  }
}
