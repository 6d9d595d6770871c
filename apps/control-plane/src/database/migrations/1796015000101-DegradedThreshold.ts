import { MigrationInterface, QueryRunner } from 'typeorm';

/** Latency-degraded (issue 15 item 4): `degraded_threshold_ms` on `monitors`. */
export class DegradedThreshold1796015000101 implements MigrationInterface {
  name = 'DegradedThreshold1796015000101';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "monitors" ADD "degraded_threshold_ms" integer`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "monitors" DROP COLUMN "degraded_threshold_ms"`);
  }
}
