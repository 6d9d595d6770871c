import { MigrationInterface, QueryRunner } from 'typeorm';

/** The moved columns with their type in `monitors` (and now in `monitor_state`), in `monitor_state` order. */
const COLUMNS: [string, string][] = [
  ['status', `text NOT NULL DEFAULT 'pending'`],
  ['pending_status', 'text'],
  ['pending_rounds', `integer NOT NULL DEFAULT '0'`],
  ['pending_since', 'TIMESTAMP WITH TIME ZONE'],
  ['status_changed_at', 'TIMESTAMP WITH TIME ZONE'],
  ['held_status', 'text'],
  ['last_checked', 'TIMESTAMP WITH TIME ZONE'],
  ['last_status_code', 'integer'],
  ['last_response_ms', 'double precision'],
  ['last_response_by_region', 'jsonb'],
  ['location_status', 'jsonb'],
  ['checks_total', `integer NOT NULL DEFAULT '0'`],
  ['checks_failed', `integer NOT NULL DEFAULT '0'`],
  ['ssl_expiry', 'TIMESTAMP WITH TIME ZONE'],
  ['ssl_issuer', 'text'],
  ['last_round_at', 'TIMESTAMP WITH TIME ZONE'],
  ['domain_expiry', 'TIMESTAMP WITH TIME ZONE'],
  ['domain_registrar', 'text'],
  ['domain_status', `text array NOT NULL DEFAULT '{}'`],
];
const NAMES = COLUMNS.map(([c]) => `"${c}"`).join(', ');

/**
 * One writer per table (issue 12 item 1, the last part): the decision read model moves from
 * `monitors` to `monitor_state` (written by the decisions context only), one row per monitor,
 * values kept (and the row's `updated_at`, which decisions moved until now). A monitor created
 * afterwards has no row until its first decision; readers fall back to the empty read model
 * (pending, nothing counted). `down()` moves the values back.
 */
export class MonitorState1796116000000 implements MigrationInterface {
  name = 'MonitorState1796116000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "monitor_state" (
        "monitor_id" text NOT NULL,
        ${COLUMNS.map(([c, t]) => `"${c}" ${t}`).join(', ')},
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "monitor_state_pk" PRIMARY KEY ("monitor_id"),
        CONSTRAINT "monitor_state_monitor_fk" FOREIGN KEY ("monitor_id") REFERENCES "monitors"("id") ON DELETE CASCADE
      )`);
    await q.query(
      `INSERT INTO "monitor_state" ("monitor_id", ${NAMES}, "updated_at")
       SELECT "id", ${NAMES}, "updated_at" FROM "monitors"`,
    );
    await q.query(`CREATE INDEX "monitor_state_status_idx" ON "monitor_state" ("status")`);
    for (const [c] of COLUMNS) await q.query(`ALTER TABLE "monitors" DROP COLUMN "${c}"`);
  }

  public async down(q: QueryRunner): Promise<void> {
    const add = COLUMNS.map(([c, t]) => `ADD "${c}" ${t}`).join(', ');
    await q.query(`ALTER TABLE "monitors" ${add}`);
    await q.query(
      `UPDATE "monitors" m SET ${COLUMNS.map(([c]) => `"${c}" = s."${c}"`).join(', ')},
              "updated_at" = GREATEST(m."updated_at", s."updated_at")
         FROM "monitor_state" s WHERE s."monitor_id" = m."id"`,
    );
    await q.query(`DROP TABLE "monitor_state"`);
  }
}
