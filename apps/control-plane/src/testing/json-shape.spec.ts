import { examplesByPath, jsonBlocks, shapeMismatches } from './json-shape';

describe('reference JSON shapes (test helper)', () => {
  it('parses example blocks with elisions', () => {
    const doc = [
      'Response',
      '{',
      '  "a": [ ... ],',
      '  "b": [',
      '    { "x": 1 },',
      '    ...',
      '  ],',
      '  "c": "s"',
      '}',
      'after',
    ].join('\n');
    expect(jsonBlocks(doc)).toEqual([{ a: [], b: [{ x: 1 }], c: 's' }]);
  });

  it('keys examples by the GET heading above them', () => {
    const doc = [
      'intro',
      'GET',
      '/api/one',
      'text',
      '{',
      '  "success": true',
      '}',
      'GET',
      '/api/two',
      'no json here',
      'GET',
      '/api/three?x=:x',
      '{',
      '  "n": 1',
      '}',
    ].join('\n');
    expect([...examplesByPath(doc)]).toEqual([
      ['/api/one', { success: true }],
      ['/api/three?x=:x', { n: 1 }],
    ]);
  });

  it('accepts extra fields and finds missing fields and wrong types, nested', () => {
    const ex = { success: true, list: [{ id: 'a', n: 1 }], o: { t: 1 } };
    expect(
      shapeMismatches(ex, { success: true, list: [{ id: 'x', n: 2, extra: null }], o: { t: 5 }, more: 1 }),
    ).toEqual([]);
    expect(shapeMismatches(ex, { success: 'yes', list: [{ id: 1 }], o: null })).toEqual([
      'success: expected boolean, got string',
      'list[].id: expected string, got number (element 0)',
      'list[].n: missing (element 0)',
      'o: expected object, got null',
    ]);
    expect(shapeMismatches(ex, { success: true, list: [], o: { t: 1 } })).toEqual([
      'list: empty, the example has elements',
    ]);
  });

  it('matches each element against one of several example elements, elided arrays against elements[path], maps by value', () => {
    const ex = {
      records: [
        { ok: true, ms: 1 },
        { ok: false, error: 'e' },
      ],
    };
    expect(
      shapeMismatches(ex, {
        records: [
          { ok: true, ms: 3 },
          { ok: false, error: 'timeout' },
        ],
      }),
    ).toEqual([]);
    expect(shapeMismatches(ex, { records: [{ ok: 'no', error: 'e' }] })).toEqual([
      'records[].ok: expected boolean, got string (element 0)',
    ]);
    expect(shapeMismatches({ logs: [] }, { logs: [{ id: 1 }] }, { elements: { logs: { id: 'x' } } })).toEqual([
      'logs[].id: expected string, got number (element 0)',
    ]);
    expect(shapeMismatches({ logs: [] }, { logs: 'no' })).toEqual(['logs: expected array, got string']);
    expect(
      shapeMismatches({ d: { 'eu-api': { n: 1 } } }, { d: { website: { n: 2 }, api: {} } }, { maps: ['d'] }),
    ).toEqual(['d.api.n: missing']);
    expect(shapeMismatches({ d: { 'eu-api': { n: 1 } } }, { d: {} }, { maps: ['d'] })).toEqual([
      'd: empty, the example has entries',
    ]);
  });

  it('allows a documented type at a path, and only that type', () => {
    expect(
      shapeMismatches({ m: [{ id: 1 }] }, { m: [{ id: 'website' }] }, { allowed: { 'm[].id': 'string' } }),
    ).toEqual([]);
    expect(shapeMismatches({ m: [{ id: 1 }] }, { m: [{ id: null }] }, { allowed: { 'm[].id': 'string' } })).toEqual([
      'm[].id: expected string (allowed), got null (element 0)',
    ]);
    expect(
      shapeMismatches(
        { m: [{ id: 1 }] },
        { m: [{ id: null }, { id: 's' }, { id: 2 }] },
        { allowed: { 'm[].id': ['string', 'null'] } },
      ),
    ).toEqual(['m[].id: expected string or null (allowed), got number (element 2)']);
  });
});
