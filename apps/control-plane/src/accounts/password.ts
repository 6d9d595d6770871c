import { randomBytes, scrypt, ScryptOptions, timingSafeEqual } from 'node:crypto';

/**
 * Password hashing with scrypt (node:crypto), a per-user random salt and the cost
 * parameters stored beside the hash: `scrypt$N$r$p$<salt>$<hash>` (salt and hash in
 * base64url). Stored parameters let the default cost rise later without breaking
 * existing hashes; verification bounds them so a corrupt row cannot exhaust memory.
 */
export interface ScryptParams {
  /** CPU/memory cost, a power of two. */
  N: number;
  r: number;
  p: number;
}

/**
 * OWASP's current minimum for scrypt: N = 2^17, r = 8, p = 1, i.e. 2^17 × 8 × 128 B =
 * 128 MiB and a few hundred ms per hash on a server core. Hashes stored with a lower cost
 * are rehashed at the next successful login (`needsRehash`).
 */
export const DEFAULT_SCRYPT_PARAMS: ScryptParams = Object.freeze({ N: 1 << 17, r: 8, p: 1 });

const SALT_BYTES = 16;
const HASH_BYTES = 32;
const MAX_N = 1 << 20;
const MAX_R = 32;
const MAX_P = 16;
const MAX_MEMORY = 256 * 1024 * 1024;
const B64URL = /^[A-Za-z0-9_-]+$/;

function derive(password: string, salt: Buffer, keylen: number, { N, r, p }: ScryptParams): Promise<Buffer> {
  // scrypt needs 128·N·r·p bytes (128 MiB at the default); node's default ceiling (32 MiB) is too tight.
  const options: ScryptOptions = { N, r, p, maxmem: 2 * 128 * N * r * p + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** Hashes a password into the self-describing `scrypt$N$r$p$salt$hash` encoding. */
export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT_PARAMS): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt, HASH_BYTES, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

interface ParsedHash {
  params: ScryptParams;
  salt: Buffer;
  hash: Buffer;
}

const positiveInt = (s: string): number | null => (/^[1-9][0-9]{0,9}$/.test(s) ? Number(s) : null);

/** Parses a stored hash; null for anything malformed, unknown or out of bounds. */
export function parsePasswordHash(encoded: string): ParsedHash | null {
  if (typeof encoded !== 'string') return null;
  const parts = encoded.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(positiveInt);
  if (N === null || r === null || p === null) return null;
  if (N < 2 || N > MAX_N || (N & (N - 1)) !== 0 || r > MAX_R || p > MAX_P || 128 * N * r * p > MAX_MEMORY) return null;
  const [saltText, hashText] = [parts[4], parts[5]];
  if (!B64URL.test(saltText) || !B64URL.test(hashText)) return null;
  const salt = Buffer.from(saltText, 'base64url');
  const hash = Buffer.from(hashText, 'base64url');
  // Re-encoding must give the same text: rejects non-canonical (tampered) padding bits.
  if (salt.toString('base64url') !== saltText || hash.toString('base64url') !== hashText) return null;
  if (salt.length < 8 || hash.length < 16 || hash.length > 128) return null;
  return { params: { N, r, p }, salt, hash };
}

/** True only when `password` matches `encoded`; a malformed encoding is a mismatch, never an exception. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parsed = parsePasswordHash(encoded);
  if (!parsed || typeof password !== 'string') return false;
  const candidate = await derive(password, parsed.salt, parsed.hash.length, parsed.params);
  return timingSafeEqual(candidate, parsed.hash);
}

/** True when `encoded` was made with other cost parameters than `params` (or cannot be read): rehash it after a successful verification. */
export function needsRehash(encoded: string, params: ScryptParams = DEFAULT_SCRYPT_PARAMS): boolean {
  const parsed = parsePasswordHash(encoded);
  if (!parsed) return true;
  return (
    parsed.params.N !== params.N ||
    parsed.params.r !== params.r ||
    parsed.params.p !== params.p ||
    parsed.hash.length !== HASH_BYTES
  );
}

const dummyHashes = new Map<string, Promise<string>>();

/**
 * Spends the same scrypt work as a real verification and returns false. Login calls it
 * for an unknown email so that "no such user" and "wrong password" take similar time.
 */
export async function verifyAgainstDummy(
  password: string,
  params: ScryptParams = DEFAULT_SCRYPT_PARAMS,
): Promise<false> {
  await verifyPassword(password, await prepareDummyHash(params));
  return false;
}

/** Computes the dummy hash ahead of the first login (called at startup), so that login is not slower. */
export function prepareDummyHash(params: ScryptParams = DEFAULT_SCRYPT_PARAMS): Promise<string> {
  const key = `${params.N}:${params.r}:${params.p}`;
  let dummy = dummyHashes.get(key);
  if (!dummy) dummyHashes.set(key, (dummy = hashPassword(randomBytes(16).toString('hex'), params)));
  return dummy;
}
