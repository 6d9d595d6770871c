import { MigrationInterface, QueryRunner } from 'typeorm';

/** Second opinion (issue 15 item 2): confirmation/recovery rounds and the pending change on `monitors`. */
export class ConfirmationRounds1796015000100 implements MigrationInterface {
  name = 'ConfirmationRounds1796015000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "monitors" ADD "confirmation_rounds" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "monitors" ADD "recovery_rounds" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "monitors" ADD "pending_status" text`);
    await queryRunner.query(`ALTER TABLE "monitors" ADD "pending_rounds" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "monitors" ADD "pending_since" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const c of ['pending_since', 'pending_rounds', 'pending_status', 'recovery_rounds', 'confirmation_rounds']) {
      await queryRunner.query(`ALTER TABLE "monitors" DROP COLUMN "${c}"`);
    }
  }
}
