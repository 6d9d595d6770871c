'use strict';
/**
 * The benchmark's HTTP target (a child process of scripts/bench.js): answers 200 "OK" at
 * once, without keep-alive (with `--keep-alive`: keeps connections open).
 * `GET /__cpu` returns this process's CPU time (microseconds).
 * Prints `{"port": n}` on stdout when listening; exits on SIGTERM or when stdin closes.
 */
const http = require('node:http');

const body = Buffer.from('OK');
const keepAlive = process.argv.includes('--keep-alive');
const headers = { 'content-type': 'text/plain', 'content-length': body.length };
if (!keepAlive) headers.connection = 'close';
const server = http.createServer((req, res) => {
  if (req.url === '/__cpu') {
    const cpu = process.cpuUsage();
    res.writeHead(200, { 'content-type': 'application/json', connection: 'close' });
    res.end(JSON.stringify(cpu));
    return;
  }
  res.writeHead(200, headers);
  res.end(body);
});
server.keepAliveTimeout = keepAlive ? 5000 : 0;
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
