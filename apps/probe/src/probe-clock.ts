import { Inject, Injectable } from '@nestjs/common';
import { PROBE_CONFIG, type ProbeConfig } from './config';
import { reportedSkew, SkewEstimator, toControlPlaneTime } from './clock-skew';

/**
 * The probe's one clock: wall time plus PROBE_CLOCK_OFFSET_MS (0 but in tests that play a
 * probe whose clock is wrong), and its skew against the control plane, learnt from jobs.
 */
@Injectable()
export class ProbeClock {
  private readonly estimator = new SkewEstimator();

  constructor(
    @Inject(PROBE_CONFIG) private readonly config: Pick<ProbeConfig, 'clockOffsetMs' | 'clockSkewThresholdMs'>,
  ) {}

  nowMs(): number {
    return Date.now() + this.config.clockOffsetMs;
  }

  /** A job sent at `sentAt` (ISO, control plane clock) arrives now. */
  observeJob(sentAt: string, receivedAtMs: number): void {
    this.estimator.observe(Date.parse(sentAt), receivedAtMs);
  }

  get skewMs(): number | null {
    return this.estimator.skewMs;
  }

  /** The skew presence reports: set only beyond PROBE_CLOCK_SKEW_THRESHOLD_MS. */
  get reportedSkewMs(): number | undefined {
    return reportedSkew(this.estimator.skewMs, this.config.clockSkewThresholdMs);
  }

  /** Now as the control plane's clock has it (corrected only when the skew is beyond the threshold): results' `started_at`. */
  controlPlaneNowMs(): number {
    return toControlPlaneTime(this.nowMs(), this.estimator.skewMs, this.config.clockSkewThresholdMs);
  }
}
