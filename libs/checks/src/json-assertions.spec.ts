import type { JsonAssertion } from '@parallax/contracts';
import { evaluateAssertion, judgeJsonBody, JsonPathError, lookupPath, parseJsonPath } from './json-assertions';

describe('parseJsonPath', () => {
  it.each([
    ['status', ['status']],
    ['data.count', ['data', 'count']],
    ['data.users[0].name', ['data', 'users', 0, 'name']],
    ['meta.pagination.total', ['meta', 'pagination', 'total']],
    ['[0].id', [0, 'id']],
    ['items[2][1]', ['items', 2, 1]],
    ['a-b.c_d', ['a-b', 'c_d']],
  ])('%s', (path, segments) => {
    expect(parseJsonPath(path)).toEqual(segments);
  });

  it.each([
    ['', 'path is empty'],
    ['  ', 'path is empty'],
    ['a..b', 'empty key at position 3'],
    ['.a', 'empty key at position 1'],
    ['a.', 'path ends with "."'],
    ['a[0', 'unclosed "[" at position 2'],
    ['a[x]', 'array index must be a non-negative integer at position 2, got "[x]"'],
    ['a[-1]', 'array index must be a non-negative integer at position 2, got "[-1]"'],
    ['a[0]b', 'expected "." or "[" at position 5'],
    ['a]', 'unexpected "]" at position 2'],
    ['a.[0]', 'empty key before "[" at position 3'],
  ])('refuses %j', (path, message) => {
    expect(() => parseJsonPath(path)).toThrow(new JsonPathError(message));
  });
});

describe('lookupPath', () => {
  const doc = { a: { b: [1, { c: null }] }, arr: [] };
  it('finds values, including null, and misses cleanly', () => {
    expect(lookupPath(doc, ['a', 'b', 1, 'c'])).toEqual({ found: true, value: null });
    expect(lookupPath(doc, ['a', 'b', 5])).toEqual({ found: false });
    expect(lookupPath(doc, ['a', 0])).toEqual({ found: false });
    expect(lookupPath(doc, ['arr', 'length'])).toEqual({ found: false });
    expect(lookupPath(doc, ['a', 'toString'])).toEqual({ found: false });
    expect(lookupPath([{ id: 7 }], [0, 'id'])).toEqual({ found: true, value: 7 });
  });
});

describe('evaluateAssertion', () => {
  const doc = { s: 'ok', n: 42, f: 1.5, t: true, z: null, list: ['a', 'b', 3], o: { k: 'v' }, ns: '17' };
  const a = (path: string, operator: JsonAssertion['operator'], value = ''): JsonAssertion => ({
    path,
    operator,
    value,
  });
  it.each<[JsonAssertion, string | null]>([
    [a('s', 'equals', 'ok'), null],
    [a('s', 'equals', 'OK'), 's: expected equals "OK", got "ok"'],
    [a('n', 'equals', '42'), null],
    [a('t', 'equals', 'true'), null],
    [a('z', 'equals', 'null'), null],
    [a('o', 'equals', '{"k":"v"}'), null],
    [a('s', 'not_equals', 'down'), null],
    [a('s', 'not_equals', 'ok'), 's: expected not equals "ok", got "ok"'],
    [a('s', 'contains', 'o'), null],
    [a('list', 'contains', 'b'), null],
    [a('list', 'contains', '3'), null],
    [a('list', 'contains', 'c'), 'list: expected to contain "c", got ["a","b",3]'],
    [a('s', 'not_contains', 'x'), null],
    [a('s', 'not_contains', 'k'), 's: expected not to contain "k", got "ok"'],
    [a('n', 'greater_than', '41'), null],
    [a('n', 'greater_than', '42'), 'n: expected greater than 42, got 42'],
    [a('f', 'less_than', '2'), null],
    [a('ns', 'less_than', '20'), null],
    [a('s', 'greater_than', '1'), 's: expected a number greater than 1, got "ok"'],
    [a('n', 'less_than', 'abc'), 'n: assertion value "abc" is not a number'],
    [a('z', 'exists'), null],
    [a('missing', 'exists'), 'missing: expected to exist, but it is absent'],
    [a('missing', 'not_exists'), null],
    [a('s', 'not_exists'), 's: expected to be absent, but it is "ok"'],
    [a('missing', 'equals', 'x'), 'missing: not found (operator equals)'],
    [a('missing', 'not_equals', 'x'), 'missing: not found (operator not_equals)'],
    [a('missing', 'not_contains', 'x'), 'missing: not found (operator not_contains)'],
    [a('a..b', 'exists'), 'a..b: invalid path (empty key at position 3)'],
  ])('%j → %j', (assertion, expected) => {
    expect(evaluateAssertion(doc, assertion)).toBe(expected);
  });
});

describe('judgeJsonBody', () => {
  it('passes JSON with no assertions and names every failure', () => {
    expect(judgeJsonBody('{}', [])).toBeNull();
    expect(judgeJsonBody('[1]', [{ path: '[0]', operator: 'equals', value: '1' }])).toBeNull();
    expect(judgeJsonBody('{"a":1}', [{ path: 'a', operator: 'equals', value: '2' }])).toBe(
      '1 of 1 JSON assertion failed: a: expected equals "2", got 1',
    );
  });
  it('fails a body that is not JSON, saying how it starts', () => {
    expect(judgeJsonBody('', [])).toMatch(/^response body is not JSON \(.*\); body is empty$/);
    expect(judgeJsonBody('<html>', [])).toMatch(/^response body is not JSON \(.*\); starts with "<html>"$/);
  });
});
