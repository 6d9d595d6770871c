import { startRegistryServers, type RegistryServers } from '@parallax/testing';
import { Clock } from '../common/clock';
import { call, signup, startTestApp, TestApp } from '../testing/harness';

jest.setTimeout(120_000);

/** The whois tool against the loopback RDAP and WHOIS servers of libs/testing. */
describe('GET /monitors/tools/whois/{target}', () => {
  let reg: RegistryServers;
  let t: TestApp;

  beforeAll(async () => {
    reg = await startRegistryServers({
      'example.com': {
        expires: '2030-08-13T04:00:00Z',
        created: '1995-08-14T04:00:00Z',
        registrar: 'RESERVED-Internet Assigned Numbers Authority',
        status: ['client delete prohibited'],
        nameServers: ['a.iana-servers.net', 'b.iana-servers.net'],
      },
      '192.0.2.10': { expires: null, registrar: 'Example RIR', nameServers: [] },
    });
    t = await startTestApp({
      WHOIS_RDAP_SERVER: reg.rdapUrl,
      WHOIS_SERVER: `127.0.0.1:${reg.whoisPort}`,
      TOOLS_RATE_LIMIT_PER_MINUTE: '7',
    });
  });

  afterAll(async () => {
    t?.app.get(Clock).set(null);
    await t?.close();
    await reg?.close();
  });

  it('answers RDAP normalised with the raw answer, falls back to WHOIS, looks up IPs, refuses bad targets, and limits each account', async () => {
    const { key } = await signup(t.api);
    t.app.get(Clock).set(Date.now());
    const rdap = await call(t.api, key, 'GET', '/monitors/tools/whois/Example.COM');
    expect(rdap.status).toBe(200);
    expect(rdap.body.data).toMatchObject({
      target: 'example.com',
      kind: 'domain',
      source: 'rdap',
      name: 'example.com',
      registrar: 'RESERVED-Internet Assigned Numbers Authority',
      created_at: '1995-08-14T04:00:00.000Z',
      expires_at: '2030-08-13T04:00:00.000Z',
      name_servers: ['a.iana-servers.net', 'b.iana-servers.net'],
      status: ['client delete prohibited'],
    });
    expect(JSON.parse(rdap.body.data.raw).ldhName).toBe('EXAMPLE.COM');

    // A host name is looked up as its registrable domain (public-suffix list).
    const before = reg.rdapRequests.length;
    const host = await call(t.api, key, 'GET', '/monitors/tools/whois/www.api.Example.com');
    expect([host.status, host.body.data.target, host.body.data.name]).toEqual([200, 'example.com', 'example.com']);
    expect(reg.rdapRequests.slice(before)).toEqual(['/domain/example.com']);

    reg.rdapDown = true;
    const whois = await call(t.api, key, 'GET', '/monitors/tools/whois/example.com');
    reg.rdapDown = false;
    expect(whois.body.data).toMatchObject({
      source: 'whois',
      server: `whois://127.0.0.1:${reg.whoisPort}`,
      registrar: 'RESERVED-Internet Assigned Numbers Authority',
      expires_at: '2030-08-13T04:00:00.000Z',
      name_servers: ['a.iana-servers.net', 'b.iana-servers.net'],
    });
    expect(whois.body.data.raw).toContain('Registry Expiry Date: 2030-08-13T04:00:00Z');

    const ip = await call(t.api, key, 'GET', '/monitors/tools/whois/192.0.2.10');
    expect(ip.body.data).toMatchObject({ kind: 'ip', source: 'whois', registrar: 'Example RIR' });

    const missing = await call(t.api, key, 'GET', '/monitors/tools/whois/unregistered.example');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toBe('no registration found for unregistered.example');

    // Bad targets: 422 before any lookup (and not counted).
    for (const bad of [
      'localhost',
      'co.uk',
      'not_a_domain',
      '999.1.1.1',
      encodeURIComponent('exa mple.com'),
      `${'a'.repeat(64)}.com`,
    ]) {
      const r = await call(t.api, key, 'GET', `/monitors/tools/whois/${bad}`);
      expect([bad, r.status, r.body.code]).toEqual([bad, 422, 'validation_failed']);
    }
    const suffix = await call(t.api, key, 'GET', '/monitors/tools/whois/co.uk');
    expect(suffix.body.details[0]).toEqual({
      field: 'target',
      message: 'co.uk is a public suffix: name a domain registered under it (e.g. example.co.uk)',
    });
    // An impossibly long segment is refused at the edge (edge.md), still a 4xx.
    expect((await call(t.api, key, 'GET', `/monitors/tools/whois/${'a'.repeat(300)}.com`)).status).toBe(404);

    // 5 lookups so far of 7 a minute: 2 more, then 429 with retry_after; another account has its own budget.
    for (let i = 0; i < 2; i++)
      expect((await call(t.api, key, 'GET', '/monitors/tools/whois/example.com')).status).toBe(200);
    const limited = await call(t.api, key, 'GET', '/monitors/tools/whois/example.com');
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('rate_limited');
    expect(limited.body.retry_after).toBeGreaterThan(0);
    expect(limited.headers.get('retry-after')).toBe(String(limited.body.retry_after));
    const other = await signup(t.api);
    expect((await call(t.api, other.key, 'GET', '/monitors/tools/whois/example.com')).status).toBe(200);
    t.app.get(Clock).advance(61_000);
    expect((await call(t.api, key, 'GET', '/monitors/tools/whois/example.com')).status).toBe(200);
  });

  it('two replicas on one database share one tools budget per account: whois on one and MTR on the other draw on it', async () => {
    const second = await startTestApp(
      { WHOIS_RDAP_SERVER: reg.rdapUrl, WHOIS_SERVER: `127.0.0.1:${reg.whoisPort}`, TOOLS_RATE_LIMIT_PER_MINUTE: '7' },
      t,
    );
    try {
      // One instant for both replicas (each has its own Clock).
      const now = Date.now() + 3_600_000;
      t.app.get(Clock).set(now);
      second.app.get(Clock).set(now);
      const { key } = await signup(t.api);
      const traced = await call(second.api, key, 'POST', '/monitors', {
        name: 'traced',
        url: 'http://127.0.0.1:9/',
        check_interval: 60,
        timeout: 5,
        paused: true,
      });
      expect(traced.status).toBe(201);
      // 7 a minute in all: 4 whois on the first replica, 3 on the second, alternating.
      for (let i = 0; i < 7; i++) {
        const r = await call(i % 2 ? second.api : t.api, key, 'GET', '/monitors/tools/whois/example.com');
        expect([i, r.status]).toEqual([i, 200]);
      }
      // The budget is spent on both replicas, for whois and for MTR (no probe listens here: it would answer per region).
      for (const [api, path] of [
        [t.api, '/monitors/tools/whois/example.com'],
        [second.api, '/monitors/tools/whois/example.com'],
        [second.api, `/monitors/${traced.body.data.id}/mtr`],
      ]) {
        const r = await call(api, key, 'GET', path);
        expect([path, r.status, r.body.code]).toEqual([path, 429, 'rate_limited']);
        expect(r.body.retry_after).toBeGreaterThan(0);
      }
      // Another account is not affected; after the window both replicas answer again.
      const other = await signup(second.api);
      expect((await call(second.api, other.key, 'GET', '/monitors/tools/whois/example.com')).status).toBe(200);
      t.app.get(Clock).advance(61_000);
      second.app.get(Clock).advance(61_000);
      const mtr = await call(second.api, key, 'GET', `/monitors/${traced.body.data.id}/mtr`);
      expect(mtr.status).toBe(200);
      expect(mtr.body.data.regions.every((r: { error: string | null }) => typeof r.error === 'string')).toBe(true);
      expect((await call(t.api, key, 'GET', '/monitors/tools/whois/example.com')).status).toBe(200);
    } finally {
      second.app.get(Clock).set(null);
      await second.close();
    }
  });

  it('SSRF: without ALLOW_PRIVATE_TARGETS a registry on loopback is refused (502) and private IPs are not looked up (422)', async () => {
    const guarded = await startTestApp({
      ALLOW_PRIVATE_TARGETS: 'false',
      WHOIS_RDAP_SERVER: reg.rdapUrl,
      WHOIS_SERVER: `127.0.0.1:${reg.whoisPort}`,
    });
    try {
      const { key } = await signup(guarded.api);
      const before = reg.rdapRequests.length;
      const r = await call(guarded.api, key, 'GET', '/monitors/tools/whois/example.com');
      expect(r.status).toBe(502);
      expect(r.body.code).toBe('upstream_error');
      expect(r.body.error).toMatch(/private address \(loopback\)/);
      expect(r.body.error).not.toMatch(/127\.0\.0\.1/); // the class is named, never the address
      expect(reg.rdapRequests.length).toBe(before);
      const priv = await call(guarded.api, key, 'GET', '/monitors/tools/whois/10.1.2.3');
      expect([priv.status, priv.body.details[0].field]).toEqual([422, 'target']);
    } finally {
      await guarded.close();
    }
  });
});
