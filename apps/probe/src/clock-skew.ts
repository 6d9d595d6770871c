/**
 * The probe's clock against the control plane's (item 5 of issue 11).
 *
 * Every job carries `sent_at` (the control plane's clock when it was published). On
 * arrival, `local receive − sent_at` is the probe's clock skew plus the message's transit
 * time, which is never negative. The smallest of the last `window` samples is therefore
 * the tightest estimate of the skew: a slow delivery (a busy event loop, a probe that
 * was stopped, a queued backlog) only makes a sample larger, never smaller, and is
 * ignored; a clock step is followed after `window` jobs at most.
 */
export const SKEW_WINDOW = 32;

export class SkewEstimator {
  private readonly samples: number[] = [];
  private next = 0;

  constructor(private readonly window: number = SKEW_WINDOW) {
    if (!Number.isInteger(window) || window < 1) throw new RangeError('window must be a positive integer');
  }

  /** One job received at `receivedAtMs` (probe clock) that was sent at `sentAtMs` (control plane). Non-finite times are ignored. */
  observe(sentAtMs: number, receivedAtMs: number): void {
    if (!Number.isFinite(sentAtMs) || !Number.isFinite(receivedAtMs)) return;
    const sample = receivedAtMs - sentAtMs;
    if (this.samples.length < this.window) this.samples.push(sample);
    else this.samples[this.next] = sample;
    this.next = (this.next + 1) % this.window;
  }

  /** Probe clock − control plane clock, in whole milliseconds; null before the first job. */
  get skewMs(): number | null {
    if (!this.samples.length) return null;
    return Math.round(Math.min(...this.samples));
  }
}

/** What presence reports: the skew when its size exceeds `thresholdMs`, else nothing. */
export function reportedSkew(skewMs: number | null, thresholdMs: number): number | undefined {
  return skewMs !== null && Math.abs(skewMs) > thresholdMs ? skewMs : undefined;
}

/**
 * The last instant (probe clock) a job may start. With `ttl_ms` the countdown starts on
 * arrival, whatever the clocks say; an older control plane's absolute `deadline` is moved
 * onto the probe's clock by the estimated skew.
 */
export function localDeadline(
  job: { deadline: number; ttl_ms?: number },
  receivedAtMs: number,
  skewMs: number | null,
): number {
  if (job.ttl_ms !== undefined) return receivedAtMs + job.ttl_ms;
  return job.deadline + (skewMs ?? 0);
}

/** A probe-clock time as the control plane's clock had it, when the skew is large enough to be reported; else unchanged. */
export function toControlPlaneTime(probeMs: number, skewMs: number | null, thresholdMs: number): number {
  const reported = reportedSkew(skewMs, thresholdMs);
  return reported === undefined ? probeMs : probeMs - reported;
}
