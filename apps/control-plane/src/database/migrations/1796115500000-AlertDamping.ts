import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Flap damping, reminders and notification rate limits (issue 15 item 5): the monitor's
 * settings (`flap_threshold`, `flap_window_seconds`, `reminder_interval_seconds`), its alert
 * state (`alert_state`, written by notifications in the decision's transaction) and the
 * rate-limit counters (`notification_rate_limits`).
 */
export class AlertDamping1796115500000 implements MigrationInterface {
  name = 'AlertDamping1796115500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "monitors" ADD "flap_threshold" integer NOT NULL DEFAULT '5'`);
    await queryRunner.query(`ALTER TABLE "monitors" ADD "flap_window_seconds" integer NOT NULL DEFAULT '3600'`);
    await queryRunner.query(`ALTER TABLE "monitors" ADD "reminder_interval_seconds" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(
      `CREATE TABLE "alert_state" (
         "monitor_id" text NOT NULL,
         "changes" TIMESTAMP WITH TIME ZONE array NOT NULL DEFAULT '{}',
         "flapping_since" TIMESTAMP WITH TIME ZONE,
         "collapsed" integer NOT NULL DEFAULT '0',
         "down_notified_at" TIMESTAMP WITH TIME ZONE,
         "reminders" integer NOT NULL DEFAULT '0',
         CONSTRAINT "alert_state_pk" PRIMARY KEY ("monitor_id"),
         CONSTRAINT "alert_state_monitor_fk" FOREIGN KEY ("monitor_id") REFERENCES "monitors"("id") ON DELETE CASCADE)`,
    );
    await queryRunner.query(
      `CREATE TABLE "notification_rate_limits" (
         "key" text NOT NULL,
         "window_start" TIMESTAMP WITH TIME ZONE NOT NULL,
         "sent" integer NOT NULL DEFAULT '0',
         "collapsed" integer NOT NULL DEFAULT '0',
         CONSTRAINT "notification_rate_limits_pk" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "notification_rate_limits_window_idx" ON "notification_rate_limits" ("window_start")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "notification_rate_limits"`);
    await queryRunner.query(`DROP TABLE "alert_state"`);
    for (const c of ['reminder_interval_seconds', 'flap_window_seconds', 'flap_threshold'])
      await queryRunner.query(`ALTER TABLE "monitors" DROP COLUMN "${c}"`);
  }
}
