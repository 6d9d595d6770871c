import {
  decodeStrict,
  idCannotExist,
  inspectBody,
  INPUT_LIMITS,
  isIdParam,
  parseQuery,
  pathCannotExist,
  sanitizeForMessage,
  stringProblem,
} from './input-rules';

function nested(depth: number, leaf: unknown = 1): unknown {
  let v: unknown = leaf;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

describe('stringProblem', () => {
  it('accepts ordinary text, emoji (paired surrogates), tabs and newlines', () => {
    expect(stringProblem('héllo 🚀\t\n\r ok')).toBeNull();
  });
  it('refuses NUL, a lone high or low surrogate, and oversized strings', () => {
    expect(stringProblem('a\u0000b')).toMatch(/NUL/);
    expect(stringProblem('a\ud800')).toMatch(/surrogate/);
    expect(stringProblem('\ud800b')).toMatch(/surrogate/);
    expect(stringProblem('\udc00')).toMatch(/surrogate/);
    expect(stringProblem('x\udfffy')).toMatch(/surrogate/);
    expect(stringProblem('x'.repeat(INPUT_LIMITS.maxStringLength))).toBeNull();
    expect(stringProblem('x'.repeat(INPUT_LIMITS.maxStringLength + 1))).toMatch(/at most 65536/);
    expect(stringProblem('abcd', 3)).toMatch(/at most 3/);
  });
});

describe('inspectBody', () => {
  it('passes scalars, empty and ordinary bodies', () => {
    for (const b of [
      undefined,
      null,
      1,
      true,
      'text',
      {},
      [],
      { name: 'api', tags: ['a', 'b'], n: { x: [1, 2, { y: 'z' }] } },
    ]) {
      expect(inspectBody(b)).toEqual({ ok: true });
    }
  });
  it('allows exactly the depth bound and refuses one level more', () => {
    expect(inspectBody(nested(INPUT_LIMITS.maxDepth))).toEqual({ ok: true });
    const deeper = inspectBody(nested(INPUT_LIMITS.maxDepth + 1));
    expect(deeper).toEqual({ ok: false, kind: 'too_deep', message: 'JSON body nested deeper than 32 levels' });
  });
  it('inspects a body thousands of levels deep without recursion', () => {
    const v = inspectBody(JSON.parse('['.repeat(50_000) + ']'.repeat(50_000)));
    expect(v).toMatchObject({ ok: false, kind: 'too_deep' });
  });
  it('names every field holding NUL or a lone surrogate, including array elements and nested keys', () => {
    const v = inspectBody({ name: 'a\u0000', tags: ['ok', 'b\ud800'], headers: { 'x-k': '\udc00' }, fine: 'ok' });
    expect(v).toEqual({
      ok: false,
      kind: 'invalid',
      details: [
        { field: 'name', message: 'name must not contain NUL (\\u0000) characters' },
        { field: 'tags[1]', message: 'tags[1] must not contain unpaired UTF-16 surrogates' },
        { field: 'headers.x-k', message: 'headers.x-k must not contain unpaired UTF-16 surrogates' },
      ],
    });
  });
  it('refuses keys with NUL, and echoes them sanitised', () => {
    const v = inspectBody({ 'k\u0000y': 1 });
    expect(v).toEqual({
      ok: false,
      kind: 'invalid',
      details: [{ field: 'k\ufffdy', message: 'field names must not contain NUL (\\u0000) characters' }],
    });
  });
  it('refuses arrays and objects beyond their bounds', () => {
    expect(inspectBody({ regions: new Array(1001).fill('x') })).toEqual({
      ok: false,
      kind: 'invalid',
      details: [{ field: 'regions', message: 'regions must contain at most 1000 elements' }],
    });
    expect(inspectBody({ regions: new Array(1000).fill('x') })).toEqual({ ok: true });
    const wide = Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`k${i}`, i]));
    expect(inspectBody(wide)).toEqual({
      ok: false,
      kind: 'invalid',
      details: [{ field: 'body', message: 'body must have at most 1000 keys' }],
    });
  });
  it('reports at most 20 problems', () => {
    const v = inspectBody(Array.from({ length: 100 }, () => '\u0000'));
    expect(v.ok).toBe(false);
    if (!v.ok && v.kind === 'invalid') expect(v.details).toHaveLength(20);
  });
  it('keeps an own __proto__ key (JSON.parse makes one) as an ordinary field', () => {
    expect(inspectBody(JSON.parse('{"__proto__":{"x":"\\u0000"}}'))).toEqual({
      ok: false,
      kind: 'invalid',
      details: [{ field: '__proto__.x', message: '__proto__.x must not contain NUL (\\u0000) characters' }],
    });
  });
});

