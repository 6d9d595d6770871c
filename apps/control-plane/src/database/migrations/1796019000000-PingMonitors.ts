import { MigrationInterface, QueryRunner } from 'typeorm';

/** ping monitors (issue 19): their configuration columns on `monitors`. */
export class PingMonitors1796019000000 implements MigrationInterface {
  name = 'PingMonitors1796019000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "monitors" ADD "ping_count" integer NOT NULL DEFAULT '3'`);
    await queryRunner.query(`ALTER TABLE "monitors" ADD "ping_interval_ms" integer NOT NULL DEFAULT '1000'`);
    await queryRunner.query(`ALTER TABLE "monitors" ADD "max_packet_loss" double precision NOT NULL DEFAULT '0'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "monitors" DROP COLUMN "max_packet_loss"`);
    await queryRunner.query(`ALTER TABLE "monitors" DROP COLUMN "ping_interval_ms"`);
    await queryRunner.query(`ALTER TABLE "monitors" DROP COLUMN "ping_count"`);
  }
}
