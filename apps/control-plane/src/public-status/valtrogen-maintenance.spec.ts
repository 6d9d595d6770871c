import type { PublicMaintenance, ShownMonitor } from './public-status.service';
import { isMaintenanceId, maintenanceLog, monitorDetails, parseLogQuery } from './valtrogen-maintenance';

const m: PublicMaintenance = {
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

describe('Valtrogen maintenance logs (pure)', () => {
  it("maps a maintenance to the reference's log shape", () => {
    expect(maintenanceLog(m)).toEqual({
      id: 'mnt_abc123def456',
      title: 'Database Migration – EU Region',
      description: null,
      status: 'completed',
      affectedMonitors: ['eu-api'],
      startTime: 1710000000000,
      endTime: 1710007200000,
      events: [
        {
          id: 'upd_1',
          timestamp: 1710000000000,
          label: 'Investigating',
          content: 'Elevated latency detected in the EU region.',
        },
      ],
      createdAt: 1710000000000,
      updatedAt: 1710007200000,
    });
  });

  it('details the affected monitors of the page by slug', () => {
    const shown = (over: Partial<ShownMonitor>) =>
      ({
        slug: 'eu-api',
        name: 'EU API Gateway',
        status: 'up',
        paused: false,
        inMaintenance: false,
        uptime90: { checks: 2000, failures: 1 },
        lastChecked: new Date(1710007200000),
        ...over,
      }) as ShownMonitor;
    expect(monitorDetails(m, [shown({})])).toEqual({
      'eu-api': { name: 'EU API Gateway', status: 'up', overallUptime: 99.95, lastChecked: 1710007200000 },
    });
    expect(
      monitorDetails(m, [shown({ inMaintenance: true, uptime90: { checks: 0, failures: 0 }, lastChecked: null })])[
        'eu-api'
      ],
    ).toEqual({ name: 'EU API Gateway', status: 'maintenance', overallUptime: 100, lastChecked: null });
    expect(monitorDetails(m, [shown({ paused: true })])['eu-api'].status).toBe('paused');
    expect(monitorDetails(m, [shown({ slug: 'other' })])).toEqual({});
  });

  it('parses status, limit and offset, with defaults', () => {
    expect(parseLogQuery({})).toEqual({ ok: true, status: undefined, limit: 50, offset: 0 });
    expect(parseLogQuery({ status: 'in_progress', limit: '100', offset: '20' })).toEqual({
      ok: true,
      status: 'in_progress',
      limit: 100,
      offset: 20,
    });
    expect(parseLogQuery({ limit: '1' })).toMatchObject({ ok: true, limit: 1 });
  });

  it.each([
    [{ status: 'exploded' }, 'status'],
    [{ status: ['scheduled', 'completed'] }, 'status'],
    [{ limit: '0' }, 'limit'],
    [{ limit: '101' }, 'limit'],
    [{ limit: '1.5' }, 'limit'],
    [{ limit: '-1' }, 'limit'],
    [{ limit: 'ten' }, 'limit'],
    [{ offset: '-1' }, 'offset'],
    [{ offset: '1e3' }, 'offset'],
    [{ offset: '10000001' }, 'offset'],
    [{ offset: ['1', '2'] }, 'offset'],
  ])('refuses %p naming %s', (q, field) => {
    const r = parseLogQuery(q as Record<string, unknown>);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.startsWith(field)).toBe(true);
  });

  it('knows maintenance ids', () => {
    expect(isMaintenanceId('mnt_7h2k9d0q3m1x8v4b')).toBe(true);
    for (const bad of [
      'maintenance-1710000000000',
      'mnt_',
      'mnt_ABC123',
      'inc_7h2k9d0q3m1x8v4b',
      'mnt_7h2k9d0q3m1x8v4b/../x',
      123,
      null,
    ])
      expect(isMaintenanceId(bad)).toBe(false);
  });
});
