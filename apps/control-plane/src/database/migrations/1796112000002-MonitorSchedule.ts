import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One writer per table (issue 12 item 1): the schedule cursor (`phase_ms`, `next_round`,
 * `next_due_at`) moves from `monitors` to `monitor_schedule` (written by the scheduler context
 * only), one row per monitor, values kept; a paused monitor's `next_due_at` becomes NULL
 * (outside the due index; resuming places it again, as before). `down()` moves the values
 * back (a paused monitor's due time comes back as the time of the rollback: it is re-placed
 * when resumed anyway).
 */
export class MonitorSchedule1796112000002 implements MigrationInterface {
  name = 'MonitorSchedule1796112000002';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "monitor_schedule" (
        "monitor_id" text NOT NULL, "phase_ms" integer NOT NULL, "next_round" bigint NOT NULL, "next_due_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "monitor_schedule_pk" PRIMARY KEY ("monitor_id"),
        CONSTRAINT "monitor_schedule_monitor_fk" FOREIGN KEY ("monitor_id") REFERENCES "monitors"("id") ON DELETE CASCADE
      )`);
    await q.query(
      `INSERT INTO "monitor_schedule" ("monitor_id", "phase_ms", "next_round", "next_due_at")
       SELECT "id", "phase_ms", "next_round", CASE WHEN "paused" THEN NULL ELSE "next_due_at" END FROM "monitors"`,
    );
    await q.query(
      `CREATE INDEX "monitor_schedule_due_idx" ON "monitor_schedule" ("next_due_at") WHERE next_due_at IS NOT NULL`,
    );
    await q.query(`DROP INDEX "monitors_due_idx"`);
    await q.query(`ALTER TABLE "monitors" DROP COLUMN "phase_ms", DROP COLUMN "next_round", DROP COLUMN "next_due_at"`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "monitors" ADD "phase_ms" integer NOT NULL DEFAULT 0, ADD "next_round" bigint NOT NULL DEFAULT 0,
        ADD "next_due_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`,
    );
    await q.query(
      `UPDATE "monitors" m SET "phase_ms" = s.phase_ms, "next_round" = s.next_round, "next_due_at" = COALESCE(s.next_due_at, now())
         FROM "monitor_schedule" s WHERE s.monitor_id = m.id`,
    );
    await q.query(
      `ALTER TABLE "monitors" ALTER "phase_ms" DROP DEFAULT, ALTER "next_round" DROP DEFAULT, ALTER "next_due_at" DROP DEFAULT`,
    );
    await q.query(`CREATE INDEX "monitors_due_idx" ON "monitors" ("next_due_at") WHERE paused = false`);
    await q.query(`DROP TABLE "monitor_schedule"`);
  }
}
