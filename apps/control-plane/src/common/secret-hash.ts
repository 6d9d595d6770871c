import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * High-entropy secrets (API keys, heartbeat ping tokens) are stored as their SHA-256:
 * a fast hash is enough when the secret itself has 256 random bits.
 */
export function sha256Hex(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Constant-time comparison of a presented secret against a stored SHA-256 (hex). */
export function matchesSha256(secret: string, storedHash: string): boolean {
  const expected = Buffer.from(storedHash, 'hex');
  const actual = createHash('sha256').update(secret, 'utf8').digest();
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
