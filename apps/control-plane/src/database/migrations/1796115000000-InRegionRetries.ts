import { MigrationInterface, QueryRunner } from 'typeorm';

/** In-region retries (issue 15 item 3): `monitors.retries` (0–3) and every attempt of a result in `check_results.attempts`. */
export class InRegionRetries1796115000000 implements MigrationInterface {
  name = 'InRegionRetries1796115000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "monitors" ADD "retries" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(
      `ALTER TABLE "monitors" ADD CONSTRAINT "monitors_retries_ck" CHECK ("retries" BETWEEN 0 AND 3)`,
    );
    // On the partitioned parent: every day partition gets the column (NULL: no retries, or an older probe).
    await queryRunner.query(`ALTER TABLE "check_results" ADD "attempts" jsonb`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "check_results" DROP COLUMN "attempts"`);
    await queryRunner.query(`ALTER TABLE "monitors" DROP CONSTRAINT "monitors_retries_ck"`);
    await queryRunner.query(`ALTER TABLE "monitors" DROP COLUMN "retries"`);
  }
}
