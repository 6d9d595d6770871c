import { normaliseCustomDomain, planLayout, requestHost } from './status-page-rules';

describe('planLayout', () => {
  it('orders groups by order then as listed, and numbers members across groups then ungrouped', () => {
    const plan = planLayout({
      groups: [
        { slug: 'web', name: 'Web', order: 2, monitor_ids: ['m1'] },
        { slug: 'api', name: 'API', order: 1, monitor_ids: ['m2', 'm3'] },
        { slug: 'db', name: 'DB', order: 2, monitor_ids: [] },
      ],
      monitorIds: ['m4'],
    });
    expect(plan.errors).toEqual([]);
    expect(plan.groups.map((g) => [g.slug, g.position, g.order])).toEqual([
      ['api', 0, 1],
      ['web', 1, 2],
      ['db', 2, 2],
    ]);
    expect(plan.members).toEqual([
      { monitorId: 'm2', groupSlug: 'api', position: 0 },
      { monitorId: 'm3', groupSlug: 'api', position: 1 },
      { monitorId: 'm1', groupSlug: 'web', position: 2 },
      { monitorId: 'm4', groupSlug: null, position: 3 },
    ]);
    expect(plan.refs.map((r) => r.field)).toEqual([
      'groups[0].monitor_ids[0]',
      'groups[1].monitor_ids[0]',
      'groups[1].monitor_ids[1]',
      'monitor_ids[0]',
    ]);
  });

  it('defaults a missing order to the index', () => {
    const plan = planLayout({
      groups: [
        { slug: 'b', name: 'B', monitor_ids: [] },
        { slug: 'a', name: 'A', order: 0, monitor_ids: [] },
      ],
      monitorIds: [],
    });
    expect(plan.groups.map((g) => g.slug)).toEqual(['b', 'a']);
  });

  it('names duplicate group slugs and monitors listed twice', () => {
    const plan = planLayout({
      groups: [
        { slug: 'a', name: 'A', monitor_ids: ['m1'] },
        { slug: 'a', name: 'A2', monitor_ids: ['m2', 'm1'] },
      ],
      monitorIds: ['m2'],
    });
    expect(plan.errors).toEqual([
      { field: 'groups[1].slug', message: 'group slug "a" is used twice' },
      { field: 'groups[1].monitor_ids[1]', message: 'monitor m1 is already listed at groups[0].monitor_ids[0]' },
      { field: 'monitor_ids[0]', message: 'monitor m2 is already listed at groups[1].monitor_ids[0]' },
    ]);
  });
});

describe('normaliseCustomDomain', () => {
  it('lowercases and drops a trailing dot', () => {
    expect(normaliseCustomDomain('Status.Example.COM.', null)).toEqual({ value: 'status.example.com' });
  });
  it.each([
    ['localhost'],
    ['http://status.example.com'],
    ['status.example.com:8080'],
    ['10.0.0.1'],
    ['-bad.example.com'],
    ['a..b'],
    ['sp ace.example.com'],
    ['ex\u0000ample.com'],
    ['é.example.com'],
  ])('refuses %j', (raw) => {
    expect(normaliseCustomDomain(raw, null)).toHaveProperty('error');
  });
  it("refuses the install's own host", () => {
    expect(normaliseCustomDomain('status.example.com', 'status.example.com')).toEqual({
      error: "custom_domain cannot be this install's own host",
    });
  });
});

describe('requestHost', () => {
  it('strips the port and lowercases', () => {
    expect(requestHost('Status.Example.com:8443')).toBe('status.example.com');
    expect(requestHost(undefined)).toBeNull();
    expect(requestHost('[::1]:80')).toBeNull();
  });
});
