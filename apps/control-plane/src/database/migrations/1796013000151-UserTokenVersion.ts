import { MigrationInterface, QueryRunner } from 'typeorm';

/** A token version per user (issue 13): JWTs carry it; logout and a password change bump it, revoking older tokens. */
export class UserTokenVersion1796013000151 implements MigrationInterface {
  name = 'UserTokenVersion1796013000151';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "token_version" integer NOT NULL DEFAULT 0`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "token_version"`);
  }
}
