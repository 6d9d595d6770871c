import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13 item 5: `forward_headers_on_redirect` on `monitors` (false: no custom header goes to
 * another origin after a redirect, as before). A custom header's `sensitive` mark lives in the
 * `custom_headers` jsonb and needs no column.
 */
export class ForwardHeadersOnRedirect1796113000000 implements MigrationInterface {
  name = 'ForwardHeadersOnRedirect1796113000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "monitors" ADD "forward_headers_on_redirect" boolean NOT NULL DEFAULT false`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "monitors" DROP COLUMN "forward_headers_on_redirect"`);
  }
}
