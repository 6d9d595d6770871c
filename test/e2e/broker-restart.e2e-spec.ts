import { waitFor } from '@parallax/testing';
import { PrivateNatsServer } from '../support/nats-server';
import { freePort } from '../support/processes';
import { LocalSystem } from '../support/system';
import { RegionalTarget } from '../support/target';

jest.setTimeout(240_000);

/**
 * A NATS restart in the middle of a run: both apps reconnect by themselves, the
 * results stream (file storage) keeps what it had, probes re-publish what they
 * could not deliver, and the outage never shows up as a failure.
 */
describe('broker restart', () => {
  const target = new RegionalTarget();
  let nats: PrivateNatsServer;
  let sys: LocalSystem;

  beforeAll(async () => {
    nats = new PrivateNatsServer(await freePort());
    await nats.start();
    await target.start();
    sys = new LocalSystem(nats.url);
    await sys.start();
  });

  afterAll(async () => {
    await sys?.stop();
    await target.stop();
    await nats?.dispose();
  });

  it('reconnects, loses no delivered result and raises no false alarm', async () => {
    const id = (
      await sys.call('POST', '/monitors', {
        name: 'through the restart',
        url: target.url,
        check_interval: 1,
        timeout: 2,
      })
    ).body.data.id;
    const monitor = () => sys.monitor(id);
    await waitFor('up', async () => (await monitor()).status === 'up', 30_000);

    target.delayMs = 300; // checks are in flight when the broker goes away
    const startedBefore = target.started;
    await waitFor('a slow check in flight', () => target.started > startedBefore && target.inFlight() > 0, 30_000, 10);
    await nats.stop();
    // Every probe has seen the broker go (its connection gauge at 0) before it comes back.
    await waitFor(
      'every probe disconnected',
      async () => {
        const texts = await Promise.all(sys.probePorts.map((_, i) => sys.probeMetrics(i)));
        return texts.every((t) => /^probe_nats_connected(\{[^}]*\})? 0$/m.test(t));
      },
      30_000,
      100,
    );
    await nats.start();

    const before = (await monitor()).checks_total;
    await waitFor(
      'rounds decided after the restart',
      async () => (await monitor()).checks_total >= before + 5,
      60_000,
      250,
    );
    await waitFor(
      'all three regions report again',
      async () => {
        const last = (await sys.call('GET', `/monitors/${id}/checks?limit=1`)).body.data[0];
        return last?.regions_checked === 3;
      },
      30_000,
      250,
    );

    // The outage is never a failure: no round decided down, no incident.
    const history = (await sys.call('GET', `/monitors/${id}/checks?limit=500`)).body.data as { status: string }[];
    expect(history.filter((c) => c.status === 'down')).toEqual([]);
    expect((await sys.call('GET', `/incidents?monitor_id=${id}`)).body.data).toEqual([]);
    expect((await monitor()).status).toBe('up');

    // Probes kept what they could not publish and delivered it after the restart.
    for (const port of sys.probePorts) {
      const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(metrics).not.toMatch(/^probe_results_lost_total(\{[^}]*\})? [1-9]/m);
      expect(metrics).toMatch(/^probe_results_pending(\{[^}]*\})? 0$/m);
    }
    expect(sys.cp!.alive).toBe(true);
    for (const p of sys.probes) expect(p.alive).toBe(true);
  });
});
