import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Dependencies (issue 15 item 6): `monitors.depends_on` (monitor ids of the same account)
 * and `incidents.caused_by_incident_id` (a dependant's incident linked to its dependency's).
 */
export class MonitorDependencies1796115500001 implements MigrationInterface {
  name = 'MonitorDependencies1796115500001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "monitors" ADD "depends_on" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "incidents" ADD "caused_by_incident_id" text`);
    await queryRunner.query(
      `ALTER TABLE "incidents" ADD CONSTRAINT "incidents_caused_by_fk" FOREIGN KEY ("caused_by_incident_id") REFERENCES "incidents"("id") ON DELETE SET NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "incidents_caused_by_idx" ON "incidents" ("caused_by_incident_id") WHERE caused_by_incident_id IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "monitors_depends_on_idx" ON "monitors" USING GIN ("depends_on")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "monitors_depends_on_idx"`);
    await queryRunner.query(`DROP INDEX "incidents_caused_by_idx"`);
    await queryRunner.query(`ALTER TABLE "incidents" DROP CONSTRAINT "incidents_caused_by_fk"`);
    await queryRunner.query(`ALTER TABLE "incidents" DROP COLUMN "caused_by_incident_id"`);
    await queryRunner.query(`ALTER TABLE "monitors" DROP COLUMN "depends_on"`);
  }
}
