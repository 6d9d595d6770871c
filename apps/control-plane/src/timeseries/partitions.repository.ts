import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Arbitrary constant: serialises partition DDL across replicas. */
const PARTITION_LOCK = 7_404_212_005;
const NAME = /^check_results_p(\d{4})(\d{2})(\d{2})$/;

/** `2026-11-23` → `check_results_p20261123`. */
export const partitionName = (day: string): string => `check_results_p${day.replace(/-/g, '')}`;

/** The daily partitions of `check_results` (DDL only; rows go through ResultsRepository). */
@Injectable()
export class PartitionsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** The days (`YYYY-MM-DD`) that have a partition. */
  async list(): Promise<string[]> {
    const rows: { name: string }[] = await this.ds.query(
      `SELECT c.relname AS name FROM pg_inherits i
         JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
        WHERE p.relname = 'check_results' AND p.relnamespace = 'public'::regnamespace`,
    );
    return rows
      .map((r) => NAME.exec(r.name))
      .filter((m): m is RegExpExecArray => !!m)
      .map((m) => `${m[1]}-${m[2]}-${m[3]}`)
      .sort();
  }

  /** Creates and drops partitions in one transaction under an advisory lock (replicas take turns). */
  async apply(create: string[], drop: string[]): Promise<void> {
    if (!create.length && !drop.length) return;
    await this.ds.transaction(async (tx) => {
      await tx.query(`SET LOCAL lock_timeout = '10s'`);
      await tx.query('SELECT pg_advisory_xact_lock($1)', [PARTITION_LOCK]);
      for (const day of create) {
        const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
        await tx.query(`CREATE TABLE IF NOT EXISTS ${partitionName(day)} PARTITION OF check_results FOR VALUES FROM ('${day}T00:00:00Z') TO ('${next}T00:00:00Z')`);
      }
      for (const day of drop) await tx.query(`DROP TABLE IF EXISTS ${partitionName(day)}`);
    });
  }
}
