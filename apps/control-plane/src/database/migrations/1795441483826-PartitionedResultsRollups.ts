import { MigrationInterface, QueryRunner } from 'typeorm';
import { REBUILD_STATEMENTS } from '../../timeseries/rollup-sql';

/**
 * Per-region results become a table partitioned by day on the round's scheduled time
 * (`scheduled_at`), with rollups per monitor × region × hour and day.
 *
 * Existing data is moved, not lost: the old table is renamed, one partition is created
 * for every day it holds, its rows are copied with their round's `scheduled_at` (the
 * probe's start time for a result whose round row is gone), the old table is dropped, and
 * the rollups are built from the copied rows and the decided rounds. Partitions for
 * today and the days ahead are created by the control plane at start (PartitionsService),
 * never here.
 *
 * The identity of a result stays (monitor, round, region); the partition key must be
 * part of every unique key, and a round's scheduled time is fixed by the round, so the
 * primary key is (monitor_id, scheduled_at, round, region): the same idempotency, and
 * the index for "one monitor, one window".
 */
export class PartitionedResultsRollups1795441483826 implements MigrationInterface {
  name = 'PartitionedResultsRollups1795441483826';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "check_results" RENAME TO "check_results_unpartitioned"`);
    await q.query(`ALTER TABLE "check_results_unpartitioned" DROP CONSTRAINT "check_results_monitor_fk"`);
    await q.query(`DROP INDEX "check_results_identity_uq"`);
    await q.query(`DROP INDEX "check_results_monitor_time_idx"`);
    // The new table takes the old one's columns (whatever migrations have added to it),
    // without the surrogate id, plus the partition key.
    await q.query(`
      CREATE TABLE "check_results" (LIKE "check_results_unpartitioned" INCLUDING DEFAULTS, "scheduled_at" TIMESTAMP WITH TIME ZONE NOT NULL)
      PARTITION BY RANGE ("scheduled_at")`);
    await q.query(`ALTER TABLE "check_results" DROP COLUMN "id"`);
    await q.query(
      `ALTER TABLE "check_results" ADD CONSTRAINT "check_results_pk" PRIMARY KEY ("monitor_id", "scheduled_at", "round", "region")`,
    );
    await q.query(
      `ALTER TABLE "check_results" ADD CONSTRAINT "check_results_monitor_fk" FOREIGN KEY ("monitor_id") REFERENCES "monitors"("id") ON DELETE CASCADE`,
    );
    const days: { day: string }[] = await q.query(`
      SELECT DISTINCT to_char(date_trunc('day', COALESCE(rd.scheduled_at, r.checked_at), 'UTC') AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day
        FROM check_results_unpartitioned r LEFT JOIN rounds rd ON rd.monitor_id = r.monitor_id AND rd.round = r.round`);
    for (const { day } of days) {
      const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      await q.query(
        `CREATE TABLE "check_results_p${day.replace(/-/g, '')}" PARTITION OF "check_results" FOR VALUES FROM ('${day}T00:00:00Z') TO ('${next}T00:00:00Z')`,
      );
    }
    const columns: { name: string }[] = await q.query(
      `SELECT column_name AS name FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name = 'check_results' AND column_name <> 'scheduled_at' ORDER BY ordinal_position`,
    );
    const list = columns.map((c) => `"${c.name}"`).join(', ');
    await q.query(`
      INSERT INTO check_results (${list}, scheduled_at)
      SELECT ${columns.map((c) => `r."${c.name}"`).join(', ')}, COALESCE(rd.scheduled_at, r.checked_at)
        FROM check_results_unpartitioned r LEFT JOIN rounds rd ON rd.monitor_id = r.monitor_id AND rd.round = r.round`);
    await q.query(`DROP TABLE "check_results_unpartitioned"`);

    for (const table of ['rollups_hourly', 'rollups_daily']) {
      await q.query(`
        CREATE TABLE "${table}" (
          "monitor_id" text NOT NULL, "bucket_start" TIMESTAMP WITH TIME ZONE NOT NULL, "region" text NOT NULL, "account_id" text NOT NULL,
          "checks" integer NOT NULL DEFAULT 0, "failures" integer NOT NULL DEFAULT 0, "degraded" integer NOT NULL DEFAULT 0,
          "rt_count" integer NOT NULL DEFAULT 0, "rt_sum" double precision NOT NULL DEFAULT 0, "rt_min" double precision, "rt_max" double precision,
          "hist" jsonb NOT NULL DEFAULT '{}',
          CONSTRAINT "${table}_pk" PRIMARY KEY ("monitor_id", "bucket_start", "region"),
          CONSTRAINT "${table}_monitor_fk" FOREIGN KEY ("monitor_id") REFERENCES "monitors"("id") ON DELETE CASCADE
        )`);
      await q.query(`CREATE INDEX "${table}_bucket_idx" ON "${table}" ("bucket_start")`);
    }
    for (const sql of REBUILD_STATEMENTS) await q.query(sql, [null]);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "rollups_daily"`);
    await q.query(`DROP TABLE "rollups_hourly"`);
    await q.query(`ALTER TABLE "check_results" RENAME TO "check_results_partitioned"`);
    await q.query(`ALTER TABLE "check_results_partitioned" DROP CONSTRAINT "check_results_monitor_fk"`);
    await q.query(
      `CREATE TABLE "check_results" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "monitor_id" text NOT NULL, "account_id" text NOT NULL, "round" bigint NOT NULL, "region" text NOT NULL, "probe_id" text NOT NULL, "is_up" boolean NOT NULL, "status_code" integer, "response_ms" double precision, "error" text, "phases" jsonb NOT NULL, "response_headers" jsonb, "response_body" text, "checked_at" TIMESTAMP WITH TIME ZONE NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "late" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_2af4caf20da46ce834ba71ad38f" PRIMARY KEY ("id"))`,
    );
    await q.query(`INSERT INTO check_results (monitor_id, account_id, round, region, probe_id, is_up, status_code, response_ms, error, phases, response_headers, response_body, checked_at, received_at, late)
                   SELECT monitor_id, account_id, round, region, probe_id, is_up, status_code, response_ms, error, phases, response_headers, response_body, checked_at, received_at, late FROM check_results_partitioned`);
    await q.query(`DROP TABLE "check_results_partitioned"`);
    await q.query(`CREATE INDEX "check_results_monitor_time_idx" ON "check_results" ("monitor_id", "checked_at") `);
    await q.query(
      `CREATE UNIQUE INDEX "check_results_identity_uq" ON "check_results" ("monitor_id", "round", "region") `,
    );
    await q.query(
      `ALTER TABLE "check_results" ADD CONSTRAINT "check_results_monitor_fk" FOREIGN KEY ("monitor_id") REFERENCES "monitors"("id") ON DELETE CASCADE`,
    );
  }
}
