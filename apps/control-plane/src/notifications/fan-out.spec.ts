import { EVENTS, EventName, NotifiedStatus } from './events';
import { fanOut, heldNotification, MONITOR_CHANNEL_EVENTS, OwnChannels, raisedEvents, subscribes } from './fan-out';

const STATUSES: NotifiedStatus[] = ['pending', 'up', 'degraded', 'down', 'warn'];

describe('raisedEvents (pure)', () => {
  it('latency-degraded: a change to degraded by slowness alone is monitor.slow, and the monitor channels get it', () => {
    expect(
      raisedEvents({
        previous: 'up',
        to: 'degraded',
        incidentOpened: false,
        incidentResolved: false,
        slaBreached: false,
        slow: true,
      }),
    ).toEqual(['monitor.slow']);
    expect(
      raisedEvents({
        previous: 'degraded',
        to: 'degraded',
        incidentOpened: false,
        incidentResolved: false,
        slaBreached: false,
        slow: true,
      }),
    ).toEqual([]);
    expect(
      raisedEvents({
        previous: 'up',
        to: 'down',
        incidentOpened: true,
        incidentResolved: false,
        slaBreached: false,
        slow: true,
      }),
    ).toEqual(['monitor.down', 'incident.created']);
    expect(MONITOR_CHANNEL_EVENTS.has('monitor.slow')).toBe(true);
  });

  it('matches the rule for every previous × new status × incident opened/resolved × SLA breached', () => {
    let cases = 0;
    for (const previous of STATUSES) {
      for (const to of STATUSES) {
        for (const incidentOpened of [false, true]) {
          for (const incidentResolved of [false, true]) {
            for (const slaBreached of [false, true]) {
              const want: EventName[] = [];
              if (previous !== to && to !== 'pending') want.push(`monitor.${to}` as EventName);
              if (incidentOpened) want.push('incident.created');
              if (incidentResolved) want.push('incident.resolved');
              if (slaBreached) want.push('sla.breach');
              expect(raisedEvents({ previous, to, incidentOpened, incidentResolved, slaBreached })).toEqual(want);
              cases++;
            }
          }
        }
      }
    }
    expect(cases).toBe(200);
  });
});

describe('subscribes (pure)', () => {
  it('a webhook gets what it names; flapping and stable also when it names any status event, never otherwise', () => {
    const statusEvents = ['monitor.down', 'monitor.up', 'monitor.degraded', 'monitor.slow', 'monitor.warn'];
    for (const event of EVENTS) {
      for (const named of [...EVENTS, ...statusEvents.map((e) => e)]) {
        const want =
          named === event ||
          ((event === 'monitor.flapping' || event === 'monitor.stable') && statusEvents.includes(named));
        expect({ event, named, got: subscribes([named], event) }).toEqual({ event, named, got: want });
      }
      expect(subscribes([], event)).toBe(false);
    }
  });
});

