import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Incidents as a timeline (SPEC 3.7a): manual incidents share the incidents table with
 * automatic ones (`type`), carry a title, description, impact and their affected monitors
 * (`monitor_ids`; their `monitor_id` stays NULL so deleting a monitor never deletes a
 * manual incident), and every incident gets timeline updates (`incident_updates`).
 */
export class ManualIncidents1796014000010 implements MigrationInterface {
  name = 'ManualIncidents1796014000010';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "incidents" ALTER COLUMN "monitor_id" DROP NOT NULL`);
    await q.query(`ALTER TABLE "incidents" ALTER COLUMN "opened_by_round" DROP NOT NULL`);
    await q.query(`ALTER TABLE "incidents" ADD "type" text NOT NULL DEFAULT 'automatic'`);
    await q.query(`ALTER TABLE "incidents" ADD "title" text`);
    await q.query(`ALTER TABLE "incidents" ADD "description" text`);
    await q.query(`ALTER TABLE "incidents" ADD "impact" text`);
    await q.query(`ALTER TABLE "incidents" ADD "monitor_ids" text array NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE "incidents" ADD "updated_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(
      `CREATE INDEX "incidents_manual_monitors_idx" ON "incidents" USING gin ("monitor_ids") WHERE type = 'manual'`,
    );
    await q.query(
      `CREATE TABLE "incident_updates" ("id" text NOT NULL, "incident_id" text NOT NULL, "account_id" text NOT NULL, "label" text NOT NULL, "content" text NOT NULL, "status" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "incident_updates_pk" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "incident_updates_incident_idx" ON "incident_updates" ("incident_id", "created_at")`);
    await q.query(
      `ALTER TABLE "incident_updates" ADD CONSTRAINT "incident_updates_incident_fk" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "incident_updates"`);
    await q.query(`DROP INDEX "public"."incidents_manual_monitors_idx"`);
    await q.query(`DELETE FROM "incidents" WHERE type = 'manual'`);
    for (const c of ['updated_at', 'monitor_ids', 'impact', 'description', 'title', 'type'])
      await q.query(`ALTER TABLE "incidents" DROP COLUMN "${c}"`);
    await q.query(`ALTER TABLE "incidents" ALTER COLUMN "opened_by_round" SET NOT NULL`);
    await q.query(`ALTER TABLE "incidents" ALTER COLUMN "monitor_id" SET NOT NULL`);
  }
}
