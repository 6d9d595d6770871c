import { changePercent, errorClass, errorClasses, pointsChange, slowestRegion } from './insights-rules';

describe('errorClass', () => {
  it.each([
    ['timeout after 5000 ms (waiting for the response)', null, 'timeout'],
    ['connection timed out (ETIMEDOUT)', null, 'timeout'],
    ['DNS lookup failed: ENOTFOUND example.invalid', null, 'dns'],
    ['connection refused (ECONNREFUSED)', null, 'connection_refused'],
    ['connection reset by peer (ECONNRESET)', null, 'connection_reset'],
    ['connection closed by peer before the response was complete', null, 'connection_reset'],
    ['host unreachable (EHOSTUNREACH)', null, 'unreachable'],
    ['100% packet loss (3 of 3)', null, 'unreachable'],
    ['certificate expired on 2026-01-01', null, 'tls'],
    ['expected status 200, got 503', 503, 'http_5xx'],
    ['expected status 200, got 404', 404, 'http_4xx'],
    ['expected status 200, got 302', 302, 'http_status'],
    ['2 of 3 JSON assertions failed', 200, 'assertion'],
    ['keyword "ok" not found', 200, 'assertion'],
    ['something odd', null, 'other'],
    [null, null, 'other'],
  ] as const)('%s (%s) → %s', (error, code, cls) => {
    expect(errorClass(error, code)).toBe(cls);
  });
});

describe('errorClasses', () => {
  it('sums per class and region, most frequent first, with the most frequent text as example', () => {
    expect(
      errorClasses([
        { region: 'eu', error: 'expected status 200, got 503', statusCode: 503, count: 2 },
        { region: 'us', error: 'expected status 200, got 502', statusCode: 502, count: 3 },
        { region: 'eu', error: 'connection refused (ECONNREFUSED)', statusCode: null, count: 5 },
        { region: 'us', error: 'timeout after 300 ms', statusCode: null, count: 5 },
      ]),
    ).toEqual([
      { class: 'timeout', count: 5, by_region: { us: 5 }, example: 'timeout after 300 ms' },
      { class: 'connection_refused', count: 5, by_region: { eu: 5 }, example: 'connection refused (ECONNREFUSED)' },
      { class: 'http_5xx', count: 5, by_region: { eu: 2, us: 3 }, example: 'expected status 200, got 502' },
    ]);
    expect(errorClasses([])).toEqual([]);
  });
});

describe('period changes', () => {
  it('relative change, points change, slowest region', () => {
    expect(changePercent(150, 100)).toBe(50);
    expect(changePercent(90, 120)).toBe(-25);
    expect(changePercent(10, 0)).toBeNull();
    expect(changePercent(null, 10)).toBeNull();
    expect(pointsChange(99.5, 100)).toBe(-0.5);
    expect(pointsChange(null, 100)).toBeNull();
    const s = (p95: number | null) => ({ p50: null, p95, checks: 1, failures: 0, uptime: 100 });
    expect(
      slowestRegion([
        { region: 'us', now: s(200) },
        { region: 'eu', now: s(300) },
        { region: 'ap', now: s(null) },
      ]),
    ).toBe('eu');
    expect(
      slowestRegion([
        { region: 'us', now: s(300) },
        { region: 'eu', now: s(300) },
      ]),
    ).toBe('eu');
    expect(slowestRegion([{ region: 'ap', now: s(null) }])).toBeNull();
  });
});
