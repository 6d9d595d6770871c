import {
  hashPingToken,
  heartbeatSummary,
  heartbeatFieldErrors,
  heartbeatMinInterval,
  judgeHeartbeat,
  newPingToken,
  nextExpectedBy,
  pingChanges,
  pingNeedsCheck,
  pingTokenMatches,
  pingUrl,
  runDurationMs,
} from './heartbeat-rules';

const T0 = Date.UTC(2026, 10, 23, 12, 0, 0);
const s = (over: Partial<Parameters<typeof judgeHeartbeat>[0]> = {}) => ({
  expectedByMs: T0 + 300_000,
  graceSeconds: 60,
  lastPingAtMs: T0,
  lastFailAtMs: null,
  ...over,
});

describe('judgeHeartbeat', () => {
  it('is up while the next ping is not yet due', () => {
    expect(judgeHeartbeat(s(), T0 + 1_000)).toEqual({ outcome: 'up', error: null });
  });

  it('is still up inside the grace period', () => {
    expect(judgeHeartbeat(s(), T0 + 300_000 + 60_000)).toEqual({ outcome: 'up', error: null });
  });

  it('is down one millisecond after interval + grace', () => {
    const v = judgeHeartbeat(s(), T0 + 360_001);
    expect(v.outcome).toBe('down');
    expect(v.error).toContain('heartbeat missed: last ping at 2026-11-23T12:00:00.000Z');
    expect(v.error).toContain('plus 60 s grace');
  });

  it('with no grace, is down right after the expected time', () => {
    expect(judgeHeartbeat(s({ graceSeconds: 0 }), T0 + 300_001).outcome).toBe('down');
    expect(judgeHeartbeat(s({ graceSeconds: 0 }), T0 + 300_000).outcome).toBe('up');
  });

  it('is pending (no data) before the first ping, within the first interval + grace', () => {
    expect(judgeHeartbeat(s({ lastPingAtMs: null }), T0 + 10_000)).toEqual({ outcome: 'no_data', error: null });
  });

  it('is down when the first ping never came', () => {
    const v = judgeHeartbeat(s({ lastPingAtMs: null }), T0 + 400_000);
    expect(v).toEqual({ outcome: 'down', error: expect.stringContaining('no ping received yet') });
  });

  it('is down at once after /fail, even within the interval', () => {
    const v = judgeHeartbeat(s({ lastFailAtMs: T0 + 5_000 }), T0 + 6_000);
    expect(v).toEqual({ outcome: 'down', error: 'the job reported a failure (/fail) at 2026-11-23T12:00:05.000Z' });
  });

  it('a success ping after /fail makes it up again', () => {
    expect(judgeHeartbeat(s({ lastFailAtMs: T0 - 5_000 }), T0 + 1_000).outcome).toBe('up');
  });

  it('/fail before any success ping is down', () => {
    expect(judgeHeartbeat(s({ lastPingAtMs: null, lastFailAtMs: T0 }), T0 + 1).outcome).toBe('down');
  });

  it('/fail at the same instant as a success ping counts as a failure', () => {
    expect(judgeHeartbeat(s({ lastFailAtMs: T0 }), T0 + 1).outcome).toBe('down');
  });
});

describe('heartbeat fields', () => {
  it('accepts the reference ranges', () => {
    expect(heartbeatFieldErrors(60, 0, 60)).toEqual([]);
    expect(heartbeatFieldErrors(86_400, 3_600, 60)).toEqual([]);
  });

  it.each([
    [59, 60, 'heartbeat_interval', 'heartbeat_interval must be between 60 and 86400 seconds'],
    [86_401, 60, 'heartbeat_interval', 'heartbeat_interval must be between 60 and 86400 seconds'],
    [300, -1, 'heartbeat_grace_period', 'heartbeat_grace_period must be between 0 and 3600 seconds'],
    [300, 3_601, 'heartbeat_grace_period', 'heartbeat_grace_period must be between 0 and 3600 seconds'],
  ])('interval %p grace %p: %s', (interval, grace, field, message) => {
    expect(heartbeatFieldErrors(interval, grace, 60)).toEqual([{ field, message }]);
  });

  it('reports both fields at once', () => {
    expect(heartbeatFieldErrors(1, 9_999, 60).map((e) => e.field)).toEqual([
      'heartbeat_interval',
      'heartbeat_grace_period',
    ]);
  });

  it('lowers the floor only when the deployment allows shorter intervals', () => {
    expect(heartbeatMinInterval(60)).toBe(60);
    expect(heartbeatMinInterval(300)).toBe(60);
    expect(heartbeatMinInterval(1)).toBe(1);
    expect(heartbeatFieldErrors(2, 0, heartbeatMinInterval(1))).toEqual([]);
  });
});

