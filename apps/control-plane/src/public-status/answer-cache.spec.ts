import { AnswerCache, pick } from './answer-cache';

describe('AnswerCache', () => {
  it('reuses an answer for the TTL, shares concurrent misses, renders again after', async () => {
    let t = 0;
    let renders = 0;
    const cache = new AnswerCache(1000, 10, () => t);
    const render = async () => `v${++renders}`;
    expect(await Promise.all([cache.get('a', render), cache.get('a', render)])).toEqual(['v1', 'v1']);
    t = 999;
    expect(await cache.get('a', render)).toBe('v1');
    t = 1000;
    expect(await cache.get('a', render)).toBe('v2');
  });
  it('does not keep a failed render, and 0 disables it', async () => {
    const cache = new AnswerCache(1000, 10, () => 0);
    await expect(cache.get('a', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await cache.get('a', async () => 'ok')).toBe('ok');
    let n = 0;
    const off = new AnswerCache(0);
    await off.get('a', async () => String(++n));
    expect(await off.get('a', async () => String(++n))).toBe('2');
  });
});

describe('AnswerCache keep', () => {
  it('does not keep an answer keep refuses (a 500), keeps the others', async () => {
    let n = 0;
    const cache = new AnswerCache<{ status: number; body: string }>(
      1000,
      10,
      () => 0,
      (a) => a.status < 500,
    );
    expect(await cache.get('a', async () => ({ status: 500, body: String(++n) }))).toEqual({ status: 500, body: '1' });
    expect(await cache.get('a', async () => ({ status: 200, body: String(++n) }))).toEqual({ status: 200, body: '2' });
    expect(await cache.get('a', async () => ({ status: 200, body: String(++n) }))).toEqual({ status: 200, body: '2' });
  });
  it('a late failure of a replaced entry does not drop its successor', async () => {
    let t = 0;
    let fail!: (e: Error) => void;
    const cache = new AnswerCache(10, 10, () => t);
    const first = cache.get('a', () => new Promise<string>((_, reject) => (fail = reject)));
    t = 10;
    expect(await cache.get('a', async () => 'second')).toBe('second');
    fail(new Error('late'));
    await expect(first).rejects.toThrow('late');
    expect(await cache.get('a', async () => 'third')).toBe('second');
  });
});

describe('pick', () => {
  it('keeps only the named parameters that are present, as given', () => {
    expect(
      pick({ monitorId: 'api', date: '2026-12-01', _: '1733', utm_source: 'x' }, ['monitorId', 'date', 'hour']),
    ).toEqual({ monitorId: 'api', date: '2026-12-01' });
    expect(pick({ status: ['a', 'b'] }, ['status'])).toEqual({ status: ['a', 'b'] });
    expect(JSON.stringify(pick({ _: '1' }, ['status']))).toBe(JSON.stringify(pick({}, ['status'])));
  });
});
