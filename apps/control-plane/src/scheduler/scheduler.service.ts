import { Inject, Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { encode, jobId, JobV1 } from '@parallax/contracts';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { PeriodicTask } from '../common/periodic-task';
import { APP_CONFIG, AppConfig } from '../config/config';
import { BackgroundTransactionRunner } from '../database/transaction';
import { MetricsService } from '../metrics/metrics.service';
import { MonitorEntity } from '../monitors/monitor.entity';
import { toCheckSpec } from '../monitors/monitor.mapper';
import { TYPE_RULES } from '../monitors/monitor-types';
import { NatsService } from '../nats/nats.service';
import { FleetHealthService } from '../regions/fleet-health.service';
import { RoundEntity } from './round.entity';
import { RoundsRepository } from './rounds.repository';
import { claimRound, roundDeadline, startBy as startByOf } from './schedule';

const BATCH = 500;
/** An undispatched round older than this belongs to a replica that died mid-dispatch. */
const STALE_DISPATCH_MS = 2_000;

/**
 * Claims due rounds through the database (FOR UPDATE SKIP LOCKED, so replicas never
 * claim the same round), records them, then publishes one job per region that has a
 * probe online (or lost its probes less than REGION_GRACE_SECONDS ago). A round's
 * row is its dispatch outbox: if this replica dies between commit and publish,
 * another replica's recovery pass publishes it; a round is locked while its jobs are
 * published, so recovery never re-sends one that a live replica is publishing.
 */
@Injectable()
export class SchedulerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SchedulerService.name);
  private readonly task: PeriodicTask;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rounds: RoundsRepository,
    private readonly tx: BackgroundTransactionRunner,
    private readonly nats: NatsService,
    private readonly metrics: MetricsService,
    private readonly fleet: FleetHealthService,
    private readonly clock: Clock,
  ) {
    this.task = new PeriodicTask(this.logger, 'scheduler tick', config.schedulerTickMs, () => this.tick());
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** One pass; true when a full batch was claimed and another pass should follow at once. */
  async tick(): Promise<boolean> {
    const claimed = await this.claimDue();
    if (claimed.length) await this.dispatch(claimed);
    await this.recoverStale();
    return claimed.length >= BATCH;
  }

  private async claimDue(): Promise<{ round: RoundEntity; monitor: MonitorEntity }[]> {
    return this.tx.run(async (tx) => {
      const now = this.clock.nowMs();
      const due = await this.rounds.lockDueMonitors(tx, new Date(now), BATCH);
      if (!due.length) return [];
      const planned = due.map((monitor) => {
        const schedule = monitor.schedule!; // joined and locked by lockDueMonitors
        const c = claimRound(schedule.nextRound, now, monitor.checkInterval, schedule.phaseMs);
        if (c.skipped) this.metrics.roundsSkipped.inc(c.skipped);
        this.metrics.schedulerLag.observe(Math.max(0, now - schedule.nextDueAt!.getTime()) / 1000);
        // Regions without a probe online for longer than the grace get no job (no queue of
        // stale jobs): the round records them as skipped, and its decision as unknown.
        const online = monitor.regions.filter((r) => this.fleet.receivingJobs(r));
        // A type asked from one region per round (domain): the first of its regions online.
        const oneRegion = TYPE_RULES[monitor.monitorType].oneRegionPerRound === true;
        const regions = oneRegion ? online.slice(0, 1) : online;
        const skippedRegions = oneRegion && online.length ? [] : monitor.regions.filter((r) => !regions.includes(r));
        const round: RoundEntity = Object.assign(new RoundEntity(), {
          id: newId('chk'),
          monitorId: monitor.id,
          accountId: monitor.accountId,
          round: c.round,
          scheduledAt: new Date(now),
          deadlineAt: new Date(roundDeadline(now, monitor.timeout, this.config.roundGraceSeconds)),
          regions,
          skippedRegions,
          quorum: monitor.quorum,
        });
        return { monitor, round, claim: c };
      });
      await this.rounds.advanceSchedules(
        tx,
        planned.map((p) => ({
          id: p.monitor.id,
          nextRound: p.claim.nextRound,
          nextDueAt: new Date(p.claim.nextDueAt),
        })),
      );
      const inserted = await this.rounds.insertRounds(
        tx,
        planned.map((p) => p.round),
      );
      this.metrics.roundsClaimed.inc(inserted.size);
      const claimed = planned.filter((p) => inserted.has(p.round.id));
      for (const { round } of claimed)
        for (const region of round.skippedRegions) this.metrics.jobsSkipped.inc({ region });
      // No region to send a job to: nothing can answer, so the round is "no data" at once.
      const empty = claimed.filter((p) => p.round.regions.length === 0);
      if (empty.length) {
        await this.rounds.completeNoData(
          tx,
          empty.map((p) => p.round),
          new Date(now),
        );
        this.metrics.decisions.inc({ decision: 'no_data' }, empty.length);
      }
      return claimed.filter((p) => p.round.regions.length > 0);
    });
  }

  /**
   * Publishes the claimed rounds' jobs while holding their rows locked, and marks them
   * dispatched in the same transaction: the stale-dispatch recovery of another replica
   * skips locked rows and undispatched ones only, so it can never re-send a round this
   * replica is still publishing (however long the publish takes, e.g. while NATS is
   * unreachable); a round recovery took first is skipped here.
   */
  private async dispatch(items: { round: RoundEntity; monitor: MonitorEntity }[]): Promise<void> {
    await this.tx.run(async (tx) => {
      const mine = await this.rounds.lockUndispatched(
        tx,
        items.map((i) => i.round),
      );
      const todo = items.filter((i) => mine.has(i.round.id));
      this.publish(todo);
      await this.nats.nc.flush();
      await this.rounds.markDispatched(
        tx,
        todo.map((i) => i.round),
        this.clock.now(),
      );
    });
  }

  private publish(items: { round: RoundEntity; monitor: MonitorEntity }[]): void {
    const names = this.nats.names;
    for (const { round, monitor } of items) {
      const check = toCheckSpec(monitor);
      if (!check) continue; // a type no probe runs (heartbeat): judged by the control plane
      // A probe may start the job until the round deadline minus the check's timeout.
      const startBy = startByOf(round.deadlineAt.getTime(), monitor.timeout);
      const id = jobId(monitor.id, round.round);
      // Sent now: a probe counts `ttl_ms` from arrival, so its clock's skew cannot move the deadline.
      const sentAt = this.clock.nowMs();
      // In-region retries (libs/checks retry.ts) only where the type takes them; absent means one attempt.
      const retries =
        TYPE_RULES[monitor.monitorType].fields.includes('retries') && monitor.retries > 0 ? monitor.retries : undefined;
      for (const region of round.regions) {
        const job: JobV1 = {
          v: 1,
          job_id: id,
          monitor_id: monitor.id,
          account_id: monitor.accountId,
          round: round.round,
          region,
          scheduled_at: round.scheduledAt.toISOString(),
          deadline: startBy,
          sent_at: new Date(sentAt).toISOString(),
          ttl_ms: Math.max(0, startBy - sentAt),
          result_tag: this.nats.resultTag(id, region),
          ...(retries ? { retries } : {}),
          check,
        };
        this.nats.nc.publish(names.jobs(region), encode(job));
        this.metrics.jobsDispatched.inc({ region });
      }
    }
  }

  /** Publishes rounds another replica claimed but never dispatched (it died in between). */
  private async recoverStale(): Promise<void> {
    await this.tx.run(async (tx) => {
      const now = this.clock.nowMs();
      const stale = await this.rounds.lockStaleUndispatched(tx, STALE_DISPATCH_MS, BATCH, new Date(now));
      if (!stale.length) return;
      this.logger.warn(
        {
          rounds: stale.length,
          round_ids: stale.slice(0, 20).map((s) => s.round.id),
          monitor_ids: [...new Set(stale.slice(0, 20).map((s) => s.monitor.id))],
        },
        'publishing rounds left undispatched by another replica',
      );
      // The probes get the time they would have had: the round's deadline restarts now.
      for (const s of stale)
        s.round.deadlineAt = new Date(roundDeadline(now, s.monitor.timeout, this.config.roundGraceSeconds));
      await this.rounds.markDispatchedTx(
        tx,
        stale.map((s) => ({ id: s.round.id, scheduledAt: s.round.scheduledAt, deadlineAt: s.round.deadlineAt })),
        new Date(now),
      );
      this.publish(stale);
      await this.nats.nc.flush();
      this.metrics.roundsRedispatched.inc(stale.length);
    });
  }
}
