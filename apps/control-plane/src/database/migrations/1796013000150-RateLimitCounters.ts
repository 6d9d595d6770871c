import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rate-limit counters shared by every control-plane replica (issue 13): one row per
 * budget (`acc:…`, `ip:…`, `authfail:…`, `login:…`, `ping:…`), a window that starts at
 * its first hit, the hits in it and the instant of the last hit (login backoff).
 */
export class RateLimitCounters1796013000150 implements MigrationInterface {
  name = 'RateLimitCounters1796013000150';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "rate_limit_counters" ("key" text PRIMARY KEY, "window_start_ms" bigint NOT NULL, "hits" integer NOT NULL, "last_hit_ms" bigint NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "rate_limit_counters_window" ON "rate_limit_counters" ("window_start_ms")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "rate_limit_counters"`);
  }
}
