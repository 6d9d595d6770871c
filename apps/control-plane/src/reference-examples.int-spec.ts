import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { extractCurls, parseCurl } from './testing/curl';
import { FakeProbes } from './testing/fake-probe';
import { startTestApp, waitFor, type TestApp } from './testing/harness';

jest.setTimeout(120_000);

/**
 * Every `curl` example of the four reference documents (`../shared/reference/*.txt`, SPEC:
 * "the products our users compare us with") that our API serves, run as written against a
 * real control plane (PostgreSQL, NATS, fake probes) with only the base URL, the
 * credentials and the example ids replaced by ours; each must succeed (2xx). Examples are
 * read from the documents themselves, so a reference example can not be forgotten here.
 */
const REFERENCE_DIR = resolve(__dirname, '../../../../shared/reference');

/** Reference base URLs → ours. */
const BASES: [string, (t: TestApp) => string][] = [
  // StatusCore's public status JSON is outside /api/v1 (no key), as the reference serves it.
  ['https://portal.statuscore.io/api/public/', (t) => `${t.baseUrl}/api/public/`],
  ['https://portal.statuscore.io/api/', (t) => `${t.api}/`],
  ['https://api.statuspool.io/v1/', (t) => `${t.api}/`],
  ['https://statusrooster.com/api/v1/', (t) => `${t.api}/`],
  ['https://statusrooster.com/api/ping/', (t) => `${t.baseUrl}/api/ping/`],
];

