'use strict';
/**
 * Alert scenario suite (`npm run bench -- decisions`, after `npm run build`). Not a test:
 * goals are reported, never asserted (test/e2e/alert-scenarios.e2e-spec.ts asserts the counts
 * of a reduced set).
 *
 * Real processes, as `npm run local` runs them: the built control plane (default settings,
 * plan unlimited), one built probe per region (eu-west, us-east, ap-south) and a local target
 * in its own process (scripts/bench-decisions-target.js) whose answer is set per monitor,
 * region and over time (ok, 500, slow N ms, hang; the probe's User-Agent names its region).
 * Each scenario has its own account, monitor(s) at a 2 s interval with a 2 s timeout, and an
 * account webhook pointing at a receiver in this process that verifies every request's
 * Standard Webhooks signature (standardwebhooks, as a consumer would) and counts only those.
 *
 * Scenarios (all but "probe region dies" run at the same time, each on its own monitors):
 *   - single-region blips of 1, 2 and 5 rounds (eu-west answers 500 to that many checks);
 *   - one region permanently broken (ap-south 500);
 *   - a full outage (every region 500) then recovery, on 4 monitors;
 *   - slow responses (1,200 ms, degraded_threshold_ms 500) in two regions of three, 3 monitors;
 *   - flapping: 6 outage/recovery cycles, each flipped as soon as the API shows the change;
 *   - the receiver down (503) for 10 s while an outage is detected;
 *   - with --long also for 10 min (default retry schedule: the bench waits for the real delivery);
 *   - then a probe region dying (SIGKILL of us-east's probe) under an up and a degraded monitor.
 *
 * Per scenario: false incidents (outage incidents where there was none, or more than one per
 * outage), missed outages, detection latency p50/p95 from the first failing check's arrival at
 * the target to the status change seen in the API (polled every 250 ms), from that change to
 * the signed webhook's arrival, and notifications received. A markdown table goes to stdout
 * (and a JSON line); `--json <path>` writes the rows as JSON.
 *
 * Usage: node scripts/bench-decisions.js [--long] [--json <path>] [--only name,name]
 * Environment: PG_ADMIN_URL, NATS_URL.
 */
const { existsSync, writeFileSync } = require('node:fs');
const http = require('node:http');
const { randomBytes } = require('node:crypto');
const path = require('node:path');
const { Webhook } = require('standardwebhooks');
const cpProcess = require('./bench-control-plane-process');

const { ROOT, CONTROL_PLANE_MAIN, NATS_URL, sleep, freePort, api, runBench, spawnNode, stopChild } = cpProcess;
const PROBE_MAIN = path.join(ROOT, 'apps', 'probe', 'dist', 'main.js');
const REGIONS = ['eu-west', 'us-east', 'ap-south'];
const INTERVAL_S = 2;
const TIMEOUT_S = 2;
const POLL_MS = 250;
const GOALS = { detectionMs: (TIMEOUT_S + 2) * 1000, webhookMs: 5000 };
const PASSWORD = 'correct horse battery';

function log(msg) {
  process.stderr.write(`[bench-decisions] ${new Date().toISOString().slice(11, 19)} ${msg}\n`);
}

function parseArgs(argv) {
  const o = { long: false, json: null, only: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--long') o.long = true;
    else if (a === '--json') o.json = path.resolve(argv[++i]);
    else if (a === '--only') o.only = argv[++i].split(',');
    else if (a !== 'decisions') throw new Error(`unknown argument ${a} (usage: [--long] [--json path] [--only a,b])`);
  }
  return o;
}

/** Polls `fn` until it answers a truthy value (resolved with it); throws after `timeoutMs`. */
async function waitFor(what, fn, timeoutMs, everyMs = 200) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

/** Like waitFor, but null instead of throwing: the scenario reports what did not happen. */
const waitOrNull = (what, fn, timeoutMs, everyMs = 100) => waitFor(what, fn, timeoutMs, everyMs).catch(() => null);

/**
 * Webhook consumer: `POST /hook/<name>` verified with that name's secret (standardwebhooks);
 * 401 when it does not verify, 503 while the name is "down", 204 otherwise.
 */
class Receiver {
  constructor() {
    this.paths = new Map();
  }

  register(name, secret) {
    const verifier = new Webhook(secret);
    this.paths.set(name, { verifier, downUntil: 0, accepted: [], refusedWhileDown: 0, rejected: 0 });
  }

