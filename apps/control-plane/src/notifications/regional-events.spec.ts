import { MONITOR_CHANNEL_EVENTS } from './fan-out';
import { regionalEvents } from './regional-events';

describe('regionalEvents', () => {
  it('opening: monitor.degraded (to the monitor channels too), then incident.created; never monitor.down', () => {
    expect(regionalEvents('open')).toEqual(['monitor.degraded', 'incident.created']);
    expect(MONITOR_CHANNEL_EVENTS.has('monitor.degraded')).toBe(true);
  });
  it('resolving: incident.resolved only', () => {
    expect(regionalEvents('resolved')).toEqual(['incident.resolved']);
  });
  it('neither ever raises monitor.down', () => {
    expect([...regionalEvents('open'), ...regionalEvents('resolved')]).not.toContain('monitor.down');
  });
});
