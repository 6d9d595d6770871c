import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { asAccountId } from '../common/account-id';
import { Clock } from '../common/clock';
import { notFound } from '../common/errors';
import { newId } from '../common/ids';
import { PeriodicTask } from '../common/periodic-task';
import { APP_CONFIG, AppConfig } from '../config/config';
import type { Principal } from '../common/principal';
import { TransactionRunner, type Tx } from '../database/transaction';
import { MetricsService } from '../metrics/metrics.service';
import { MonitorsRepository } from '../monitors/monitors.repository';
import type { AnomalyPayload } from '../notifications/events';
import { NotificationsService } from '../notifications/notifications.service';
import { OVERALL, RollupsRepository } from '../timeseries/rollups.repository';
import { AnomaliesRepository, AnomalyFilter, AnomalyRow } from './anomalies.repository';
import {
  ANOMALY_METRICS,
  detectAnomalies,
  HOUR_MS,
  reconcile,
  seriesByRegion,
  type DetectedAnomaly,
  type HourlyWindow,
} from './anomaly-rules';

const SWEEP_EVERY_MS = 5 * 60_000;
/** Monitors swept per transaction. */
const CHUNK = 20;
/** History read per sweep: four weeks of baseline before the judged week. */
const HISTORY_MS = 35 * 24 * HOUR_MS;
/** Detections that ended before this long ago are history, not reconciled again. */
const HORIZON_MS = 7 * 24 * HOUR_MS;

const round = (v: number, d = 4) => Math.round(v * 10 ** d) / 10 ** d;

export interface AnomalyView {
  id: string;
  monitor_id: string;
  region: string;
  metric: string;
  status: 'open' | 'closed';
  observed: number;
  expected: { value: number; lower: number; upper: number };
  started_at: string;
  ended_at: string | null;
  acknowledged: boolean;
  acknowledged_at: string | null;
}

export function toAnomalyView(a: AnomalyRow): AnomalyView {
  return {
    id: a.id,
    monitor_id: a.monitorId,
    region: a.region,
    metric: a.metric,
    status: a.endedAt ? 'closed' : 'open',
    observed: round(a.observed),
    expected: { value: round(a.expected), lower: round(a.lower), upper: round(a.upper) },
    started_at: a.startedAt.toISOString(),
    ended_at: a.endedAt ? a.endedAt.toISOString() : null,
    acknowledged: a.acknowledgedAt !== null,
    acknowledged_at: a.acknowledgedAt ? a.acknowledgedAt.toISOString() : null,
  };
}

function payloadOf(a: AnomalyRow): AnomalyPayload {
  const v = toAnomalyView(a);
  return {
    id: v.id,
    state: v.status,
    region: v.region,
    metric: v.metric,
    observed: v.observed,
    expected: v.expected,
    started_at: v.started_at,
    ended_at: v.ended_at,
  };
}

/**
 * Anomalies (issue 19 item 5): every five minutes each replica sweeps, 20 monitors per
 * transaction (SKIP LOCKED), the monitors not yet swept through the last closed hour: it
 * reads five weeks of their hourly rollups per region, runs the detector
 * (anomaly-rules.ts) on p50, p95 and error rate, and writes what `reconcile` says (open,
 * close, furthest value), with a `monitor.anomaly` event per opened or closed anomaly
 * through the outbox in the same transaction.
 */
