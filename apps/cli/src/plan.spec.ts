import { parseFile, substitute } from './file';
import { planKind, renderPlan, satisfies, stable, summarize } from './plan';
import { maintenance } from './resources/maintenance';
import { monitors } from './resources/monitors';
import { webhooks } from './resources/webhooks';

describe('planKind', () => {
  it('compares maintenance times as instants: a time written without milliseconds is no change, another instant is', () => {
    const existing = [
      {
        id: 'mnt_1',
        identity: 'DB upgrade',
        fields: {
          starts_at: '2026-12-04T10:00:00.000Z',
          ends_at: '2026-12-04T11:00:00.000Z',
          monitor_ids: ['database'],
        },
      },
    ];
    const same = planKind(
      maintenance,
      [{ identity: 'DB upgrade', fields: { starts_at: '2026-12-04T10:00:00Z', ends_at: '2026-12-04T12:00:00+01:00' } }],
      existing,
      false,
    );
    expect(same.map((e) => e.action)).toEqual(['unchanged']);
    const moved = planKind(
      maintenance,
      [{ identity: 'DB upgrade', fields: { ends_at: '2026-12-04T11:30:00Z' } }],
      existing,
      false,
    );
    expect(moved[0]).toMatchObject({ action: 'update', send: { ends_at: '2026-12-04T11:30:00.000Z' } });
  });

  const existing = [
    {
      id: 'mon_1',
      identity: 'web',
      fields: { name: 'Web', check_interval: 60, tags: ['a'], custom_headers: [{ key: 'A', value: 'b' }] },
      masked: { bearer_token: '' },
    },
    { id: 'mon_2', identity: 'db', fields: { name: 'DB' }, masked: { bearer_token: '********' } },
  ];

  it('manages only the fields the file names: unchanged, update field by field, create, unmanaged or delete', () => {
    const desired = [
      { identity: 'web', fields: { name: 'Web', check_interval: 30, custom_headers: [{ value: 'b', key: 'A' }] } },
      { identity: 'new', fields: { name: 'New', bearer_token: 's3cret' } },
    ];
    const plan = planKind(monitors, desired, existing, false);
    expect(plan.map((e) => [e.identity, e.action])).toEqual([
      ['web', 'update'],
      ['new', 'create'],
      ['db', 'unmanaged'],
    ]);
    expect(plan[0].changes).toEqual([{ field: 'check_interval', before: 60, after: 30, sensitive: false }]);
    expect(plan[0].send).toEqual({ check_interval: 30 });
    expect(plan[1].send).toEqual({ slug: 'new', name: 'New', bearer_token: 's3cret' });
    expect(planKind(monitors, desired, existing, true)[2]).toMatchObject({
      identity: 'db',
      action: 'delete',
      id: 'mon_2',
    });
    const text = renderPlan(plan);
    expect(text).toContain('    + bearer_token: (sensitive)');
    expect(text).not.toContain('s3cret');
    expect(summarize(plan)).toEqual({ create: 1, update: 1, delete: 0, unchanged: 0, unmanaged: 1 });
  });

  it('compares a write-only field by set / not set only (the API masks it)', () => {
    const same = planKind(monitors, [{ identity: 'db', fields: { bearer_token: 'another' } }], existing, false);
    expect(same[0].action).toBe('unchanged');
    const cleared = planKind(monitors, [{ identity: 'db', fields: { bearer_token: '' } }], existing, false);
    expect(cleared[0].changes).toEqual([
      { field: 'bearer_token', before: '(set)', after: '(not set)', sensitive: true },
    ]);
  });

  it('matches webhooks by normalised url and never updates the create-only secret', () => {
    const plan = planKind(
      webhooks,
      [
        {
          identity: 'https://h.example',
          fields: { url: 'https://h.example', secret: 'whsec_x', events: ['monitor.down'] },
        },
      ],
      [
        {
          id: 'whk_1',
          identity: 'https://h.example/',
          fields: { url: 'https://h.example/', events: ['monitor.down'] },
        },
      ],
      false,
    );
    expect(plan).toHaveLength(1);
    expect(plan[0].action).toBe('unchanged');
  });

  it('satisfies(): a declared object names the keys it manages, also inside arrays (server defaults are not changes)', () => {
    expect(satisfies([{ slug: 'web', monitor_ids: ['a'] }], [{ slug: 'web', order: 0, monitor_ids: ['a'] }])).toBe(
      true,
    );
    expect(satisfies([{ slug: 'web', monitor_ids: ['a'] }], [{ slug: 'web', monitor_ids: ['a', 'b'] }])).toBe(false);
    expect(satisfies([{ slug: 'a' }], [{ slug: 'a' }, { slug: 'b' }])).toBe(false);
    expect(satisfies({ a: 1 }, null)).toBe(false);
    expect(satisfies(null, undefined)).toBe(true);
  });

  it('stable() ignores key order, not array order', () => {
    expect(stable({ a: 1, b: [1, 2] })).toBe(stable({ b: [1, 2], a: 1 }));
    expect(stable([1, 2])).not.toBe(stable([2, 1]));
  });
});

describe('parseFile', () => {
  it('substitutes ${ENV}, keeps $${ literal and names an unset variable', () => {
    expect(substitute('Bearer ${T} $${X}', { T: 'tok' }, 'x')).toBe('Bearer tok ${X}');
    expect(() => substitute('${NOPE}', {}, 'monitors[0].bearer_token')).toThrow(
      'monitors[0].bearer_token: environment variable NOPE is not set',
    );
  });

  it('refuses unknown keys, fields, missing identity and duplicates', () => {
    const kinds = [monitors, webhooks];
    expect(() => parseFile('monitorz: []', kinds, {})).toThrow('unknown top-level key "monitorz"');
    expect(() => parseFile('monitors:\n  - name: A', kinds, {})).toThrow('monitors[0]: slug is required');
    expect(() => parseFile('monitors:\n  - slug: a\n    nam: A', kinds, {})).toThrow('unknown field "nam"');
    expect(() => parseFile('webhooks:\n  - url: https://a.example\n  - url: https://a.example/', kinds, {})).toThrow(
      'declared twice',
    );
    const ok = parseFile('version: 1\nmonitors:\n  - slug: a\n    name: A\n    check_interval: 30', kinds, {});
    expect(ok.get('monitors')).toEqual([{ identity: 'a', fields: { name: 'A', check_interval: 30 } }]);
  });
});
