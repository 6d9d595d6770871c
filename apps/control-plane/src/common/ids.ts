import { randomBytes } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Prefixed random ids (`mon_…`, `inc_…`, `chk_…`, `key_…`), 16 random base36 chars. */
export function newId(
  prefix:
    'acc' | 'usr' | 'key' | 'mon' | 'hb' | 'inc' | 'chk' | 'res' | 'whk' | 'msg' | 'sp' | 'mnt' | 'upd' | 'sub' | 'ano',
): string {
  const bytes = randomBytes(16);
  let out = '';
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return `${prefix}_${out}`;
}
