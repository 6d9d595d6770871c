import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Clock } from '../common/clock';
import { DomainError } from '../common/errors';
import { newId } from '../common/ids';
import { PeriodicTask } from '../common/periodic-task';
import { APP_CONFIG, AppConfig } from '../config/config';
import { TransactionRunner, type Tx } from '../database/transaction';
import { DecisionService } from '../decisions/decision.service';
import { MonitorEntity } from '../monitors/monitor.entity';
import { RoundEntity } from '../scheduler/round.entity';
import { MonitorSchedules } from '../scheduler/monitor-schedules.service';
import { RoundRecords } from '../scheduler/round-records.service';
import { RoundsRepository } from '../scheduler/rounds.repository';
import { claimRound, roundDeadline } from '../scheduler/schedule';
import { emptyHeartbeatState } from './heartbeat-state.entity';
import { HeartbeatsRepository } from './heartbeats.repository';
import {
  heartbeatSummary,
  HeartbeatVerdict,
  judgeHeartbeat,
  PingKind,
  pingChanges,
  pingNeedsCheck,
  pingTokenMatches,
} from './heartbeat-rules';

const BATCH = 500;

export type PingAnswer =
  | { ok: true; status: 'paused'; message: string }
  | { ok: true; status: string; monitor: string; next_expected_before: number | null };

/**
 * Heartbeat monitors: the ping endpoint, and their checks. Every `check_interval` a
 * heartbeat monitor gets a round like any monitor, but no job: the control plane
 * judges it (interval + grace passed without a ping, or a `/fail`) and the decision
 * goes through the same path as probe rounds (status, counters, incident). A ping
 * that may change the status (the first, one after a miss, a `/fail`) runs a check
 * at once. Replicas share the checks (FOR UPDATE SKIP LOCKED).
 */
/** The one answer to a ping that does not count: unknown monitor, missing or wrong token. */
const pingRefused = () => new DomainError('not_found', 'no heartbeat monitor with this id and token');

@Injectable()
export class HeartbeatsService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(HeartbeatsService.name);
  private readonly task: PeriodicTask;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly heartbeats: HeartbeatsRepository,
    private readonly rounds: RoundsRepository,
    private readonly schedules: MonitorSchedules,
    private readonly roundRecords: RoundRecords,
    private readonly decisions: DecisionService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {
    this.task = new PeriodicTask(this.logger, 'heartbeat checks', config.schedulerTickMs, () => this.tick());
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** Checks the heartbeat monitors that are due; true when a full batch was taken. */
  async tick(): Promise<boolean> {
    return this.tx.run(async (tx) => {
      const now = this.clock.nowMs();
      const due = await this.rounds.lockDueMonitors(tx, new Date(now), BATCH, 'heartbeat');
      await this.heartbeats.attachStates(tx, due);
      await this.checkMany(tx, due, now);
      return due.length >= BATCH;
    });
  }

  async ping(id: string, token: string | undefined, kind: PingKind): Promise<PingAnswer> {
    return this.tx.run(async (tx) => {
      // The token is checked before the row is locked: a wrong token never holds the lock.
      // Unknown monitor and wrong token answer the same (status and body): a ping URL reveals nothing.
      const hash = await this.heartbeats.pingTokenHash(tx, id);
      if (hash === undefined || !pingTokenMatches(token, hash)) throw pingRefused();
      const m = await this.heartbeats.lockForPing(tx, id);
      if (!m) throw pingRefused();
      const now = this.clock.nowMs();
      const hb = m.heartbeat ?? emptyHeartbeatState(m.id);
      const changes = pingChanges({ ...hb, heartbeatInterval: m.heartbeatInterval ?? 0, paused: m.paused }, kind, now);
      await this.heartbeats.recordPing(tx, m.id, changes);
      m.heartbeat = Object.assign(hb, changes);
      if (m.paused) return { ok: true, status: 'paused', message: 'Monitor is paused — ping recorded but not tracked' };
      let status: string = m.status;
      if (pingNeedsCheck(m.status, kind)) {
        const verdict = (await this.checkMany(tx, [m], now)).get(m.id);
        if (verdict && verdict.outcome !== 'no_data') status = verdict.outcome;
      }
      const expected = hb.heartbeatExpectedBy ? hb.heartbeatExpectedBy.getTime() / 1000 : null;
      return { ok: true, status, monitor: m.name, next_expected_before: expected };
    });
  }

  /**
   * Heartbeat checks of locked monitors at `nowMs`, set-based: their rounds claimed (as the
   * scheduler does for probe monitors) with one update and one insert, judged, and applied
   * through the shared decision path (DecisionService.applyMany) in a few statements
   * whatever their number. Returns each checked monitor's verdict.
   */
  private async checkMany(tx: Tx, ms: MonitorEntity[], nowMs: number): Promise<Map<string, HeartbeatVerdict>> {
    if (!ms.length) return new Map();
    const planned = ms.map((m) => {
      const schedule = m.schedule!; // read with the lock (lockDueMonitors, lockForPing)
      const c = claimRound(schedule.nextRound, nowMs, m.checkInterval, schedule.phaseMs);
      const round: RoundEntity = Object.assign(new RoundEntity(), {
        id: newId('chk'),
        monitorId: m.id,
        accountId: m.accountId,
        round: c.round,
        scheduledAt: new Date(nowMs),
        deadlineAt: new Date(roundDeadline(nowMs, 0, 0)), // judged by the control plane at once: no probe timeout, no grace
        regions: [],
        skippedRegions: [],
        quorum: m.quorum,
      });
      return { m, c, round };
    });
    // The cursor belongs to the scheduler context: advanced through its MonitorSchedules.
    await this.schedules.advance(
      tx,
      planned.map(({ m, c }) => ({ id: m.id, nextRound: c.nextRound, nextDueAt: new Date(c.nextDueAt) })),
    );
    for (const { m, c } of planned)
      Object.assign(m.schedule!, { nextRound: c.nextRound, nextDueAt: new Date(c.nextDueAt) });
    // The round rows belong to the scheduler context: recorded through its RoundRecords.
    const inserted = await this.roundRecords.insertJudged(
      tx,
      planned.map((p) => p.round),
      new Date(nowMs),
    );
    const claimed = planned.filter((p) => inserted.has(p.round.id));
    const verdicts = new Map<string, HeartbeatVerdict>();
    const items = claimed.map(({ m, round }) => {
      const hb = m.heartbeat ?? emptyHeartbeatState(m.id);
      const verdict = judgeHeartbeat(
        {
          expectedByMs: (hb.heartbeatExpectedBy ?? m.createdAt).getTime(),
          graceSeconds: m.heartbeatGracePeriod ?? 0,
          lastPingAtMs: hb.lastPingAt?.getTime() ?? null,
          lastFailAtMs: hb.lastFailAt?.getTime() ?? null,
        },
        nowMs,
      );
      verdicts.set(m.id, verdict);
      const { summary, evidence } = heartbeatSummary(verdict, hb.lastRunMs);
      return { round, summary, results: evidence };
    });
    await this.decisions.applyMany(tx, items);
    return verdicts;
  }
}
