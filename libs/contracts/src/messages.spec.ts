import { z } from 'zod';
import { jobV1Schema } from './messages';

/** The precompiled timestamp pattern accepts and refuses exactly what `z.string().datetime({ offset: true })` does. */
describe('message timestamps', () => {
  const zodDatetime = z.string().datetime({ offset: true });
  it.each([
    '2026-12-03T07:55:01.123Z',
    '2026-12-03T07:55:01Z',
    '2026-12-03T07:55:01+01:00',
    '2026-12-03T07:55:01.123456-0530',
    '2024-02-29T00:00:00Z',
    '2026-02-29T00:00:00Z',
    '2026-12-03 07:55:01Z',
    '2026-12-03T07:55:01',
    '2026-13-01T00:00:00Z',
    '2026-12-03T24:00:00Z',
    'yesterday',
    '',
  ])('%p as zod datetime would', (v) => {
    const ours = jobV1Schema.shape.scheduled_at.safeParse(v).success;
    expect(ours).toBe(zodDatetime.safeParse(v).success);
    if (ours) expect(jobV1Schema.shape.scheduled_at.parse(v)).toBe(v);
  });
});
