import { MigrationInterface, QueryRunner } from 'typeorm';

/** Status pages (SPEC 3.7): pages, their ordered groups and the monitors they list. */
export class StatusPages1796014000000 implements MigrationInterface {
  name = 'StatusPages1796014000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "status_pages" ("id" text NOT NULL, "account_id" text NOT NULL, "slug" text NOT NULL, "title" text NOT NULL, "description" text NOT NULL DEFAULT '', "company_name" text NOT NULL DEFAULT '', "custom_domain" text, "theme" text NOT NULL DEFAULT 'auto', "accent_color" text, "show_regions" boolean NOT NULL DEFAULT true, "show_target_urls" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "status_pages_pk" PRIMARY KEY ("id"), CONSTRAINT "status_pages_theme_ck" CHECK (theme IN ('auto', 'light', 'dark')))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "status_pages_slug_uq" ON "status_pages" ("slug")`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "status_pages_custom_domain_uq" ON "status_pages" ("custom_domain") WHERE custom_domain IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "status_pages_account_created_idx" ON "status_pages" ("account_id", "created_at")`,
    );
    await queryRunner.query(
      `ALTER TABLE "status_pages" ADD CONSTRAINT "status_pages_account_fk" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE TABLE "status_page_groups" ("page_id" text NOT NULL, "slug" text NOT NULL, "name" text NOT NULL, "position" integer NOT NULL, CONSTRAINT "status_page_groups_pk" PRIMARY KEY ("page_id", "slug"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "status_page_groups" ADD CONSTRAINT "status_page_groups_page_fk" FOREIGN KEY ("page_id") REFERENCES "status_pages"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE TABLE "status_page_monitors" ("page_id" text NOT NULL, "monitor_id" text NOT NULL, "group_slug" text, "position" integer NOT NULL, CONSTRAINT "status_page_monitors_pk" PRIMARY KEY ("page_id", "monitor_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "status_page_monitors_monitor_idx" ON "status_page_monitors" ("monitor_id")`);
    await queryRunner.query(
      `ALTER TABLE "status_page_monitors" ADD CONSTRAINT "status_page_monitors_page_fk" FOREIGN KEY ("page_id") REFERENCES "status_pages"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "status_page_monitors" ADD CONSTRAINT "status_page_monitors_monitor_fk" FOREIGN KEY ("monitor_id") REFERENCES "monitors"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "status_page_monitors"`);
    await queryRunner.query(`DROP TABLE "status_page_groups"`);
    await queryRunner.query(`DROP TABLE "status_pages"`);
  }
}
