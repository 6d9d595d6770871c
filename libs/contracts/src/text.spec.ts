import { parseResult, parseStorableResult } from './messages';
import { cleanDeep, cleanText, cutText, storableTime } from './text';

describe('text across the region boundary', () => {
  it('cuts on code-point boundaries and never leaves a lone surrogate', () => {
    const s = 'a'.repeat(2047) + '😀';
    expect(s.slice(0, 2048).isWellFormed()).toBe(false); // the bug: half an emoji
    expect(cutText(s, 2048)).toBe('a'.repeat(2047));
    expect(cutText(s, 2049)).toBe(s);
    expect(cutText('😀😀', 3)).toBe('😀');
    expect(cutText('ab\udc00', 3)).toBe('ab\ufffd');
    expect(cutText('', 0)).toBe('');
  });

  it('cleans lone surrogates and NUL, keys and nested values included', () => {
    expect(cleanText('x\u0000y\ud800')).toBe('xy\ufffd');
    expect(cleanDeep({ 'k\u0000': ['\udfff', { d: 'a\u0000' }], n: 1, b: null })).toEqual({
      k: ['\ufffd', { d: 'a' }],
      n: 1,
      b: null,
    });
  });

  it('keeps only times PostgreSQL can store, normalised to UTC', () => {
    expect(storableTime('2026-01-02T03:04:05+02:00')).toBe('2026-01-02T01:04:05.000Z');
    expect(storableTime('2026-02-30T00:00:00Z')).toBe('2026-03-02T00:00:00.000Z');
    expect(storableTime('0000-01-01T00:00:00Z')).toBeNull();
    expect(storableTime('+275760-09-13T00:00:00.000Z')).toBeNull();
    expect(storableTime('soon')).toBeNull();
    expect(storableTime(42)).toBeNull();
  });
});

describe('cleanResultPayload / parseStorableResult', () => {
  const at = new Date('2026-05-05T05:05:05.000Z');
  const base = {
    v: 1,
    job_id: 'mon_a.1',
    monitor_id: 'mon_a',
    round: 1,
    region: 'eu-west',
    probe_id: 'p1',
    probe_version: '1',
    started_at: '2026-05-05T05:05:00.000Z',
    is_up: false,
    status_code: 500,
    response_ms: 3,
    error: 'boom',
    phases: { dns: null, connect: null, tls: null, first_byte: null, total: 3 },
    response_headers: { a: 'b' },
    response_body: 'x',
  };

  it('leaves a good result as it is', () => {
    const raw = JSON.stringify(base);
    expect(parseStorableResult(raw, at)).toEqual(parseResult(raw));
  });

  it('turns every bad field into a storable one instead of refusing the result', () => {
    const bad = {
      ...base,
      error: 'e'.repeat(9000),
      response_body: 'a'.repeat(2047) + '😀',
      response_headers: Object.fromEntries([
        ['x\u0000', 'v'.repeat(5000)],
        ...Array.from({ length: 150 }, (_, i) => [`h${i}`, '\ud800']),
      ]),
      started_at: '0000-01-01T00:00:00Z',
      scheduled_at: 'not a date',
      ssl_expiry: '9999-99-99T00:00:00Z',
      ssl_issuer: 'i'.repeat(600),
      details: { deep: JSON.parse('['.repeat(40) + ']'.repeat(40)) },
    };
    expect(parseResult(JSON.stringify(bad)).ok).toBe(false);
    const out = parseStorableResult(JSON.stringify(bad), at);
    if (!out.ok) throw new Error(out.error);
    const r = out.value;
    expect(r.error).toHaveLength(2048);
    expect(r.response_body).toBe('a'.repeat(2047));
    expect(Object.keys(r.response_headers!)).toHaveLength(100);
    expect(r.response_headers!.x).toHaveLength(2048);
    expect(r.response_headers!.h0).toBe('\ufffd');
    expect(r.started_at).toBe(at.toISOString());
    expect(r.scheduled_at).toBeUndefined();
    expect(r.ssl_expiry).toBeNull();
    expect(r.ssl_issuer).toHaveLength(512);
    expect(r.details).toEqual({ truncated: true });
  });

  it('never guesses an identity: a bad round or region is still refused', () => {
    expect(parseStorableResult(JSON.stringify({ ...base, round: 1e300 }), at).ok).toBe(false);
    expect(parseStorableResult(JSON.stringify({ ...base, region: 'EU WEST' }), at).ok).toBe(false);
    expect(parseStorableResult('[1]', at).ok).toBe(false);
    expect(parseStorableResult('{', at).ok).toBe(false);
  });

  it('keeps the attempts of a result with retries, cleans their text, and drops a malformed list (never the result)', () => {
    const attempts = [
      {
        attempt: 1,
        offset_ms: 0,
        duration_ms: 3,
        is_up: false,
        status_code: 503,
        error_class: 'http_5xx',
        error: 'x\u0000y' + 'e'.repeat(600),
      },
      { attempt: 2, offset_ms: 260, duration_ms: 2, is_up: true, status_code: 200, error_class: null, error: null },
    ];
    const ok = parseStorableResult(JSON.stringify({ ...base, attempts }), at);
    expect(
      ok.ok &&
        ok.value.attempts!.map((a) => [a.attempt, a.error?.length ?? null, a.error?.includes('\u0000') ?? false]),
    ).toEqual([
      [1, 512, false],
      [2, null, false],
    ]);
    // An older probe: no attempts at all.
    const old = parseStorableResult(JSON.stringify(base), at);
    expect(old.ok && old.value.attempts).toBeUndefined();
    for (const bad of [
      'x',
      [],
      [{ attempt: 9 }],
      Array.from({ length: 5 }, () => attempts[1]),
      [{ ...attempts[0], error_class: 'nope' }],
      [{ ...attempts[0], error: undefined }],
    ]) {
      const r = parseStorableResult(JSON.stringify({ ...base, attempts: bad }), at);
      expect(r.ok).toBe(true);
      expect(r.ok && r.value.attempts).toBeUndefined();
    }
    // parseResult itself (the probe side's schema) refuses a malformed list.
    expect(parseResult(JSON.stringify({ ...base, attempts: [{ attempt: 0 }] })).ok).toBe(false);
  });
});