/** Examples our API does not serve (yet), with the reason; everything else must succeed. */
const NOT_SERVED: { match: RegExp; why: string }[] = [
  { match: /^https:\/\/your-server\.com\//, why: "a request to the user's own webhook receiver, not to the API" },
];

/** The monitor each example id stands for: the name the reference creates it with. */
const EXAMPLE_MONITORS: Record<string, string> = {
  mon_a1b2c3: 'My Website',
  mon_d4e5f6: 'Health API',
  hb_abc789: 'Nightly Backup Job',
  ssl_def012: 'example.com SSL',
  '4f2a8c1e-9b3d-47e1-aa5f-0d6c8e21b907': 'Production API — api.example.com',
};

const REGIONS = ['eu-west', 'us-east', 'ap-south', 'eu-central-1', 'us-east-1', 'ap-northeast-1'];

describe('reference documents: every example request our API serves succeeds as written', () => {
  let t: TestApp;
  let probes: FakeProbes;
  let apiKey = '';
  let jwt = '';
  let pingToken = '';
  let incidentId = '';
  const idByName = new Map<string, string>();
  const failing = new Set<string>();

  beforeAll(async () => {
    if (!existsSync(REFERENCE_DIR))
      throw new Error(`reference documents not found at ${REFERENCE_DIR} (the shared/ folder beside the repository)`);
    t = await startTestApp({ REGIONS: REGIONS.join(',') });
    probes = new FakeProbes(t.natsPrefix, REGIONS);
    probes.verdict = (_region, job) =>
      failing.has(job.monitor_id)
        ? { is_up: false, status_code: 503 }
        : { is_up: true, status_code: 200, response_ms: 40 };
    await probes.start();
    // The account the examples log in to (StatusCore's login example) and its API key.
    const res = await fetch(`${t.api}/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'you@example.com', password: 'yourpassword', name: 'Your Name' }),
    });
    expect(res.status).toBe(201);
    apiKey = ((await res.json()) as { data: { api_key: { key: string } } }).data.api_key.key;
    // The status page StatusCore's public example reads (slug "your-company").
    const page = await fetch(`${t.api}/status-pages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
      body: JSON.stringify({ slug: 'your-company', title: 'Your Company' }),
    });
    expect(page.status).toBe(201);
  });

  afterAll(async () => {
    await probes?.stop();
    await t?.close();
  });

  /** Placeholders of the examples → this run's values. */
  async function substitute(text: string): Promise<string> {
    let out = text;
    for (const [from, to] of BASES) out = out.split(from).join(to(t));
    out = out.split('YOUR_TOKEN').join(jwt).split('YOUR_API_KEY').join(apiKey).split('sr_your_key_here').join(apiKey);
    out = out.split('YOUR_PING_TOKEN').join(pingToken);
    for (const [exampleId, name] of Object.entries(EXAMPLE_MONITORS)) {
      if (!out.includes(exampleId)) continue;
      const id = idByName.get(name);
      if (!id) throw new Error(`example uses ${exampleId} ("${name}") before an example created it`);
      out = out.split(exampleId).join(id);
    }
    if (out.includes('inc_x7k9m2')) out = out.split('inc_x7k9m2').join(await anIncident());
    return out;
  }

  /** StatusRooster's incident example needs an incident: "My Website" fails in every region (checked every second meanwhile). */
  async function anIncident(): Promise<string> {
    if (incidentId) return incidentId;
    const monitorId = idByName.get('My Website')!;
    failing.add(monitorId);
    const faster = await fetch(`${t.api}/monitors/${monitorId}`, {
      method: 'PATCH',
      headers: { 'x-api-key': apiKey, 'content-type': 'application/json' },
      body: JSON.stringify({ check_interval: 1 }),
    });
    expect(faster.status).toBe(200);
    const list = await waitFor(
      'an incident of My Website',
      async () => {
        const r = await fetch(`${t.api}/incidents?monitor_id=${monitorId}`, { headers: { 'x-api-key': apiKey } });
        const body = (await r.json()) as { data: { id: string }[] };
        return body.data.length > 0 ? body.data : null;
      },
      60_000,
      200,
    );
    failing.delete(monitorId);
    incidentId = list[0].id;
    return incidentId;
  }

  const docs = existsSync(REFERENCE_DIR)
    ? readdirSync(REFERENCE_DIR)
        .filter((f) => f.endsWith('.txt'))
        .sort()
    : [];
  const examples = docs.flatMap((doc) =>
    extractCurls(readFileSync(join(REFERENCE_DIR, doc), 'utf8')).map((words, i) => ({
      doc,
      i,
      words,
      req: parseCurl(words),
    })),
  );
  // StatusCore's login comes first (its token is YOUR_TOKEN); within a document, the document's order.
  const ordered = [
    ...examples.filter((e) => e.req.url.includes('/auth/login')),
    ...examples.filter((e) => !e.req.url.includes('/auth/login') && e.req.method !== 'DELETE'),
    ...examples.filter((e) => e.req.method === 'DELETE'),
  ];

  const notServed = (e: (typeof examples)[number]) => NOT_SERVED.some((n) => n.match.test(e.req.url));

  it('finds the examples of every document, and leaves out only those not addressed to our API', () => {
    const count = (doc: string) => examples.filter((e) => e.doc === doc).length;
    expect({
      statuscore: count('statuscore-api.txt'),
      statuspool: count('statuspool-api.txt'),
      statusrooster: count('statusrooster-api.txt'),
      valtrogen: count('valtrogen-public-status-api.txt'),
    }).toEqual({
      statuscore: 4,
      statuspool: 3,
      statusrooster: 22,
      valtrogen: 0,
    });
    expect(examples.filter(notServed).map((e) => `${e.req.method} ${e.req.url}`)).toEqual([
      'POST https://your-server.com/webhooks/statusrooster',
    ]);
  });

  it.each(
    ordered.filter((e) => !notServed(e)).map((e) => [`${e.doc} #${e.i + 1}: ${e.req.method} ${e.req.url}`, e] as const),
  )('%s', async (_label, e) => {
    const url = await substitute(e.req.url);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(e.req.headers)) headers[k] = await substitute(v);
    const res = await fetch(url, {
      method: e.req.method,
      headers,
      body: e.req.body === null ? undefined : await substitute(e.req.body),
    });
    const text = await res.text();
    expect({ status: res.status < 300 ? 'ok' : res.status, body: res.status < 300 ? '' : text }).toEqual({
      status: 'ok',
      body: '',
    });
    const body = text ? JSON.parse(text) : null;
    if (e.req.url.endsWith('/auth/login')) jwt = body.data.token;
    if (e.req.method === 'POST' && /\/monitors$/.test(e.req.url)) {
      const sent = JSON.parse(e.req.body!);
      idByName.set(sent.name, body.data.id);
      if (body.data.ping_url) pingToken = new URL(body.data.ping_url).searchParams.get('token')!;
      // Aliases are answered with our names: StatusCore's https monitor, StatusPool's interval.
      if (sent.type) expect(body.data.monitor_type).toBe(sent.type);
      if (sent.target) expect(body.data.url).toBe(sent.target);
      if (sent.interval_seconds) expect(body.data.check_interval).toBe(sent.interval_seconds);
      if (sent.expected_status) expect(body.data.expected_status_code).toBe(sent.expected_status);
      if (sent.regions) expect(body.data.regions).toEqual(sent.regions);
    }
    if (e.req.method === 'PUT' && e.req.body) {
      const sent = JSON.parse(e.req.body);
      if (sent.interval_seconds) expect(body.data.check_interval).toBe(sent.interval_seconds);
      if (sent.tags) expect(body.data.tags).toEqual(sent.tags);
    }
  });
});