describe('pathCannotExist', () => {
  it('accepts ordinary paths, encoded spaces and unicode', () => {
    for (const p of [
      '/',
      '/api/v1/monitors',
      '/api/v1/monitors/mon_abc',
      '/s/my-page',
      '/s/caf%C3%A9',
      '/a%20b',
      '//double',
    ])
      expect(pathCannotExist(p)).toBe(false);
  });
  it('refuses NUL, controls, bad escapes, encoded lone surrogates and oversized segments', () => {
    for (const p of [
      '/api/v1/monitors/%00',
      '/api/v1/monitors/a%01',
      '/x/%7F',
      '/x/%',
      '/x/%zz',
      '/x/%ED%A0%80',
      '/x/%C3',
      `/x/${'a'.repeat(257)}`,
    ])
      expect(pathCannotExist(p)).toBe(true);
    expect(pathCannotExist(`/x/${'a'.repeat(256)}`)).toBe(false);
  });
});

describe('id parameters', () => {
  it('recognises the parameters that name a row', () => {
    expect(['id', 'slug', 'deliveryId', 'subscriberId'].map(isIdParam)).toEqual([true, true, true, true]);
    expect(['kind', 'rest', undefined, 'identity'].map(isIdParam)).toEqual([false, false, false, false]);
  });
  it('accepts prefixed ids, numeric ids and slugs; refuses what no id can be', () => {
    for (const v of ['mon_3k9x0q2m7d1v8b4n', '42', 'my-status.page', 'A_b-c']) expect(idCannotExist(v)).toBe(false);
    for (const v of ['', ' ', "x' OR 1=1", 'a/b', '-lead', 'é', 'a\u0000', 'x'.repeat(129), '{}'])
      expect(idCannotExist(v)).toBe(true);
  });
});

describe('parseQuery', () => {
  it('keeps the first value of a repeated key and decodes + and escapes', () => {
    expect(parseQuery('tags=a&tags=b&q=hello+w%C3%B6rld&flag&empty=')).toEqual({
      ok: true,
      query: { tags: 'a', q: 'hello wörld', flag: '', empty: '' },
    });
  });
  it('does not nest brackets and keeps __proto__ as an own key', () => {
    const v = parseQuery('a[b]=c&__proto__=x&constructor=y');
    expect(v.ok).toBe(true);
    if (v.ok) {
      expect(Object.keys(v.query)).toEqual(['a[b]', '__proto__', 'constructor']);
      expect(Object.getPrototypeOf(v.query)).toBe(Object.prototype);
      expect(v.query['a[b]']).toBe('c');
    }
  });
  it('names the parameter holding NUL, a bad escape, a lone surrogate or an oversized value', () => {
    expect(parseQuery('limit=%00')).toEqual({
      ok: false,
      details: [{ field: 'query.limit', message: 'query parameter limit must not contain NUL (\\u0000) characters' }],
    });
    expect(parseQuery('q=%E0%A4')).toEqual({
      ok: false,
      details: [{ field: 'query.q', message: 'query parameter q is not valid percent-encoded UTF-8' }],
    });
    expect(parseQuery('q=%ED%A0%80')).toMatchObject({ ok: false, details: [{ field: 'query.q' }] });
    expect(parseQuery(`q=${'x'.repeat(2049)}`)).toEqual({
      ok: false,
      details: [{ field: 'query.q', message: 'query parameter q must be at most 2048 characters' }],
    });
    expect(parseQuery('%00=1')).toMatchObject({ ok: false, details: [{ field: 'query.\ufffd' }] });
  });
  it('refuses more than 64 distinct keys', () => {
    const raw = Array.from({ length: 65 }, (_, i) => `k${i}=1`).join('&');
    expect(parseQuery(raw)).toEqual({
      ok: false,
      details: [{ field: 'query', message: 'at most 64 query parameters' }],
    });
    expect(parseQuery(Array.from({ length: 200 }, () => 'same=1').join('&')).ok).toBe(true);
  });
});

describe('helpers', () => {
  it('decodes strictly and sanitises echoed names', () => {
    expect(decodeStrict('a+b%20c', true)).toBe('a b c');
    expect(decodeStrict('a+b', false)).toBe('a+b');
    expect(decodeStrict('%', false)).toBeNull();
    expect(sanitizeForMessage('a\u0000\ud800b')).toBe('a\ufffd\ufffdb');
    expect(sanitizeForMessage('x'.repeat(100))).toHaveLength(65);
  });
});
