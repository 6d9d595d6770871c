import type { PublicGroupView } from '../status-pages/public-page';
import type { DayBar, PublicMaintenance, ShownMonitor } from './public-status.service';
import {
  dayUptime,
  groupDocument,
  groupStats,
  hourlyDocument,
  isSlugId,
  minutesDocument,
  monitorDetailDocument,
  monitorsDocument,
  outageDays,
  parseDateQuery,
  parseMinuteQuery,
  publicStatus,
  uptimeNumber,
} from './valtrogen-monitors';

/** The reference's example responses (valtrogen-public-status-api.txt), `...` elisions filled with one entry of the documented shape. */
const REF = {
  monitors: {
    success: true,
    monitors: [
      {
        id: 'eu-api',
        name: 'EU API Gateway',
        type: 'http',
        status: 'up',
        lastChecked: 1710007200000,
        overallUptime: 99.95,
        responseTime: 142,
        statusCode: 200,
        dailyUptimes: [{ date: '2025-03-10', totalChecks: 1440, successChecks: 1438, uptime: 99.86 }],
      },
    ],
    groups: [{ id: 'europe', name: 'Europe', order: 1 }],
  },
  monitor: {
    success: true,
    monitor: {
      id: 'eu-api',
      name: 'EU API Gateway',
      type: 'http',
      status: 'up',
      overallUptime: 99.95,
      history: [{ date: '2025-03-10', totalChecks: 1440, successChecks: 1440, uptime: 100 }],
      outages: [{ date: '2025-03-05', totalChecks: 1440, successChecks: 1410, uptime: 97.92 }],
    },
    group: { id: 'europe', name: 'Europe' },
    maintenanceLogs: [
      {
        id: 'maintenance-1710000000000',
        title: 'Database Migration – EU Region',
        status: 'completed',
        affectedMonitors: ['eu-api'],
        startTime: 1710000000000,
        endTime: 1710007200000,
        events: [
          {
            id: 'evt-1710000000000-a1b2c',
            timestamp: 1710000000000,
            label: 'Investigating',
            content: 'Elevated latency detected in the EU region.',
          },
        ],
        createdAt: 1710000000000,
        updatedAt: 1710007200000,
      },
    ],
  },
  hourly: {
    success: true,
    hourlyData: [
      { hour: 0, totalChecks: 60, successChecks: 60, uptime: 100 },
      { hour: 1, totalChecks: 60, successChecks: 59, uptime: 98.33 },
    ],
  },
  group: {
    success: true,
    group: { id: 'europe', name: 'Europe', order: 1 },
    monitors: [
      {
        id: 'eu-api',
        name: 'EU API Gateway',
        status: 'up',
        overallUptime: 99.95,
        history: [{ date: '2025-03-10', totalChecks: 1440, successChecks: 1440, uptime: 100 }],
      },
    ],
    stats: { total: 5, up: 4, degraded: 1, down: 0 },
    maintenanceLogs: [] as unknown[],
  },
  minutes: {
    success: true,
    records: [
      { timestamp: 1710000000000, success: true, responseTime: 142, statusCode: 200 },
      { timestamp: 1710000060000, success: false, error: 'ETIMEDOUT' },
    ],
  },
};

/** The shape of a JSON value: key sets (sorted) and leaf types, arrays by their first element; null matches any leaf type only where the reference has null. */
function shape(v: unknown): unknown {
  if (Array.isArray(v)) return v.length ? ['array', shape(v[0])] : ['array'];
  if (v === null) return 'null';
  if (typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v as object)
        .sort()
        .map((k) => [k, shape((v as Record<string, unknown>)[k])]),
    );
  return typeof v;
}

const DAY = 86_400_000;
const days = (n: number, fill: (i: number) => Partial<DayBar> = () => ({})): DayBar[] =>
  Array.from({ length: n }, (_, i) => ({
    day: new Date(Date.UTC(2025, 0, 1) + i * DAY).toISOString().slice(0, 10),
    checks: 1440,
    failures: 0,
    degraded: 0,
    ...fill(i),
  }));

