import { planPartitions, retentionCutoff } from './partitions';

const NOW = Date.parse('2026-11-23T13:00:00Z');

describe('partition plan', () => {
  it('creates yesterday, today and the days ahead, and nothing that exists', () => {
    expect(planPartitions([], NOW, 90, 3)).toEqual({
      create: ['2026-11-22', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26'],
      drop: [],
    });
    expect(planPartitions(['2026-11-22', '2026-11-23', '2026-11-24'], NOW, 90, 2).create).toEqual(['2026-11-25']);
  });

  it('always has tomorrow, whatever the hour', () => {
    for (let h = 0; h < 24; h++) {
      const now = Date.parse('2026-11-23T00:00:00Z') + h * 3_600_000 + 59 * 60_000;
      expect(planPartitions([], now, 90, 1).create).toContain('2026-11-24');
    }
  });

  it('drops whole days before the retention cutoff and keeps the cutoff day', () => {
    expect(new Date(retentionCutoff(NOW, 90)).toISOString()).toBe('2026-08-25T00:00:00.000Z');
    const { drop } = planPartitions(['2026-08-23', '2026-08-24', '2026-08-25', '2026-11-23'], NOW, 90, 1);
    expect(drop).toEqual(['2026-08-23', '2026-08-24']);
  });
});
