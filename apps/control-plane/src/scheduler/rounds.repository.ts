import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Tx } from '../database/transaction';
import { rangeClause } from '../database/ranges';
import { MonitorEntity } from '../monitors/monitor.entity';
import { MonitorScheduleEntity } from './monitor-schedule.entity';
import { RoundEntity, RoundOutcome } from './round.entity';
import { expiredBy } from './schedule';

const DAY_MS = 86_400_000;

export interface ScheduleAdvance {
  id: string;
  nextRound: number;
  nextDueAt: Date;
}

/** How statements reach a round: its id and its scheduled time (its partition). */
export interface RoundKey {
  id: string;
  scheduledAt: Date;
}

/** A result's round: exact with the scheduled time the job carried, else within a day of the check's start (older probes). */
export interface ResultRoundKey {
  monitorId: string;
  round: number;
  scheduledAt: Date | null;
  startedAt: Date;
}

/**
 * The span of some rounds' scheduled times, [lo, hi): `scheduled_at >= lo AND scheduled_at < hi`
 * beside the id prunes a statement to their days' partitions. Inclusive of the whole last
 * millisecond (a Date holds milliseconds; a stored time may hold microseconds).
 */
const span = (rows: { scheduledAt: Date }[]): [string, string] => {
  const ms = rows.map((r) => r.scheduledAt.getTime());
  return [new Date(Math.min(...ms)).toISOString(), new Date(Math.max(...ms) + 1).toISOString()];
};

export interface DecidedRound {
  scheduledAt: Date;
  outcome: RoundOutcome;
  responseMs: number | null;
  statusCode: number | null;
}

/**
 * Rounds and the monitors' schedule cursors (`monitor_schedule`). The scheduler works across all
 * accounts (it is not a tenant request); every claim uses FOR UPDATE SKIP LOCKED so
 * that replicas share the work and never take the same row.
 */
@Injectable()
export class RoundsRepository {
  constructor(@InjectRepository(RoundEntity) private readonly repo: Repository<RoundEntity>) {}

  /**
   * Active monitors whose next round is due, locked for this transaction: those the
   * probes check (`probe`), or heartbeat monitors, which the control plane judges itself.
   */
  lockDueMonitors(tx: Tx, now: Date, limit: number, kind: 'probe' | 'heartbeat' = 'probe'): Promise<MonitorEntity[]> {
    // The schedule row is locked FOR UPDATE (a locked row is re-read if another claim moved it
    // meanwhile, so a round is claimed once). For probe monitors, the monitor row only FOR KEY
    // SHARE: enough to keep it from being deleted or edited (those lock it FOR UPDATE) while its
    // round is claimed, without waiting for or skipping a monitor that ingestion holds FOR NO KEY
    // UPDATE while it stores results (at 30,000 monitors, claims and result batches meet all the
    // time). The heartbeat sweep decides in the same transaction, so it locks both FOR UPDATE.
    if (kind === 'heartbeat') {
      return tx
        .getRepository(MonitorEntity)
        .createQueryBuilder('m')
        .innerJoinAndMapOne('m.schedule', MonitorScheduleEntity, 's', 's.monitor_id = m.id')
        .where("m.paused = false AND s.next_due_at <= :now AND m.monitor_type = 'heartbeat'", { now })
        .orderBy('s.next_due_at', 'ASC')
        .limit(limit)
        .setLock('pessimistic_write', undefined, ['m', 's'])
        .setOnLocked('skip_locked')
        .getMany();
    }
    const qb = tx
      .getRepository(MonitorEntity)
      .createQueryBuilder('m')
      .innerJoinAndMapOne('m.schedule', MonitorScheduleEntity, 's', 's.monitor_id = m.id')
      .where('m.paused = false AND s.next_due_at <= :now', { now })
      .andWhere("m.monitor_type <> 'heartbeat'")
      .orderBy('s.next_due_at', 'ASC')
      .limit(limit)
      .setLock('pessimistic_write', undefined, ['s'])
      .setOnLocked('skip_locked');
    // TypeORM writes one locking clause; PostgreSQL takes one per table.
    const query = qb.getQuery.bind(qb);
    qb.getQuery = () => {
      const sql = query();
      if (!/ FOR UPDATE OF "?s"? SKIP LOCKED$/.test(sql))
        throw new Error(`unexpected locking clause: ${sql.slice(-80)}`);
      return `${sql} FOR KEY SHARE OF "m" SKIP LOCKED`;
    };
    return qb.getMany();
  }

