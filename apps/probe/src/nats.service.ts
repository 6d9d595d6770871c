import { readFileSync } from 'node:fs';
import { Inject, Injectable } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { connect, credsAuthenticator, type ConnectionOptions, type JetStreamClient, type NatsConnection } from 'nats';
import { PROBE_CONFIG, type ProbeConfig } from './config';
import { ProbeMetrics } from './metrics';

/**
 * The probe's single NATS connection, shared by job intake, result publishing and presence.
 * It connects in the background (retrying forever), so `/health/live` answers while NATS
 * is unreachable and `/health/ready` reports it.
 */
@Injectable()
export class NatsService {
  private nc: NatsConnection | null = null;
  private js: JetStreamClient | null = null;
  private connectedFlag = false;
  private closing = false;
  private readonly ready: Promise<NatsConnection>;

  constructor(
    @Inject(PROBE_CONFIG) private readonly config: ProbeConfig,
    private readonly metrics: ProbeMetrics,
    @InjectPinoLogger('nats') private readonly log: PinoLogger,
  ) {
    metrics.sample(metrics.natsConnected, () => (this.connectedFlag ? 1 : 0));
    this.ready = this.connectForever();
    // Never an unhandled rejection: close() during the first connect rejects `ready`.
    this.ready.catch(() => undefined);
  }

  get isConnected(): boolean {
    return this.connectedFlag;
  }

  /** Resolves with the connection once the first connect succeeded. */
  connection(): Promise<NatsConnection> {
    return this.ready;
  }

  /** The JetStream client of the connection (no stream management: the control plane owns the stream). */
  async jetstream(): Promise<JetStreamClient> {
    const nc = await this.ready;
    if (!this.js) this.js = nc.jetstream();
    return this.js;
  }

  /** Publishes remaining buffered messages and closes. Safe to call more than once. */
  async close(): Promise<void> {
    this.closing = true;
    const nc = this.nc;
    if (!nc || nc.isClosed()) return;
    try {
      await nc.drain();
    } catch {
      await nc.close().catch(() => undefined);
    }
    this.connectedFlag = false;
  }

  private options(): ConnectionOptions {
    const c = this.config;
    const opts: ConnectionOptions = {
      servers: [...c.natsServers],
      name: `parallax-probe ${c.region} ${c.probeId}`,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 1000,
      waitOnFirstConnect: true,
      pingInterval: 20_000,
      maxPingOut: 3,
      timeout: 10_000,
      // No stack capture per request: JetStream publishes are the probe's hot path.
      noAsyncTraces: true,
      // Replies (JetStream publish acks) arrive under this region's own inbox prefix, so
      // least-privilege credentials may allow subscribing to `<inbox prefix>.>` only.
      inboxPrefix: c.natsInboxPrefix,
    };
    if (c.natsUser !== null && c.natsPass !== null) {
      opts.user = c.natsUser;
      opts.pass = c.natsPass;
    }
    if (c.natsCredsFile !== null) {
      const file = c.natsCredsFile;
      opts.authenticator = credsAuthenticator(() => readFileSync(file));
    }
    if (c.natsTlsCa !== null) opts.tls = { caFile: c.natsTlsCa };
    return opts;
  }

  private async connectForever(): Promise<NatsConnection> {
    for (let attempt = 1; ; attempt++) {
      if (this.closing) throw new Error('closed before connecting');
      try {
        const nc = await connect(this.options());
        this.nc = nc;
        this.connectedFlag = true;
        this.log.info({ server: nc.getServer() }, 'connected to NATS');
        void this.watch(nc);
        return nc;
      } catch (e) {
        // waitOnFirstConnect retries unreachable servers itself; this catches auth/TLS errors.
        if (attempt === 1 || attempt % 10 === 0)
          this.log.error({ err: (e as Error).message, attempt }, 'cannot connect to NATS; retrying');
        await new Promise((r) => setTimeout(r, Math.min(5000, 500 * attempt)));
      }
    }
  }

  private async watch(nc: NatsConnection): Promise<void> {
    void nc.closed().then((err) => {
      this.connectedFlag = false;
      if (err) this.log.error({ err: err.message }, 'NATS connection closed with an error');
      else if (!this.closing) this.log.warn('NATS connection closed');
    });
    for await (const s of nc.status()) {
      switch (s.type) {
        case 'disconnect':
          this.connectedFlag = false;
          this.log.warn({ server: s.data }, 'disconnected from NATS');
          break;
        case 'reconnect':
          this.connectedFlag = true;
          this.log.info({ server: s.data }, 'reconnected to NATS');
          break;
        case 'error': {
          // A permissions violation names the operation and subject (nats.js `permissionContext`).
          const ctx = s.permissionContext as { operation: string; subject: string; queue?: string } | undefined;
          if (ctx) {
            const inbox = ctx.operation === 'subscription' && ctx.subject.startsWith(`${this.config.natsInboxPrefix}.`);
            this.log.error(
              { err: String(s.data), operation: ctx.operation, subject: ctx.subject, queue: ctx.queue },
              inbox
                ? `NATS denied the reply inbox: allow subscribing to "${this.config.natsInboxPrefix}.>" for this user or set NATS_INBOX_PREFIX to the inbox prefix it may use`
                : `NATS denied ${ctx.operation} to "${ctx.subject}": check this region's NATS permissions`,
            );
          } else {
            this.log.error({ err: String(s.data) }, 'NATS error');
          }
          break;
        }
        default:
          break;
      }
    }
  }
}
