import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Scheduled maintenance (SPEC 3.7a): `maintenance` (`mnt_…`, statuses moved by the clock's
 * sweep) with its timeline `maintenance_updates`; decided rounds remember whether they ran
 * in maintenance (`rounds.in_maintenance`: left out of uptime and SLA); a monitor whose
 * status changed in maintenance keeps the status last notified (`monitors.held_status`) so
 * the change is notified after the window.
 */
export class ScheduledMaintenance1796014000100 implements MigrationInterface {
  name = 'ScheduledMaintenance1796014000100';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "maintenance" ("id" text NOT NULL, "account_id" text NOT NULL, "title" text NOT NULL, "description" text, "monitor_ids" text array NOT NULL DEFAULT '{}', "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text NOT NULL DEFAULT 'scheduled', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "maintenance_pk" PRIMARY KEY ("id"), CONSTRAINT "maintenance_status_ck" CHECK (status IN ('scheduled', 'in_progress', 'completed', 'cancelled')), CONSTRAINT "maintenance_window_ck" CHECK (ends_at > starts_at))`,
    );
    await q.query(`CREATE INDEX "maintenance_account_idx" ON "maintenance" ("account_id", "starts_at")`);
    await q.query(
      `CREATE INDEX "maintenance_due_idx" ON "maintenance" ("starts_at", "ends_at") WHERE status IN ('scheduled', 'in_progress')`,
    );
    await q.query(`CREATE INDEX "maintenance_monitors_idx" ON "maintenance" USING gin ("monitor_ids")`);
    await q.query(
      `ALTER TABLE "maintenance" ADD CONSTRAINT "maintenance_account_fk" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `CREATE TABLE "maintenance_updates" ("id" text NOT NULL, "maintenance_id" text NOT NULL, "account_id" text NOT NULL, "label" text NOT NULL, "content" text NOT NULL, "status" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "maintenance_updates_pk" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "maintenance_updates_maintenance_idx" ON "maintenance_updates" ("maintenance_id", "created_at")`,
    );
    await q.query(
      `ALTER TABLE "maintenance_updates" ADD CONSTRAINT "maintenance_updates_maintenance_fk" FOREIGN KEY ("maintenance_id") REFERENCES "maintenance"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(`ALTER TABLE "rounds" ADD "in_maintenance" boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE "monitors" ADD "held_status" text`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "monitors" DROP COLUMN "held_status"`);
    await q.query(`ALTER TABLE "rounds" DROP COLUMN "in_maintenance"`);
    await q.query(`DROP TABLE "maintenance_updates"`);
    await q.query(`DROP TABLE "maintenance"`);
  }
}
