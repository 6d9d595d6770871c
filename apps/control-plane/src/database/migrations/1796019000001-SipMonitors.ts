import { MigrationInterface, QueryRunner } from 'typeorm';

/** sip monitors (issue 19): their configuration columns on `monitors` (host and port are tcp's). */
export class SipMonitors1796019000001 implements MigrationInterface {
  name = 'SipMonitors1796019000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "monitors" ADD "sip_transport" text NOT NULL DEFAULT 'udp'`);
    await queryRunner.query(`ALTER TABLE "monitors" ADD "sip_expected_codes" integer array NOT NULL DEFAULT '{200}'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "monitors" DROP COLUMN "sip_expected_codes"`);
    await queryRunner.query(`ALTER TABLE "monitors" DROP COLUMN "sip_transport"`);
  }
}
