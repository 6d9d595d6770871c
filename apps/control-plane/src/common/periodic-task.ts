import { Logger } from '@nestjs/common';

/**
 * Runs `work` again and again: at once when it reports more to do, else after
 * `intervalMs`. A failing pass is logged and retried on the next interval.
 * `stop()` waits for the pass in progress.
 */
export class PeriodicTask {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly logger: Logger,
    private readonly what: string,
    private readonly intervalMs: number,
    private readonly work: () => Promise<boolean>,
  ) {}

  start(delayMs = 0): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.work()
        .then((more) => this.start(more ? 0 : this.intervalMs))
        .catch((err) => {
          this.logger.error({ err }, `${this.what} failed`);
          this.start(this.intervalMs);
        });
    }, delayMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }
}
