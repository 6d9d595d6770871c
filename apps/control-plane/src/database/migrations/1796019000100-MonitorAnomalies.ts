import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Anomalies (issue 19 item 5): one row per anomaly of a monitor × region × metric, written
 * by the anomaly sweep (anomalies/), and the sweep's progress per monitor.
 */
export class MonitorAnomalies1796019000100 implements MigrationInterface {
  name = 'MonitorAnomalies1796019000100';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "monitor_anomalies" (
        "id" text NOT NULL, "account_id" text NOT NULL, "monitor_id" text NOT NULL, "region" text NOT NULL, "metric" text NOT NULL,
        "observed" double precision NOT NULL, "expected" double precision NOT NULL, "lower" double precision NOT NULL, "upper" double precision NOT NULL,
        "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ended_at" TIMESTAMP WITH TIME ZONE,
        "acknowledged_at" TIMESTAMP WITH TIME ZONE, "acknowledged_by" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "monitor_anomalies_pk" PRIMARY KEY ("id"),
        CONSTRAINT "monitor_anomalies_metric_ck" CHECK ("metric" IN ('p50_ms', 'p95_ms', 'error_rate')),
        CONSTRAINT "monitor_anomalies_monitor_fk" FOREIGN KEY ("monitor_id") REFERENCES "monitors"("id") ON DELETE CASCADE,
        CONSTRAINT "monitor_anomalies_account_fk" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "monitor_anomalies_start_uq" ON "monitor_anomalies" ("monitor_id", "region", "metric", "started_at")`,
    );
    await q.query(
      `CREATE INDEX "monitor_anomalies_account_started_idx" ON "monitor_anomalies" ("account_id", "started_at")`,
    );
    await q.query(`
      CREATE TABLE "anomaly_sweeps" (
        "monitor_id" text NOT NULL, "swept_through" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "anomaly_sweeps_pk" PRIMARY KEY ("monitor_id"),
        CONSTRAINT "anomaly_sweeps_monitor_fk" FOREIGN KEY ("monitor_id") REFERENCES "monitors"("id") ON DELETE CASCADE
      )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "anomaly_sweeps"`);
    await q.query(`DROP TABLE "monitor_anomalies"`);
  }
}
