import { createParallaxClient, type ParallaxClient } from '@parallax/client';
import { TEST_PATH } from '@parallax/testing';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { LocalSystem } from '../support/system';
import { ROOT } from '../support/processes';

jest.setTimeout(180_000);

const BIN = join(ROOT, 'apps/cli/bin/parallax.js');

/** Runs the built CLI as its own process; never rejects (the exit code is asserted). */
function parallax(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: { PATH: TEST_PATH, ...env }, timeout: 60_000 },
      (err, stdout, stderr) => {
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

/**
 * The `parallax` CLI against the real system (control-plane process on PostgreSQL and
 * NATS, probes): export → apply → plan shows nothing; an edited file plans exactly the
 * edit; apply converges; --prune asks unless --yes; secrets come from the environment
 * and are never printed. The setup goes through the generated client (@parallax/client).
 */
describe('parallax CLI: plan / apply / export round trip', () => {
  const sys = new LocalSystem();
  const dir = mkdtempSync(join(tmpdir(), 'parallax-cli-'));
  const file = join(dir, 'parallax.yaml');
  let client: ParallaxClient;
  let env: Record<string, string>;

  beforeAll(async () => {
    await sys.start();
    const baseUrl = sys.api.replace(/\/api\/v1$/, '');
    client = createParallaxClient({ baseUrl, apiKey: sys.key });
    env = { PARALLAX_URL: baseUrl, PARALLAX_API_KEY: sys.key, PARALLAX_CONFIG: join(dir, 'config.json') };
    const created = await Promise.all([
      client.POST('/api/v1/monitors', {
        body: {
          name: 'Website',
          slug: 'website',
          url: 'http://127.0.0.1:9/health',
          check_interval: 60,
          tags: ['production'],
          custom_headers: [{ key: 'Accept', value: 'text/html' }],
        },
      }),
      client.POST('/api/v1/monitors', {
        body: {
          name: 'Database',
          slug: 'database',
          monitor_type: 'tcp',
          host: '127.0.0.1',
          port: 5432,
          check_interval: 30,
          paused: true,
        },
      }),
      client.POST('/api/v1/monitors', {
        body: {
          name: 'Nightly backup',
          slug: 'nightly-backup',
          monitor_type: 'heartbeat',
          heartbeat_interval: 3600,
          heartbeat_grace_period: 300,
        },
      }),
      client.POST('/api/v1/webhooks', {
        body: { url: 'http://127.0.0.1:9/hooks/a', events: ['monitor.down', 'monitor.up'], description: 'ops' },
      }),
      client.POST('/api/v1/webhooks', { body: { url: 'http://127.0.0.1:9/hooks/b', events: ['incident.created'] } }),
    ]);
    for (const c of created) expect(c.response.status).toBe(201);
    const website = created[0].data as { data: { id: string } };
    const page = await client.POST('/api/v1/status-pages', {
      body: {
        slug: 'acme',
        title: 'Acme status',
        groups: [{ slug: 'web', name: 'Web', monitor_ids: [website.data.id] }],
      },
    });
    expect(page.response.status).toBe(201);
    const database = created[1].data as { data: { id: string } };
    const inADay = Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 86_400_000;
    const work = await client.POST('/api/v1/maintenance', {
      body: {
        title: 'DB upgrade',
        description: 'PostgreSQL 16',
        monitor_ids: [database.data.id],
        starts_at: new Date(inADay).toISOString(),
        ends_at: new Date(inADay + 3_600_000).toISOString(),
      },
    });
    expect(work.response.status).toBe(201);
    // The typed client answers the envelope: data.data is a MonitorView.
    const listed = await client.GET('/api/v1/monitors', { params: { query: { limit: 10 } } });
    expect(listed.data?.meta.total).toBe(3);
    expect(listed.data?.data.map((m) => m.slug).sort()).toEqual(['database', 'nightly-backup', 'website']);
  });

  afterAll(async () => {
    await sys.stop();
  });

  it('logs in with an API key and stores it (0600)', async () => {
    const r = await parallax(['login', '--url', env.PARALLAX_URL, '--api-key', sys.key], {
      PATH: TEST_PATH,
      PARALLAX_CONFIG: env.PARALLAX_CONFIG,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('logged in to');
    const stored = JSON.parse(readFileSync(env.PARALLAX_CONFIG, 'utf8'));
    expect(stored).toEqual({ url: env.PARALLAX_URL, api_key: sys.key });
    const bad = await parallax(['export', '--api-key', 'px_not_a_key'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/401/);
  });

  it('export → apply → plan: no changes', async () => {
    const exp = await parallax(['export', '-o', file], env);
    expect(exp.code).toBe(0);
    const doc = parse(readFileSync(file, 'utf8'));
    expect(doc.monitors.map((m: { slug: string }) => m.slug)).toEqual(['database', 'nightly-backup', 'website']);
    expect(doc.webhooks).toHaveLength(2);
    // A page names its monitors by slug in the file.
    expect(doc.status_pages).toEqual([
      expect.objectContaining({
        slug: 'acme',
        title: 'Acme status',
        groups: [expect.objectContaining({ slug: 'web', monitor_ids: ['website'] })],
      }),
    ]);
    // Maintenance is named by its title, its monitors by slug.
    expect(doc.maintenance).toEqual([
      expect.objectContaining({ title: 'DB upgrade', description: 'PostgreSQL 16', monitor_ids: ['database'] }),
    ]);
    expect(JSON.stringify(doc)).not.toContain('whsec_');
    const apply = await parallax(['apply', '-f', file], env);
    expect(apply.code).toBe(0);
    expect(apply.stdout).toContain('No changes.');
    const plan = await parallax(['plan', '-f', file, '--detailed-exitcode'], env);
    expect(plan.code).toBe(0);
    expect(plan.stdout.trim()).toBe('Plan: 0 to create, 0 to update, 0 to delete, 7 unchanged.');
  });

  it('an edited file plans exactly the edit, field by field; apply converges; secrets never printed', async () => {
    const doc = parse(readFileSync(file, 'utf8'));
    doc.monitors.find((m: { slug: string }) => m.slug === 'website').check_interval = 30;
    doc.monitors.push({
      slug: 'api',
      name: 'API',
      url: 'http://127.0.0.1:9/api',
      bearer_token: '${API_TOKEN}',
      regions: ['eu-west', 'us-east'],
    });
    doc.webhooks = doc.webhooks.filter((w: { url: string }) => !w.url.endsWith('/b'));
    doc.status_pages.find((p: { slug: string }) => p.slug === 'acme').title = 'Acme';
    doc.status_pages.push({ slug: 'api-status', title: 'API status', monitor_ids: ['api'] });
    writeFileSync(file, stringify(doc));
    const secretEnv = { ...env, API_TOKEN: 'tok_live_never_printed' };

    const missing = await parallax(['plan', '-f', file], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('monitors[3].bearer_token: environment variable API_TOKEN is not set');

    const plan = await parallax(['plan', '-f', file, '--detailed-exitcode'], secretEnv);
    expect(plan.code).toBe(2);
    expect(plan.stdout.split('\n')).toEqual([
      '~ monitor "website": update',
      '    ~ check_interval: 60 -> 30',
      '+ monitor "api": create',
      '    + slug: "api"',
      '    + name: "API"',
      '    + url: "http://127.0.0.1:9/api"',
      '    + bearer_token: (sensitive)',
      '    + regions: ["eu-west","us-east"]',
      '~ status page "acme": update',
      '    ~ title: "Acme status" -> "Acme"',
      '+ status page "api-status": create',
      '    + slug: "api-status"',
      '    + title: "API status"',
      '    + monitor_ids: ["api"]',
      '? webhook "http://127.0.0.1:9/hooks/b": exists but is not in the file (kept; --prune deletes it)',
      'Plan: 2 to create, 2 to update, 0 to delete, 4 unchanged, 1 not in the file.',
      '',
    ]);
    const asJson = await parallax(['plan', '-f', file, '--prune', '--output', 'json'], secretEnv);
    expect(asJson.code).toBe(0);
    const j = JSON.parse(asJson.stdout);
    expect(j.summary).toEqual({ create: 2, update: 2, delete: 1, unchanged: 4, unmanaged: 0 });
    expect(j.changes.find((c: { identity: string }) => c.identity === 'api').fields).toContainEqual({
      field: 'bearer_token',
      sensitive: true,
    });

    // --prune without --yes and without a terminal: refused, nothing changed.
    const refused = await parallax(['apply', '-f', file, '--prune'], secretEnv);
    expect(refused.code).toBe(1);
    expect((await client.GET('/api/v1/webhooks')).data?.meta.total).toBe(2);
    expect((await client.GET('/api/v1/monitors')).data?.meta.total).toBe(3);

    const apply = await parallax(['apply', '-f', file, '--prune', '--yes'], secretEnv);
    expect(apply.code).toBe(0);
    expect(apply.stdout).toContain('Applied: 2 created, 2 updated, 1 deleted.');
    expect(apply.stderr).toContain('[5/5]');
    for (const out of [plan.stdout, asJson.stdout, apply.stdout, apply.stderr])
      expect(out).not.toContain('tok_live_never_printed');

    const monitors = (await client.GET('/api/v1/monitors')).data!.data;
    expect(monitors.find((m) => m.slug === 'website')?.check_interval).toBe(30);
    const api = monitors.find((m) => m.slug === 'api')!;
    expect(api.bearer_token).toBe('********');
    expect(api.regions).toEqual(['eu-west', 'us-east']);
    expect((await client.GET('/api/v1/webhooks')).data!.data.map((w) => w.url)).toEqual(['http://127.0.0.1:9/hooks/a']);
    const pages = (await client.GET('/api/v1/status-pages')).data!.data;
    expect(pages.find((p) => p.slug === 'api-status')?.monitor_ids).toEqual([api.id]);

    const again = await parallax(['plan', '-f', file, '--prune', '--detailed-exitcode'], secretEnv);
    expect(again.code).toBe(0);
    expect(again.stdout.trim()).toBe('Plan: 0 to create, 0 to update, 0 to delete, 8 unchanged.');
    const reapply = await parallax(['apply', '-f', file, '--prune'], secretEnv);
    expect(reapply.code).toBe(0);
    expect(reapply.stdout).toContain('No changes.');
  });

  it('refuses an unknown field and a duplicate identity with exit 1', async () => {
    writeFileSync(join(dir, 'bad.yaml'), 'monitors:\n  - slug: a\n    name: A\n    intervall: 30\n');
    const r = await parallax(['plan', '-f', join(dir, 'bad.yaml')], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('monitors[0]: unknown field "intervall" for a monitor');
    writeFileSync(join(dir, 'dup.yaml'), 'monitors:\n  - slug: a\n    name: A\n  - slug: a\n    name: B\n');
    const d = await parallax(['plan', '-f', join(dir, 'dup.yaml')], env);
    expect(d.code).toBe(1);
    expect(d.stderr).toContain('slug "a" is declared twice');
  });
});