  path(name) {
    return this.paths.get(name);
  }

  async start() {
    this.server = http.createServer((req, res) => {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        const at = Date.now();
        const p = this.paths.get(/^\/hook\/([\w-]+)$/.exec(req.url || '')?.[1]);
        if (!p) return res.writeHead(404).end();
        if (at < p.downUntil) {
          p.refusedWhileDown++;
          return res.writeHead(503).end('down for the scenario');
        }
        const h = (n) => String(req.headers[n] ?? '');
        const names = ['webhook-id', 'webhook-timestamp', 'webhook-signature'];
        const headers = Object.fromEntries(names.map((n) => [n, h(n)]));
        let payload;
        try {
          payload = p.verifier.verify(Buffer.concat(chunks).toString('utf8'), headers);
        } catch {
          p.rejected++;
          return res.writeHead(401).end('signature does not verify');
        }
        const monitorId = payload.monitor?.id ?? null;
        p.accepted.push({ at, id: headers['webhook-id'], event: payload.event, monitorId, sequence: payload.sequence });
        res.writeHead(204).end();
      });
    });
    await new Promise((r) => this.server.listen(0, '127.0.0.1', r));
    this.port = this.server.address().port;
  }

  url(name) {
    return `http://127.0.0.1:${this.port}/hook/${name}`;
  }

  async stop() {
    this.server?.closeAllConnections();
    await new Promise((r) => this.server?.close(r));
  }
}

/** One account per scenario: its API key, webhook (to the receiver) and a poller of its monitors' status. */
class Account {
  constructor(sys, name) {
    this.sys = sys;
    this.name = name;
    /** monitor id -> [{ at, status, flapping }] each time either changed, as the API showed it. */
    this.seen = new Map();
    this.polling = false;
  }

  async open() {
    const email = `${this.name}-${this.sys.tag}@example.com`;
    const s = await api(this.sys.base, null, 'POST', '/auth/signup', { email, password: PASSWORD, name: this.name });
    if (s.status !== 201) throw new Error(`signup ${this.name}: ${s.status} ${JSON.stringify(s.body)}`);
    this.key = s.body.data.api_key.key;
    const w = await this.call('POST', '/webhooks', { url: this.sys.receiver.url(this.name), events: ['*'] });
    if (w.status !== 201) throw new Error(`webhook ${this.name}: ${w.status} ${JSON.stringify(w.body)}`);
    this.webhookId = w.body.data.id;
    this.sys.receiver.register(this.name, w.body.data.secret);
    this.polling = true;
    this.poller = this.poll();
    return this;
  }

  get hooks() {
    return this.sys.receiver.path(this.name);
  }

  call(method, p, body) {
    return api(this.sys.base, this.key, method, p, body);
  }

  async poll() {
    while (this.polling) {
      const r = await this.call('GET', '/monitors?limit=100').catch(() => null);
      const at = Date.now();
      for (const m of (r && Array.isArray(r.body?.data) && r.body.data) || []) {
        const h = this.seen.get(m.id) || [];
        const last = h[h.length - 1];
        if (!last || last.status !== m.status || last.flapping !== m.flapping) {
          h.push({ at, status: m.status, flapping: m.flapping });
        }
        this.seen.set(m.id, h);
      }
      await sleep(POLL_MS);
    }
  }

  async close() {
    this.polling = false;
    await this.poller;
  }

  status(id) {
    const h = this.seen.get(id) || [];
    return h[h.length - 1]?.status;
  }

  /** When the API first showed `pred` true for the monitor at or after `since` (null: not yet). */
  seenAt(id, since, pred) {
    return (this.seen.get(id) || []).find((e) => e.at >= since && pred(e))?.at ?? null;
  }

  /** Statuses the API showed for the monitor since `since`. */
  statusesSince(id, since) {
    return [...new Set((this.seen.get(id) || []).filter((e) => e.at >= since).map((e) => e.status))];
  }

  /** Waits until the API shows `status` (at or after `since`); its time, or null after `timeoutMs`. */
  waitStatus(id, since, status, timeoutMs = 60_000) {
    return waitOrNull(`${id} ${status}`, () => this.seenAt(id, since, (e) => e.status === status), timeoutMs);
  }

