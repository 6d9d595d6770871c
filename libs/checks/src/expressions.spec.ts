import {
  ExpressionError,
  LruCache,
  evaluateKeyword,
  evaluateThreshold,
  keywordFailureMessage,
  parseKeyword,
  parseKeywordCached,
  parseThreshold,
  parseThresholdCached,
  type KeywordExpression,
} from './expressions';

const t = (text: string, negated = false) => ({ text, negated });

describe('parseKeyword', () => {
  it.each<[string, KeywordExpression['alternatives']]>([
    ['Welcome', [[t('Welcome')]]],
    ['!maintenance', [[t('maintenance', true)]]],
    ['OK AND !error', [[t('OK'), t('error', true)]]],
    ['healthy OR ready', [[t('healthy')], [t('ready')]]],
    // AND binds tighter than OR
    ['a AND b OR c', [[t('a'), t('b')], [t('c')]]],
    ['a OR b AND c', [[t('a')], [t('b'), t('c')]]],
    ['a OR b AND !c OR d', [[t('a')], [t('b'), t('c', true)], [t('d')]]],
    // whitespace tolerance
    ['  OK   AND\t!error \n', [[t('OK'), t('error', true)]]],
    ['! maintenance', [[t('maintenance', true)]]],
    // bare words next to each other form one phrase, spacing kept as written
    ['Welcome to Parallax', [[t('Welcome to Parallax')]]],
    ['Welcome  to AND !under maintenance', [[t('Welcome  to'), t('under maintenance', true)]]],
    ['Hello !world', [[t('Hello !world')]]], // ! only negates at the start of a term
    // quoted terms
    ['"two words"', [[t('two words')]]],
    ['"healthy OR ready"', [[t('healthy OR ready')]]],
    ['!"AND"', [[t('AND', true)]]],
    ['"!important"', [[t('!important')]]],
    ['"say \\"hi\\"" AND "back\\\\slash"', [[t('say "hi"'), t('back\\slash')]]],
    ['"a" OR "b"', [[t('a')], [t('b')]]],
    // operators are upper case only; anything else is part of a term
    ['healthy and ready', [[t('healthy and ready')]]],
    ['ANDROID OR ORACLE', [[t('ANDROID')], [t('ORACLE')]]],
    ['{"status":"ok"}', [[t('{"status":"ok"}')]]],
    ['a!b', [[t('a!b')]]],
  ])('parses %j', (expr, alternatives) => {
    expect(parseKeyword(expr)).toEqual({ source: expr, alternatives });
  });

  it.each<[string, string]>([
    ['', 'keyword expression is empty'],
    ['   ', 'keyword expression is empty'],
    ['AND', 'dangling operator AND at position 1: no term before it'],
    ['OR ready', 'dangling operator OR at position 1: no term before it'],
    ['OK AND', 'dangling operator AND at position 4: no term after it'],
    ['OK OR  ', 'dangling operator OR at position 4: no term after it'],
    ['OK AND OR ready', 'dangling operator AND at position 4: no term after it'],
    ['OK AND AND ready', 'dangling operator AND at position 4: no term after it'],
    ['!', '"!" at position 1 is not followed by a term'],
    ['OK AND !', '"!" at position 8 is not followed by a term'],
    ['! AND ok', '"!" at position 1 is not followed by a term'],
    ['!!x', 'double "!" at position 1; quote a term that starts with "!"'],
    ['"unterminated', 'unbalanced quote at position 1 in keyword expression'],
    ['OK AND "open', 'unbalanced quote at position 8 in keyword expression'],
    ['"ends with escaped quote\\"', 'unbalanced quote at position 1 in keyword expression'],
    ['""', 'empty term at position 1'],
    ['OK AND !""', 'empty term at position 9'],
    ['"quoted" bare', 'expected AND or OR before position 10 in keyword expression'],
    ['bare "quoted"', 'expected AND or OR before position 6 in keyword expression'],
    ['"a" "b"', 'expected AND or OR before position 5 in keyword expression'],
  ])('rejects %j: %s', (expr, message) => {
    let caught: unknown;
    try {
      parseKeyword(expr);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ExpressionError);
    expect((caught as Error).message).toBe(message);
  });

  it('rejects a non-string', () => {
    expect(() => parseKeyword(undefined as unknown as string)).toThrow(ExpressionError);
  });
});

