import { MigrationInterface, QueryRunner } from 'typeorm';

export class RoundSkippedRegions1795438489241 implements MigrationInterface {
  name = 'RoundSkippedRegions1795438489241';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "rounds" ADD "skipped_regions" text array NOT NULL DEFAULT '{}'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "rounds" DROP COLUMN "skipped_regions"`);
  }
}
