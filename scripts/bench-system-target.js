'use strict';
/**
 * The whole-system bench's target (a child process of scripts/bench-system.js): answers 200
 * "OK" at once and, for every `GET /m/<interval>/<n>`, notes when each region (from the
 * probe's User-Agent, `region=…`) arrived. Between two arrivals of one monitor and region it
 * records |gap − interval| (punctuality, measured here, where the check lands).
 * `GET /__reset` starts a measuring window; `GET /__stats` answers the window's figures.
 * Prints `{"port": n}` when listening; exits on SIGTERM or when stdin closes.
 */
const http = require('node:http');

const body = Buffer.from('OK');
let last = new Map();
let deviations = [];
let requests = 0;
let since = performance.now();

function pct(sorted, p) {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const server = http.createServer((req, res) => {
  const url = req.url || '';
  if (url === '/__reset') {
    last = new Map();
    deviations = [];
    requests = 0;
    since = performance.now();
    res.writeHead(200, { connection: 'close' }).end('{}');
    return;
  }
  if (url === '/__stats') {
    const sorted = Float64Array.from(deviations).sort();
    const cpu = process.cpuUsage();
    res.writeHead(200, { 'content-type': 'application/json', connection: 'close' });
    res.end(
      JSON.stringify({
        requests,
        window_ms: performance.now() - since,
        pairs: last.size,
        gaps: sorted.length,
        punctuality_p50_ms: pct(sorted, 50),
        punctuality_p99_ms: pct(sorted, 99),
        punctuality_max_ms: sorted.length ? sorted[sorted.length - 1] : null,
        cpu_s: (cpu.user + cpu.system) / 1e6,
      }),
    );
    return;
  }
  const m = /^\/m\/(\d+)\/(\d+)/.exec(url);
  if (m) {
    requests++;
    const now = performance.now();
    const region = /region=([a-z0-9-]+)/.exec(req.headers['user-agent'] || '')?.[1] || '?';
    const key = `${m[2]}|${region}`;
    const prev = last.get(key);
    if (prev !== undefined) deviations.push(Math.abs(now - prev - Number(m[1]) * 1000));
    last.set(key, now);
  }
  res.writeHead(200, { 'content-type': 'text/plain', 'content-length': body.length, connection: 'close' });
  res.end(body);
});
server.keepAliveTimeout = 0;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(JSON.stringify({ port: server.address().port }) + '\n');
});
const stop = () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.resume();
