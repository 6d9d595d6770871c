import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import type { Msg, Subscription } from 'nats';
import { runMtr } from '@parallax/checks';
import { natsNames, parseMtrRequest, type MtrReplyV1 } from '@parallax/contracts';
import { PROBE_CONFIG, type ProbeConfig } from './config';
import { NatsService } from './nats.service';

/** MTR runs at once at most on one probe; more are answered with an error. */
const MAX_CONCURRENT = 2;

/**
 * Answers the control plane's tool requests of this region (`<prefix>.tools.<region>`,
 * request/reply, in the region's queue group so one probe answers): MTR against a host,
 * resolved and SSRF-guarded here, run with the system mtr (libs/checks/src/mtr.ts).
 */
@Injectable()
export class ToolsResponder implements OnApplicationBootstrap, OnApplicationShutdown {
  private sub: Subscription | null = null;
  private running = 0;

  constructor(
    @Inject(PROBE_CONFIG) private readonly config: ProbeConfig,
    private readonly nats: NatsService,
    @InjectPinoLogger('tools') private readonly log: PinoLogger,
  ) {}

  onApplicationBootstrap(): void {
    void this.nats.connection().then((nc) => {
      const names = natsNames(this.config.natsPrefix);
      this.sub = nc.subscribe(names.tools(this.config.region), {
        queue: names.jobsQueue(this.config.region),
        callback: (err, msg) =>
          err ? this.log.warn({ err: err.message }, 'tools subscription') : void this.handle(msg),
      });
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.sub?.unsubscribe();
  }

  private async handle(msg: Msg): Promise<void> {
    if (!msg.reply) return;
    const reply = (r: Omit<MtrReplyV1, 'v' | 'region' | 'probe_id'>) =>
      msg.respond(
        Buffer.from(
          JSON.stringify({
            v: 1,
            region: this.config.region,
            probe_id: this.config.probeId,
            ...r,
          } satisfies MtrReplyV1),
        ),
      );
    let req;
    try {
      req = parseMtrRequest(JSON.parse(Buffer.from(msg.data).toString('utf8')));
    } catch {
      req = null;
    }
    if (!req) return void reply({ address: null, hops: [], error: 'malformed tool request' });
    if (this.running >= MAX_CONCURRENT)
      return void reply({ address: null, hops: [], error: 'this probe is busy with other MTR runs' });
    this.running++;
    try {
      const r = await runMtr(req.host, {
        count: req.count,
        timeoutMs: req.timeout_ms,
        allowPrivate: this.config.allowPrivateTargets,
        childPath: this.config.childPath,
      });
      reply({ address: r.address, hops: r.hops, error: null });
    } catch (e) {
      reply({ address: null, hops: [], error: e instanceof Error ? e.message : String(e) });
    } finally {
      this.running--;
    }
  }
}
