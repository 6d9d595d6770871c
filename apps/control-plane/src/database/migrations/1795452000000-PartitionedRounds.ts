import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rounds (the round summaries: the check records of `GET /checks` and the whole monitor's
 * history) become a table partitioned by day on `scheduled_at`, like `check_results`, so
 * that the retention drops whole partitions of both instead of deleting rows.
 *
 * Every unique key of a partitioned table must contain the partition key: the primary
 * key becomes (id, scheduled_at) and the identity (monitor_id, round) becomes
 * (monitor_id, scheduled_at, round), which is also the "one monitor, one window" index
 * (it replaces rounds_monitor_scheduled_idx). (monitor_id, round) stays indexed, not
 * unique: the scheduler keeps a monitor's round numbers from coming back (schedule.ts
 * firstRound) and insertRounds skips a number the monitor used in the last two days.
 * Rows older than RETENTION_DAYS are copied too and dropped with their partitions by the
 * first partition maintenance (rounds had no retention before). Stop the replicas of the
 * previous version before migrating: their round inserts name the old unique index.
 *
 * Existing rows are moved, not lost: the old table is renamed, one partition is created
 * for every day it holds, its rows are copied and it is dropped. Partitions for today and
 * the days ahead are created by the control plane at start (PartitionsService).
 * Hand-written (TypeORM does not generate partitioning); `migration:generate` shows no
 * difference with the entity afterwards.
 */
export class PartitionedRounds1795452000000 implements MigrationInterface {
  name = 'PartitionedRounds1795452000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "rounds" RENAME TO "rounds_unpartitioned"`);
    await q.query(`ALTER TABLE "rounds_unpartitioned" DROP CONSTRAINT "rounds_monitor_fk"`);
    for (const index of [
      'rounds_monitor_round_uq',
      'rounds_monitor_scheduled_idx',
      'rounds_undecided_idx',
      'rounds_undispatched_idx',
    ])
      await q.query(`DROP INDEX "${index}"`);
    // The new table takes the old one's columns (whatever migrations have added to it).
    await q.query(
      `CREATE TABLE "rounds" (LIKE "rounds_unpartitioned" INCLUDING DEFAULTS) PARTITION BY RANGE ("scheduled_at")`,
    );
    await q.query(`ALTER TABLE "rounds" ADD CONSTRAINT "rounds_pk" PRIMARY KEY ("id", "scheduled_at")`);
    await q.query(
      `CREATE UNIQUE INDEX "rounds_monitor_time_round_uq" ON "rounds" ("monitor_id", "scheduled_at", "round")`,
    );
    await q.query(`CREATE INDEX "rounds_undecided_idx" ON "rounds" ("deadline_at") WHERE decided_at IS NULL`);
    await q.query(`CREATE INDEX "rounds_undispatched_idx" ON "rounds" ("created_at") WHERE dispatched_at IS NULL`);
    // The check history's total counts rounds with data from the rollups and these (rare) ones here.
    await q.query(`CREATE INDEX "rounds_no_data_idx" ON "rounds" ("monitor_id") WHERE outcome = 'no_data'`);
    // A round number a monitor used is never claimed again (insertRounds checks recent days), and older probes' results find their round by number.
    await q.query(`CREATE INDEX "rounds_monitor_round_idx" ON "rounds" ("monitor_id", "round")`);
    await q.query(
      `ALTER TABLE "rounds" ADD CONSTRAINT "rounds_monitor_fk" FOREIGN KEY ("monitor_id") REFERENCES "monitors"("id") ON DELETE CASCADE`,
    );
    const days: { day: string }[] = await q.query(
      `SELECT DISTINCT to_char(date_trunc('day', scheduled_at, 'UTC') AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day FROM rounds_unpartitioned`,
    );
    for (const { day } of days) {
      const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      await q.query(
        `CREATE TABLE "rounds_p${day.replace(/-/g, '')}" PARTITION OF "rounds" FOR VALUES FROM ('${day}T00:00:00Z') TO ('${next}T00:00:00Z')`,
      );
    }
    const columns: { name: string }[] = await q.query(
      `SELECT column_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'rounds' ORDER BY ordinal_position`,
    );
    const list = columns.map((c) => `"${c.name}"`).join(', ');
    await q.query(`INSERT INTO "rounds" (${list}) SELECT ${list} FROM "rounds_unpartitioned"`);
    await q.query(`DROP TABLE "rounds_unpartitioned"`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "rounds" RENAME TO "rounds_partitioned"`);
    await q.query(`ALTER TABLE "rounds_partitioned" DROP CONSTRAINT "rounds_monitor_fk"`);
    for (const index of [
      'rounds_monitor_time_round_uq',
      'rounds_undecided_idx',
      'rounds_undispatched_idx',
      'rounds_no_data_idx',
      'rounds_monitor_round_idx',
    ])
      await q.query(`DROP INDEX "${index}"`);
    await q.query(`CREATE TABLE "rounds" (LIKE "rounds_partitioned" INCLUDING DEFAULTS)`);
    await q.query(`INSERT INTO "rounds" SELECT * FROM "rounds_partitioned"`);
    await q.query(`DROP TABLE "rounds_partitioned"`);
    await q.query(`ALTER TABLE "rounds" ADD CONSTRAINT "PK_9d254884a20817016e2f877c7e7" PRIMARY KEY ("id")`);
    await q.query(`CREATE INDEX "rounds_undispatched_idx" ON "rounds" ("created_at") WHERE dispatched_at IS NULL`);
    await q.query(`CREATE INDEX "rounds_undecided_idx" ON "rounds" ("deadline_at") WHERE decided_at IS NULL`);
    await q.query(`CREATE INDEX "rounds_monitor_scheduled_idx" ON "rounds" ("monitor_id", "scheduled_at")`);
    await q.query(`CREATE UNIQUE INDEX "rounds_monitor_round_uq" ON "rounds" ("monitor_id", "round")`);
    await q.query(
      `ALTER TABLE "rounds" ADD CONSTRAINT "rounds_monitor_fk" FOREIGN KEY ("monitor_id") REFERENCES "monitors"("id") ON DELETE CASCADE`,
    );
  }
}
