import { apiKeyExpired, apiKeyExpiry } from './api-key';
import { DomainError } from '../common/errors';
import { createHash } from 'node:crypto';
import { apiKeyMatchesHash, generateApiKey, hashApiKey, isWellFormedApiKey, looksLikeApiKey } from './api-key';

describe('API keys', () => {
  it('generates px_ + 32 random bytes in base64url, with a 10-char prefix and a SHA-256 hex hash', () => {
    const { key, prefix, hash } = generateApiKey();
    expect(key).toMatch(/^px_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(key.slice(3), 'base64url')).toHaveLength(32);
    expect(prefix).toBe(key.slice(0, 10));
    expect(hash).toBe(createHash('sha256').update(key).digest('hex'));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('never repeats a key', () => {
    const keys = new Set(Array.from({ length: 1000 }, () => generateApiKey().key));
    expect(keys.size).toBe(1000);
  });

  it('hashes deterministically', () => {
    const { key, hash } = generateApiKey();
    expect(hashApiKey(key)).toBe(hash);
    expect(hashApiKey(key + 'x')).not.toBe(hash);
  });

  it('compares a presented key with a stored hash', () => {
    const a = generateApiKey();
    const b = generateApiKey();
    expect(apiKeyMatchesHash(a.key, a.hash)).toBe(true);
    expect(apiKeyMatchesHash(b.key, a.hash)).toBe(false);
    expect(apiKeyMatchesHash(a.key, 'not-hex')).toBe(false);
    expect(apiKeyMatchesHash(a.key, '')).toBe(false);
  });

  it('recognises the key format', () => {
    const { key } = generateApiKey();
    expect(looksLikeApiKey(key)).toBe(true);
    expect(looksLikeApiKey('eyJhbGciOiJIUzI1NiJ9.e30.sig')).toBe(false);
    expect(isWellFormedApiKey(key)).toBe(true);
    expect(isWellFormedApiKey(key.slice(0, -1))).toBe(false);
    expect(isWellFormedApiKey(key + 'A')).toBe(false);
    expect(isWellFormedApiKey('px_' + '!'.repeat(43))).toBe(false);
    expect(isWellFormedApiKey('sk_' + key.slice(3))).toBe(false);
  });
});

describe('API key expiry', () => {
  const now = Date.parse('2026-12-03T08:00:00Z');
  it('is null when omitted and the instant when in the future (at most 10 years)', () => {
    expect(apiKeyExpiry(undefined, now)).toBeNull();
    expect(apiKeyExpiry('2026-12-03T09:00:00Z', now)).toEqual(new Date('2026-12-03T09:00:00Z'));
    expect(apiKeyExpiry('2036-11-30T00:00:00Z', now)?.toISOString()).toBe('2036-11-30T00:00:00.000Z');
  });
  it('refuses the past, now, more than 10 years ahead and unparsable dates with a 422 naming expires_at', () => {
    for (const bad of ['2026-12-03T08:00:00Z', '2020-01-01T00:00:00Z', '2040-01-01T00:00:00Z', 'not a date']) {
      let thrown: unknown;
      try {
        apiKeyExpiry(bad, now);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(DomainError);
      expect((thrown as DomainError).details?.[0].field).toBe('expires_at');
    }
  });
  it('a key expires at its instant', () => {
    expect(apiKeyExpired(null, now)).toBe(false);
    expect(apiKeyExpired(new Date(now + 1), now)).toBe(false);
    expect(apiKeyExpired(new Date(now), now)).toBe(true);
  });
});
