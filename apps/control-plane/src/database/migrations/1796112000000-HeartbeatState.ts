import { MigrationInterface, QueryRunner } from 'typeorm';

const COLUMNS = ['heartbeat_expected_by', 'last_ping_at', 'last_fail_at', 'run_started_at', 'last_run_ms'];

/**
 * One writer per table (issue 12 item 1): a heartbeat monitor's ping state moves from
 * `monitors` to `heartbeat_state` (written by the heartbeats context only), one row per
 * heartbeat monitor, values kept. `down()` moves them back.
 */
export class HeartbeatState1796112000000 implements MigrationInterface {
  name = 'HeartbeatState1796112000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "heartbeat_state" (
        "monitor_id" text NOT NULL,
        "heartbeat_expected_by" TIMESTAMP WITH TIME ZONE, "last_ping_at" TIMESTAMP WITH TIME ZONE, "last_fail_at" TIMESTAMP WITH TIME ZONE,
        "run_started_at" TIMESTAMP WITH TIME ZONE, "last_run_ms" double precision,
        CONSTRAINT "heartbeat_state_pk" PRIMARY KEY ("monitor_id"),
        CONSTRAINT "heartbeat_state_monitor_fk" FOREIGN KEY ("monitor_id") REFERENCES "monitors"("id") ON DELETE CASCADE
      )`);
    await q.query(
      `INSERT INTO "heartbeat_state" ("monitor_id", ${COLUMNS.join(', ')})
       SELECT "id", ${COLUMNS.join(', ')} FROM "monitors"
        WHERE "monitor_type" = 'heartbeat' OR ${COLUMNS.map((c) => `${c} IS NOT NULL`).join(' OR ')}`,
    );
    for (const c of COLUMNS) await q.query(`ALTER TABLE "monitors" DROP COLUMN "${c}"`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "monitors" ADD "heartbeat_expected_by" TIMESTAMP WITH TIME ZONE, ADD "last_ping_at" TIMESTAMP WITH TIME ZONE,
        ADD "last_fail_at" TIMESTAMP WITH TIME ZONE, ADD "run_started_at" TIMESTAMP WITH TIME ZONE, ADD "last_run_ms" double precision`,
    );
    await q.query(
      `UPDATE "monitors" m SET ${COLUMNS.map((c) => `${c} = h.${c}`).join(', ')} FROM "heartbeat_state" h WHERE h.monitor_id = m.id`,
    );
    await q.query(`DROP TABLE "heartbeat_state"`);
  }
}
