import { DomainError } from '../common/errors';
import { parseDate, parseTime, parseWindow } from './query-params';

const NOW = Date.parse('2026-12-03T08:00:00Z');
const field = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof DomainError ? (e.details ?? []).map((d) => d.field) : 'not a DomainError';
  }
  return 'accepted';
};

/** Issue 13 (1): a time outside what PostgreSQL (4713 BC – 294276 AD) and JavaScript can hold is a 422 naming the parameter, never a 500. */
describe('time and date query parameters', () => {
  it('refuses extended years, years past PostgreSQL, impossible days and non-ISO text with 422 naming the field', () => {
    for (const raw of [
      '294277-01-01T00:00:00Z',
      '+275760-09-13T00:00:00Z',
      '-271821-04-20T00:00:00Z',
      '10000-01-01',
      'infinity',
      '-infinity',
      '1e400',
      'now',
      '12/03/2026',
    ]) {
      expect({ raw, fields: field(() => parseTime('from', raw, NOW)) }).toEqual({ raw, fields: ['from'] });
    }
    for (const raw of [
      '2026-02-30',
      '10000-01-01',
      '0000-00-00',
      '0000-01-01',
      '1969-12-31',
      '2026-1-1',
      '2026-12-03T00:00:00Z',
    ]) {
      expect({ raw, fields: field(() => parseDate('date', raw, NOW)) }).toEqual({ raw, fields: ['date'] });
    }
    expect(field(() => parseWindow('2026-12-03T00:00:00Z', '2026-12-02T00:00:00Z', NOW))).toEqual(['from']);
  });
  it('refuses year 0000 and a window whose default start falls before 0001-01-01', () => {
    expect(field(() => parseTime('to', '0000-01-01', NOW))).toEqual(['to']);
    expect(field(() => parseTime('from', '0000-12-31T23:59:59Z', NOW))).toEqual(['from']);
    expect(field(() => parseWindow(undefined, '0000-01-01', NOW))).toEqual(['to']);
    // `from` defaults to a day before `to`: before 0001-01-01 here.
    expect(field(() => parseWindow(undefined, '0001-01-01T12:00:00Z', NOW))).toEqual(['from']);
    expect(parseWindow(undefined, '0001-01-02T00:00:00Z', NOW).from.toISOString()).toBe('0001-01-01T00:00:00.000Z');
  });
  it('accepts four-digit years, all inside PostgreSQL’s range', () => {
    expect(parseTime('from', '0001-01-01T00:00:00Z', NOW).toISOString()).toBe('0001-01-01T00:00:00.000Z');
    expect(parseTime('to', '9999-12-31T23:59:59Z', NOW).toISOString()).toBe('9999-12-31T23:59:59.000Z');
    expect(parseDate('date', '2026-02-28', NOW).toISOString()).toBe('2026-02-28T00:00:00.000Z');
    expect(parseDate('date', undefined, NOW).toISOString()).toBe('2026-12-03T00:00:00.000Z');
  });
});
