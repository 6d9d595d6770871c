import { randomBytes } from 'node:crypto';
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
