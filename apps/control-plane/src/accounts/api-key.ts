import { randomBytes } from 'node:crypto';
import { validationFailed } from '../common/errors';
import { matchesSha256, sha256Hex } from '../common/secret-hash';

/**
 * API keys: `px_` + 32 random bytes in base64url (256 bits of entropy). Only the
 * SHA-256 of the whole key is stored (a fast hash is enough for a high-entropy
 * secret); the first characters are kept as `prefix` so a user can tell keys apart.
 */
export const API_KEY_PREFIX = 'px_';
export const API_KEY_PREFIX_LENGTH = 10;
const API_KEY_PATTERN = /^px_[A-Za-z0-9_-]{43}$/;

export interface GeneratedApiKey {
  /** The full key: shown to the user once, never stored. */
  key: string;
  prefix: string;
  /** Lowercase hex SHA-256 of `key`. */
  hash: string;
}

export function generateApiKey(): GeneratedApiKey {
  const key = API_KEY_PREFIX + randomBytes(32).toString('base64url');
  return { key, prefix: key.slice(0, API_KEY_PREFIX_LENGTH), hash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return sha256Hex(key);
}

/** A bearer value that starts with `px_` is an API key; anything else is treated as a JWT. */
export function looksLikeApiKey(value: string): boolean {
  return value.startsWith(API_KEY_PREFIX);
}

/** Shape check before any database work: a malformed key is rejected without a lookup. */
export function isWellFormedApiKey(value: string): boolean {
  return API_KEY_PATTERN.test(value);
}

/** Constant-time comparison of a presented key against a stored hash. */
export function apiKeyMatchesHash(key: string, storedHash: string): boolean {
  return matchesSha256(key, storedHash);
}

const MAX_KEY_LIFETIME_MS = 10 * 365 * 86_400_000;

/**
 * The expiry of a new key from its `expires_at` (already an ISO 8601 string): null when
 * omitted; a 422 naming the field when it is not in the future or more than 10 years ahead.
 */
export function apiKeyExpiry(expiresAt: string | undefined, nowMs: number): Date | null {
  if (expiresAt === undefined) return null;
  const at = Date.parse(expiresAt);
  if (!Number.isFinite(at))
    throw validationFailed([
      { field: 'expires_at', message: 'must be an ISO 8601 date-time such as 2027-01-01T00:00:00Z' },
    ]);
  if (at <= nowMs) throw validationFailed([{ field: 'expires_at', message: 'must be in the future' }]);
  if (at > nowMs + MAX_KEY_LIFETIME_MS)
    throw validationFailed([{ field: 'expires_at', message: 'must be at most 10 years ahead' }]);
  return new Date(at);
}

/** True when a key with this expiry (null: never) is no longer valid at `nowMs`. */
export function apiKeyExpired(expiresAt: Date | null | undefined, nowMs: number): boolean {
  return !!expiresAt && expiresAt.getTime() <= nowMs;
}
