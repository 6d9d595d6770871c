import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Arbitrary constant: serialises partition DDL across replicas. */
const PARTITION_LOCK = 7_404_212_005;

/**
 * The tables partitioned by day on `scheduled_at`: the rounds (round summaries) and the
 * per-region results, in the order every transaction that uses both reaches them (a
 * round is locked before its results are written or read).
 */
export const PARTITIONED_TABLES = ['rounds', 'check_results'] as const;
export type PartitionedTable = (typeof PARTITIONED_TABLES)[number];

/** `('rounds', '2026-11-23')` → `rounds_p20261123`. */
export const partitionName = (table: PartitionedTable, day: string): string => `${table}_p${day.replace(/-/g, '')}`;

/** The daily partitions of `check_results` and `rounds` (DDL only; rows go through their repositories). */
@Injectable()
export class PartitionsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Per day (`YYYY-MM-DD`) that has a partition in any of the tables: the tables that have it. */
  async list(): Promise<Map<string, Set<PartitionedTable>>> {
    const rows: { parent: PartitionedTable; name: string }[] = await this.ds.query(
      `SELECT p.relname AS parent, c.relname AS name FROM pg_inherits i
         JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
        WHERE p.relname = ANY($1::text[]) AND p.relnamespace = 'public'::regnamespace`,
      [PARTITIONED_TABLES],
    );
    const out = new Map<string, Set<PartitionedTable>>();
    for (const r of rows) {
      const m = /_p(\d{4})(\d{2})(\d{2})$/.exec(r.name);
      if (!m || r.name !== partitionName(r.parent, `${m[1]}-${m[2]}-${m[3]}`)) continue;
      const day = `${m[1]}-${m[2]}-${m[3]}`;
      if (!out.has(day)) out.set(day, new Set());
      out.get(day)!.add(r.parent);
    }
    return out;
  }

  /**
   * Creates (in every table) and drops (from every table) the partitions of some days in one
   * transaction, under an advisory lock (replicas take turns). Creating a partition locks its
   * parent ACCESS EXCLUSIVE and, for its foreign key, `monitors` too, which the scheduler,
   * heartbeats and ingestion update while they hold rounds: PostgreSQL may then report a
   * deadlock (or the 10 s lock timeout expires) and abort one of the two transactions. This
   * one is retried (it is idempotent); an aborted batch or tick runs again on its own.
   */
  async apply(create: string[], drop: string[]): Promise<void> {
    if (!create.length && !drop.length) return;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.applyOnce(create, drop);
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (attempt >= 5 || (code !== '40P01' && code !== '55P03')) throw err;
        await new Promise((r) => setTimeout(r, attempt * 200 + Math.random() * 200));
      }
    }
  }

  private async applyOnce(create: string[], drop: string[]): Promise<void> {
    await this.ds.transaction(async (tx) => {
      await tx.query(`SET LOCAL lock_timeout = '10s'`);
      await tx.query('SELECT pg_advisory_xact_lock($1)', [PARTITION_LOCK]);
      // Both parents (ONLY: not each of their partitions) are locked first, rounds before
      // check_results, the order ingestion and the deadline sweep reach them.
      await tx.query(`LOCK TABLE ${PARTITIONED_TABLES.map((t) => `ONLY ${t}`).join(', ')} IN ACCESS EXCLUSIVE MODE`);
      for (const day of create) {
        const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
        for (const table of PARTITIONED_TABLES) {
          await tx.query(
            `CREATE TABLE IF NOT EXISTS ${partitionName(table, day)} PARTITION OF ${table} FOR VALUES FROM ('${day}T00:00:00Z') TO ('${next}T00:00:00Z')`,
          );
        }
      }
      for (const day of drop)
        for (const table of PARTITIONED_TABLES) await tx.query(`DROP TABLE IF EXISTS ${partitionName(table, day)}`);
    });
  }
}