const mon = (over: Partial<ShownMonitor> = {}): ShownMonitor =>
  ({
    id: 'mon_internal1',
    slug: 'eu-api',
    name: 'EU API Gateway',
    type: 'http',
    status: 'up',
    paused: false,
    inMaintenance: false,
    lastChecked: new Date(1710007200000),
    lastResponseMs: 141.6,
    lastStatusCode: 200,
    targetUrl: null,
    groupSlug: 'europe',
    uptime90: { checks: 2000, failures: 1 },
    days: days(90, (i) => (i === 3 ? { failures: 30 } : {})),
    ...over,
  }) as ShownMonitor;

const group: PublicGroupView = { slug: 'europe', name: 'Europe', order: 1, monitors: [] };

const log: PublicMaintenance = {
  id: 'mnt_abc123def456',
  title: 'Database Migration – EU Region',
  description: null,
  status: 'completed',
  monitorSlugs: ['eu-api'],
  monitorNames: ['EU API Gateway'],
  startsAt: new Date(1710000000000),
  endsAt: new Date(1710007200000),
  createdAt: new Date(1710000000000),
  updatedAt: new Date(1710007200000),
  updates: [
    {
      id: 'upd_1',
      at: new Date(1710000000000),
      label: 'Investigating',
      content: 'Elevated latency detected in the EU region.',
      status: null,
    },
  ],
};
const otherLog: PublicMaintenance = { ...log, id: 'mnt_other00000', monitorSlugs: ['us-api'] };