describe('fanOut (pure)', () => {
  const none: OwnChannels = { monitorId: 'mon_1', webhookUrl: null, slack: null, discord: null, email: null };
  const all: OwnChannels = {
    monitorId: 'mon_1',
    webhookUrl: 'https://h/own',
    slack: 'https://h/slack',
    discord: 'https://h/discord',
    email: 'ops@example.com',
  };
  const hooks = [
    { id: 'whk_all', url: 'https://h/all', events: EVENTS.filter((e) => e !== 'test') },
    { id: 'whk_down', url: 'https://h/down', events: ['monitor.down'] },
    { id: 'whk_inc', url: 'https://h/inc', events: ['incident.created', 'incident.resolved'] },
  ];

  it('sends every event to each subscribed webhook and the monitor.* events and sla.breach to every set own channel, for every event × subset of own channels', () => {
    const fields = ['webhookUrl', 'slack', 'discord', 'email'] as const;
    const channels = { webhookUrl: 'monitor_webhook', slack: 'slack', discord: 'discord', email: 'email' } as const;
    for (const event of EVENTS) {
      for (let mask = 0; mask < 16; mask++) {
        const own: OwnChannels = { ...none };
        fields.forEach((f, i) => mask & (1 << i) && (own[f] = all[f]));
        const rows = fanOut([event], hooks, own);
        const want = [
          ...hooks
            .filter(
              (h) =>
                h.events.includes(event) ||
                (/^monitor\.(flapping|stable)$/.test(event) && h.events.includes('monitor.down')),
            )
            .map((h) => ({
              eventIndex: 0,
              event,
              channel: 'webhook',
              destination: h.id,
              webhookId: h.id,
              target: h.url,
            })),
          ...(MONITOR_CHANNEL_EVENTS.has(event)
            ? fields
                .filter((f, i) => mask & (1 << i))
                .map((f) => ({
                  eventIndex: 0,
                  event,
                  channel: channels[f],
                  destination: `${channels[f]}:mon_1`,
                  webhookId: null,
                  target: all[f],
                }))
            : []),
        ];
        expect(rows).toEqual(want);
      }
    }
  });

  it('keeps event order and indexes (sequence numbers follow them); incident events never reach own channels', () => {
    const rows = fanOut(['monitor.down', 'incident.created', 'sla.breach'], hooks, all);
    expect(rows.map((r) => `${r.eventIndex}:${r.destination}`)).toEqual([
      '0:whk_all',
      '0:whk_down',
      '0:monitor_webhook:mon_1',
      '0:slack:mon_1',
      '0:discord:mon_1',
      '0:email:mon_1',
      '1:whk_all',
      '1:whk_inc',
      '2:whk_all',
      '2:monitor_webhook:mon_1',
      '2:slack:mon_1',
      '2:discord:mon_1',
      '2:email:mon_1',
    ]);
    expect(fanOut([], hooks, all)).toEqual([]);
    expect(fanOut(['monitor.up'], [], none)).toEqual([]);
  });
});

describe('heldNotification (changes made in maintenance)', () => {
  type S = 'pending' | 'up' | 'degraded' | 'down' | 'warn';
  const run = (steps: [S, boolean][], start: S = 'up') => {
    let status: S = start;
    let held: S | null = null;
    const notified: string[] = [];
    for (const [to, maintenance] of steps) {
      const r = heldNotification(status, held, to, maintenance);
      held = r.heldStatus;
      if (!maintenance && r.previous !== to) notified.push(`${to} (was ${r.previous})`);
      status = to;
    }
    return { notified, held };
  };

  it('holds nothing while the status stays', () => {
    expect(heldNotification('up', null, 'up', true)).toEqual({ previous: 'up', heldStatus: null });
    expect(heldNotification('up', null, 'up', false)).toEqual({ previous: 'up', heldStatus: null });
  });

  it('holds the status last notified when it changes in maintenance, from the first change on', () => {
    expect(heldNotification('up', null, 'down', true)).toEqual({ previous: 'up', heldStatus: 'up' });
    expect(heldNotification('down', 'up', 'degraded', true)).toEqual({ previous: 'down', heldStatus: 'up' });
    expect(heldNotification('down', 'up', 'up', true)).toEqual({ previous: 'down', heldStatus: null });
  });

  it('notifies from the held status after maintenance and clears it', () => {
    expect(heldNotification('down', 'up', 'down', false)).toEqual({ previous: 'up', heldStatus: null });
    expect(heldNotification('down', null, 'up', false)).toEqual({ previous: 'down', heldStatus: null });
  });

  it('the finding: down in the window, still down at its end → "down" then, later "up (was down)"', () => {
    expect(
      run([
        ['down', true],
        ['down', true],
        ['down', false],
        ['down', false],
        ['up', false],
      ]).notified,
    ).toEqual(['down (was up)', 'up (was down)']);
  });

  it('down and back up inside the window → nothing at all', () => {
    expect(
      run([
        ['down', true],
        ['up', true],
        ['up', false],
      ]),
    ).toEqual({ notified: [], held: null });
  });

  it('recovers in the window from an outage notified before it → "up (was down)" after it', () => {
    expect(
      run(
        [
          ['up', true],
          ['up', false],
        ],
        'down',
      ).notified,
    ).toEqual(['up (was down)']);
  });

  it('a change right at the end of the window is notified once', () => {
    expect(
      run([
        ['degraded', true],
        ['down', false],
        ['down', false],
      ]).notified,
    ).toEqual(['down (was up)']);
  });
});
