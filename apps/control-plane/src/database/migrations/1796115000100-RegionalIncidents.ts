import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Regional incidents (issue 15 item 7): `monitors.regional_incident_rounds` (K, default 3,
 * 0 off), the per-region failure streaks (`region_streaks`, written by decisions only: a row
 * only while a region is failing), and one open incident per monitor and type: the automatic
 * (outage) one and the regional one have their own partial unique index.
 */
export class RegionalIncidents1796115000100 implements MigrationInterface {
  name = 'RegionalIncidents1796115000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "monitors" ADD "regional_incident_rounds" integer NOT NULL DEFAULT '3'`);
    await queryRunner.query(
      `ALTER TABLE "monitors" ADD CONSTRAINT "monitors_regional_incident_rounds_ck" CHECK ("regional_incident_rounds" BETWEEN 0 AND 20)`,
    );
    await queryRunner.query(
      `CREATE TABLE "region_streaks" (
         "monitor_id" text NOT NULL,
         "region" text NOT NULL,
         "rounds" integer NOT NULL,
         "since" TIMESTAMP WITH TIME ZONE NOT NULL,
         CONSTRAINT "region_streaks_pk" PRIMARY KEY ("monitor_id", "region"),
         CONSTRAINT "region_streaks_monitor_fk" FOREIGN KEY ("monitor_id") REFERENCES "monitors"("id") ON DELETE CASCADE
       )`,
    );
    // Existing incidents are automatic or manual (manual ones have no monitor_id): the old index's rows are the automatic ones.
    await queryRunner.query(`DROP INDEX "public"."incidents_one_open_per_monitor_uq"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "incidents_one_open_per_monitor_uq" ON "incidents" ("monitor_id") WHERE status = 'open' AND type = 'automatic'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "incidents_one_open_regional_per_monitor_uq" ON "incidents" ("monitor_id") WHERE status = 'open' AND type = 'regional'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "incidents" SET status = 'resolved', resolved_at = COALESCE(resolved_at, now()) WHERE type = 'regional' AND status = 'open'`,
    );
    await queryRunner.query(`DROP INDEX "public"."incidents_one_open_regional_per_monitor_uq"`);
    await queryRunner.query(`DROP INDEX "public"."incidents_one_open_per_monitor_uq"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "incidents_one_open_per_monitor_uq" ON "incidents" ("monitor_id") WHERE status = 'open'`,
    );
    await queryRunner.query(`DROP TABLE "region_streaks"`);
    await queryRunner.query(`ALTER TABLE "monitors" DROP CONSTRAINT "monitors_regional_incident_rounds_ck"`);
    await queryRunner.query(`ALTER TABLE "monitors" DROP COLUMN "regional_incident_rounds"`);
  }
}
