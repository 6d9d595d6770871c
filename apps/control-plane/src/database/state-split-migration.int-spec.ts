import { DataSource } from 'typeorm';
import { createDatabase } from '@parallax/testing';
import { dataSourceOptions } from './data-source';
import { MIGRATIONS } from './migrations';
import { HeartbeatState1796112000000 } from './migrations/1796112000000-HeartbeatState';

jest.setTimeout(60_000);

const FIRST = MIGRATIONS.indexOf(HeartbeatState1796112000000);

/**
 * One writer per table (issue 12 item 1): the migrations that move state out of `monitors`
 * (heartbeat_state, rollup_folds, monitor_schedule, monitor_state),
 * on a database that holds monitors with state written by the old schema; then `down()`
 * of each puts the values back.
 */
describe('state split migrations', () => {
  it('moves the state of existing monitors into their tables, values kept, and back with down()', async () => {
    const db = await createDatabase('t_split');
    const before = new DataSource({ ...dataSourceOptions(db.url), migrations: MIGRATIONS.slice(0, FIRST) });
    const after = new DataSource(dataSourceOptions(db.url));
    try {
      await before.initialize();
      await before.runMigrations();
      await before.query(`INSERT INTO accounts (id, name, plan) VALUES ('acc_s', 's', 'free')`);
      await before.query(
        `INSERT INTO monitors (id, account_id, name, url, check_interval, regions, quorum, slug, phase_ms, next_round, next_due_at)
         VALUES ('mon_h', 'acc_s', 'h', 'http://example.com/', 60, '{eu-west}', 1, 'h', 100, 10, now())`,
      );
      await before.query(
        `INSERT INTO monitors (id, account_id, name, url, check_interval, regions, quorum, slug, phase_ms, next_round, next_due_at,
                               monitor_type, heartbeat_interval, heartbeat_grace_period, heartbeat_expected_by, last_ping_at, last_fail_at, run_started_at, last_run_ms)
         VALUES ('hb_1', 'acc_s', 'b', 'http://x/api/ping/hb_1', 300, '{}', 0, 'b', 7, 3, now(), 'heartbeat', 300, 60,
                 '2026-05-01T10:05:00Z', '2026-05-01T10:00:00Z', '2026-04-30T09:00:00Z', '2026-05-01T10:01:00Z', 1234.5)`,
      );
      await before.query(
        `INSERT INTO monitors (id, account_id, name, url, check_interval, regions, quorum, slug, phase_ms, next_round, next_due_at,
                               monitor_type, heartbeat_interval, heartbeat_grace_period, heartbeat_expected_by)
         VALUES ('hb_2', 'acc_s', 'c', 'http://x/api/ping/hb_2', 300, '{}', 0, 'c', 7, 3, now(), 'heartbeat', 300, 60, '2026-05-02T00:00:00Z')`,
      );
      // The fold watermark: one monitor folded through an older day, the others at their default (yesterday).
      await before.query(`UPDATE monitors SET rollups_folded_through = '2026-04-20' WHERE id = 'mon_h'`);
      const defaultDay = (await before.query(`SELECT utc_yesterday()::text AS d`))[0].d;
      // The schedule cursor: a paused monitor (hb_2) has no due time afterwards.
      await before.query(`UPDATE monitors SET next_due_at = '2026-05-03T00:00:00Z'`);
      await before.query(`UPDATE monitors SET paused = true WHERE id = 'hb_2'`);
      // The decision read model: one monitor with every field away from its default, one with a
      // few, one never decided.
      await before.query(
        `UPDATE monitors SET status = 'down', pending_status = 'up', pending_rounds = 1, pending_since = '2026-05-01T09:59:00Z',
                status_changed_at = '2026-05-01T09:00:00Z', held_status = 'up', last_checked = '2026-05-01T10:00:00Z',
                last_status_code = 503, last_response_ms = 87.25, last_response_by_region = '{"eu-west": 87.25}',
                location_status = '{"eu-west": "down"}', checks_total = 1234, checks_failed = 56, ssl_expiry = '2026-08-01T00:00:00Z',
                ssl_issuer = 'R3', last_round_at = '2026-05-01T10:00:00Z', domain_expiry = '2027-01-01T00:00:00Z',
                domain_registrar = 'Registrar One', domain_status = '{active,"client transfer prohibited"}',
                updated_at = '2026-05-01T10:00:01Z'
          WHERE id = 'mon_h'`,
      );
      await before.query(
        `UPDATE monitors SET status = 'up', checks_total = 10, last_checked = '2026-05-01T10:00:00Z' WHERE id = 'hb_1'`,
      );
      await before.destroy();

      await after.initialize();
      await after.runMigrations();
      const hb = `SELECT monitor_id, heartbeat_expected_by, last_ping_at, last_fail_at, run_started_at, last_run_ms FROM heartbeat_state ORDER BY monitor_id`;
      const iso = (rows: Record<string, unknown>[]) =>
        rows.map((r) =>
          Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v])),
        );
      const moved = [
        {
          monitor_id: 'hb_1',
          heartbeat_expected_by: '2026-05-01T10:05:00.000Z',
          last_ping_at: '2026-05-01T10:00:00.000Z',
          last_fail_at: '2026-04-30T09:00:00.000Z',
          run_started_at: '2026-05-01T10:01:00.000Z',
          last_run_ms: 1234.5,
        },
        {
          monitor_id: 'hb_2',
          heartbeat_expected_by: '2026-05-02T00:00:00.000Z',
          last_ping_at: null,
          last_fail_at: null,
          run_started_at: null,
          last_run_ms: null,
        },
      ];
      expect(iso(await after.query(hb))).toEqual(moved);
      const cols = async () =>
        (await after.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'monitors'`)).map(
          (r: { column_name: string }) => r.column_name,
        );
      expect(await cols()).not.toContain('last_ping_at');
      const folds = [
        { monitor_id: 'hb_1', d: defaultDay },
        { monitor_id: 'hb_2', d: defaultDay },
        { monitor_id: 'mon_h', d: '2026-04-20' },
      ];
      expect(
        await after.query(`SELECT monitor_id, folded_through::text AS d FROM rollup_folds ORDER BY monitor_id`),
      ).toEqual(folds);
      expect(await cols()).not.toContain('rollups_folded_through');
      const schedule = `SELECT monitor_id, phase_ms, next_round::int, next_due_at FROM monitor_schedule ORDER BY monitor_id`;
      const cursors = [
        { monitor_id: 'hb_1', phase_ms: 7, next_round: 3, next_due_at: '2026-05-03T00:00:00.000Z' },
        { monitor_id: 'hb_2', phase_ms: 7, next_round: 3, next_due_at: null },
        { monitor_id: 'mon_h', phase_ms: 100, next_round: 10, next_due_at: '2026-05-03T00:00:00.000Z' },
      ];
      expect(iso(await after.query(schedule))).toEqual(cursors);
      expect(await cols()).not.toContain('next_due_at');
      const READ_MODEL = `status, pending_status, pending_rounds, pending_since, status_changed_at, held_status, last_checked, last_status_code,
        last_response_ms, last_response_by_region, location_status, checks_total, checks_failed, ssl_expiry, ssl_issuer, last_round_at,
        domain_expiry, domain_registrar, domain_status`;
      const state = `SELECT monitor_id, ${READ_MODEL} FROM monitor_state ORDER BY monitor_id`;
      const untouched = {
        status: 'pending',
        pending_status: null,
        pending_rounds: 0,
        pending_since: null,
        status_changed_at: null,
        held_status: null,
        last_checked: null,
        last_status_code: null,
        last_response_ms: null,
        last_response_by_region: null,
        location_status: null,
        checks_total: 0,
        checks_failed: 0,
        ssl_expiry: null,
        ssl_issuer: null,
        last_round_at: null,
        domain_expiry: null,
        domain_registrar: null,
        domain_status: [],
      };
      const models = [
        { ...untouched, monitor_id: 'hb_1', status: 'up', checks_total: 10, last_checked: '2026-05-01T10:00:00.000Z' },
        { ...untouched, monitor_id: 'hb_2' },
        {
          monitor_id: 'mon_h',
          status: 'down',
          pending_status: 'up',
          pending_rounds: 1,
          pending_since: '2026-05-01T09:59:00.000Z',
          status_changed_at: '2026-05-01T09:00:00.000Z',
          held_status: 'up',
          last_checked: '2026-05-01T10:00:00.000Z',
          last_status_code: 503,
          last_response_ms: 87.25,
          last_response_by_region: { 'eu-west': 87.25 },
          location_status: { 'eu-west': 'down' },
          checks_total: 1234,
          checks_failed: 56,
          ssl_expiry: '2026-08-01T00:00:00.000Z',
          ssl_issuer: 'R3',
          last_round_at: '2026-05-01T10:00:00.000Z',
          domain_expiry: '2027-01-01T00:00:00.000Z',
          domain_registrar: 'Registrar One',
          domain_status: ['active', 'client transfer prohibited'],
        },
      ];
      expect(iso(await after.query(state))).toEqual(models);
      expect(iso(await after.query(`SELECT updated_at FROM monitor_state WHERE monitor_id = 'mon_h'`))).toEqual([
        { updated_at: '2026-05-01T10:00:01.000Z' },
      ]);
      for (const c of [
        'status',
        'checks_total',
        'location_status',
        'held_status',
        'pending_status',
        'domain_status',
        'ssl_expiry',
      ])
        expect(await cols()).not.toContain(c);
      expect(
        await after.query(`SELECT indexname FROM pg_indexes WHERE indexname = 'monitor_state_status_idx'`),
      ).toHaveLength(1);

      // down() of every split migration, newest first: the columns come back with their values.
      for (let i = MIGRATIONS.length - 1; i >= FIRST; i--) await after.undoLastMigration();
      expect(await cols()).toContain('last_ping_at');
      expect(iso(await after.query(`SELECT id AS monitor_id, ${READ_MODEL} FROM monitors ORDER BY id`))).toEqual(
        models,
      );
      expect(await after.query(`SELECT to_regclass('monitor_state') AS t`)).toEqual([{ t: null }]);
      expect(
        iso(
          await after.query(
            `SELECT id AS monitor_id, heartbeat_expected_by, last_ping_at, last_fail_at, run_started_at, last_run_ms FROM monitors WHERE monitor_type = 'heartbeat' ORDER BY id`,
          ),
        ),
      ).toEqual(moved);
      expect(await after.query(`SELECT to_regclass('heartbeat_state') AS t`)).toEqual([{ t: null }]);
      expect(
        await after.query(`SELECT id AS monitor_id, rollups_folded_through::text AS d FROM monitors ORDER BY id`),
      ).toEqual(folds);
      expect(await after.query(`SELECT to_regclass('rollup_folds') AS t`)).toEqual([{ t: null }]);
      const back = iso(
        await after.query(`SELECT id AS monitor_id, phase_ms, next_round::int, next_due_at FROM monitors ORDER BY id`),
      );
      expect(back.filter((r) => r.monitor_id !== 'hb_2')).toEqual(cursors.filter((r) => r.monitor_id !== 'hb_2'));
      // The paused one gets a due time again (any: resuming places it anew), its round number kept.
      expect(back.find((r) => r.monitor_id === 'hb_2')).toMatchObject({ phase_ms: 7, next_round: 3 });
      expect(await after.query(`SELECT indexname FROM pg_indexes WHERE indexname = 'monitors_due_idx'`)).toHaveLength(
        1,
      );
      // And up again.
      await after.runMigrations();
      expect(iso(await after.query(hb))).toEqual(moved);
      expect(
        await after.query(`SELECT monitor_id, folded_through::text AS d FROM rollup_folds ORDER BY monitor_id`),
      ).toEqual(folds);
      // hb_2 is still paused: it comes back without a due time.
      expect(iso(await after.query(schedule))).toEqual(cursors);
      expect(iso(await after.query(state))).toEqual(models);
    } finally {
      if (before.isInitialized) await before.destroy();
      if (after.isInitialized) await after.destroy();
      await db.drop();
    }
  });
});
