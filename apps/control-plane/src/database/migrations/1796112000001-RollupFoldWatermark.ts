import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One writer per table (issue 12 item 1): the rollup fold watermark moves from
 * `monitors.rollups_folded_through` to `rollup_folds` (written by the timeseries context
 * only), one row per existing monitor, values kept. A monitor created later has no row until
 * its first fold: it counts as folded through the day before its creation day, which is what
 * the old column's default (`utc_yesterday()` at insert) gave it. `down()` moves the values back.
 */
export class RollupFoldWatermark1796112000001 implements MigrationInterface {
  name = 'RollupFoldWatermark1796112000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "rollup_folds" (
        "monitor_id" text NOT NULL, "folded_through" date NOT NULL,
        CONSTRAINT "rollup_folds_pk" PRIMARY KEY ("monitor_id"),
        CONSTRAINT "rollup_folds_monitor_fk" FOREIGN KEY ("monitor_id") REFERENCES "monitors"("id") ON DELETE CASCADE
      )`);
    await q.query(
      `INSERT INTO "rollup_folds" ("monitor_id", "folded_through") SELECT "id", "rollups_folded_through" FROM "monitors"`,
    );
    await q.query(`ALTER TABLE "monitors" DROP COLUMN "rollups_folded_through"`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "monitors" ADD "rollups_folded_through" date NOT NULL DEFAULT utc_yesterday()`);
    await q.query(
      `UPDATE "monitors" m SET "rollups_folded_through" = COALESCE(f.folded_through, (m.created_at AT TIME ZONE 'UTC')::date - 1)
         FROM "monitors" m2 LEFT JOIN "rollup_folds" f ON f.monitor_id = m2.id WHERE m2.id = m.id`,
    );
    await q.query(`DROP TABLE "rollup_folds"`);
  }
}
