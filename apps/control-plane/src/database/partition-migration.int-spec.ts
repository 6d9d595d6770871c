import { DataSource } from 'typeorm';
import { createDatabase } from '@parallax/testing';
import { dataSourceOptions } from './data-source';
import { MIGRATIONS } from './migrations';
import { PartitionedResultsRollups1795441483826 } from './migrations/1795441483826-PartitionedResultsRollups';
import { RollupFolds1795451009968 } from './migrations/1795451009968-RollupFolds';

jest.setTimeout(60_000);

/** The partitioning migrations on a database that already holds results and rounds (written before them). */
describe('partitioning migration', () => {
  it('moves existing results into day partitions at their round time and builds the rollups from them', async () => {
    const db = await createDatabase('t_mig');
    const before = new DataSource({
      ...dataSourceOptions(db.url),
      migrations: MIGRATIONS.slice(0, MIGRATIONS.indexOf(PartitionedResultsRollups1795441483826)),
    });
    const after = new DataSource(dataSourceOptions(db.url));
    try {
      await before.initialize();
      await before.runMigrations();
      await before.query(`INSERT INTO accounts (id, name, plan) VALUES ('acc_m', 'm', 'free')`);
      await before.query(
        `INSERT INTO monitors (id, account_id, name, url, check_interval, regions, quorum, slug, phase_ms, next_round, next_due_at)
         VALUES ('mon_m', 'acc_m', 'm', 'http://example.com/', 60, '{eu-west,us-east}', 2, 'm', 0, 10, now())`,
      );
      // Rounds on two days (the second one undecided), results probed a little after each round.
      const rounds = [
        { round: 1, at: '2026-03-10T23:59:00Z', outcome: 'up' },
        { round: 2, at: '2026-03-11T00:00:00Z', outcome: 'down' },
        { round: 3, at: '2026-03-11T00:01:00Z', outcome: null },
      ];
      for (const r of rounds) {
        await before.query(
          `INSERT INTO rounds (id, monitor_id, account_id, round, scheduled_at, deadline_at, regions, quorum, dispatched_at, decided_at, outcome, response_ms)
           VALUES ($1, 'mon_m', 'acc_m', $2, $3, $3, '{eu-west,us-east}', 2, $3, $4, $5, 15)`,
          [`chk_${r.round}`, r.round, r.at, r.outcome ? r.at : null, r.outcome],
        );
        for (const [i, region] of ['eu-west', 'us-east'].entries()) {
          await before.query(
            `INSERT INTO check_results (monitor_id, account_id, round, region, probe_id, is_up, status_code, response_ms, error, phases, checked_at)
             VALUES ('mon_m', 'acc_m', $1, $2, 'p', $3, 200, $4, NULL, '{}', $5::timestamptz + interval '2 seconds')`,
            [r.round, region, r.outcome !== 'down', 10 + i * 10, r.at],
          );
        }
      }
      await before.destroy();

      await after.initialize();
      await after.runMigrations();
      const rows = await after.query(
        `SELECT round::int, region, scheduled_at, tableoid::regclass::text AS part FROM check_results ORDER BY round, region`,
      );
      expect(rows).toHaveLength(6);
      for (const r of rows) {
        expect(r.scheduled_at.toISOString()).toBe(new Date(rounds[r.round - 1].at).toISOString());
        expect(r.part).toBe(r.round === 1 ? 'check_results_p20260310' : 'check_results_p20260311');
      }
      const daily = await after.query(
        `SELECT to_char(bucket_start AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, region, checks, failures, rt_count, rt_sum FROM rollups_daily ORDER BY 1, 2`,
      );
      expect(daily).toEqual([
        { day: '2026-03-10', region: '*', checks: 1, failures: 0, rt_count: 1, rt_sum: 15 },
        { day: '2026-03-10', region: 'eu-west', checks: 1, failures: 0, rt_count: 1, rt_sum: 10 },
        { day: '2026-03-10', region: 'us-east', checks: 1, failures: 0, rt_count: 1, rt_sum: 20 },
        { day: '2026-03-11', region: '*', checks: 1, failures: 1, rt_count: 1, rt_sum: 15 },
        { day: '2026-03-11', region: 'eu-west', checks: 2, failures: 1, rt_count: 2, rt_sum: 20 },
        { day: '2026-03-11', region: 'us-east', checks: 2, failures: 1, rt_count: 2, rt_sum: 40 },
      ]);
      // Later migrations still apply to the partitioned table (columns reach every partition).
      const cols = await after.query(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'check_results_p20260311' AND column_name = 'details'`,
      );
      expect(cols).toHaveLength(1);
      // Rounds are partitioned by day too (PartitionedRounds), every row and column kept.
      const moved = await after.query(
        `SELECT id, round::int, scheduled_at, outcome, response_ms, skipped_regions, tableoid::regclass::text AS part FROM rounds ORDER BY round`,
      );
      expect(
        moved.map(
          (r: {
            id: string;
            round: number;
            outcome: string | null;
            response_ms: number;
            skipped_regions: string[];
            part: string;
          }) => [r.id, r.round, r.outcome, r.response_ms, r.skipped_regions, r.part],
        ),
      ).toEqual([
        ['chk_1', 1, 'up', 15, [], 'rounds_p20260310'],
        ['chk_2', 2, 'down', 15, [], 'rounds_p20260311'],
        ['chk_3', 3, null, 15, [], 'rounds_p20260311'],
      ]);
      expect((await after.query(`SELECT relkind FROM pg_class WHERE relname = 'rounds'`))[0].relkind).toBe('p');
      // A round's identity stays unique (with its scheduled time, which the round fixes).
      await expect(
        after.query(
          `INSERT INTO rounds (id, monitor_id, account_id, round, scheduled_at, deadline_at, regions, quorum) VALUES ('chk_dup', 'mon_m', 'acc_m', 2, '2026-03-11T00:00:00Z', now(), '{eu-west}', 1)`,
        ),
      ).rejects.toThrow(
        /duplicate key value violates unique constraint "rounds_p20260311_monitor_id_scheduled_at_round_idx"/,
      );
      // Existing monitors' daily rollups count as folded through yesterday (they were kept incrementally).
      const folded = await after.query(
        `SELECT folded_through::text AS d, ((now() AT TIME ZONE 'UTC')::date - 1)::text AS y FROM rollup_folds`,
      );
      expect(folded[0].d).toBe(folded[0].y);

      // Rolled back: rounds are one table again, and the days not folded yet get daily rollups
      // built from their hourly ones (the previous version reads daily rows for whole days).
      await after.query(`DELETE FROM rollups_daily`);
      await after.query(
        `INSERT INTO rollups_hourly (monitor_id, bucket_start, region, account_id, checks, failures, degraded, rt_count, rt_sum, rt_min, rt_max, hist)
         VALUES ('mon_m', date_trunc('day', now(), 'UTC'), 'eu-west', 'acc_m', 2, 1, 0, 2, 30, 10, 20, '{"117": 1, "152": 1}'),
                ('mon_m', date_trunc('day', now(), 'UTC') + interval '1 hour', 'eu-west', 'acc_m', 1, 0, 0, 1, 20, 20, 20, '{"152": 1}')`,
      );
      // Every migration after RollupFolds (later ones too), then RollupFolds itself.
      for (let i = MIGRATIONS.indexOf(RollupFolds1795451009968); i < MIGRATIONS.length; i++)
        await after.undoLastMigration();
      expect((await after.query(`SELECT relkind FROM pg_class WHERE relname = 'rounds'`))[0].relkind).toBe('r');
      expect(
        (await after.query(`SELECT round::int FROM rounds ORDER BY round`)).map((r: { round: number }) => r.round),
      ).toEqual([1, 2, 3]);
      const rebuilt = await after.query(
        `SELECT region, checks, failures, rt_sum, rt_min, rt_max, hist FROM rollups_daily WHERE bucket_start = date_trunc('day', now(), 'UTC')`,
      );
      expect(rebuilt).toEqual([
        { region: 'eu-west', checks: 3, failures: 1, rt_sum: 50, rt_min: 10, rt_max: 20, hist: { '117': 1, '152': 2 } },
      ]);
    } finally {
      if (before.isInitialized) await before.destroy();
      if (after.isInitialized) await after.destroy();
      await db.drop();
    }
  });
});
