import { connect, JetStreamClient, NatsConnection, Subscription } from 'nats';
import { encode, natsNames, parseJob, AttemptV1, JobV1, PresenceV1, ResultV1, resultMsgId } from '@parallax/contracts';
import { TEST_NATS_URL } from '@parallax/testing';
import { Clock, systemClock } from '../common/clock';

export { waitFor } from '@parallax/testing';

export type Verdict =
  { is_up: boolean; status_code?: number; response_ms?: number; error?: string; attempts?: AttemptV1[] } | 'silent';

/**
 * A stand-in for probe processes in control-plane integration tests: it takes the
 * real jobs from NATS and publishes results over JetStream exactly as a probe does,
 * with a verdict per region chosen by the test, and announces one probe per region
 * on the presence subject every `presenceIntervalMs`, as a probe does (a test stops
 * a region's announcements with `presenceOff`). (The real probe is exercised by its
 * own tests and by the end-to-end test.)
 */
export class FakeProbes {
  readonly jobs: JobV1[] = [];
  private nc?: NatsConnection;
  private js?: JetStreamClient;
  private subs: Subscription[] = [];
  verdict: (region: string, job: JobV1) => Verdict = () => ({ is_up: true, status_code: 200, response_ms: 12 });
  /** Regions whose probe stopped announcing itself (it vanished, as far as presence goes). */
  readonly presenceOff = new Set<string>();
  private presenceTimer?: NodeJS.Timeout;
  private readonly startedAt: string;
  /** A probe's own clock: the system's unless the test gives one (e.g. the app's `Clock`, to move with it). */
  private readonly clock: Clock;

  constructor(
    private readonly prefix: string,
    private readonly regions: string[],
    private readonly options: { presence?: boolean; presenceIntervalMs?: number; clock?: Clock } = {},
  ) {
    this.clock = options.clock ?? systemClock;
    this.startedAt = this.clock.now().toISOString();
  }

  /** The probe id this fake uses for a region. */
  probeId(region: string): string {
    return `fake-${region}`;
  }

  /** Publishes one presence announcement for `region` (any region, known or not). */
  announce(region: string, leaving = false): void {
    const p: PresenceV1 = {
      v: 1,
      region,
      probe_id: this.probeId(region),
      version: 'test',
      in_flight: 0,
      queued: 0,
      capacity: 64,
      started_at: this.startedAt,
      sent_at: this.clock.now().toISOString(),
    };
    if (leaving) p.leaving = true;
    this.nc!.publish(natsNames(this.prefix).presence(region), encode(p));
  }

  private announceAll(): void {
    for (const region of this.regions) if (!this.presenceOff.has(region)) this.announce(region);
  }

  async start(): Promise<void> {
    this.nc = await connect({ servers: TEST_NATS_URL });
    this.js = this.nc.jetstream();
    const names = natsNames(this.prefix);
    for (const region of this.regions) {
      const sub = this.nc.subscribe(names.jobs(region), { queue: names.jobsQueue(region) });
      this.subs.push(sub);
      void (async () => {
        for await (const m of sub) {
          const parsed = parseJob(m.data);
          if (!parsed.ok) continue;
          this.jobs.push(parsed.value);
          const v = this.verdict(region, parsed.value);
          if (v === 'silent') continue;
          await this.publish(this.result(parsed.value, region, v));
        }
      })();
    }
    if (this.options.presence !== false) {
      this.announceAll();
      this.presenceTimer = setInterval(() => this.announceAll(), this.options.presenceIntervalMs ?? 1000);
    }
    await this.nc.flush();
  }

  result(job: JobV1, region: string, v: Exclude<Verdict, 'silent'>): ResultV1 {
    return {
      v: 1,
      job_id: job.job_id,
      monitor_id: job.monitor_id,
      round: job.round,
      region,
      probe_id: this.probeId(region),
      probe_version: 'test',
      scheduled_at: job.scheduled_at,
      started_at: this.clock.now().toISOString(),
      is_up: v.is_up,
      status_code: v.status_code ?? (v.is_up ? 200 : 503),
      response_ms: v.response_ms ?? 10,
      error: v.is_up ? null : (v.error ?? `expected status 200, got ${v.status_code ?? 503}`),
      phases: { dns: 0, connect: 1, tls: null, first_byte: 5, total: v.response_ms ?? 10 },
      response_headers: v.is_up ? null : { 'content-type': 'text/plain' },
      response_body: v.is_up ? null : 'unavailable',
      ...(v.attempts ? { attempts: v.attempts } : {}),
    };
  }

  async publish(result: ResultV1, subjectRegion = result.region): Promise<void> {
    await this.js!.publish(natsNames(this.prefix).results(subjectRegion), encode(result), {
      msgID: resultMsgId(result.job_id, result.region),
    });
  }

  /** Publishes raw bytes on a region's results subject (malformed-message tests). */
  async publishRaw(region: string, data: Uint8Array, msgID: string): Promise<void> {
    await this.js!.publish(natsNames(this.prefix).results(region), data, { msgID });
  }

  async stop(): Promise<void> {
    clearInterval(this.presenceTimer);
    for (const s of this.subs) s.unsubscribe();
    await this.nc?.drain();
  }
}
