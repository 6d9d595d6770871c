import { createServer, Server } from 'node:http';

/**
 * A local check target whose answer depends on the probe's region, read from the
 * User-Agent `Parallax/<version> (region=<id>)`.
 */
export class RegionalTarget {
  readonly failing = new Set<string>();
  /** Regions that fail only their next n checks (a blip), then answer as before. */
  readonly failNext = new Map<string, number>();
  /** Failing answers served, per region. */
  readonly failuresServed = new Map<string, number>();
  delayMs = 0;
  readonly hits = new Map<string, number>();
  readonly userAgents = new Set<string>();
  /** Requests received and requests answered, in total and per region: the checks in flight are the difference. */
  started = 0;
  finished = 0;
  private readonly inFlightByRegion = new Map<string, number>();
  private server?: Server;
  port = 0;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const ua = req.headers['user-agent'] ?? '';
      this.userAgents.add(ua);
      const region = /region=([a-z0-9-]+)/.exec(ua)?.[1] ?? 'unknown';
      this.hits.set(region, (this.hits.get(region) ?? 0) + 1);
      this.started += 1;
      this.inFlightByRegion.set(region, (this.inFlightByRegion.get(region) ?? 0) + 1);
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        this.finished += 1;
        this.inFlightByRegion.set(region, this.inFlightByRegion.get(region)! - 1);
      };
      // Answered, or given up by the client (a check's timeout, a killed probe).
      res.once('finish', finish);
      res.once('close', finish);
      const blip = (this.failNext.get(region) ?? 0) > 0;
      if (blip) this.failNext.set(region, this.failNext.get(region)! - 1);
      setTimeout(() => {
        if (blip || this.failing.has(region)) {
          this.failuresServed.set(region, (this.failuresServed.get(region) ?? 0) + 1);
          res.writeHead(503, { 'content-type': 'text/plain' });
          res.end(`Service Unavailable in ${region}`);
        } else {
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.end(`Welcome from ${region}`);
        }
      }, this.delayMs);
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.port = (this.server.address() as { port: number }).port;
  }

  /** Checks waiting for their answer now (`region`: from that region only). */
  inFlight(region?: string): number {
    return region === undefined ? this.started - this.finished : (this.inFlightByRegion.get(region) ?? 0);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/health`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((r) => this.server?.close(r));
  }
}
