import { createServer, IncomingHttpHeaders, Server } from 'node:http';

export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** What the receiver answered (a status), or `hang` (never answered). */
  answered: number | 'hang';
  at: number;
}

/** How the receiver answers the n-th request (0-based) to a path: a status, or `hang` (never answer). */
export type Answer = (req: { path: string; body: string }, nth: number) => number | 'hang';

/**
 * A real HTTP receiver on loopback for notification tests: it records every request
 * (path, headers, raw body) and answers as the test decides per path, so one receiver
 * serves many endpoints (`url('/a')`, `url('/b')`).
 */
export class WebhookReceiver {
  readonly received: ReceivedRequest[] = [];
  private readonly answers = new Map<string, Answer>();
  private readonly counts = new Map<string, number>();
  private server?: Server;
  port = 0;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = (req.url ?? '/').split('?')[0];
        const body = Buffer.concat(chunks).toString('utf8');
        const nth = this.counts.get(path) ?? 0;
        this.counts.set(path, nth + 1);
        const answer = (this.answers.get(path) ?? (() => 204))({ path, body }, nth);
        this.received.push({ path, headers: req.headers, body, answered: answer, at: Date.now() });
        if (answer === 'hang') return;
        res.writeHead(answer, { 'content-type': 'text/plain' });
        res.end(answer >= 200 && answer < 300 ? '' : `answer ${answer}`);
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.port = (this.server.address() as { port: number }).port;
  }

  /** Sets how `path` answers (default: 204 to everything). */
  answer(path: string, fn: Answer): void {
    this.answers.set(path, fn);
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** Requests to `path` that were answered with a 2xx, in arrival order. */
  delivered(path: string): ReceivedRequest[] {
    return this.received.filter(
      (r) => r.path === path && typeof r.answered === 'number' && r.answered >= 200 && r.answered < 300,
    );
  }

  /** Every request to `path` in arrival order. */
  to(path: string): ReceivedRequest[] {
    return this.received.filter((r) => r.path === path);
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((r) => this.server?.close(r));
  }
}
