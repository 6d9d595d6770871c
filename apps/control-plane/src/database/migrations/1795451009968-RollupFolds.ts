import { MigrationInterface, QueryRunner } from 'typeorm';
import { FOLD_DELETE_SQL, FOLD_INSERT_SQL } from '../../timeseries/rollup-sql';

export class RollupFolds1795451009968 implements MigrationInterface {
  name = 'RollupFolds1795451009968';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Hand-added: yesterday as a UTC date whatever the session's TimeZone, as a function so the column default reads back as written.
    await queryRunner.query(
      `CREATE FUNCTION utc_yesterday() RETURNS date LANGUAGE sql STABLE AS $$ SELECT (now() AT TIME ZONE 'UTC')::date - 1 $$`,
    );
    // Existing monitors start at yesterday: their daily rollups were kept incrementally until now, so every closed day is exact.
    await queryRunner.query(
      `ALTER TABLE "monitors" ADD "rollups_folded_through" date NOT NULL DEFAULT utc_yesterday()`,
    );
    // Hand-added: hourly rollup rows are updated by every batch of their hour; free room in each page keeps those updates HOT (no index writes).
    await queryRunner.query(`ALTER TABLE "rollups_hourly" SET (fillfactor = 70)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Hand-added: the previous version reads daily rollups for every whole day, so the days
    // not folded yet (today at least) get their daily rows built from the hourly ones first.
    const monitors: { id: string; folded: string }[] = await queryRunner.query(
      `SELECT id, rollups_folded_through::text AS folded FROM monitors`,
    );
    // Today as a UTC date from the database's clock (a one-off backfill: no app clock to inject).
    const [{ today }]: { today: string }[] = await queryRunner.query(
      `SELECT ((now() AT TIME ZONE 'UTC')::date)::text AS today`,
    );
    const params = [monitors.map((m) => m.id), monitors.map((m) => m.folded), today];
    await queryRunner.query(FOLD_DELETE_SQL, params);
    await queryRunner.query(FOLD_INSERT_SQL, params);
    await queryRunner.query(`ALTER TABLE "rollups_hourly" RESET (fillfactor)`);
    await queryRunner.query(`ALTER TABLE "monitors" DROP COLUMN "rollups_folded_through"`);
    await queryRunner.query(`DROP FUNCTION utc_yesterday()`);
  }
}
