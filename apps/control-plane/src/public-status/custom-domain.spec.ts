import { customDomainPath, DomainCache } from './custom-domain';

describe('customDomainPath', () => {
  it('maps / and the public JSON paths to the page, keeps the query', () => {
    expect(customDomainPath('/', 'acme')).toBe('/s/acme');
    expect(customDomainPath('/?x=1', 'acme')).toBe('/s/acme?x=1');
    expect(customDomainPath('/api/monitors?monitorId=web&date=2026-11-30', 'acme')).toBe(
      '/s/acme/api/monitors?monitorId=web&date=2026-11-30',
    );
  });
  it('leaves the API, the heartbeat pings, docs and everything else alone', () => {
    for (const p of [
      '/api/v1/monitors',
      '/api/ping/hb_x',
      '/api/public/status/acme',
      '/api/docs',
      '/health/live',
      '/s/other',
    ])
      expect(customDomainPath(p, 'acme')).toBeNull();
  });
});

describe('DomainCache', () => {
  it('caches hits and misses for the TTL', async () => {
    const asked: string[] = [];
    const cache = new DomainCache(async (h) => (asked.push(h), h === 'a.test' ? 'a' : null), 1000);
    expect(await cache.get('a.test', 0)).toBe('a');
    expect(await cache.get('a.test', 500)).toBe('a');
    expect(await cache.get('b.test', 500)).toBeNull();
    expect(await cache.get('b.test', 900)).toBeNull();
    expect(await cache.get('a.test', 1500)).toBe('a');
    expect(asked).toEqual(['a.test', 'b.test', 'a.test']);
  });
});
