import { IngestionProgress, STALE_BACKLOG_MS } from './ingestion-progress';

describe('IngestionProgress.horizon', () => {
  const NOW = 1_800_000_000_000;

  it('is now while no stream has a backlog', () => {
    const p = new IngestionProgress();
    expect(p.horizon(NOW)).toBe(NOW);
    p.delivered('eu', NOW - 5_000, 0, NOW);
    expect(p.horizon(NOW)).toBe(NOW);
  });

  it('is the publish time of the last delivery of the stream furthest behind', () => {
    const p = new IngestionProgress();
    p.delivered('eu', NOW - 40_000, 1_000, NOW);
    p.delivered('us', NOW - 90_000, 5, NOW);
    p.delivered('ap', NOW - 1_000, 0, NOW);
    expect(p.horizon(NOW)).toBe(NOW - 90_000);
    // us catches up: eu is the one behind now.
    p.delivered('us', NOW - 100, 0, NOW);
    expect(p.horizon(NOW)).toBe(NOW - 40_000);
  });

  it('moves with the deliveries and never past now', () => {
    const p = new IngestionProgress();
    p.delivered('eu', NOW - 10_000, 3, NOW);
    p.delivered('eu', NOW - 2_000, 2, NOW);
    expect(p.horizon(NOW)).toBe(NOW - 2_000);
    p.delivered('eu', NOW + 5_000, 1, NOW); // a server clock ahead of ours
    expect(p.horizon(NOW)).toBe(NOW);
  });

  it('lets a forgotten stream, or one silent for longer than STALE_BACKLOG_MS, hold nothing back', () => {
    const p = new IngestionProgress();
    p.delivered('eu', NOW - 60_000, 10, NOW);
    p.delivered('us', NOW - 50_000, 10, NOW - STALE_BACKLOG_MS - 1);
    expect(p.horizon(NOW)).toBe(NOW - 60_000);
    p.forget('eu');
    expect(p.horizon(NOW)).toBe(NOW);
    p.delivered('us', NOW - 45_000, 10, NOW - STALE_BACKLOG_MS);
    expect(p.horizon(NOW)).toBe(NOW - 45_000);
  });
});
