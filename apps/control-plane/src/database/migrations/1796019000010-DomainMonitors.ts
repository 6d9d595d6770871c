import { MigrationInterface, QueryRunner } from 'typeorm';

/** domain monitors (issue 19): their configuration and read-model columns on `monitors`. */
export class DomainMonitors1796019000010 implements MigrationInterface {
  name = 'DomainMonitors1796019000010';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "monitors" ADD "domain_name" text NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE "monitors" ADD "domain_expiry_threshold_days" integer NOT NULL DEFAULT '30'`);
    await queryRunner.query(`ALTER TABLE "monitors" ADD "rdap_server" text NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE "monitors" ADD "whois_server" text NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE "monitors" ADD "domain_expiry" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "monitors" ADD "domain_registrar" text`);
    await queryRunner.query(`ALTER TABLE "monitors" ADD "domain_status" text array NOT NULL DEFAULT '{}'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const c of [
      'domain_status',
      'domain_registrar',
      'domain_expiry',
      'whois_server',
      'rdap_server',
      'domain_expiry_threshold_days',
      'domain_name',
    ]) {
      await queryRunner.query(`ALTER TABLE "monitors" DROP COLUMN "${c}"`);
    }
  }
}
