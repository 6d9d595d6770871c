import { MigrationInterface, QueryRunner } from "typeorm";

export class RollupFolds1795451009968 implements MigrationInterface {
    name = 'RollupFolds1795451009968'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // Hand-added: yesterday as a UTC date whatever the session's TimeZone, as a function so the column default reads back as written.
        await queryRunner.query(`CREATE FUNCTION utc_yesterday() RETURNS date LANGUAGE sql STABLE AS $$ SELECT (now() AT TIME ZONE 'UTC')::date - 1 $$`);
        // Existing monitors start at yesterday: their daily rollups were kept incrementally until now, so every closed day is exact.
        await queryRunner.query(`ALTER TABLE "monitors" ADD "rollups_folded_through" date NOT NULL DEFAULT utc_yesterday()`);
        // Hand-added: hourly rollup rows are updated by every batch of their hour; free room in each page keeps those updates HOT (no index writes).
        await queryRunner.query(`ALTER TABLE "rollups_hourly" SET (fillfactor = 70)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "rollups_hourly" RESET (fillfactor)`);
        await queryRunner.query(`ALTER TABLE "monitors" DROP COLUMN "rollups_folded_through"`);
        await queryRunner.query(`DROP FUNCTION utc_yesterday()`);
    }

}
