'use strict';
/**
 * The alert scenario suite's target (a child process of scripts/bench-decisions.js). Each
 * scenario's monitor checks `GET /t/<key>`; the answer depends on the key and on the probe's
 * region (its User-Agent is `Parallax/<v> (region=<id>)`), as set through the control endpoint:
 *
 *   POST /control {"key": "k", "regions": ["eu-west"] | "*", "mode": "ok" | "500" | "slow" | "hang",
 *                  "ms": 800, "count": 2}
 *
 * `slow` answers 200 after `ms`; `hang` never answers (the probe's timeout ends the check);
 * `count` applies the mode to that many further requests of each named region, then `ok` again.
 * Every request is logged with the time it arrived (Date.now(), the machine's clock, shared
 * with the bench): `GET /log?key=k` answers them. Prints `{"port": n}` when listening; exits on
 * SIGTERM or when stdin closes.
 */
const http = require('node:http');

/** key -> region -> { mode, ms, count } */
const rules = new Map();
/** key -> [{ at, region, mode }] */
const logs = new Map();
const hanging = new Set();

function ruleFor(key, region) {
  const byRegion = rules.get(key);
  if (!byRegion) return { mode: 'ok' };
  const r = byRegion.get(region) || byRegion.get('*');
  if (!r) return { mode: 'ok' };
  if (r.count !== undefined) {
    if (r.count <= 0) return { mode: 'ok' };
    r.count--;
  }
  return r;
}

function readBody(req) {
  return new Promise((resolve) => {
    let s = '';
    req.setEncoding('utf8');
    req.on('data', (c) => (s += c));
    req.on('end', () => resolve(s));
  });
}

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url || '/', 'http://target');
  if (req.method === 'POST' && url.pathname === '/control') {
    const body = JSON.parse((await readBody(req)) || '{}');
    if (!rules.has(body.key)) rules.set(body.key, new Map());
    const byRegion = rules.get(body.key);
    const regions = body.regions === '*' || !body.regions ? ['*'] : body.regions;
    if (regions[0] === '*') byRegion.clear();
    for (const region of regions) {
      byRegion.set(region, { mode: body.mode || 'ok', ms: Number(body.ms || 0), count: body.count });
    }
    res.writeHead(200, { 'content-type': 'application/json', connection: 'close' });
    res.end(JSON.stringify({ at: Date.now() }));
    return;
  }
  if (url.pathname === '/log') {
    res.writeHead(200, { 'content-type': 'application/json', connection: 'close' });
    res.end(JSON.stringify(logs.get(url.searchParams.get('key')) || []));
    return;
  }
  const m = /^\/t\/([\w-]+)$/.exec(url.pathname);
  if (!m) {
    res.writeHead(404, { connection: 'close' }).end();
    return;
  }
  const key = m[1];
  const at = Date.now();
  const region = /region=([a-z0-9-]+)/.exec(req.headers['user-agent'] || '')?.[1] || '?';
  const rule = ruleFor(key, region);
  if (!logs.has(key)) logs.set(key, []);
  logs.get(key).push({ at, region, mode: rule.mode });
  const ok = () => res.writeHead(200, { 'content-type': 'text/plain', connection: 'close' }).end(`OK from ${region}`);
  if (rule.mode === '500') {
    res.writeHead(500, { 'content-type': 'text/plain', connection: 'close' }).end('Internal Server Error');
  } else if (rule.mode === 'slow') setTimeout(ok, rule.ms);
  else if (rule.mode === 'hang') {
    hanging.add(res);
    res.on('close', () => hanging.delete(res));
  } else ok();
});
server.keepAliveTimeout = 0;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(JSON.stringify({ port: server.address().port }) + '\n');
});
const stop = () => {
  for (const r of hanging) r.destroy();
  server.closeAllConnections();
  server.close(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.resume();