  /** Moves claimed monitors' cursors (the caller holds their locks). */
  async advanceSchedules(tx: Tx, rows: ScheduleAdvance[]): Promise<void> {
    if (!rows.length) return;
    await tx.query(
      `UPDATE monitor_schedule s SET next_round = v.next_round, next_due_at = v.next_due_at
         FROM unnest($1::text[], $2::bigint[], $3::timestamptz[]) AS v(id, next_round, next_due_at)
        WHERE s.monitor_id = v.id`,
      [rows.map((r) => r.id), rows.map((r) => r.nextRound), rows.map((r) => r.nextDueAt.toISOString())],
    );
  }

  /** Places schedules (created, re-timed, resumed or paused monitors; `nextDueAt` null: paused), one statement. */
  async placeSchedules(tx: Tx, rows: MonitorScheduleEntity[]): Promise<void> {
    if (!rows.length) return;
    await tx.query(
      `INSERT INTO monitor_schedule (monitor_id, phase_ms, next_round, next_due_at)
       SELECT * FROM unnest($1::text[], $2::int[], $3::bigint[], $4::timestamptz[])
       ON CONFLICT (monitor_id) DO UPDATE SET phase_ms = EXCLUDED.phase_ms, next_round = EXCLUDED.next_round, next_due_at = EXCLUDED.next_due_at`,
      [
        rows.map((r) => r.monitorId),
        rows.map((r) => r.phaseMs),
        rows.map((r) => r.nextRound),
        rows.map((r) => r.nextDueAt?.toISOString() ?? null),
      ],
    );
  }

  /** Brings these monitors' next rounds forward to the given instants (never later than they were; a paused one stays paused). */
  async dueBy(tx: Tx, at: ReadonlyMap<string, Date>): Promise<void> {
    if (!at.size) return;
    await tx.query(
      `UPDATE monitor_schedule s SET next_due_at = LEAST(s.next_due_at, v.at)
         FROM unnest($1::text[], $2::timestamptz[]) AS v(id, at) WHERE s.monitor_id = v.id AND s.next_due_at IS NOT NULL`,
      [[...at.keys()], [...at.values()].map((d) => d.toISOString())],
    );
  }