describe('evaluateKeyword', () => {
  const body = '<h1>Welcome</h1> status: OK, ready. Powered by Parallax';
  const ev = (expr: string, b = body) => evaluateKeyword(parseKeyword(expr), b);

  it('matches case-sensitive substrings', () => {
    expect(ev('Welcome')).toEqual({ ok: true, failedTerms: [] });
    expect(ev('welcome')).toEqual({ ok: false, failedTerms: [t('welcome')] });
    expect(ev('status: OK')).toEqual({ ok: true, failedTerms: [] });
    expect(ev('<h1>')).toEqual({ ok: true, failedTerms: [] });
  });

  it('negates with !', () => {
    expect(ev('!maintenance').ok).toBe(true);
    expect(ev('!Parallax')).toEqual({ ok: false, failedTerms: [t('Parallax', true)] });
  });

  it('requires every AND term', () => {
    expect(ev('OK AND !error').ok).toBe(true);
    expect(ev('OK AND ready AND Welcome').ok).toBe(true);
    expect(ev('OK AND error')).toEqual({ ok: false, failedTerms: [t('error')] });
    expect(ev('missing AND !OK AND Welcome')).toEqual({ ok: false, failedTerms: [t('missing'), t('OK', true)] });
  });

  it('needs one OR alternative', () => {
    expect(ev('healthy OR ready').ok).toBe(true);
    expect(ev('ready OR healthy').ok).toBe(true);
    expect(ev('healthy OR alive')).toEqual({ ok: false, failedTerms: [t('healthy'), t('alive')] });
  });

  it('binds AND tighter than OR', () => {
    // (nope AND Welcome) OR ready → true; nope AND (Welcome OR ready) would be false
    expect(ev('nope AND Welcome OR ready').ok).toBe(true);
    // Welcome OR (nope AND zz) → true; (Welcome OR nope) AND zz would be false
    expect(ev('Welcome OR nope AND zz').ok).toBe(true);
    // gone OR (nope AND ready) → false, both alternatives' failures reported
    expect(ev('gone OR nope AND ready')).toEqual({ ok: false, failedTerms: [t('gone'), t('nope')] });
  });

  it('reports each failed term once', () => {
    expect(ev('zz AND Welcome OR zz AND ready')).toEqual({ ok: false, failedTerms: [t('zz')] });
  });

  it('works on an empty body', () => {
    expect(ev('anything', '')).toEqual({ ok: false, failedTerms: [t('anything')] });
    expect(ev('!anything', '').ok).toBe(true);
  });
});

describe('keywordFailureMessage', () => {
  it('describes missing and forbidden terms', () => {
    expect(keywordFailureMessage([t('Welcome')])).toBe('keyword "Welcome" not found');
    expect(keywordFailureMessage([t('error', true)])).toBe('forbidden keyword "error" found');
    expect(keywordFailureMessage([t('OK'), t('error', true)])).toBe(
      'keyword "OK" not found; forbidden keyword "error" found',
    );
    expect(keywordFailureMessage([t('say "hi"')])).toBe('keyword "say \\"hi\\"" not found');
    expect(keywordFailureMessage([])).toBe('');
  });
});

