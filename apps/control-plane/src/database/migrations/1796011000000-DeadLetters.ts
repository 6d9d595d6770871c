import { MigrationInterface, QueryRunner } from 'typeorm';

/** Results that could not be stored after their bounded redeliveries (ingestion's dead-letter table). */
export class DeadLetters1796011000000 implements MigrationInterface {
  name = 'DeadLetters1796011000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "dead_letter_results" (
      "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      "subject" text NOT NULL,
      "msg_id" text,
      "region" text,
      "monitor_id" text,
      "round" bigint,
      "deliveries" integer NOT NULL,
      "reason" text NOT NULL,
      "payload" bytea NOT NULL,
      "payload_bytes" integer NOT NULL,
      "dead_at" timestamptz NOT NULL DEFAULT now()
    )`);
    await queryRunner.query(`CREATE INDEX "dead_letter_results_dead_at_idx" ON "dead_letter_results" ("dead_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "dead_letter_results"`);
  }
}