  /** Waits until a signed `event` for the monitor arrives (at or after `since`); its time, or null. */
  waitEvent(id, since, event, timeoutMs = 60_000) {
    const found = () => this.received(since, id).find((a) => a.event === event)?.at;
    return waitOrNull(`${id} ${event}`, found, timeoutMs, 250);
  }

  async monitor(key, extra = {}) {
    const r = await this.call('POST', '/monitors', {
      name: `${this.name} ${key}`,
      url: `${this.sys.targetUrl}/t/${key}`,
      check_interval: INTERVAL_S,
      timeout: TIMEOUT_S,
      ...extra,
    });
    if (r.status !== 201) throw new Error(`POST /monitors ${key}: ${r.status} ${JSON.stringify(r.body)}`);
    const id = r.body.data.id;
    // Up, and its first monitor.up received, before the scenario starts counting.
    const upSent = () => this.hooks.accepted.some((a) => a.monitorId === id && a.event === 'monitor.up');
    const ready = () => this.status(id) === 'up' && upSent();
    await waitFor(`${key} up`, ready, 90_000);
    return id;
  }

  async checksTotal(id) {
    return (await this.call('GET', `/monitors/${id}`)).body.data.checks_total;
  }

  /** Waits until `n` further rounds of the monitor are stored (counted). */
  async rounds(id, n) {
    const from = await this.checksTotal(id);
    const timeoutMs = 30_000 + n * INTERVAL_S * 3000;
    await waitFor(`${n} rounds of ${id}`, async () => (await this.checksTotal(id)) >= from + n, timeoutMs, 300);
  }

  async incidents(id, type = 'automatic') {
    return (await this.call('GET', `/incidents?monitor_id=${id}&type=${type}`)).body.data;
  }

  async deliveries() {
    return (await this.call('GET', `/webhooks/${this.webhookId}/deliveries?limit=100`)).body.data || [];
  }

  /**
   * Signed webhooks received since `since` (for one monitor or all), once the account's
   * outbox is drained (no delivery pending: later events may wait behind a failing one).
   */
  async settled(since, id = null, timeoutMs = 120_000) {
    const drained = async () => (await this.deliveries()).every((d) => d.status !== 'pending');
    await waitFor(`${this.name}: outbox drained`, drained, timeoutMs, 500);
    return this.received(since, id);
  }

  /** Signed webhooks received so far since `since` (for one monitor or all). */
  received(since, id = null) {
    return this.hooks.accepted.filter((a) => a.at >= since && (id === null || a.monitorId === id));
  }
}

/** Sets the target's answer for `key` (bench-decisions-target.js); resolves with the target's time of the change. */
async function control(sys, body) {
  const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  return (await (await fetch(`${sys.targetUrl}/control`, init)).json()).at;
}

/** Checks of `key` that got a failing (non-ok) answer at the target at or after `since`. */
async function failing(sys, key, since) {
  const entries = await (await fetch(`${sys.targetUrl}/log?key=${key}`)).json();
  return entries.filter((e) => e.at >= since && e.mode !== 'ok');
}

/** When the first failing check of `key` at or after `since` arrived at the target. */
async function firstFailing(sys, key, since) {
  return (await failing(sys, key, since))[0]?.at ?? null;
}