describe('timing helpers', () => {
  it('expects the next ping one interval later', () => {
    expect(nextExpectedBy(T0, 300)).toBe(T0 + 300_000);
  });

  it('measures the run between /start and the ping that ends it', () => {
    expect(runDurationMs(T0, T0 + 1_234)).toBe(1_234);
    expect(runDurationMs(null, T0)).toBeNull();
    expect(runDurationMs(T0 + 1, T0)).toBeNull();
  });
});

describe('ping tokens', () => {
  it('are 256-bit base64url strings, different every time', () => {
    const a = newPingToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newPingToken()).not.toBe(a);
  });

  it('match only their own hash', () => {
    const t = newPingToken();
    const h = hashPingToken(t);
    expect(h).not.toContain(t);
    expect(pingTokenMatches(t, h)).toBe(true);
    expect(pingTokenMatches(t.slice(1), h)).toBe(false);
    expect(pingTokenMatches(undefined, h)).toBe(false);
    expect(pingTokenMatches('', h)).toBe(false);
    expect(pingTokenMatches(t, null)).toBe(false);
  });

  it('build the full URL when issued and a masked one afterwards', () => {
    expect(pingUrl('https://status.example.com/', 'hb_1', 'tok', 'tok')).toBe(
      'https://status.example.com/api/ping/hb_1?token=tok',
    );
    expect(pingUrl('https://status.example.com', 'hb_1', null, 'aBcDeFgH')).toBe(
      'https://status.example.com/api/ping/hb_1?token=aBcDeFgH...',
    );
  });
});

describe('heartbeatSummary', () => {
  it('turns a down verdict into a decision whose failure carries the reason', () => {
    const { summary, evidence } = heartbeatSummary({ outcome: 'down', error: 'heartbeat missed' }, 1_500);
    expect(summary.decision).toBe('down');
    expect(summary.firstFailure).toEqual({
      region: 'heartbeat',
      isUp: false,
      statusCode: null,
      responseMs: null,
      error: 'heartbeat missed',
    });
    expect(summary.responseMs).toBeNull();
    expect(summary.failing).toEqual([]);
    expect(evidence).toEqual([]);
  });

  it('an up verdict carries the last run duration as its response time', () => {
    const { summary } = heartbeatSummary({ outcome: 'up', error: null }, 1_500);
    expect(summary).toMatchObject({
      decision: 'up',
      responseMs: 1_500,
      firstFailure: null,
      regionsChecked: 0,
      regionsUp: 0,
    });
  });

  it('no data stays no data', () => {
    expect(heartbeatSummary({ outcome: 'no_data', error: null }, null).summary.decision).toBe('no_data');
  });
});

describe('pingChanges', () => {
  const base = {
    lastPingAt: null,
    lastFailAt: null,
    runStartedAt: null,
    lastRunMs: 7,
    heartbeatExpectedBy: null,
    heartbeatInterval: 300,
    paused: false,
  };

  it('a success ping resets the timer and ends the run with its duration', () => {
    expect(pingChanges({ ...base, runStartedAt: new Date(T0 - 2_500) }, 'success', T0)).toEqual({
      lastPingAt: new Date(T0),
      runStartedAt: null,
      lastRunMs: 2_500,
      heartbeatExpectedBy: new Date(T0 + 300_000),
    });
  });

  it('a success ping without /start has no run duration', () => {
    expect(pingChanges(base, 'success', T0).lastRunMs).toBeNull();
  });

  it('/start only marks the start of the run', () => {
    expect(pingChanges(base, 'start', T0)).toEqual({ runStartedAt: new Date(T0) });
  });

  it('/fail records the failure and the run, and keeps the timer', () => {
    expect(pingChanges({ ...base, runStartedAt: new Date(T0 - 100) }, 'fail', T0)).toEqual({
      lastFailAt: new Date(T0),
      runStartedAt: null,
      lastRunMs: 100,
    });
  });

  it('a paused monitor records a success ping and nothing else', () => {
    expect(pingChanges({ ...base, paused: true }, 'success', T0)).toEqual({ lastPingAt: new Date(T0) });
    expect(pingChanges({ ...base, paused: true }, 'fail', T0)).toEqual({});
    expect(pingChanges({ ...base, paused: true }, 'start', T0)).toEqual({});
  });
});

describe('pingNeedsCheck', () => {
  it.each([
    ['pending', 'success', true],
    ['down', 'success', true],
    ['up', 'success', false],
    ['up', 'fail', true],
    ['pending', 'fail', true],
    ['down', 'fail', false],
    ['up', 'start', false],
    ['down', 'start', false],
  ] as const)('%s + %s → %p', (status, kind, expected) => {
    expect(pingNeedsCheck(status, kind)).toBe(expected);
  });
});
