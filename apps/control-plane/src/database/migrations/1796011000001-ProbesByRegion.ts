import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Probe presence keyed by (region, probe id): an announcement on one region's subject can
 * never move or mark leaving a probe of another region that uses the same id.
 */
export class ProbesByRegion1796011000001 implements MigrationInterface {
  name = 'ProbesByRegion1796011000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "probes" DROP CONSTRAINT "PK_5a43230a8f8a4e0bacfb5af461b"`);
    await queryRunner.query(`ALTER TABLE "probes" ADD CONSTRAINT "probes_pkey" PRIMARY KEY ("region", "probe_id")`);
    // The key's first column serves the per-region lookups.
    await queryRunner.query(`DROP INDEX "IDX_154b26263b64ef42d1923904ad"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // The old key holds one row per probe id: keep the most recently seen.
    await queryRunner.query(
      `DELETE FROM "probes" p USING "probes" q WHERE p.probe_id = q.probe_id AND (p.last_seen_at, p.region) < (q.last_seen_at, q.region)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_154b26263b64ef42d1923904ad" ON "probes" ("region")`);
    await queryRunner.query(`ALTER TABLE "probes" DROP CONSTRAINT "probes_pkey"`);
    await queryRunner.query(
      `ALTER TABLE "probes" ADD CONSTRAINT "PK_5a43230a8f8a4e0bacfb5af461b" PRIMARY KEY ("probe_id")`,
    );
  }
}
