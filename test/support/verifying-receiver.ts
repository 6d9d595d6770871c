import { createServer, Server } from 'node:http';
import { Webhook } from 'standardwebhooks';

/** One request the receiver accepted (signature valid, answered 204). */
export interface AcceptedWebhook {
  id: string;
  event: string;
  monitorId: string | null;
  sequence: number | null;
  at: number;
}

/**
 * A webhook consumer as a real one is written: an HTTP server on loopback that checks each
 * request's Standard Webhooks signature with the published `standardwebhooks` library and
 * answers 401 to a request that does not verify (the sender then gives up on it, so a bad
 * signature shows up as a lost notification), 204 otherwise. It counts accepted requests
 * by `webhook-id`: an id counted twice is a duplicate delivery.
 */
export class VerifyingWebhookReceiver {
  readonly accepted: AcceptedWebhook[] = [];
  /** Accepted requests per webhook-id. */
  readonly counts = new Map<string, number>();
  /** Requests refused because their signature did not verify (or no secret was set yet). */
  rejected = 0;
  private verifier?: Webhook;
  private server?: Server;
  port = 0;

  /** The webhook's `whsec_…` secret (answered once, when the webhook is created). */
  set secret(secret: string) {
    this.verifier = new Webhook(secret);
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const header = (name: string) => String(req.headers[name] ?? '');
        let payload: { event?: string; monitor?: { id?: string } | null; sequence?: number | null };
        try {
          if (!this.verifier) throw new Error('no secret');
          payload = this.verifier.verify(body, {
            'webhook-id': header('webhook-id'),
            'webhook-timestamp': header('webhook-timestamp'),
            'webhook-signature': header('webhook-signature'),
          }) as typeof payload;
        } catch {
          this.rejected++;
          res.writeHead(401).end('signature does not verify');
          return;
        }
        const id = header('webhook-id');
        this.counts.set(id, (this.counts.get(id) ?? 0) + 1);
        this.accepted.push({
          id,
          event: String(payload.event),
          monitorId: payload.monitor?.id ?? null,
          sequence: payload.sequence ?? null,
          at: Date.now(),
        });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.port = (this.server.address() as { port: number }).port;
  }

  url(path = '/hook'): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** Ids accepted more than once, with how many extra requests each. */
  duplicates(): number {
    let extra = 0;
    for (const n of this.counts.values()) if (n > 1) extra += n - 1;
    return extra;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((r) => this.server?.close(r));
  }
}
