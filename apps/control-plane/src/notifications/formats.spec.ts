import { EVENTS, NotificationPayload, normaliseEvents, statusEvent } from './events';
import { discordMessage, emailMessage, headline, slackMessage, STATUS_COLOURS } from './formats';

const base: NotificationPayload = {
  event: 'monitor.down',
  sequence: 12,
  timestamp: '2026-11-23T10:00:00.000Z',
  monitor: { id: 'mon_1', name: 'Production API', type: 'http', url: 'https://api.example.com/health' },
  status: 'down',
  previous_status: 'up',
  decision: { regions_checked: 3, regions_up: 1, quorum: 2 },
  region_results: [
    { region: 'eu-west', is_up: false, status_code: 503, response_ms: 40, error: 'HTTP 503' },
    {
      region: 'us-east',
      is_up: false,
      status_code: null,
      response_ms: null,
      error: 'connection refused (ECONNREFUSED)',
    },
    { region: 'ap-south', is_up: true, status_code: 200, response_ms: 20, error: null },
  ],
};

describe('events', () => {
  it('expands the reference names and *, and reports unknown ones', () => {
    expect(normaliseEvents(['status_change']).events).toEqual([
      'monitor.down',
      'monitor.up',
      'monitor.degraded',
      'monitor.slow',
      'monitor.warn',
      'monitor.flapping',
      'monitor.stable',
    ]);
    expect(normaliseEvents(['incident_created', 'sla_breach', 'incident.created']).events).toEqual([
      'incident.created',
      'sla.breach',
    ]);
    expect(normaliseEvents(['*']).events).toEqual(EVENTS.filter((e) => e !== 'test' && e !== 'monitor.anomaly'));
    // monitor.anomaly is opt-in: only named, never through '*'.
    expect(normaliseEvents(['*', 'monitor.anomaly']).events).toEqual(EVENTS.filter((e) => e !== 'test'));
    expect(normaliseEvents(['monitor.anomaly']).events).toEqual(['monitor.anomaly']);
    expect(normaliseEvents(['monitor.up', 'test', 'nope'])).toEqual({
      events: ['monitor.up'],
      unknown: ['test', 'nope'],
    });
  });

  it('maps every status but pending to its event', () => {
    expect(statusEvent('down')).toBe('monitor.down');
    expect(statusEvent('up')).toBe('monitor.up');
    expect(statusEvent('degraded')).toBe('monitor.degraded');
    expect(statusEvent('degraded', true)).toBe('monitor.slow');
    expect(statusEvent('down', true)).toBe('monitor.down');
    expect(statusEvent('pending', true)).toBeNull();
    expect(statusEvent('warn')).toBe('monitor.warn');
    expect(statusEvent('pending')).toBeNull();
  });
});

