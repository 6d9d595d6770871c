import { MigrationInterface, QueryRunner } from 'typeorm';

/** A probe's reported clock skew against the control plane (null: within its threshold, or an older probe). */
export class ProbeClockSkew1796011000100 implements MigrationInterface {
  name = 'ProbeClockSkew1796011000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "probes" ADD "clock_skew_ms" bigint`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "probes" DROP COLUMN "clock_skew_ms"`);
  }
}