@Injectable()
export class AnomaliesService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(AnomaliesService.name);
  private readonly task = new PeriodicTask(this.logger, 'anomaly sweep', SWEEP_EVERY_MS, () => this.sweepDue());
  /** A pass is under way: the last chunk was full, so more follow at once. */
  private inPass = false;
  /** The last monitor id of the pass's previous chunk (a pass walks the ids once). */
  private passCursor = '';

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: AnomaliesRepository,
    private readonly rollups: RollupsRepository,
    private readonly monitors: MonitorsRepository,
    private readonly notifications: NotificationsService,
    private readonly tx: TransactionRunner,
    private readonly metrics: MetricsService,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.anomalySweep) this.task.start(30_000);
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** Sweeps one chunk of due monitors; true when there may be more. */
  async sweepDue(now = this.clock.nowMs()): Promise<boolean> {
    // The last closed hour: its window starts an hour before the current one.
    const lastWindow = Math.floor(now / HOUR_MS) * HOUR_MS - HOUR_MS;
    const through = new Date(lastWindow);
    // New monitors join at the start of a pass, not at every chunk: the anti-join reads every
    // monitor, and a pass over 30,000 monitors is 1,500 chunks.
    if (!this.inPass) {
      await this.repo.addNewMonitors();
      this.passCursor = '';
    }
    const { swept, changes, lastId } = await this.tx.run(async (tx) => {
      const due = await this.repo.lockDue(tx, through, CHUNK, this.passCursor);
      let n = 0;
      for (const m of due) n += await this.sweepMonitor(tx, m.accountId, m.monitorId, lastWindow, now);
      await this.repo.markSwept(
        tx,
        due.map((m) => m.monitorId),
        through,
      );
      return { swept: due.length, changes: n, lastId: due.length ? due[due.length - 1].monitorId : '' };
    });
    if (swept) this.metrics.anomalySweepMonitors.inc(swept);
    if (changes) this.logger.log({ monitors: swept, changes }, 'anomaly sweep');
    this.inPass = swept === CHUNK;
    if (swept) this.passCursor = lastId;
    return this.inPass;
  }

  /** Sweeps every due monitor (tests). */
  async sweepAll(now = this.clock.nowMs()): Promise<void> {
    while (await this.sweepDue(now));
  }

  private async sweepMonitor(
    tx: Tx,
    accountId: string,
    monitorId: string,
    lastWindow: number,
    now: number,
  ): Promise<number> {
    const from = new Date(lastWindow - HISTORY_MS);
    const rows = await this.rollups.inRanges(
      asAccountId(accountId),
      monitorId,
      'hour',
      [{ from, to: new Date(lastWindow + HOUR_MS) }],
      null,
    );
    const windows: HourlyWindow[] = [];
    for (const r of rows) {
      if (r.region === OVERALL) continue;
      const at = r.bucketStart.getTime();
      if (at > lastWindow) continue;
      const [p50, p95] = r.rtCount > 0 ? r.hist.quantiles(r.rtCount, [0.5, 0.95], r.rtMin!, r.rtMax!) : [null, null];
      windows.push({ region: r.region, at, checks: r.checks, failures: r.failures, p50, p95 });
    }
    const detected: { region: string; anomaly: DetectedAnomaly }[] = [];
    for (const [region, series] of seriesByRegion(windows)) {
      for (const metric of ANOMALY_METRICS)
        for (const anomaly of detectAnomalies(series[metric], metric)) detected.push({ region, anomaly });
    }
    const horizon = lastWindow - HORIZON_MS;
    const stored = await this.repo.recentOf(tx, monitorId, new Date(horizon));
    const changes = reconcile(stored, detected, horizon, lastWindow + HOUR_MS);
    if (!changes.length) return 0;
    const at = new Date(now);
    const events: AnomalyPayload[] = [];
    for (const c of changes) {
      if (c.kind === 'open') {
        const a = c.anomaly;
        const row = {
          id: newId('ano'),
          accountId,
          monitorId,
          region: c.region,
          metric: a.metric,
          observed: a.observed,
          expected: a.expected.expected,
          lower: a.expected.lower,
          upper: a.expected.upper,
          startedAt: new Date(a.started_at),
          endedAt: a.ended_at === null ? null : new Date(a.ended_at),
        };
        await this.repo.insert(tx, row, at);
        this.metrics.anomaliesChanged.inc({ metric: a.metric, change: 'opened' });
        if (row.endedAt) this.metrics.anomaliesChanged.inc({ metric: a.metric, change: 'closed' });
        const full = { ...row, acknowledgedAt: null, acknowledgedBy: null };
        events.push(payloadOf({ ...full, endedAt: null }));
        if (row.endedAt) events.push(payloadOf(full));
      } else {
        const row = await this.repo.update(tx, c.id, c.observed, c.kind === 'close' ? new Date(c.endedAt) : null, at);
        if (row && c.kind === 'close') {
          events.push(payloadOf(row));
          this.metrics.anomaliesChanged.inc({ metric: row.metric, change: 'closed' });
        }
      }
    }
    if (events.length) {
      const monitor = await this.monitors.findOne(asAccountId(accountId), monitorId, tx);
      if (monitor) await this.notifications.enqueueAnomalies(tx, monitor, events, at);
    }
    return changes.length;
  }

  async list(p: Principal, f: AnomalyFilter): Promise<{ items: AnomalyView[]; total: number }> {
    const { items, total } = await this.repo.list(p.accountId, f);
    return { items: items.map(toAnomalyView), total };
  }

  async acknowledge(p: Principal, id: string): Promise<AnomalyView> {
    const row = await this.repo.acknowledge(p.accountId, id, p.userId ?? p.keyId, this.clock.now());
    if (!row) throw notFound('anomaly', id);
    return toAnomalyView(row);
  }

  /** A monitor's anomalies open or ended since `since`, newest first (insights). */
  async recentOf(accountId: string, monitorId: string, since: Date, limit: number): Promise<AnomalyView[]> {
    return (await this.repo.list(accountId, { monitorId, since, limit, offset: 0 })).items.map(toAnomalyView);
  }
}