function pct(values, p) {
  const s = values.filter((v) => typeof v === 'number').sort((a, b) => a - b);
  if (!s.length) return null;
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

function eventCounts(list) {
  const out = {};
  for (const a of list) out[a.event] = (out[a.event] || 0) + 1;
  return out;
}

const diff = (later, earlier) => (later && earlier ? later - earlier : null);

/**
 * One outage on monitor `id` (every region 500) until the API shows it down (and, with
 * `waitHook`, its signed monitor.down arrived and `holdRounds` more rounds were stored), then
 * recovery until the API shows it up.
 */
async function outage(sys, acct, key, id, { holdRounds = 1, waitHook = true } = {}) {
  const mark = await control(sys, { key, regions: '*', mode: '500' });
  const change = await acct.waitStatus(id, mark, 'down');
  const hook = change && waitHook ? await acct.waitEvent(id, mark, 'monitor.down') : null;
  if (change && holdRounds > 0) await acct.rounds(id, holdRounds);
  const fail = await firstFailing(sys, key, mark);
  const back = await control(sys, { key, regions: '*', mode: 'ok' });
  const up = await acct.waitStatus(id, back, 'up');
  const latencies = { detectionMs: diff(change, fail), webhookMs: diff(hook, change), totalMs: diff(hook, fail) };
  return { mark, fail, change, hook, back, up, ...latencies };
}

function quantiles(values = []) {
  return { p50: pct(values, 50), p95: pct(values, 95), n: values.filter((v) => typeof v === 'number').length };
}

function row(name, o) {
  return {
    scenario: name,
    monitors: o.monitors,
    false_incidents: o.falseIncidents,
    missed_outages: o.missed,
    detection_ms: quantiles(o.detection),
    webhook_ms: quantiles(o.webhook),
    fail_to_webhook_ms: quantiles(o.total),
    notifications: o.notifications,
    events: o.events,
    notes: o.notes || '',
    receiver_up: o.receiverUp !== false,
  };
}

// ---- scenarios ---------------------------------------------------------------------------

async function blip(sys, rounds) {
  const name = `blip-${rounds}`;
  const acct = await new Account(sys, name).open();
  try {
    const key = `blip${rounds}`;
    const id = await acct.monitor(key);
    await acct.rounds(id, 2);
    const mark = await control(sys, { key, regions: ['eu-west'], mode: '500', count: rounds });
    const served = async () => (await failing(sys, key, mark)).length >= rounds;
    await waitFor(`${name}: ${rounds} failing checks served`, served, 60_000);
    await acct.rounds(id, 4);
    await waitFor(`${name}: up again`, () => acct.status(id) === 'up', 60_000);
    const incidents = await acct.incidents(id);
    const regional = await acct.incidents(id, 'regional');
    const got = await acct.settled(mark);
    const statuses = acct.statusesSince(id, mark);
    return row(`single-region blip, ${rounds} round${rounds > 1 ? 's' : ''} (eu-west 500)`, {
      monitors: 1,
      falseIncidents: incidents.length + (statuses.includes('down') && incidents.length === 0 ? 1 : 0),
      missed: 0,
      notifications: got.length,
      events: eventCounts(got),
      notes: `regional incidents ${regional.length}; statuses shown ${statuses.join('/') || 'up'}`,
    });
  } finally {
    await acct.close();
  }
}

async function regionBroken(sys) {
  const acct = await new Account(sys, 'broken').open();
  try {
    const key = 'broken';
    const id = await acct.monitor(key);
    await acct.rounds(id, 2);
    const mark = await control(sys, { key, regions: ['ap-south'], mode: '500' });
    const served = async () => (await failing(sys, key, mark)).length >= 10;
    await waitFor('broken: 10 failing ap-south checks', served, 90_000);
    await acct.rounds(id, 3);
    const incidents = await acct.incidents(id);
    const regional = await acct.incidents(id, 'regional');
    const got = await acct.settled(mark);
    const degraded = diff(
      acct.seenAt(id, mark, (e) => e.status === 'degraded'),
      await firstFailing(sys, key, mark),
    );
    const statuses = acct.statusesSince(id, mark);
    await control(sys, { key, regions: '*', mode: 'ok' });
    return row('one region permanently broken (ap-south 500)', {
      monitors: 1,
      falseIncidents: incidents.length + (statuses.includes('down') && incidents.length === 0 ? 1 : 0),
      missed: 0,
      notifications: got.length,
      events: eventCounts(got),
      notes:
        `regional incidents ${regional.length} (affected ${regional[0]?.affected_regions?.join(',') || '-'}); ` +
        `statuses shown ${statuses.join('/')}; degraded ${degraded ?? '-'} ms after the first failing check`,
    });
  } finally {
    await acct.close();
  }
}

async function fullOutage(sys, n = 4) {
  const acct = await new Account(sys, 'outage').open();
  try {
    const results = await Promise.all(
      Array.from({ length: n }, async (_, i) => {
        const key = `outage${i}`;
        const id = await acct.monitor(key);
        await acct.rounds(id, 2);
        await sleep(i * 450); // spread the outages' starts over the round
        const o = await outage(sys, acct, key, id);
        await acct.rounds(id, 2);
        return { id, o, incidents: await acct.incidents(id) };
      }),
    );
    const since = Math.min(...results.map((r) => r.o.mark));
    const got = await acct.settled(since);
    const recovery = results.map((r) => diff(r.o.up, r.o.back));
    const resolved = results.filter((r) => r.incidents[0]?.status === 'resolved').length;
    return row('full outage (all regions 500), then recovery', {
      monitors: n,
      falseIncidents: results.reduce((s, r) => s + Math.max(0, r.incidents.length - 1), 0),
      missed: results.filter((r) => !r.o.change || r.incidents.length === 0).length,
      detection: results.map((r) => r.o.detectionMs),
      webhook: results.map((r) => r.o.webhookMs),
      total: results.map((r) => r.o.totalMs),
      notifications: got.length,
      events: eventCounts(got),
      notes:
        `incidents per outage ${results.map((r) => r.incidents.length).join(',')}, resolved ${resolved}/${n}; ` +
        `up again p50 ${pct(recovery, 50) ?? '-'} ms after the target answered ok`,
    });
  } finally {
    await acct.close();
  }
}

async function slow(sys, n = 3) {
  const acct = await new Account(sys, 'slow').open();
  try {
    const results = await Promise.all(
      Array.from({ length: n }, async (_, i) => {
        const key = `slow${i}`;
        const id = await acct.monitor(key, { degraded_threshold_ms: 500 });
        await acct.rounds(id, 2);
        await sleep(i * 450);
        const mark = await control(sys, { key, regions: ['eu-west', 'us-east'], mode: 'slow', ms: 1200 });
        const change = await acct.waitStatus(id, mark, 'degraded');
        const hook = change ? await acct.waitEvent(id, mark, 'monitor.slow') : null;
        await acct.rounds(id, 2);
        const fail = await firstFailing(sys, key, mark);
        const back = await control(sys, { key, regions: '*', mode: 'ok' });
        await acct.waitStatus(id, back, 'up');
        const downSeen = acct.statusesSince(id, mark).includes('down');
        return { id, mark, change, hook, fail, downSeen, incidents: await acct.incidents(id) };
      }),
    );
    const got = await acct.settled(Math.min(...results.map((r) => r.mark)));
    return row('slow (1,200 ms > degraded_threshold_ms 500) in 2 of 3 regions', {
      monitors: n,
      falseIncidents: results.reduce((s, r) => s + r.incidents.length + (r.downSeen && !r.incidents.length ? 1 : 0), 0),
      missed: results.filter((r) => !r.change).length,
      detection: results.map((r) => diff(r.change, r.fail)),
      webhook: results.map((r) => diff(r.hook, r.change)),
      total: results.map((r) => diff(r.hook, r.fail)),
      notifications: got.length,
      events: eventCounts(got),
      notes:
        `missed = never shown degraded; detection includes the 1,200 ms answer; ` +
        `down shown ${results.filter((r) => r.downSeen).length} times`,
    });
  } finally {
    await acct.close();
  }
}

async function flapping(sys, cycles = 6) {
  const acct = await new Account(sys, 'flap').open();
  try {
    const key = 'flap';
    const id = await acct.monitor(key, { flap_window_seconds: 60 });
    const threshold = (await acct.call('GET', `/monitors/${id}`)).body.data.flap_threshold;
    await acct.rounds(id, 2);
    const runs = [];
    // Each flip as soon as the API shows the last one.
    for (let c = 0; c < cycles; c++) runs.push(await outage(sys, acct, key, id, { holdRounds: 0, waitHook: false }));
    const since = runs[0].mark;
    const flappingAt = acct.seenAt(id, since, (e) => e.flapping === true);
    // Stable again after a quiet quarter of the 60 s window.
    const stable = () => flappingAt && acct.seenAt(id, flappingAt, (e) => e.flapping === false);
    const stableAt = await waitOrNull('flap: stable again', stable, 120_000, 250);
    if (stableAt) await acct.waitEvent(id, since, 'monitor.stable', 30_000);
    const incidents = await acct.incidents(id);
    const got = await acct.settled(since);
    const detected = runs.filter((r) => r.change).length;
    const changes = detected + runs.filter((r) => r.up).length;
    const lastChange = runs[runs.length - 1].up;
    const quiet = stableAt ? `${Math.round((stableAt - lastChange) / 1000)} s after the last change` : 'NOT seen';
    return row(`flapping (${cycles} outage/recovery cycles, flap_window_seconds 60)`, {
      monitors: 1,
      falseIncidents: Math.max(0, incidents.length - cycles),
      missed: cycles - detected,
      detection: runs.map((r) => r.detectionMs),
      notifications: got.length,
      events: eventCounts(got),
      notes:
        `${changes} status changes, ${incidents.length} incidents; flapping ${flappingAt ? 'shown' : 'NOT shown'} ` +
        `(threshold ${threshold}), stable again ${quiet}; undamped: ${changes * 2} notifications`,
    });
  } finally {
    await acct.close();
  }
}

async function receiverDown(sys, downMs, label) {
  const name = downMs >= 60_000 ? `rx${downMs / 60_000}min` : `rx${downMs / 1000}s`;
  const acct = await new Account(sys, name).open();
  try {
    const key = name;
    const id = await acct.monitor(key);
    await acct.rounds(id, 2);
    acct.hooks.downUntil = Date.now() + downMs;
    const mark = await control(sys, { key, regions: '*', mode: '500' });
    const change = await acct.waitStatus(id, mark, 'down');
    await acct.rounds(id, 2);
    const back = await control(sys, { key, regions: '*', mode: 'ok' });
    await acct.waitStatus(id, back, 'up');
    // The default schedule retries at +5 s, +15 s, +45 s, +105 s, +225 s, +525 s, +2,325 s (±10 %).
    const hook = change ? await acct.waitEvent(id, mark, 'monitor.down', downMs + 45 * 60_000) : null;
    const fail = await firstFailing(sys, key, mark);
    const downDelivery = (await acct.deliveries()).find((d) => d.event === 'monitor.down' && d.monitor_id === id);
    const incidents = await acct.incidents(id);
    const got = await acct.settled(mark, null, downMs + 15 * 60_000);
    const statuses = eventCounts((await acct.deliveries()).map((d) => ({ event: d.status })));
    const afterBack = hook ? ((hook - acct.hooks.downUntil) / 1000).toFixed(1) : null;
    const attempt = downDelivery?.attempts ?? '?';
    const delivered = hook ? `${afterBack} s after the receiver was back, attempt ${attempt}` : 'NOT delivered';
    return row(label, {
      monitors: 1,
      falseIncidents: Math.max(0, incidents.length - 1),
      missed: change ? 0 : 1,
      detection: [diff(change, fail)],
      webhook: [diff(hook, change)],
      total: [diff(hook, fail)],
      notifications: got.length,
      events: eventCounts(got),
      receiverUp: false,
      notes:
        `receiver answered 503 ${acct.hooks.refusedWhileDown} times; monitor.down delivered ${delivered}; ` +
        `outbox rows ${Object.entries(statuses)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}`,
    });
  } finally {
    await acct.close();
  }
}

async function probeDies(sys) {
  const acct = await new Account(sys, 'probe').open();
  try {
    const ok = await acct.monitor('pd-ok');
    const deg = await acct.monitor('pd-broken');
    await control(sys, { key: 'pd-broken', regions: ['ap-south'], mode: '500' });
    await waitFor('pd-broken degraded', () => acct.status(deg) === 'degraded', 60_000);
    await Promise.all([acct.rounds(ok, 2), acct.rounds(deg, 2)]);
    const mark = Date.now();
    const victim = sys.probes[REGIONS.indexOf('us-east')];
    log(`probe region dies: SIGKILL ${victim.name}`);
    victim.child.kill('SIGKILL');
    await victim.exited;
    const region = async () => (await acct.call('GET', '/regions')).body.data?.find((r) => r.id === 'us-east');
    const gone = async () => (await region())?.healthy === false && Date.now();
    const unhealthy = await waitOrNull('us-east unhealthy', gone, 120_000, 500);
    const after = unhealthy ? Math.round((unhealthy - mark) / 1000) : null;
    const shown = unhealthy ? `unhealthy in GET /regions ${after} s after the kill` : 'never unhealthy';
    await Promise.all([acct.rounds(ok, 5), acct.rounds(deg, 5)]);
    const incidents = [...(await acct.incidents(ok)), ...(await acct.incidents(deg))];
    const downShown = [ok, deg].filter((id) => acct.statusesSince(id, mark).includes('down')).length;
    const got = await acct.settled(mark);
    return row('a probe region dies (SIGKILL us-east) under an up and a degraded monitor', {
      monitors: 2,
      falseIncidents: incidents.length + (downShown && !incidents.length ? downShown : 0),
      missed: 0,
      notifications: got.length,
      events: eventCounts(got),
      notes: `us-east ${shown}; statuses after: ${acct.status(ok)}, ${acct.status(deg)}`,
    });
  } finally {
    await acct.close();
  }
}

// ---- report ------------------------------------------------------------------------------

const f = (v) => (v === null || v === undefined ? '-' : String(Math.round(v)));
const pair = (o) => (o.p50 === null ? '-' : `${f(o.p50)} / ${f(o.p95)}`);

function goalsMet(r) {
  if (r.error) return false;
  if (r.false_incidents > 0 || r.missed_outages > 0) return false;
  if (r.detection_ms.p95 !== null && r.detection_ms.p95 > GOALS.detectionMs) return false;
  return !(r.receiver_up && r.webhook_ms.p95 !== null && r.webhook_ms.p95 > GOALS.webhookMs);
}

function markdownRow(r) {
  if (r.error) {
    const error = r.error.replace(/\|/g, '/').slice(0, 300);
    return `| ${r.scenario} | - | - | - | - | - | - | - | NOT met | error: ${error} |`;
  }
  const ev = Object.entries(r.events)
    .map(([k, v]) => `${k.replace(/^(monitor|incident)\./, '')} ${v}`)
    .join(', ');
  const cells = [
    r.scenario,
    r.monitors,
    r.false_incidents,
    r.missed_outages,
    pair(r.detection_ms),
    `${pair(r.webhook_ms)}${r.receiver_up || r.webhook_ms.p50 === null ? '' : ' (receiver down)'}`,
    pair(r.fail_to_webhook_ms),
    `${r.notifications}${ev ? ` (${ev})` : ''}`,
    goalsMet(r) ? 'met' : 'NOT met',
    r.notes,
  ];
  return `| ${cells.join(' | ')} |`;
}

function markdown(rows, meta) {
  return [
    `Alert scenarios (${meta.date}): 3 regions, quorum 2, interval ${INTERVAL_S} s, timeout ${TIMEOUT_S} s, ` +
      'other settings default (confirmation_rounds 1, recovery_rounds 1, retries 0, default retry schedule)',
    '',
    '| scenario | monitors | false incidents | missed outages | detection p50 / p95 ms | ' +
      'change → webhook p50 / p95 ms | failing check → webhook p50 / p95 ms | notifications | goals | notes |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(markdownRow),
    '',
    `Goals: 0 false incidents, 0 missed outages, detection ≤ timeout + 2 s = ${GOALS.detectionMs} ms after the ` +
      `first failing check, webhook ≤ ${GOALS.webhookMs} ms after the change when the receiver is up. ` +
      `Run in ${meta.runtime_s} s.`,
  ].join('\n');
}

// ---- main --------------------------------------------------------------------------------

async function startSystem(tag, prefix, db, receiver, procs) {
  const target = spawnNode('target', path.join(__dirname, 'bench-decisions-target.js'), {});
  procs.push(target);
  const { port } = await target.firstJson(10_000);
  const cp = cpProcess.startControlPlane(0, {
    PORT: String(await freePort()),
    DATABASE_URL: db.databaseUrl,
    NATS_URL,
    NATS_PREFIX: prefix,
    REGIONS: REGIONS.join(','),
    JWT_SECRET: `bench-secret-${tag}-${tag}`,
    ALLOW_PRIVATE_TARGETS: 'true',
    RATE_LIMIT_PER_MINUTE: '1000000',
    LOG_LEVEL: 'warn',
  });
  await cpProcess.waitReady(cp);
  const sys = { tag, cp, base: cp.base, targetUrl: `http://127.0.0.1:${port}`, receiver, probes: [] };
  for (const region of REGIONS) {
    const env = { REGION: region, NATS_URL, NATS_PREFIX: prefix, ALLOW_PRIVATE_TARGETS: 'true', LOG_LEVEL: 'warn' };
    const p = spawnNode(`probe ${region}`, PROBE_MAIN, { ...env, METRICS_PORT: String(await freePort()) });
    sys.probes.push(p);
    procs.push(p);
  }
  const email = `admin-${tag}@example.com`;
  const admin = await api(cp.base, null, 'POST', '/auth/signup', { email, password: PASSWORD, name: 'Bench' });
  const healthy = async () => {
    const r = await api(cp.base, admin.body.data.api_key.key, 'GET', '/regions');
    return Array.isArray(r.body.data) && r.body.data.length === 3 && r.body.data.every((x) => x.healthy);
  };
  await waitFor('three healthy regions', healthy, 60_000, 250);
  return sys;
}

const ORDER = ['blip-1', 'blip-2', 'blip-5', 'broken', 'outage', 'slow', 'flapping', 'probe-dies'].concat([
  'receiver-10s',
  'receiver-10min',
]);

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  for (const file of [CONTROL_PLANE_MAIN, PROBE_MAIN]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  }
  const t0 = Date.now();
  const tag = randomBytes(4).toString('hex');
  const prefix = `bench_dec_${tag}`;
  const db = await cpProcess.createBenchDatabase(`bench_dec_${tag}`);
  const receiver = new Receiver();
  await receiver.start();
  const procs = [];
  const rows = [];
  let sys = null;
  try {
    sys = await startSystem(tag, prefix, db, receiver, procs);
    const scenario = async (key, label, fn) => {
      if (opts.only && !opts.only.includes(key)) return;
      const started = Date.now();
      log(`${key}: start`);
      try {
        rows.push({ key, ...(await fn()) });
      } catch (e) {
        rows.push({ key, scenario: label, error: String(e && e.message ? e.message : e) });
      }
      log(`${key}: done in ${Math.round((Date.now() - started) / 1000)} s`);
    };
    // Each on its own account and monitors, all at once; then the probe kill, which touches every monitor.
    await Promise.all([
      scenario('blip-1', 'single-region blip, 1 round', () => blip(sys, 1)),
      scenario('blip-2', 'single-region blip, 2 rounds', () => blip(sys, 2)),
      scenario('blip-5', 'single-region blip, 5 rounds', () => blip(sys, 5)),
      scenario('broken', 'one region permanently broken', () => regionBroken(sys)),
      scenario('outage', 'full outage', () => fullOutage(sys)),
      scenario('slow', 'slow responses', () => slow(sys)),
      scenario('flapping', 'flapping', () => flapping(sys)),
      scenario('receiver-10s', 'receiver down for 10 s', () =>
        receiverDown(sys, 10_000, 'receiver down (503) for 10 s during an outage'),
      ),
      opts.long
        ? scenario('receiver-10min', 'receiver down for 10 min', () =>
            receiverDown(sys, 600_000, 'receiver down (503) for 10 min during an outage (--long)'),
          )
        : undefined,
    ]);
    await scenario('probe-dies', 'a probe region dies', () => probeDies(sys));
  } finally {
    await Promise.all(procs.filter((p) => p.name.startsWith('probe')).map((p) => stopChild(p)));
    if (sys) await cpProcess.stopControlPlane(sys.cp);
    await Promise.all(procs.map((p) => stopChild(p)));
    await receiver.stop();
    await db.drop().catch(() => undefined);
    await deleteStreams(prefix).catch(() => undefined);
  }
  rows.sort((a, b) => ORDER.indexOf(a.key) - ORDER.indexOf(b.key));
  const meta = {
    date: `${new Date().toISOString().slice(0, 16)}Z`,
    runtime_s: Math.round((Date.now() - t0) / 1000),
    interval_s: INTERVAL_S,
    timeout_s: TIMEOUT_S,
    goals: GOALS,
  };
  let md = markdown(rows, meta);
  if (!opts.long) md += '\nNot run: the receiver down for 10 min (only with `--long`, about 45 min).';
  process.stdout.write(`\n${md}\n\n`);
  const result = {
    bench: 'decisions',
    ...meta,
    long: opts.long,
    all_goals_met: rows.every(goalsMet),
    rows: rows.map((r) => ({ ...r, goals_met: goalsMet(r) })),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  if (opts.json) writeFileSync(opts.json, `${JSON.stringify(result, null, 2)}\n`);
}

async function deleteStreams(prefix) {
  const { connect } = require('nats');
  const nc = await connect({ servers: NATS_URL });
  try {
    const jsm = await nc.jetstreamManager();
    for await (const s of jsm.streams.list()) {
      const mine = s.config.name.includes(prefix) || s.config.subjects?.some((x) => x.startsWith(`${prefix}.`));
      if (mine) await jsm.streams.delete(s.config.name);
    }
  } finally {
    await nc.close();
  }
}

runBench(main);
