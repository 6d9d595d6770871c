import * as dns from 'node:dns';
import { startDnsTarget, type DnsTarget } from '@parallax/testing';
import { DnsCheck } from '@parallax/checks';

jest.setTimeout(30_000);

describe('DnsCheck without a resolver against a real UDP DNS server as the system resolver', () => {
  let target: DnsTarget;
  let saved: string[];
  const check = new DnsCheck();
  const ctx = (allowPrivateTargets: boolean) => ({
    region: 't',
    userAgent: 't',
    allowPrivateTargets,
    maxBodyBytes: 1024,
  });
  const spec = (hostname: string, resolver: string | null = null) => ({
    type: 'dns' as const,
    hostname,
    record_type: 'A' as const,
    resolver,
    expected: [],
    timeout_ms: 5000,
  });
  beforeAll(async () => {
    target = await startDnsTarget({
      'db.cluster.internal': { A: ['10.96.0.10'] },
      'www.example.test': { A: ['93.184.216.34'] },
    });
    saved = dns.getServers();
    dns.setServers([target.resolver]);
  });
  afterAll(async () => {
    dns.setServers(saved);
    await target?.close();
  });

  it('refuses an internal answer (and does not show it), answers a public one', async () => {
    const internal = await check.run(spec('db.cluster.internal'), ctx(false));
    expect(internal.is_up).toBe(false);
    expect(internal.error).toMatch(/^the answer holds a private address \(private\)/);
    expect(JSON.stringify(internal)).not.toContain('10.96.0.10');
    const pub = await check.run(spec('www.example.test'), ctx(false));
    expect([pub.is_up, pub.details?.answers]).toEqual([true, ['93.184.216.34']]);
    expect(target.queries).toEqual(expect.arrayContaining(['db.cluster.internal/A', 'www.example.test/A']));
  });

  it('answers the internal name with ALLOW_PRIVATE_TARGETS, or through an explicit (allowed) resolver', async () => {
    const allowed = await check.run(spec('db.cluster.internal'), ctx(true));
    expect([allowed.is_up, allowed.details?.answers]).toEqual([true, ['10.96.0.10']]);
    const explicit = await check.run(spec('db.cluster.internal', target.resolver), {
      ...ctx(false),
      allowedPrivateCidrs: ['127.0.0.1/32'],
    });
    expect([explicit.is_up, explicit.details?.answers]).toEqual([true, ['10.96.0.10']]);
  });
});
