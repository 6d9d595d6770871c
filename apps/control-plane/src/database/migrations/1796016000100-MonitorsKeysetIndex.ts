import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keyset paging of an account's monitors orders by (created_at, id); a bulk create gives
 * up to 1,000 monitors one created_at, so the index carries the id too (it replaces the
 * (account_id, created_at) index, which it covers).
 */
export class MonitorsKeysetIndex1796016000100 implements MigrationInterface {
  name = 'MonitorsKeysetIndex1796016000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "monitors_account_created_id_idx" ON "monitors" ("account_id", "created_at", "id")`,
    );
    await queryRunner.query(`DROP INDEX "public"."monitors_account_created_idx"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "monitors_account_created_idx" ON "monitors" ("account_id", "created_at")`);
    await queryRunner.query(`DROP INDEX "public"."monitors_account_created_id_idx"`);
  }
}
