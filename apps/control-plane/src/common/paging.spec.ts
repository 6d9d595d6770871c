import { DomainError } from './errors';
import { decodeCursor, encodeCursor, listOffset, MAX_OFFSET } from './paging';

describe('listOffset', () => {
  it('reads offset, else page × limit, clamped at 0', () => {
    expect(listOffset(undefined, 50)).toBe(0);
    expect(listOffset('20', 50)).toBe(20);
    expect(listOffset('-5', 50)).toBe(0);
    expect(listOffset('abc', 50)).toBe(0);
    expect(listOffset(undefined, 50, '3')).toBe(100);
    expect(listOffset(undefined, 50, '0')).toBe(0);
    expect(listOffset('7', 50, '3')).toBe(7);
    expect(listOffset(String(MAX_OFFSET), 50)).toBe(MAX_OFFSET);
  });

  it('refuses offsets beyond the bound with a 422 naming the field and the way on', () => {
    const refused = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return e as DomainError;
      }
      throw new Error('not refused');
    };
    const e = refused(() => listOffset(String(MAX_OFFSET + 1), 50, undefined, 'page with cursor'));
    expect(e.code).toBe('validation');
    expect(e.details).toEqual([
      { field: 'offset', message: `offset ${MAX_OFFSET + 1} is beyond ${MAX_OFFSET}; page with cursor` },
    ]);
    expect(refused(() => listOffset(undefined, 500, '22')).details?.[0].field).toBe('page');
  });
});

describe('list cursors', () => {
  it('round-trips a position', () => {
    const c = { createdAt: '2026-12-03 07:55:01.123456+00', id: 'mon_abc123' };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
  });

  it.each([
    ['', 'empty'],
    ['not base64!', 'bad alphabet'],
    [Buffer.from('{"a":1}').toString('base64url'), 'not a pair'],
    [Buffer.from('["yesterday","mon_a"]').toString('base64url'), 'not a timestamp'],
    [Buffer.from('["2026-12-03 07:55:01+00","x; drop"]').toString('base64url'), 'not an id'],
    [Buffer.from('[').toString('base64url'), 'not JSON'],
    ['A'.repeat(600), 'too long'],
  ])('refuses %s (%s)', (raw) => {
    expect(decodeCursor(raw)).toBeNull();
  });
});
