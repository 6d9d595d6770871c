import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Status page subscribers (email double opt-in, webhooks) and the subscribe rate-limit
 * counters. `status_page_id` has no foreign key yet: the status pages table arrives with
 * its own migration; a later migration adds the constraint.
 */
export class PageSubscribers1796017000000 implements MigrationInterface {
  name = 'PageSubscribers1796017000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "status_page_subscribers" ("id" text NOT NULL, "account_id" text NOT NULL, "status_page_id" text NOT NULL, "type" text NOT NULL, "email" text, "url" text, "secret" text, "confirm_nonce" text, "confirmation_sent_at" TIMESTAMP WITH TIME ZONE, "confirmed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "status_page_subscribers_pk" PRIMARY KEY ("id"), CONSTRAINT "status_page_subscribers_type_ck" CHECK (type IN ('email', 'webhook')))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "status_page_subscribers_email_uq" ON "status_page_subscribers" ("status_page_id", "email") WHERE email IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "status_page_subscribers_page_idx" ON "status_page_subscribers" ("status_page_id", "created_at")`,
    );
    await queryRunner.query(
      `ALTER TABLE "status_page_subscribers" ADD CONSTRAINT "status_page_subscribers_account_fk" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE TABLE "subscription_attempts" ("key" text NOT NULL, "window_start" TIMESTAMP WITH TIME ZONE NOT NULL, "count" integer NOT NULL, CONSTRAINT "subscription_attempts_pk" PRIMARY KEY ("key", "window_start"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "subscription_attempts_window_idx" ON "subscription_attempts" ("window_start")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "subscription_attempts"`);
    await queryRunner.query(`DROP TABLE "status_page_subscribers"`);
  }
}
