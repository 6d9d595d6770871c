import { barLevel, dayLabel, errorClass, esc, overallStatus, sparklinePoints, uptimePercentText } from './page-rules';

const m = (status: string, paused = false) => ({ status, paused });

describe('overallStatus', () => {
  it.each([
    [[m('up'), m('up')], 'operational'],
    [[m('up'), m('degraded')], 'degraded'],
    [[m('warn')], 'degraded'],
    [[m('up'), m('down')], 'partial_outage'],
    [[m('down'), m('down')], 'major_outage'],
    [[m('down')], 'major_outage'],
    [[m('down'), m('up', true)], 'major_outage'],
    [[m('pending')], 'operational'],
    [[], 'operational'],
  ] as const)('%j → %s', (ms, expected) => {
    expect(overallStatus([...ms])).toBe(expected);
  });
  it('reports maintenance when the only trouble is under maintenance', () => {
    expect(overallStatus([{ status: 'down', paused: false, inMaintenance: true }, m('up')])).toBe('maintenance');
    expect(overallStatus([{ status: 'down', paused: false, inMaintenance: true }, m('down')])).toBe('major_outage');
  });
});

describe('bars', () => {
  it('levels by uptime, no data distinct', () => {
    expect([barLevel(0, 0), barLevel(1000, 1), barLevel(1000, 5), barLevel(100, 4), barLevel(100, 6)]).toEqual([
      'none',
      'ok',
      'minor',
      'major',
      'critical',
    ]);
  });
  it('labels with date, uptime and outage minutes', () => {
    expect(dayLabel('2026-11-30', 1440, 1, 60)).toBe('2026-11-30: 99.93 % uptime, 1 minute of outage');
    expect(dayLabel('2026-11-30', 1440, 0, 60)).toBe('2026-11-30: 100.00 % uptime, no outage');
    expect(dayLabel('2026-11-29', 0, 0, 60)).toBe('2026-11-29: no data');
    expect(dayLabel('2026-11-28', 288, 12, 300)).toBe('2026-11-28: 95.83 % uptime, 60 minutes of outage');
    expect(uptimePercentText(100000, 1)).toBe('99.99');
  });
});

describe('errorClass', () => {
  it.each([
    ['connect ECONNREFUSED 10.0.0.5:443', null, 'connection_refused'],
    ['request timed out after 10000 ms', null, 'timeout'],
    ['getaddrinfo ENOTFOUND internal.corp', null, 'dns'],
    ['certificate has expired', null, 'tls'],
    ['expected status 200, got 503', 503, 'http_5xx'],
    ['expected status 200, got 404', 404, 'http_4xx'],
    ['keyword "Welcome" not found', 200, 'assertion'],
    ['json assertion data.ok equals true failed', 200, 'assertion'],
    ['no ping within interval + grace', null, 'missed_heartbeat'],
    [null, 500, 'http_5xx'],
    ['something odd', null, 'error'],
  ] as const)('%j → %s', (msg, code, expected) => {
    expect(errorClass(msg, code)).toBe(expected);
  });
});

describe('sparklinePoints and esc', () => {
  it('scales into the box and skips gaps', () => {
    expect(sparklinePoints([10, null, 20], 100, 20)).toBe('0.0,18.0 100.0,2.0');
    expect(sparklinePoints([10, null], 100, 20)).toBeNull();
  });
  it('escapes markup', () => {
    expect(esc(`<script>"x"&'y'</script>`)).toBe('&lt;script&gt;&quot;x&quot;&amp;&#39;y&#39;&lt;/script&gt;');
  });
});
