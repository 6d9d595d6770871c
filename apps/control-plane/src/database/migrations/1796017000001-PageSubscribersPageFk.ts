import { MigrationInterface, QueryRunner } from 'typeorm';

/** Subscribers go with their status page (the page table arrived after 1796017000000). */
export class PageSubscribersPageFk1796017000001 implements MigrationInterface {
  name = 'PageSubscribersPageFk1796017000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DELETE FROM "status_page_subscribers" s WHERE NOT EXISTS (SELECT 1 FROM "status_pages" p WHERE p.id = s.status_page_id)`,
    );
    await queryRunner.query(
      `ALTER TABLE "status_page_subscribers" ADD CONSTRAINT "status_page_subscribers_page_fk" FOREIGN KEY ("status_page_id") REFERENCES "status_pages"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "status_page_subscribers" DROP CONSTRAINT "status_page_subscribers_page_fk"`);
  }
}