describe('formats', () => {
  it('says what happened in one line for every event', () => {
    expect(headline(base)).toBe('Production API is DOWN (was up)');
    expect(headline({ ...base, event: 'monitor.up', status: 'up', previous_status: 'down' })).toBe(
      'Production API is UP (was down)',
    );
    const incident = {
      id: 'inc_1',
      started_at: base.timestamp,
      resolved_at: null,
      duration_seconds: 95,
      affected_regions: ['eu-west'],
    };
    expect(headline({ ...base, event: 'incident.created', incident })).toBe('Incident opened: Production API is down');
    expect(headline({ ...base, event: 'incident.resolved', incident })).toBe(
      'Incident resolved: Production API is back up after 95s',
    );
    expect(
      headline({ ...base, event: 'sla.breach', sla: { target_percent: 99.9, window_days: 30, uptime_percent: 99.5 } }),
    ).toBe('SLA breach: Production API at 99.500% over 30 days (target 99.9%)');
    expect(headline({ ...base, event: 'test', monitor: null, message: 'hello' })).toBe('hello');
    const regional = { incident_id: 'inc_r', state: 'open' as const, affected_regions: ['eu-west'], rounds: 3 };
    expect(
      headline({ ...base, event: 'monitor.degraded', status: 'degraded', previous_status: 'degraded', regional }),
    ).toBe('Production API is DEGRADED in eu-west: failing 3 consecutive rounds (regional incident)');
    const flapping = { since: base.timestamp, changes: 6, window_seconds: 3600, collapsed: 12 };
    expect(headline({ ...base, event: 'monitor.flapping', status: 'up', flapping })).toBe(
      'Production API is FLAPPING (6 changes in 60 min): alerts paused until it is stable',
    );
    expect(headline({ ...base, event: 'monitor.stable', status: 'down', flapping })).toBe(
      'Production API is stable again: DOWN (12 alerts collapsed while flapping)',
    );
    expect(headline({ ...base, reminder: { count: 2 }, previous_status: 'down' })).toBe(
      'Reminder #2: Production API is still DOWN',
    );
    expect(emailMessage({ ...base, rate_limited: { collapsed: 3 } }).text).toContain(
      'Rate limited: 3 earlier notification(s) not sent (rate limit)',
    );
    const anomaly = {
      id: 'ano_1',
      state: 'open' as const,
      region: 'eu-west',
      metric: 'p95_ms',
      observed: 412.5,
      expected: { value: 120, lower: 90, upper: 150 },
      started_at: base.timestamp,
      ended_at: null,
    };
    expect(headline({ ...base, event: 'monitor.anomaly', anomaly })).toBe(
      'Anomaly: Production API p95_ms in eu-west at 412.5 (expected 90–150)',
    );
    expect(
      headline({
        ...base,
        event: 'monitor.anomaly',
        anomaly: { ...anomaly, state: 'closed', ended_at: base.timestamp },
      }),
    ).toBe('Anomaly over: Production API p95_ms in eu-west is back in its band');
  });

  it('Slack: text fallback, header, fields with the decision and failing regions, event context', () => {
    const m = slackMessage(base) as { text: string; blocks: any[] };
    expect(m.text).toBe('Production API is DOWN (was up)');
    expect(m.blocks.map((b) => b.type)).toEqual(['header', 'section', 'context']);
    const fields = m.blocks[1].fields.map((f: { text: string }) => f.text);
    expect(fields).toContain('*Regions up*\n1/3 (quorum 2)');
    expect(fields.find((f: string) => f.startsWith('*Failing*'))).toBe(
      '*Failing*\neu-west: HTTP 503\nus-east: connection refused (ECONNREFUSED)',
    );
    expect(m.blocks[2].elements[0].text).toBe('event `monitor.down` · #12');
  });

  it('Discord: one embed coloured by status (event colour for incidents and SLA)', () => {
    const colour = (p: NotificationPayload) => (discordMessage(p) as { embeds: { color: number }[] }).embeds[0].color;
    expect(colour(base)).toBe(STATUS_COLOURS.down);
    expect(colour({ ...base, event: 'monitor.up', status: 'up' })).toBe(STATUS_COLOURS.up);
    expect(colour({ ...base, event: 'monitor.degraded', status: 'degraded' })).toBe(STATUS_COLOURS.degraded);
    expect(colour({ ...base, event: 'monitor.warn', status: 'warn' })).toBe(STATUS_COLOURS.warn);
    expect(colour({ ...base, event: 'incident.resolved', status: 'up' })).toBe(STATUS_COLOURS.up);
    const e = (discordMessage(base) as { embeds: any[] }).embeds[0];
    expect(e).toMatchObject({
      title: 'Production API is DOWN (was up)',
      timestamp: base.timestamp,
      url: 'https://api.example.com/health',
      footer: { text: 'Parallax · monitor.down · #12' },
    });
  });

  it('email: subject without line breaks, plain-text body with the details', () => {
    const m = emailMessage({ ...base, monitor: { ...base.monitor!, name: 'evil\r\nBcc: x@y' } });
    expect(m.subject).toBe('[Parallax] evil Bcc: x@y is DOWN (was up)');
    const plain = emailMessage(base);
    expect(plain.text).toContain('Regions up: 1/3 (quorum 2)');
    expect(plain.text).toContain('Event: monitor.down (#12)');
  });
});
