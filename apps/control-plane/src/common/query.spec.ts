import { DomainError } from './errors';
import { MonitorListQuery } from '../monitors/monitors.query';
import { IncidentListQuery } from '../incidents/incidents.query';
import { offsetValue } from './query';
import { LogsQuery, MinutesQuery } from '../history/history.query';
import { StatsDaysQuery } from '../timeseries/timeseries.query';
import { ApiKeyListQuery } from '../accounts/api-keys.query';
import { InsightsQuery } from '../anomalies/insights.query';
import { createValidationPipe } from './validation';

const pipe = createValidationPipe();
const parse = async <T>(metatype: new () => T, value: Record<string, string>): Promise<T> =>
  (await pipe.transform(value, { type: 'query', metatype })) as T;
const fieldsOf = async (f: () => Promise<unknown>) => {
  try {
    await f();
  } catch (e) {
    return e instanceof DomainError
      ? [e.code, (e.details ?? []).map((d) => `${d.field}: ${d.message}`)]
      : ['not a DomainError', String(e)];
  }
  return 'accepted';
};

/** Issue 12 item 6: query parameters are parsed by query DTOs (common/query.ts), not in controllers. */
describe('query DTOs through the global validation pipe', () => {
  it('gives the defaults when a parameter is absent or empty', async () => {
    expect({ ...(await parse(MonitorListQuery, {})) }).toEqual({ limit: 500, page: 1 });
    expect({ ...(await parse(IncidentListQuery, { limit: '', hours: '' })) }).toEqual({ limit: 50, hours: 720 });
  });

  it('clamps limit-like integers to their bounds, as the reference does, and truncates fractions', async () => {
    for (const [raw, limit] of [
      ['0', 1],
      ['-5', 1],
      ['5000', 1000],
      ['20.9', 20],
      ['1e400', 500],
      ['NaN', 500],
      ['abc', 500],
      ['7', 7],
    ] as const) {
      expect({ raw, limit: (await parse(MonitorListQuery, { limit: raw })).limit }).toEqual({ raw, limit });
    }
    expect((await parse(IncidentListQuery, { hours: '100000' })).hours).toBe(8760);
  });

  it('takes an offset up to 10,000 (negative or not a number: 0) and answers 422 naming offset beyond it', async () => {
    expect((await parse(MonitorListQuery, { offset: '10000' })).offset).toBe(10000);
    expect((await parse(MonitorListQuery, { offset: '-3' })).offset).toBe(0);
    expect((await parse(MonitorListQuery, { offset: 'x' })).offset).toBe(0);
    expect((await parse(MonitorListQuery, {})).offset).toBeUndefined();
    expect(await fieldsOf(() => parse(MonitorListQuery, { offset: '10001' }))).toEqual([
      'validation',
      ['offset: offset 10001 is beyond 10000; page with cursor (meta.next_cursor) instead'],
    ]);
    expect(await fieldsOf(() => parse(IncidentListQuery, { offset: '99999999' }))).toEqual([
      'validation',
      ['offset: offset 99999999 is beyond 10000; narrow the query with its filters'],
    ]);
  });

  it('keeps filters as given and ignores query keys the DTO does not declare', async () => {
    const q = await parse(MonitorListQuery, {
      status: 'down',
      tags: 'a,b',
      cursor: 'abc',
      zz_cache_buster: '1',
      __proto__x: '2',
    });
    expect({ ...q }).toEqual({ status: 'down', tags: 'a,b', cursor: 'abc', limit: 500, page: 1 });
    expect(q).toBeInstanceOf(MonitorListQuery);
  });

  it('time series, insights and API keys: integers clamped, text kept for the pure time rules', async () => {
    expect({ ...(await parse(LogsQuery, { from: '2026-01-01T00:00:00Z', limit: '500' })) }).toEqual({
      from: '2026-01-01T00:00:00Z',
      limit: 100,
      page: 1,
    });
    expect((await parse(StatsDaysQuery, { days: '0' })).days).toBe(1);
    expect((await parse(InsightsQuery, {})).hours).toBe(24);
    expect({ ...(await parse(MinutesQuery, { hour: '7', date: '2026-12-01' })) }).toEqual({
      hour: '7',
      date: '2026-12-01',
    });
    expect({ ...(await parse(ApiKeyListQuery, { limit: '9999' })) }).toEqual({ limit: 500 });
  });

  it('offsetValue: absent stays absent, everything else an integer ≥ 0', () => {
    expect([undefined, null, ''].map(offsetValue)).toEqual([undefined, undefined, undefined]);
    expect(['0', '12', '12.7', '-1', 'x', '1e400', '-1e400'].map(offsetValue)).toEqual([0, 12, 12, 0, 0, 0, 0]);
  });
});