  /**
   * Inserts rounds; a round whose number the monitor already used (within the two days
   * before: the only span a number can come back in, by flipping the interval back and
   * forth within one slot) is skipped, like one that exists with the same scheduled time.
   * Returns the inserted ids.
   */
  async insertRounds(
    tx: Tx,
    rounds: Omit<
      RoundEntity,
      | 'createdAt'
      | 'dispatchedAt'
      | 'decidedAt'
      | 'outcome'
      | 'regionsChecked'
      | 'regionsUp'
      | 'responseMs'
      | 'statusCode'
    >[],
  ): Promise<Set<string>> {
    if (!rounds.length) return new Set();
    // Region ids cannot contain ',' (REGION_ID_PATTERN); string_to_array('', ',') is '{}'.
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO rounds (id, monitor_id, account_id, round, scheduled_at, deadline_at, regions, skipped_regions, quorum)
       SELECT v.id, v.monitor_id, v.account_id, v.round, v.scheduled_at, v.deadline_at,
              string_to_array(v.regions, ','), string_to_array(v.skipped_regions, ','), v.quorum
         FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::timestamptz[], $6::timestamptz[], $7::text[], $8::int[], $9::text[])
           AS v(id, monitor_id, account_id, round, scheduled_at, deadline_at, regions, quorum, skipped_regions)
        WHERE NOT EXISTS (SELECT 1 FROM rounds o WHERE o.monitor_id = v.monitor_id AND o.round = v.round AND o.scheduled_at >= $10)
       ON CONFLICT (monitor_id, scheduled_at, round) DO NOTHING
       RETURNING id`,
      [
        rounds.map((r) => r.id),
        rounds.map((r) => r.monitorId),
        rounds.map((r) => r.accountId),
        rounds.map((r) => r.round),
        rounds.map((r) => r.scheduledAt.toISOString()),
        rounds.map((r) => r.deadlineAt.toISOString()),
        rounds.map((r) => r.regions.join(',')),
        rounds.map((r) => r.quorum),
        rounds.map((r) => (r.skippedRegions ?? []).join(',')),
        new Date(Math.min(...rounds.map((r) => r.scheduledAt.getTime())) - 2 * DAY_MS).toISOString(),
      ],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** Rounds with no region to send a job to, decided "no data" as they are claimed. */
  async completeNoData(tx: Tx, rounds: RoundKey[], now: Date): Promise<void> {
    if (!rounds.length) return;
    await tx.query(
      `UPDATE rounds SET dispatched_at = $4, decided_at = $4, outcome = 'no_data', regions_checked = 0, regions_up = 0
        WHERE id = ANY($1::text[]) AND scheduled_at >= $2 AND scheduled_at < $3`,
      [rounds.map((r) => r.id), ...span(rounds), now],
    );
  }

  /**
   * Locks the rounds of `rounds` that are still undispatched, skipping any another
   * replica's recovery holds; returns their ids. Held while their jobs are published, so
   * recovery (which skips locked rows) can never re-send a round being published.
   */
  async lockUndispatched(tx: Tx, rounds: RoundKey[]): Promise<Set<string>> {
    if (!rounds.length) return new Set();
    const rows: { id: string }[] = await tx.query(
      'SELECT id FROM rounds WHERE id = ANY($1::text[]) AND scheduled_at >= $2 AND scheduled_at < $3 AND dispatched_at IS NULL FOR UPDATE SKIP LOCKED',
      [rounds.map((r) => r.id), ...span(rounds)],
    );
    return new Set(rows.map((r) => r.id));
  }

  async markDispatched(tx: Tx, rounds: RoundKey[], now: Date): Promise<void> {
    if (!rounds.length) return;
    await tx.query(
      'UPDATE rounds SET dispatched_at = $4 WHERE id = ANY($1::text[]) AND scheduled_at >= $2 AND scheduled_at < $3',
      [rounds.map((r) => r.id), ...span(rounds), now],
    );
  }

  /**
   * Rounds claimed by a replica that died before publishing their jobs: still
   * before their deadline at `now`, claimed (scheduled) more than `staleMs` ago. Locked.
   */
  async lockStaleUndispatched(
    tx: Tx,
    staleMs: number,
    limit: number,
    now: Date,
  ): Promise<{ round: RoundEntity; monitor: MonitorEntity }[]> {
    const rounds = await tx
      .getRepository(RoundEntity)
      .createQueryBuilder('r')
      .where('r.dispatched_at IS NULL')
      .andWhere('r.scheduled_at < :staleBefore', { staleBefore: new Date(now.getTime() - staleMs) })
      .andWhere('r.deadline_at > :now', { now })
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
    if (!rounds.length) return [];
    const monitors = await tx
      .getRepository(MonitorEntity)
      .createQueryBuilder('m')
      .where('m.id IN (:...ids)', { ids: rounds.map((r) => r.monitorId) })
      .getMany();
    const byId = new Map(monitors.map((m) => [m.id, m]));
    return rounds.filter((r) => byId.has(r.monitorId)).map((round) => ({ round, monitor: byId.get(round.monitorId)! }));
  }

  /** Marks recovered rounds dispatched, with the deadline they get from now on. */
  async markDispatchedTx(tx: Tx, rows: (RoundKey & { deadlineAt: Date })[], now: Date): Promise<void> {
    if (!rows.length) return;
    await tx.query(
      `UPDATE rounds r SET dispatched_at = $5, deadline_at = v.deadline_at
         FROM unnest($1::text[], $2::timestamptz[]) AS v(id, deadline_at) WHERE r.id = v.id AND r.scheduled_at >= $3 AND r.scheduled_at < $4`,
      [rows.map((r) => r.id), rows.map((r) => r.deadlineAt.toISOString()), ...span(rows), now],
    );
  }

  /** Monitors with undecided rounds more than `pastDeadlineMs` past their deadline (not locked: the caller locks the monitors first). */
  async monitorsWithExpired(tx: Tx, limit: number, pastDeadlineMs: number, now: Date): Promise<string[]> {
    const rows: { monitor_id: string }[] = await tx.query(
      `SELECT DISTINCT monitor_id FROM (
         SELECT monitor_id FROM rounds WHERE decided_at IS NULL AND deadline_at <= $1
          ORDER BY deadline_at LIMIT $2) r`,
      [new Date(expiredBy(now.getTime(), pastDeadlineMs)), limit],
    );
    return rows.map((r) => r.monitor_id);
  }

  /**
   * Undecided rounds of these (already locked) monitors more than `pastDeadlineMs` past
   * their deadline, locked in (monitor, round) order; the decision service decides them.
   */
  lockExpired(tx: Tx, monitorIds: string[], limit: number, pastDeadlineMs: number, now: Date): Promise<RoundEntity[]> {
    if (!monitorIds.length) return Promise.resolve([]);
    return tx
      .getRepository(RoundEntity)
      .createQueryBuilder('r')
      .where('r.monitor_id IN (:...monitorIds)', { monitorIds })
      .andWhere('r.decided_at IS NULL AND r.deadline_at <= :expiredBy', {
        expiredBy: new Date(expiredBy(now.getTime(), pastDeadlineMs)),
      })
      .orderBy('r.monitor_id', 'ASC')
      .addOrderBy('r.round', 'ASC')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  /**
   * The rounds some results belong to, locked (each statement in (monitor, round) order).
   * The caller holds the monitors' locks already (MonitorsRepository.lockForResults), and
   * only a monitor's lock holder locks its rounds, so the order between the two statements
   * cannot deadlock.
   * A result that carries its round's scheduled time reaches exactly that partition; one
   * from an older probe (without it) is looked up among the rounds scheduled within a day
   * of its start, a few partitions.
   */
  async lockForResults(tx: Tx, keys: ResultRoundKey[]): Promise<RoundEntity[]> {
    const q = () =>
      tx
        .getRepository(RoundEntity)
        .createQueryBuilder('r')
        .orderBy('r.monitor_id', 'ASC')
        .addOrderBy('r.round', 'ASC')
        .setLock('pessimistic_write');
    const found: RoundEntity[] = [];
    const exact = keys.filter((k): k is ResultRoundKey & { scheduledAt: Date } => k.scheduledAt !== null);
    if (exact.length) {
      // One index probe per key (a nested loop over the keys, each pruned to its partition), in
      // (monitor, round) order: a range over the batch's span instead would read every round
      // scheduled in it, which a backlog makes minutes wide. Messages carry milliseconds: a time
      // stored with microseconds matches within its millisecond.
      const keys = [...exact].sort((a, b) =>
        a.monitorId < b.monitorId ? -1 : a.monitorId > b.monitorId ? 1 : a.round - b.round,
      );
      const locked: { id: string; scheduled_at: Date }[] = await tx.query(
        `SELECT r.id, r.scheduled_at
           FROM unnest($1::text[], $2::timestamptz[], $3::bigint[]) WITH ORDINALITY AS k(monitor_id, t, round, n)
           CROSS JOIN LATERAL (
             SELECT r.id, r.scheduled_at FROM rounds r
              WHERE r.monitor_id = k.monitor_id AND r.round = k.round AND r.scheduled_at >= k.t AND r.scheduled_at < k.t + interval '1 millisecond'
              FOR UPDATE) r
          ORDER BY k.n`,
        [keys.map((k) => k.monitorId), keys.map((k) => k.scheduledAt.toISOString()), keys.map((k) => k.round)],
      );
      if (locked.length) {
        const [lo, hi] = span(locked.map((r) => ({ scheduledAt: new Date(r.scheduled_at) })));
        found.push(
          ...(await tx
            .getRepository(RoundEntity)
            .createQueryBuilder('r') // locked by the statement above, in this transaction
            .orderBy('r.monitor_id', 'ASC')
            .addOrderBy('r.round', 'ASC')
            .where('r.id IN (:...ids)', { ids: locked.map((r) => r.id) })
            .andWhere('r.scheduled_at >= :lo AND r.scheduled_at < :hi', { lo, hi })
            .getMany()),
        );
      }
    }
    // Without the scheduled time (older probes), or not found with it: by the round number,
    // among the rounds scheduled within a day of the check's start (a few partitions).
    const have = new Set(found.map((r) => `${r.monitorId}|${r.round}`));
    const loose = keys.filter((k) => !have.has(`${k.monitorId}|${k.round}`));
    if (loose.length) {
      const started = loose.map((k) => k.startedAt.getTime());
      const near = new Map(loose.map((k) => [`${k.monitorId}|${k.round}`, k.startedAt.getTime()]));
      const best = new Map<string, RoundEntity>();
      const rows = await q()
        .where('(r.monitor_id, r.round) IN (SELECT * FROM unnest(CAST(:ids AS text[]), CAST(:rounds AS bigint[])))', {
          ids: loose.map((k) => k.monitorId),
          rounds: loose.map((k) => k.round),
        })
        .andWhere('r.scheduled_at >= :from AND r.scheduled_at < :to', {
          from: new Date(Math.min(...started) - DAY_MS),
          to: new Date(Math.max(...started) + DAY_MS),
        })
        .getMany();
      // Should a number have two rounds in that span, the one scheduled nearest the check's start.
      for (const r of rows) {
        const k = `${r.monitorId}|${r.round}`;
        const t = near.get(k)!;
        const cur = best.get(k);
        if (!cur || Math.abs(r.scheduledAt.getTime() - t) < Math.abs(cur.scheduledAt.getTime() - t)) best.set(k, r);
      }
      found.push(...best.values());
    }
    return found;
  }

  /** Decided, counted rounds (not no_data) of one monitor in some time ranges: the raw edges of a window. */
  async decidedInRanges(
    accountId: string,
    monitorId: string,
    ranges: { from: Date; to: Date }[],
  ): Promise<DecidedRound[]> {
    if (!ranges.length) return [];
    const w = rangeClause('scheduled_at', ranges, 3);
    const rows: {
      scheduled_at: Date;
      outcome: RoundOutcome;
      response_ms: number | null;
      status_code: number | null;
    }[] = await this.repo.query(
      `SELECT scheduled_at, outcome, response_ms, status_code FROM rounds
        WHERE account_id = $1 AND monitor_id = $2 AND outcome IN ('up', 'degraded', 'down', 'warn') AND ${w.sql}
        ORDER BY scheduled_at`,
      [accountId, monitorId, ...w.params],
    );
    return rows.map((r) => ({
      scheduledAt: r.scheduled_at,
      outcome: r.outcome,
      responseMs: r.response_ms,
      statusCode: r.status_code,
    }));
  }

  /** Completes decided rounds with one statement. */
  async completeMany(
    tx: Tx,
    rows: Pick<
      RoundEntity,
      'id' | 'scheduledAt' | 'outcome' | 'regionsChecked' | 'regionsUp' | 'responseMs' | 'statusCode'
    >[],
    now: Date,
  ): Promise<void> {
    if (!rows.length) return;
    await tx.query(
      `UPDATE rounds r SET decided_at = $9, outcome = v.outcome, regions_checked = v.regions_checked, regions_up = v.regions_up,
              response_ms = v.response_ms, status_code = v.status_code
         FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::float8[], $6::int[]) AS v(id, outcome, regions_checked, regions_up, response_ms, status_code)
        WHERE r.id = v.id AND r.scheduled_at >= $7 AND r.scheduled_at < $8`,
      [
        rows.map((r) => r.id),
        rows.map((r) => r.outcome),
        rows.map((r) => r.regionsChecked),
        rows.map((r) => r.regionsUp),
        rows.map((r) => r.responseMs),
        rows.map((r) => r.statusCode),
        ...span(rows),
        now,
      ],
    );
  }

  /** Marks decided rounds as run in maintenance: left out of uptime and SLA. */
  async markMaintenance(tx: Tx, rows: Pick<RoundEntity, 'id' | 'scheduledAt'>[]): Promise<void> {
    if (!rows.length) return;
    await tx.query(
      `UPDATE rounds SET in_maintenance = true WHERE id = ANY($1::text[]) AND scheduled_at >= $2 AND scheduled_at < $3`,
      [rows.map((r) => r.id), ...span(rows)],
    );
  }

  /** Decided rounds of one monitor, newest first (the check history). */
  listDecided(accountId: string, monitorId: string, limit: number): Promise<RoundEntity[]> {
    return this.repo
      .createQueryBuilder('r')
      .where('r.account_id = :accountId AND r.monitor_id = :monitorId AND r.decided_at IS NOT NULL', {
        accountId,
        monitorId,
      })
      .orderBy('r.scheduled_at', 'DESC')
      .limit(limit)
      .getMany();
  }

  /** Rounds of one monitor decided `no_data` (nothing answered; rare: a small partial index). */
  countNoData(accountId: string, monitorId: string): Promise<number> {
    return this.repo
      .createQueryBuilder('r')
      .where("r.account_id = :accountId AND r.monitor_id = :monitorId AND r.outcome = 'no_data'", {
        accountId,
        monitorId,
      })
      .getCount();
  }

  /** Decided rounds with data (`no_data` excluded) and down rounds of a monitor since `since` (SLA uptime). */
  async outcomeCounts(tx: Tx, monitorId: string, since: Date): Promise<{ total: number; down: number }> {
    const rows: { total: string; down: string }[] = await tx.query(
      `SELECT count(*) AS total, count(*) FILTER (WHERE outcome = 'down') AS down
         FROM rounds WHERE monitor_id = $1 AND scheduled_at >= $2 AND outcome IN ('up', 'degraded', 'down') AND NOT in_maintenance`,
      [monitorId, since],
    );
    return { total: Number(rows[0].total), down: Number(rows[0].down) };
  }
}
