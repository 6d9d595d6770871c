import { waitFor } from '@parallax/testing';
import { LocalSystem } from '../support/system';
import { RegionalTarget } from '../support/target';
import { VerifyingWebhookReceiver } from '../support/verifying-receiver';

jest.setTimeout(150_000);

/**
 * The alert scenario suite's reduced set (the full one, with timings, is
 * `npm run bench -- decisions`): real control plane and probes, a target per scenario whose
 * answer is set per region, and a webhook receiver that verifies every Standard Webhooks
 * signature. Counts only, never timings: a 1-round blip in one region and one region
 * permanently broken open no outage incident; a full outage opens exactly one and is
 * notified by a signed monitor.down. "No incident" is shown after the failure was served and
 * further rounds were stored, never by waiting a fixed time.
 */
describe('alert scenarios', () => {
  const blip = new RegionalTarget();
  const broken = new RegionalTarget();
  const outage = new RegionalTarget();
  const receiver = new VerifyingWebhookReceiver();
  const sys = new LocalSystem({ controlPlaneEnv: { RATE_LIMIT_PER_MINUTE: '100000' } });
  const ids: Record<'blip' | 'broken' | 'outage', string> = { blip: '', broken: '', outage: '' };

  const checksTotal = async (id: string): Promise<number> => (await sys.monitor(id)).checks_total;
  /** Waits until `n` more rounds of the monitor are stored (counted in its history). */
  const furtherRounds = async (id: string, n: number) => {
    const from = await checksTotal(id);
    await waitFor(`${n} further rounds of ${id}`, async () => (await checksTotal(id)) >= from + n, 60_000, 250);
  };

  beforeAll(async () => {
    for (const t of [blip, broken, outage]) await t.start();
    await receiver.start();
    await sys.start();
    const hook = await sys.call('POST', '/webhooks', { url: receiver.url('/hook'), events: ['*'] });
    expect(hook.status).toBe(201);
    receiver.secret = hook.body.data.secret;
    for (const [name, t] of [
      ['blip', blip],
      ['broken', broken],
      ['outage', outage],
    ] as const) {
      const res = await sys.call('POST', '/monitors', { name, url: t.url, check_interval: 1, timeout: 2 });
      expect(res.status).toBe(201);
      ids[name] = res.body.data.id;
    }
    const monitors = () => Promise.all(Object.values(ids).map((id) => sys.monitor(id)));
    const allUp = async () => (await monitors()).every((m) => m.status === 'up');
    await waitFor('every monitor up', allUp, 60_000, 250);
  });

  afterAll(async () => {
    await sys.stop();
    await receiver.stop();
    for (const t of [blip, broken, outage]) await t.stop();
  });

  it('a 1-round blip in one region opens no incident', async () => {
    blip.failNext.set('eu-west', 1);
    await waitFor('the failing answer served', () => blip.failuresServed.get('eu-west') === 1, 30_000);
    await furtherRounds(ids.blip, 4);
    expect(await sys.incidents(ids.blip)).toEqual([]);
    expect(blip.failuresServed.get('eu-west')).toBe(1);
    expect(receiver.accepted.filter((a) => a.monitorId === ids.blip && a.event === 'monitor.down')).toEqual([]);
  });

  it('one region permanently broken opens no outage incident', async () => {
    broken.failing.add('ap-south');
    await waitFor('five failing ap-south checks', () => (broken.failuresServed.get('ap-south') ?? 0) >= 5, 60_000);
    await furtherRounds(ids.broken, 3);
    expect(await sys.incidents(ids.broken)).toEqual([]);
    expect((await sys.monitor(ids.broken)).status).not.toBe('down');
    expect(receiver.accepted.filter((a) => a.monitorId === ids.broken && a.event === 'monitor.down')).toEqual([]);
  });

  it('a full outage opens exactly one incident, notified by a signed monitor.down, resolved on recovery', async () => {
    ['eu-west', 'us-east', 'ap-south'].forEach((r) => outage.failing.add(r));
    await waitFor('down', async () => (await sys.monitor(ids.outage)).status === 'down', 60_000, 250);
    const downs = () => receiver.accepted.filter((a) => a.monitorId === ids.outage && a.event === 'monitor.down');
    await waitFor('signed monitor.down received', () => downs().length > 0, 60_000, 250);
    await furtherRounds(ids.outage, 2);
    outage.failing.clear();
    await waitFor('up again', async () => (await sys.monitor(ids.outage)).status === 'up', 60_000, 250);
    await furtherRounds(ids.outage, 2);
    const incidents = await sys.incidents(ids.outage);
    expect(incidents).toHaveLength(1);
    expect(incidents[0].status).toBe('resolved');
    expect(downs().length).toBeGreaterThanOrEqual(1);
    const created = receiver.accepted.filter((a) => a.monitorId === ids.outage && a.event === 'incident.created');
    expect(new Set(created.map((a) => a.id)).size).toBe(1);
    expect(receiver.rejected).toBe(0);
  });
});
