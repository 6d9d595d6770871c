import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795433151966 implements MigrationInterface {
  name = 'Initial1795433151966';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "accounts" ("id" text NOT NULL, "name" text NOT NULL, "plan" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5a7a02c20412299d198e097a8fe" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "users" ("id" text NOT NULL, "account_id" text NOT NULL, "email" text NOT NULL, "name" text NOT NULL, "password_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_17a709b8b6146c491e6615c29d" ON "users" ("account_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_97672ac88f789774dd47f7c8be" ON "users" ("email") `);
    await queryRunner.query(
      `CREATE TABLE "api_keys" ("id" text NOT NULL, "account_id" text NOT NULL, "name" text NOT NULL, "prefix" text NOT NULL, "key_hash" text NOT NULL, "scope" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_5c8a79801b44bd27b79228e1dad" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_decaf331589778e33441b2a8d9" ON "api_keys" ("account_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_57384430aa1959f4578046c9b8" ON "api_keys" ("key_hash") `);
    await queryRunner.query(
      `CREATE TABLE "incidents" ("id" text NOT NULL, "account_id" text NOT NULL, "monitor_id" text NOT NULL, "monitor_name" text NOT NULL, "monitor_url" text NOT NULL, "monitor_type" text NOT NULL, "status" text NOT NULL, "status_code" integer, "response_ms" double precision, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "resolved_at" TIMESTAMP WITH TIME ZONE, "duration_seconds" integer, "failure_error_message" text, "failure_response_headers" jsonb, "failure_response_body" text, "regions_checked" integer, "regions_up" integer, "region_results" jsonb, "affected_regions" text array NOT NULL DEFAULT '{}', "opened_by_round" text NOT NULL, "resolved_by_round" text, CONSTRAINT "PK_ccb34c01719889017e2246469f9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_fc28fc30d8458756861ec6466e" ON "incidents" ("monitor_id") `);
    await queryRunner.query(
      `CREATE INDEX "incidents_account_started_idx" ON "incidents" ("account_id", "started_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "incidents_one_open_per_monitor_uq" ON "incidents" ("monitor_id") WHERE status = 'open'`,
    );
    await queryRunner.query(
      `CREATE TABLE "check_results" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "monitor_id" text NOT NULL, "account_id" text NOT NULL, "round" bigint NOT NULL, "region" text NOT NULL, "probe_id" text NOT NULL, "is_up" boolean NOT NULL, "status_code" integer, "response_ms" double precision, "error" text, "phases" jsonb NOT NULL, "response_headers" jsonb, "response_body" text, "checked_at" TIMESTAMP WITH TIME ZONE NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "late" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_2af4caf20da46ce834ba71ad38f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "check_results_monitor_time_idx" ON "check_results" ("monitor_id", "checked_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "check_results_identity_uq" ON "check_results" ("monitor_id", "round", "region") `,
    );
    await queryRunner.query(
      `CREATE TABLE "monitors" ("id" text NOT NULL, "account_id" text NOT NULL, "name" text NOT NULL, "monitor_type" text NOT NULL DEFAULT 'http', "url" text NOT NULL, "http_method" text NOT NULL DEFAULT 'GET', "expected_status_code" integer NOT NULL DEFAULT '200', "timeout" integer NOT NULL DEFAULT '10', "follow_redirects" boolean NOT NULL DEFAULT true, "basic_auth_user" text NOT NULL DEFAULT '', "basic_auth_pass" text NOT NULL DEFAULT '', "bearer_token" text NOT NULL DEFAULT '', "request_body" text NOT NULL DEFAULT '', "request_content_type" text NOT NULL DEFAULT '', "custom_headers" jsonb NOT NULL DEFAULT '[]', "keyword" text NOT NULL DEFAULT '', "response_threshold_ms" text, "check_interval" integer NOT NULL, "regions" text array NOT NULL, "quorum" integer NOT NULL, "alert_email" text NOT NULL DEFAULT '', "alert_slack_webhook" text NOT NULL DEFAULT '', "webhook_url" text NOT NULL DEFAULT '', "public" boolean NOT NULL DEFAULT true, "paused" boolean NOT NULL DEFAULT false, "group" text NOT NULL DEFAULT '', "slug" text NOT NULL, "tags" text array NOT NULL DEFAULT '{}', "maintenance_windows" jsonb NOT NULL DEFAULT '[]', "status" text NOT NULL DEFAULT 'pending', "status_changed_at" TIMESTAMP WITH TIME ZONE, "last_checked" TIMESTAMP WITH TIME ZONE, "last_status_code" integer, "last_response_ms" double precision, "last_response_by_region" jsonb, "location_status" jsonb, "checks_total" integer NOT NULL DEFAULT '0', "checks_failed" integer NOT NULL DEFAULT '0', "ssl_expiry" TIMESTAMP WITH TIME ZONE, "ssl_issuer" text, "last_round_at" TIMESTAMP WITH TIME ZONE, "phase_ms" integer NOT NULL, "next_round" bigint NOT NULL, "next_due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_193902e2013887310490284cdbe" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_f0323f6524db0dc23ff53e405d" ON "monitors" ("slug") `);
    await queryRunner.query(`CREATE INDEX "monitors_account_created_idx" ON "monitors" ("account_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "monitors_due_idx" ON "monitors" ("next_due_at") WHERE paused = false`);
    await queryRunner.query(
      `CREATE TABLE "probes" ("probe_id" text NOT NULL, "region" text NOT NULL, "version" text NOT NULL, "in_flight" integer NOT NULL, "queued" integer NOT NULL, "capacity" integer NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "leaving" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_5a43230a8f8a4e0bacfb5af461b" PRIMARY KEY ("probe_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_154b26263b64ef42d1923904ad" ON "probes" ("region") `);
    await queryRunner.query(
      `CREATE TABLE "rounds" ("id" text NOT NULL, "monitor_id" text NOT NULL, "account_id" text NOT NULL, "round" bigint NOT NULL, "scheduled_at" TIMESTAMP WITH TIME ZONE NOT NULL, "deadline_at" TIMESTAMP WITH TIME ZONE NOT NULL, "regions" text array NOT NULL, "quorum" integer NOT NULL, "dispatched_at" TIMESTAMP WITH TIME ZONE, "decided_at" TIMESTAMP WITH TIME ZONE, "outcome" text, "regions_checked" integer, "regions_up" integer, "response_ms" double precision, "status_code" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9d254884a20817016e2f877c7e7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "rounds_undispatched_idx" ON "rounds" ("created_at") WHERE dispatched_at IS NULL`,
    );
    await queryRunner.query(`CREATE INDEX "rounds_undecided_idx" ON "rounds" ("deadline_at") WHERE decided_at IS NULL`);
    await queryRunner.query(`CREATE INDEX "rounds_monitor_scheduled_idx" ON "rounds" ("monitor_id", "scheduled_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "rounds_monitor_round_uq" ON "rounds" ("monitor_id", "round") `);
    // Tenant and history foreign keys (declared in the entities as ManyToOne with these constraint names).
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "users_account_fk" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_account_fk" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "monitors" ADD CONSTRAINT "monitors_account_fk" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "rounds" ADD CONSTRAINT "rounds_monitor_fk" FOREIGN KEY ("monitor_id") REFERENCES "monitors"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "check_results" ADD CONSTRAINT "check_results_monitor_fk" FOREIGN KEY ("monitor_id") REFERENCES "monitors"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "incidents" ADD CONSTRAINT "incidents_monitor_fk" FOREIGN KEY ("monitor_id") REFERENCES "monitors"("id") ON DELETE CASCADE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, fk] of [
      ['incidents', 'incidents_monitor_fk'],
      ['check_results', 'check_results_monitor_fk'],
      ['rounds', 'rounds_monitor_fk'],
      ['monitors', 'monitors_account_fk'],
      ['api_keys', 'api_keys_account_fk'],
      ['users', 'users_account_fk'],
    ]) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${fk}"`);
    }
    await queryRunner.query(`DROP INDEX "public"."rounds_monitor_round_uq"`);
    await queryRunner.query(`DROP INDEX "public"."rounds_monitor_scheduled_idx"`);
    await queryRunner.query(`DROP INDEX "public"."rounds_undecided_idx"`);
    await queryRunner.query(`DROP INDEX "public"."rounds_undispatched_idx"`);
    await queryRunner.query(`DROP TABLE "rounds"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_154b26263b64ef42d1923904ad"`);
    await queryRunner.query(`DROP TABLE "probes"`);
    await queryRunner.query(`DROP INDEX "public"."monitors_due_idx"`);
    await queryRunner.query(`DROP INDEX "public"."monitors_account_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f0323f6524db0dc23ff53e405d"`);
    await queryRunner.query(`DROP TABLE "monitors"`);
    await queryRunner.query(`DROP INDEX "public"."check_results_identity_uq"`);
    await queryRunner.query(`DROP INDEX "public"."check_results_monitor_time_idx"`);
    await queryRunner.query(`DROP TABLE "check_results"`);
    await queryRunner.query(`DROP INDEX "public"."incidents_one_open_per_monitor_uq"`);
    await queryRunner.query(`DROP INDEX "public"."incidents_account_started_idx"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fc28fc30d8458756861ec6466e"`);
    await queryRunner.query(`DROP TABLE "incidents"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_57384430aa1959f4578046c9b8"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_decaf331589778e33441b2a8d9"`);
    await queryRunner.query(`DROP TABLE "api_keys"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_97672ac88f789774dd47f7c8be"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_17a709b8b6146c491e6615c29d"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP TABLE "accounts"`);
  }
}
