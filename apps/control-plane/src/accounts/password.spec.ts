import {
  DEFAULT_SCRYPT_PARAMS,
  hashPassword,
  needsRehash,
  parsePasswordHash,
  verifyAgainstDummy,
  verifyPassword,
} from './password';

const FAST = { N: 1 << 10, r: 8, p: 1 };

describe('password hashing (scrypt)', () => {
  it('hashes into scrypt$N$r$p$salt$hash with the default cost and verifies', async () => {
    const encoded = await hashPassword('correct horse battery staple');
    const parts = encoded.split('$');
    expect(parts).toHaveLength(6);
    expect(parts.slice(0, 4)).toEqual(['scrypt', String(DEFAULT_SCRYPT_PARAMS.N), '8', '1']);
    expect(Buffer.from(parts[4], 'base64url')).toHaveLength(16);
    expect(Buffer.from(parts[5], 'base64url')).toHaveLength(32);
    await expect(verifyPassword('correct horse battery staple', encoded)).resolves.toBe(true);
  });

  it("defaults to OWASP's minimum cost N = 2^17, r = 8, p = 1", () => {
    expect(DEFAULT_SCRYPT_PARAMS).toEqual({ N: 131072, r: 8, p: 1 });
  });

  it('asks for a rehash of hashes made with other parameters only', async () => {
    const old = await hashPassword('old cost', { N: 1 << 15, r: 8, p: 1 });
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash(await hashPassword('fast', FAST))).toBe(true);
    expect(needsRehash(await hashPassword('current cost'))).toBe(false);
    expect(needsRehash(await hashPassword('r differs', { N: 1 << 17, r: 4, p: 1 }), DEFAULT_SCRYPT_PARAMS)).toBe(true);
    expect(needsRehash('garbage')).toBe(true);
    expect(needsRehash(old, { N: 1 << 15, r: 8, p: 1 })).toBe(false);
  });

  it('rejects a wrong password', async () => {
    const encoded = await hashPassword('s3cret-password', FAST);
    await expect(verifyPassword('s3cret-passwore', encoded)).resolves.toBe(false);
    await expect(verifyPassword('', encoded)).resolves.toBe(false);
    await expect(verifyPassword('S3CRET-PASSWORD', encoded)).resolves.toBe(false);
  });

  it('uses a fresh salt for every hash', async () => {
    const a = await hashPassword('same password', FAST);
    const b = await hashPassword('same password', FAST);
    expect(a).not.toEqual(b);
    await expect(verifyPassword('same password', a)).resolves.toBe(true);
    await expect(verifyPassword('same password', b)).resolves.toBe(true);
  });

  it('honours the cost parameters stored in the encoding', async () => {
    const encoded = await hashPassword('params travel with the hash', { N: 1 << 11, r: 4, p: 2 });
    expect(encoded.startsWith('scrypt$2048$4$2$')).toBe(true);
    await expect(verifyPassword('params travel with the hash', encoded)).resolves.toBe(true);
  });

  it('treats a tampered or malformed encoding as a mismatch, never an exception', async () => {
    const encoded = await hashPassword('tamper me', FAST);
    const [alg, N, r, p, salt, hash] = encoded.split('$');
    const flip = (s: string) => (s[0] === 'A' ? 'B' : 'A') + s.slice(1);
    const tampered = [
      [alg, N, r, p, salt, flip(hash)].join('$'), // hash changed
      [alg, N, r, p, flip(salt), hash].join('$'), // salt changed
      [alg, String(Number(N) * 2), r, p, salt, hash].join('$'), // cost changed
      [alg, N, '9', p, salt, hash].join('$'),
      ['bcrypt', N, r, p, salt, hash].join('$'), // unknown algorithm
      [alg, '1000', r, p, salt, hash].join('$'), // N not a power of two
      [alg, String(1 << 30), r, p, salt, hash].join('$'), // absurd cost
      [alg, N, r, p, salt].join('$'), // missing part
      [alg, N, r, p, salt, hash, 'x'].join('$'), // extra part
      [alg, N, r, p, salt, hash + '!'].join('$'), // not base64url
      [alg, N, r, p, salt, hash.slice(0, 8)].join('$'), // truncated hash
      [alg, 'abc', r, p, salt, hash].join('$'),
      [alg, '-1024', r, p, salt, hash].join('$'),
      '',
      'plaintext',
    ];
    for (const bad of tampered) await expect(verifyPassword('tamper me', bad)).resolves.toBe(false);
    expect(parsePasswordHash([alg, N, r, p, salt, hash].join('$'))).not.toBeNull();
  });

  it('normalises Unicode so visually identical passwords match', async () => {
    const encoded = await hashPassword('caf\u00e9-pass', FAST); // precomposed é
    await expect(verifyPassword('cafe\u0301-pass', encoded)).resolves.toBe(true); // e + combining accent
  });

  it('the dummy verification always fails', async () => {
    await expect(verifyAgainstDummy('anything at all')).resolves.toBe(false);
  });
});
