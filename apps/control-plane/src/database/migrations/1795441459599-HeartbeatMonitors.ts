import { MigrationInterface, QueryRunner } from 'typeorm';

export class HeartbeatMonitors1795441459599 implements MigrationInterface {
  name = 'HeartbeatMonitors1795441459599';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "monitors" ADD "heartbeat_interval" integer`);
    await queryRunner.query(`ALTER TABLE "monitors" ADD "heartbeat_grace_period" integer`);
    await queryRunner.query(`ALTER TABLE "monitors" ADD "ping_token_hash" text`);
    await queryRunner.query(`ALTER TABLE "monitors" ADD "ping_token_hint" text`);
    await queryRunner.query(`ALTER TABLE "monitors" ADD "heartbeat_expected_by" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "monitors" ADD "last_ping_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "monitors" ADD "last_fail_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "monitors" ADD "run_started_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "monitors" ADD "last_run_ms" double precision`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "monitors" DROP COLUMN "last_run_ms"`);
    await queryRunner.query(`ALTER TABLE "monitors" DROP COLUMN "run_started_at"`);
    await queryRunner.query(`ALTER TABLE "monitors" DROP COLUMN "last_fail_at"`);
    await queryRunner.query(`ALTER TABLE "monitors" DROP COLUMN "last_ping_at"`);
    await queryRunner.query(`ALTER TABLE "monitors" DROP COLUMN "heartbeat_expected_by"`);
    await queryRunner.query(`ALTER TABLE "monitors" DROP COLUMN "ping_token_hint"`);
    await queryRunner.query(`ALTER TABLE "monitors" DROP COLUMN "ping_token_hash"`);
    await queryRunner.query(`ALTER TABLE "monitors" DROP COLUMN "heartbeat_grace_period"`);
    await queryRunner.query(`ALTER TABLE "monitors" DROP COLUMN "heartbeat_interval"`);
  }
}
