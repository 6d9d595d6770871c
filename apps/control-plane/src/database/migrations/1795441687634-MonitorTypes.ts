import { MigrationInterface, QueryRunner } from 'typeorm';

export class MonitorTypes1795441687634 implements MigrationInterface {
  name = 'MonitorTypes1795441687634';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "monitors" ADD "auth_header" text NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE "monitors" ADD "json_assertions" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "monitors" ADD "ssl_domain" text NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE "monitors" ADD "ssl_port" integer NOT NULL DEFAULT '443'`);
    await queryRunner.query(`ALTER TABLE "monitors" ADD "ssl_expiry_threshold_days" integer NOT NULL DEFAULT '30'`);
    await queryRunner.query(`ALTER TABLE "monitors" ADD "host" text NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE "monitors" ADD "port" integer`);
    await queryRunner.query(`ALTER TABLE "monitors" ADD "tcp_send" text NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE "monitors" ADD "tcp_expect" text NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE "monitors" ADD "dns_hostname" text NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE "monitors" ADD "dns_record_type" text NOT NULL DEFAULT 'A'`);
    await queryRunner.query(`ALTER TABLE "monitors" ADD "dns_resolver" text NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE "monitors" ADD "dns_expected" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "check_results" ADD "warn" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "check_results" ADD "ssl_expiry" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "check_results" ADD "ssl_issuer" text`);
    await queryRunner.query(`ALTER TABLE "check_results" ADD "details" jsonb`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "check_results" DROP COLUMN "details"`);
    await queryRunner.query(`ALTER TABLE "check_results" DROP COLUMN "ssl_issuer"`);
    await queryRunner.query(`ALTER TABLE "check_results" DROP COLUMN "ssl_expiry"`);
    await queryRunner.query(`ALTER TABLE "check_results" DROP COLUMN "warn"`);
    await queryRunner.query(`ALTER TABLE "monitors" DROP COLUMN "dns_expected"`);
    await queryRunner.query(`ALTER TABLE "monitors" DROP COLUMN "dns_resolver"`);
    await queryRunner.query(`ALTER TABLE "monitors" DROP COLUMN "dns_record_type"`);
    await queryRunner.query(`ALTER TABLE "monitors" DROP COLUMN "dns_hostname"`);
    await queryRunner.query(`ALTER TABLE "monitors" DROP COLUMN "tcp_expect"`);
    await queryRunner.query(`ALTER TABLE "monitors" DROP COLUMN "tcp_send"`);
    await queryRunner.query(`ALTER TABLE "monitors" DROP COLUMN "port"`);
    await queryRunner.query(`ALTER TABLE "monitors" DROP COLUMN "host"`);
    await queryRunner.query(`ALTER TABLE "monitors" DROP COLUMN "ssl_expiry_threshold_days"`);
    await queryRunner.query(`ALTER TABLE "monitors" DROP COLUMN "ssl_port"`);
    await queryRunner.query(`ALTER TABLE "monitors" DROP COLUMN "ssl_domain"`);
    await queryRunner.query(`ALTER TABLE "monitors" DROP COLUMN "json_assertions"`);
    await queryRunner.query(`ALTER TABLE "monitors" DROP COLUMN "auth_header"`);
  }
}
