import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createDatabase, waitFor } from '@parallax/testing';
import { dataSourceOptions } from '../database/data-source';
import { dayOf } from './partitions';
import { PartitionsRepository } from './partitions.repository';

jest.setTimeout(60_000);

/**
 * Creating a partition locks `monitors` (the partition's foreign key) after the parents;
 * the scheduler updates a monitor and then inserts its round. PostgreSQL breaks that
 * deadlock by aborting one side: partition maintenance must survive being the one.
 */
describe('partition maintenance against a transaction that updates a monitor, then inserts its round', () => {
  it('is retried after PostgreSQL aborts it as a deadlock victim, and both finish', async () => {
    const db = await createDatabase('t_part');
    const ds = new DataSource(dataSourceOptions(db.url));
    const a = new Client({ connectionString: db.url });
    try {
      await ds.initialize();
      await ds.runMigrations();
      const repo = new PartitionsRepository(ds);
      const today = dayOf(Date.now());
      await repo.apply([today], []);
      await ds.query(`INSERT INTO accounts (id, name, plan) VALUES ('acc_p', 'p', 'free')`);
      await ds.query(
        `INSERT INTO monitors (id, account_id, name, url, check_interval, regions, quorum, slug)
         VALUES ('mon_p', 'acc_p', 'p', 'http://example.com/', 60, '{eu-west}', 1, 'p')`,
      );
      await a.connect();
      // A writer of the monitor row (an UPDATE: the partition's foreign key waits for its table lock) first ...
      await a.query('BEGIN');
      await a.query(`UPDATE monitors SET paused = paused WHERE id = 'mon_p'`);
      const later = dayOf(Date.now() + 10 * 86_400_000);
      const maintenance = repo.apply([later], []);
      // It now holds the parents and waits for monitors (a lock request on it not granted).
      await waitFor(
        'maintenance waiting for the monitors lock',
        async () => {
          const r = await ds.query(
            `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) AND c.relname = 'monitors' AND NOT l.granted`,
          );
          return r[0].n > 0;
        },
        10_000,
        20,
      );
      // ... then its round, which waits for the maintenance: a deadlock.
      await a.query(
        `INSERT INTO rounds (id, monitor_id, account_id, round, scheduled_at, deadline_at, regions, quorum) VALUES ('chk_p', 'mon_p', 'acc_p', 1, now(), now(), '{eu-west}', 1)`,
      );
      await a.query('COMMIT');
      await maintenance;
      const parts = await ds.query(`SELECT relname FROM pg_class WHERE relname IN ($1, $2)`, [
        `rounds_p${later.replace(/-/g, '')}`,
        `check_results_p${later.replace(/-/g, '')}`,
      ]);
      expect(parts).toHaveLength(2);
      expect(await ds.query(`SELECT id FROM rounds`)).toEqual([{ id: 'chk_p' }]);
    } finally {
      await a.end().catch(() => undefined);
      if (ds.isInitialized) await ds.destroy();
      await db.drop();
    }
  });
});
