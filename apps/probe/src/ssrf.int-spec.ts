import type { CheckSpec, JobV1 } from '@parallax/contracts';
import { startDnsTarget, startTcpEcho, type DnsTarget, type TcpEchoTarget } from '@parallax/testing';
import {
  makeJob,
  spawnProbe,
  startBus,
  startTarget,
  waitFor,
  type Bus,
  type ProbeProcess,
  type Target,
} from './testing/harness';

jest.setTimeout(60_000);

const REGION = 'eu-west';
const refused = (addr: string, range: string, literal: boolean) =>
  `target ${literal ? 'is' : 'resolves to'} a private address (${range}); set ALLOW_PRIVATE_TARGETS=true to allow`;

/**
 * The probe's own SSRF guard (SPEC 7), as deployed: the built probe without
 * ALLOW_PRIVATE_TARGETS refuses private targets of every check type after its own DNS
 * lookup, and on a redirect, even when the job says otherwise (a control plane that
 * allowed them, or a forged job); the targets never see a connection.
 */
describe('probe SSRF guard (built probe, ALLOW_PRIVATE_TARGETS=false)', () => {
  let bus: Bus;
  let target: Target;
  let echo: TcpEchoTarget;
  let dns: DnsTarget;
  let probe: ProbeProcess;

  beforeAll(async () => {
    bus = await startBus();
    target = await startTarget();
    echo = await startTcpEcho();
    dns = await startDnsTarget({ 'example.test': { A: ['192.0.2.1'] } });
    probe = await spawnProbe({
      REGION,
      NATS_PREFIX: bus.prefix,
      PROBE_ID: 'probe-strict',
      ALLOW_PRIVATE_TARGETS: 'false',
    });
  });
  afterAll(async () => {
    await probe?.stop();
    await bus?.close();
    await target?.close();
    await echo?.close();
    await dns?.close();
  });

  const run = async (check: CheckSpec) => {
    const job: JobV1 = { ...makeJob(REGION, 'http://unused.example/'), check };
    await bus.publishJob(job);
    return (await waitFor(`result of ${check.type}`, () => bus.results.find((r) => r.result.job_id === job.job_id)))
      .result;
  };

  it('refuses loopback, metadata and mapped targets of every check type before connecting', async () => {
    const port = Number(new URL(target.url).port);
    const http = await run({ ...makeJob(REGION, `http://localhost:${port}/ok`).check });
    expect(http.is_up).toBe(false);
    expect([refused('127.0.0.1', 'loopback', false), refused('::1', 'loopback', false)]).toContain(http.error);

    const json = await run({
      type: 'json_api',
      url: `http://2130706433:${port}/ok`,
      authorization: null,
      follow_redirects: true,
      expected_status_code: 200,
      timeout_ms: 3000,
      keyword: null,
      response_threshold_ms: null,
      json_assertions: [],
    });
    expect(json.error).toBe(refused('127.0.0.1', 'loopback', true));

    const ssl = await run({
      type: 'ssl',
      host: '169.254.169.254',
      port: 443,
      timeout_ms: 3000,
      expiry_threshold_days: 30,
      check_protocols: true,
    });
    expect(ssl.error).toBe(refused('169.254.169.254', 'linkLocal', true));

    const tcp = await run({
      type: 'tcp',
      host: '::ffff:127.0.0.1',
      port: echo.port,
      timeout_ms: 3000,
      send: null,
      expect: null,
    });
    expect(tcp.error).toBe(refused('::ffff:7f00:1 → 127.0.0.1', 'loopback', true));

    const dnsResult = await run({
      type: 'dns',
      hostname: 'example.test',
      record_type: 'A',
      resolver: dns.resolver,
      expected: [],
      timeout_ms: 3000,
    });
    expect(dnsResult.error).toBe(refused('127.0.0.1', 'loopback', true));

    expect(target.seen.filter((r) => r.path === '/ok')).toEqual([]);
    expect(echo.connections).toBe(0);
    expect(dns.queries).toEqual([]);
  });
});