describe('parseThreshold', () => {
  it.each([
    ['> 2000', { kind: 'gt', limit: 2000, source: '> 2000' }],
    ['>2000', { kind: 'gt', limit: 2000, source: '> 2000' }],
    ['  >   2000  ', { kind: 'gt', limit: 2000, source: '> 2000' }],
    ['> 2000ms', { kind: 'gt', limit: 2000, source: '> 2000' }],
    ['< 50', { kind: 'lt', limit: 50, source: '< 50' }],
    ['<50', { kind: 'lt', limit: 50, source: '< 50' }],
    ['< 0.5', { kind: 'lt', limit: 0.5, source: '< 0.5' }],
    ['200-3000', { kind: 'range', min: 200, max: 3000, source: '200-3000' }],
    [' 200 - 3000 ', { kind: 'range', min: 200, max: 3000, source: '200-3000' }],
    ['200ms-3000ms', { kind: 'range', min: 200, max: 3000, source: '200-3000' }],
    ['100-100', { kind: 'range', min: 100, max: 100, source: '100-100' }],
    ['0-0', { kind: 'range', min: 0, max: 0, source: '0-0' }],
  ])('parses %j', (s, expected) => {
    expect(parseThreshold(s)).toEqual(expected);
  });

  it.each([
    ['', 'response threshold is empty'],
    ['   ', 'response threshold is empty'],
    ['2000', 'invalid response threshold "2000": expected "> N", "< N" or "MIN-MAX" in milliseconds'],
    ['>= 2000', 'invalid response threshold ">= 2000": expected "> N", "< N" or "MIN-MAX" in milliseconds'],
    ['> -5', 'invalid response threshold "> -5": expected "> N", "< N" or "MIN-MAX" in milliseconds'],
    ['> abc', 'invalid response threshold "> abc": expected "> N", "< N" or "MIN-MAX" in milliseconds'],
    [
      '> 2000 ms extra',
      'invalid response threshold "> 2000 ms extra": expected "> N", "< N" or "MIN-MAX" in milliseconds',
    ],
    ['200-', 'invalid response threshold "200-": expected "> N", "< N" or "MIN-MAX" in milliseconds'],
    ['-300', 'invalid response threshold "-300": expected "> N", "< N" or "MIN-MAX" in milliseconds'],
    ['1-2-3', 'invalid response threshold "1-2-3": expected "> N", "< N" or "MIN-MAX" in milliseconds'],
    ['3000-200', 'invalid response threshold "3000-200": minimum 3000 is greater than maximum 200'],
    ['> 1e3', 'invalid response threshold "> 1e3": expected "> N", "< N" or "MIN-MAX" in milliseconds'],
  ])('rejects %j', (s, message) => {
    expect(() => parseThreshold(s)).toThrow(new ExpressionError(message));
    expect(() => parseThreshold(s)).toThrow(ExpressionError);
  });
});

describe('evaluateThreshold', () => {
  it('> N is down only when slower', () => {
    const th = parseThreshold('> 2000');
    expect(evaluateThreshold(th, 2400)).toBe('response time 2400 ms exceeds threshold > 2000');
    expect(evaluateThreshold(th, 2000.01)).toBe('response time 2000.01 ms exceeds threshold > 2000');
    expect(evaluateThreshold(th, 2000)).toBeNull();
    expect(evaluateThreshold(th, 12)).toBeNull();
  });

  it('< N is down only when faster', () => {
    const th = parseThreshold('< 50');
    expect(evaluateThreshold(th, 12.345)).toBe('response time 12.35 ms is below threshold < 50');
    expect(evaluateThreshold(th, 49.99)).toBe('response time 49.99 ms is below threshold < 50');
    expect(evaluateThreshold(th, 50)).toBeNull();
    expect(evaluateThreshold(th, 5000)).toBeNull();
  });

  it('MIN-MAX is down outside the inclusive range', () => {
    const th = parseThreshold('200-3000');
    expect(evaluateThreshold(th, 199.5)).toBe('response time 199.5 ms is outside range 200-3000');
    expect(evaluateThreshold(th, 3500)).toBe('response time 3500 ms is outside range 200-3000');
    expect(evaluateThreshold(th, 200)).toBeNull();
    expect(evaluateThreshold(th, 3000)).toBeNull();
    expect(evaluateThreshold(th, 1234)).toBeNull();
  });
});

describe('parse caches', () => {
  it('returns the same parsed object for the same string', () => {
    const a = parseKeywordCached('cache-me AND !not-me');
    expect(parseKeywordCached('cache-me AND !not-me')).toBe(a);
    expect(a.alternatives).toEqual([[t('cache-me'), t('not-me', true)]]);
    const th = parseThresholdCached('> 1234');
    expect(parseThresholdCached('> 1234')).toBe(th);
    expect(th).toEqual({ kind: 'gt', limit: 1234, source: '> 1234' });
  });

  it('caches errors too and rethrows them', () => {
    expect(() => parseKeywordCached('OK AND')).toThrow('dangling operator AND at position 4: no term after it');
    expect(() => parseKeywordCached('OK AND')).toThrow(ExpressionError);
    expect(() => parseThresholdCached('fast')).toThrow(ExpressionError);
  });
});

describe('LruCache', () => {
  it('evicts the least recently used entry', () => {
    const c = new LruCache<string, number>(2);
    c.set('a', 1);
    c.set('b', 2);
    expect(c.get('a')).toBe(1); // a is now the most recent
    c.set('c', 3); // evicts b
    expect(c.get('b')).toBeUndefined();
    expect(c.get('a')).toBe(1);
    expect(c.get('c')).toBe(3);
    expect(c.size).toBe(2);
    c.set('a', 10); // update does not evict
    expect(c.size).toBe(2);
    expect(c.get('a')).toBe(10);
  });
});
