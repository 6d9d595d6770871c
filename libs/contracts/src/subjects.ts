/**
 * Every NATS subject, stream and consumer name Parallax uses. Nothing else in the
 * code base spells a subject: both apps call `natsNames(prefix)`.
 *
 * The prefix (default `parallax`) lets several installations, or several test
 * suites, share one NATS server without seeing each other's traffic.
 */
export const DEFAULT_NATS_PREFIX = 'parallax';

/** Region ids become subject tokens, so they may not contain `.`, `*`, `>` or spaces. */
export const REGION_ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,62})$/;
export const NATS_PREFIX_PATTERN = /^[a-z0-9][a-z0-9_-]{0,62}$/i;

export function isValidRegionId(region: string): boolean {
  return REGION_ID_PATTERN.test(region);
}

export function natsNames(prefix: string = DEFAULT_NATS_PREFIX) {
  if (!NATS_PREFIX_PATTERN.test(prefix)) {
    throw new Error(`invalid NATS prefix "${prefix}": letters, digits, "-" and "_" only`);
  }
  const upper = prefix.toUpperCase().replace(/-/g, '_');
  return {
    /** Core NATS: the control plane publishes one job per region and round here. */
    jobs: (region: string) => `${prefix}.jobs.${region}`,
    /** Queue group that a region's probes share, so each job runs once per region. */
    jobsQueue: (region: string) => `${prefix}-probes-${region}`,
    /** JetStream: probes publish results here; `Nats-Msg-Id` = `<job id>.<region>`. */
    results: (region: string) => `${prefix}.results.${region}`,
    resultsWildcard: `${prefix}.results.*`,
    /**
     * JetStream: one results stream per region, capturing only `results(region)`: each has
     * its own byte limit (a region that floods fills its own stream, never another's) and
     * its own duplicate window.
     */
    regionResultsStream: (region: string) => `${upper}_RESULTS_${region.toUpperCase().replace(/-/g, '_')}`,
    /**
     * The single stream of every region that came before the per-region streams (and the
     * probe tests' stand-in for them). The control plane moves it off the results
     * subjects, drains its consumer, then deletes it.
     */
    resultsStream: `${upper}_RESULTS`,
    /** Subject the old single stream is moved to while it is drained (nothing publishes there). */
    legacyResultsSubject: `${prefix}.results-legacy.drain`,
    /** Durable pull consumer (on each results stream) shared by every control-plane replica. */
    resultsConsumer: `${prefix}-control-plane`,
    /**
     * Core NATS request/reply: the control plane asks a region's probes to run a tool
     * (MTR) and one of them (queue group `jobsQueue(region)`) answers. Per region, so
     * least-privilege credentials let a probe take (and answer) its own region's only.
     */
    tools: (region: string) => `${prefix}.tools.${region}`,
    toolsWildcard: `${prefix}.tools.*`,
    /** Core NATS: probes announce themselves every few seconds. */
    presence: (region: string) => `${prefix}.presence.${region}`,
    presenceWildcard: `${prefix}.presence.*`,
    /**
     * The inbox prefix of a region's probes (replies to their JetStream publishes arrive
     * under `<inbox>.>`). One per region, so least-privilege NATS credentials can let a
     * probe read its own region's replies only (docs/nats-security.md).
     */
    probeInboxPrefix: (region: string) => `_INBOX.${prefix}.${region}`,
    /** The region token of a results/presence/jobs subject, or null when it is not ours. */
    regionOf: (subject: string): string | null => {
      const parts = subject.split('.');
      if (parts.length !== 3 || parts[0] !== prefix) return null;
      return parts[2];
    },
  } as const;
}

export type NatsNames = ReturnType<typeof natsNames>;

/** Id of one (monitor, round) job; every region of the round shares it. */
export function jobId(monitorId: string, round: number): string {
  return `${monitorId}.${round}`;
}

/**
 * The JetStream de-duplication id of a result: `<job id>.<region>.<tag>`, where the tag is
 * the job's `result_tag` (a MAC of job and region by the control plane, sent only on that
 * region's job subject). All regions share one stream and so one duplicate window: with a
 * guessable id, a region's credentials could publish `<job>.<other region>` first and have
 * the other region's real result dropped as a duplicate. A region cannot read another's
 * jobs, so it cannot learn its tag. Without a tag (a job of an older control plane) the id
 * is `<job id>.<region>`.
 */
export function resultMsgId(job: string, region: string, tag?: string): string {
  return tag ? `${job}.${region}.${tag}` : `${job}.${region}`;
}