describe('Valtrogen monitors and groups (pure)', () => {
  it("answers /api/monitors in the reference's shape with 90 daily uptimes", () => {
    const doc = monitorsDocument([mon()], [group]);
    expect(shape(doc)).toEqual(shape(REF.monitors));
    expect(doc.monitors[0]).toMatchObject({
      id: 'eu-api',
      status: 'up',
      lastChecked: 1710007200000,
      overallUptime: 99.95,
      responseTime: 142,
      statusCode: 200,
    });
    expect(doc.monitors[0].dailyUptimes).toHaveLength(90);
    expect(doc.monitors[0].dailyUptimes[3]).toEqual({
      date: '2025-01-04',
      totalChecks: 1440,
      successChecks: 1410,
      uptime: 97.91,
    });
    expect(doc.groups).toEqual([{ id: 'europe', name: 'Europe', order: 1 }]);
  });

  it('adds url only when the page shows target URLs, and never the internal id', () => {
    expect(monitorsDocument([mon()], []).monitors[0]).not.toHaveProperty('url');
    expect(monitorsDocument([mon({ targetUrl: 'https://eu.example.com/health' })], []).monitors[0].url).toBe(
      'https://eu.example.com/health',
    );
    expect(JSON.stringify(monitorsDocument([mon()], [group]))).not.toContain('mon_internal1');
    expect(JSON.stringify(monitorDetailDocument(mon(), [group], [log]))).not.toContain('mon_internal1');
  });

  it('keeps nulls for a monitor never checked', () => {
    const m = monitorsDocument(
      [mon({ lastChecked: null, lastResponseMs: null, lastStatusCode: null, uptime90: { checks: 0, failures: 0 } })],
      [],
    ).monitors[0];
    expect(m).toMatchObject({ lastChecked: null, responseTime: null, statusCode: null, overallUptime: 100 });
  });

  it("answers /api/monitors/:monitorId in the reference's shape: history, outages, group, its maintenance logs", () => {
    const doc = monitorDetailDocument(mon(), [group], [log, otherLog]);
    const ref = {
      ...REF.monitor,
      maintenanceLogs: REF.monitor.maintenanceLogs.map((l) => ({ ...l, description: null })),
    };
    // `description` is our addition to a log (null here: the shape compares it as null).
    expect(shape({ ...doc, maintenanceLogs: doc.maintenanceLogs })).toEqual(shape(ref));
    expect(doc.monitor.history).toHaveLength(90);
    expect(doc.monitor.outages).toEqual([
      { date: '2025-01-04', totalChecks: 1440, successChecks: 1410, uptime: 97.91 },
    ]);
    expect(doc.group).toEqual({ id: 'europe', name: 'Europe' });
    expect(doc.maintenanceLogs.map((l) => l.id)).toEqual(['mnt_abc123def456']);
    expect(monitorDetailDocument(mon({ groupSlug: null }), [group], []).group).toBeNull();
  });

  it('answers 24 hourly entries of a date from the hourly rollups', () => {
    const d = Date.UTC(2025, 2, 10);
    const doc = hourlyDocument(d, [
      { bucketStart: new Date(d), checks: 60, failures: 0 },
      { bucketStart: new Date(d + 3_600_000), checks: 60, failures: 1 },
      { bucketStart: new Date(d + 24 * 3_600_000), checks: 60, failures: 60 },
      { bucketStart: new Date(d - 3_600_000), checks: 60, failures: 60 },
    ]);
    expect(shape(doc)).toEqual(shape(REF.hourly));
    expect(doc.hourlyData).toHaveLength(24);
    expect(doc.hourlyData.slice(0, 3)).toEqual([
      REF.hourly.hourlyData[0],
      REF.hourly.hourlyData[1],
      { hour: 2, totalChecks: 0, successChecks: 0, uptime: 100 },
    ]);
    expect(doc.hourlyData.map((h) => h.hour)).toEqual(Array.from({ length: 24 }, (_, i) => i));
  });

  it('answers minute records: successes with response time and status, failures with an error class only', () => {
    const t = 1710000000000;
    const doc = minutesDocument([
      { scheduledAt: new Date(t), outcome: 'up', responseMs: 141.7, statusCode: 200 },
      { scheduledAt: new Date(t + 60_000), outcome: 'down', responseMs: null, statusCode: null },
      { scheduledAt: new Date(t + 120_000), outcome: 'down', responseMs: 40, statusCode: 503 },
      { scheduledAt: new Date(t + 180_000), outcome: 'degraded', responseMs: 90, statusCode: 200 },
    ]);
    expect(shape(doc.records.slice(0, 2))).toEqual(shape(REF.minutes.records.slice(0, 1)));
    expect(Object.keys(doc.records[1]).sort()).toEqual(Object.keys(REF.minutes.records[1]).sort());
    expect(shape(doc.records[1])).toEqual(shape(REF.minutes.records[1]));
    expect(doc.records).toEqual([
      { timestamp: t, success: true, responseTime: 142, statusCode: 200 },
      { timestamp: t + 60_000, success: false, error: 'error' },
      { timestamp: t + 120_000, success: false, error: 'http_5xx' },
      { timestamp: t + 180_000, success: true, responseTime: 90, statusCode: 200 },
    ]);
    const many = Array.from({ length: 70 }, (_, i) => ({
      scheduledAt: new Date(t + i * 1000),
      outcome: 'up' as const,
      responseMs: 1,
      statusCode: 200,
    }));
    expect(minutesDocument(many).records).toHaveLength(60);
  });

  it("answers /api/groups/:groupId in the reference's shape with stats of its members", () => {
    const members = [
      mon(),
      mon({ slug: 'eu-web', status: 'degraded' }),
      mon({ slug: 'eu-db', status: 'down' }),
      mon({ slug: 'eu-cdn', paused: true }),
      mon({ slug: 'us-api', groupSlug: null }),
    ];
    const doc = groupDocument(group, members, [log, otherLog]);
    expect(shape(doc)).toEqual(shape({ ...REF.group, maintenanceLogs: doc.maintenanceLogs }));
    expect(Object.keys(doc.monitors[0]).sort()).toEqual(Object.keys(REF.group.monitors[0]).sort());
    expect(doc.monitors.map((m) => m.id)).toEqual(['eu-api', 'eu-web', 'eu-db', 'eu-cdn']);
    expect(doc.stats).toEqual({ total: 4, up: 1, degraded: 1, down: 1 });
    expect(doc.maintenanceLogs.map((l) => l.id)).toEqual(['mnt_abc123def456']);
    expect(groupDocument(group, [mon({ slug: 'us-api' })], [log]).maintenanceLogs).toEqual([]);
  });

  it('counts group stats by public status', () => {
    expect(groupStats([])).toEqual({ total: 0, up: 0, degraded: 0, down: 0 });
    expect(
      groupStats([
        mon({ status: 'warn' }),
        mon({ status: 'down', inMaintenance: true }),
        mon({ status: 'pending' }),
        mon(),
      ]),
    ).toEqual({ total: 4, up: 1, degraded: 1, down: 0 });
  });

  it('states the public status and uptime numbers', () => {
    expect(publicStatus({ status: 'down', paused: true, inMaintenance: true })).toBe('maintenance');
    expect(publicStatus({ status: 'down', paused: true, inMaintenance: false })).toBe('paused');
    expect(publicStatus({ status: 'degraded', paused: false, inMaintenance: false })).toBe('degraded');
    expect(uptimeNumber(0, 0)).toBe(100);
    expect(uptimeNumber(100000, 1)).toBe(99.99);
    expect(uptimeNumber(3, 3)).toBe(0);
    expect(dayUptime({ day: '2025-03-10', checks: 1440, failures: 2, degraded: 5 })).toEqual({
      date: '2025-03-10',
      totalChecks: 1440,
      successChecks: 1438,
      uptime: 99.86,
    });
    expect(outageDays(days(3))).toEqual([]);
  });

  describe('parameters', () => {
    const today = Date.UTC(2025, 2, 10);
    it('parses monitorId and date', () => {
      expect(parseDateQuery({ monitorId: 'eu-api', date: '2025-03-10' }, today)).toEqual({
        ok: true,
        monitorId: 'eu-api',
        date: '2025-03-10',
        dateMs: today,
      });
      expect(parseDateQuery({ monitorId: 'eu-api', date: '2024-12-10' }, today)).toMatchObject({ ok: true });
      expect(parseMinuteQuery({ monitorId: 'eu-api', date: '2025-03-09', hour: '23' }, today)).toMatchObject({
        ok: true,
        hour: 23,
        dateMs: today - DAY,
      });
      expect(parseMinuteQuery({ monitorId: 'eu-api', date: '2025-03-09', hour: '0' }, today)).toMatchObject({
        ok: true,
        hour: 0,
      });
    });
    it.each([
      [{ date: '2025-03-10' }, 'monitorId'],
      [{ monitorId: '../x', date: '2025-03-10' }, 'monitorId'],
      [{ monitorId: ['a', 'b'], date: '2025-03-10' }, 'monitorId'],
      [{ monitorId: 'eu-api' }, 'date'],
      [{ monitorId: 'eu-api', date: '2025-02-30' }, 'date'],
      [{ monitorId: 'eu-api', date: '10-03-2025' }, 'date'],
      [{ monitorId: 'eu-api', date: '2025-03-11' }, 'date'],
      [{ monitorId: 'eu-api', date: '2024-01-01' }, 'date'],
      [{ monitorId: 'eu-api', date: ['2025-03-10'] }, 'date'],
    ])('refuses %p naming %s', (q, field) => {
      const r = parseDateQuery(q as Record<string, unknown>, today);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error.startsWith(field)).toBe(true);
    });
    it.each([[undefined], ['24'], ['-1'], ['1.5'], ['x'], ['007']])('refuses hour %p', (hour) => {
      const r = parseMinuteQuery({ monitorId: 'eu-api', date: '2025-03-10', hour }, today);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error.startsWith('hour')).toBe(true);
    });
    it('knows slug ids', () => {
      for (const ok of ['eu-api', 'europe', 'a', 'web_1.x']) expect(isSlugId(ok)).toBe(true);
      for (const bad of ['', '-x', '../etc', 'a/b', 'a b', 'x'.repeat(129), 123, null, undefined])
        expect(isSlugId(bad)).toBe(false);
    });
  });
});
