import { MigrationInterface, QueryRunner } from 'typeorm';

/** API keys may carry an expiry (issue 13): null never expires. */
export class ApiKeyExpiry1796013000152 implements MigrationInterface {
  name = 'ApiKeyExpiry1796013000152';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "api_keys" ADD "expires_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "api_keys" DROP COLUMN "expires_at"`);
  }
}
