import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PingCheckSpec } from '@parallax/contracts';
import type { CheckContext } from './check';
import { judgePing, parsePingOutput, PingCheck, pingArgs } from './ping.check';

/** Outputs of iputils ping 20221126 (LC_ALL=C, -n -q). */
const ALL_BACK = `PING 127.0.0.1 (127.0.0.1) 56(84) bytes of data.

--- 127.0.0.1 ping statistics ---
3 packets transmitted, 3 received, 0% packet loss, time 405ms
rtt min/avg/max/mdev = 0.028/0.064/0.133/0.048 ms
`;
const SOME_LOST = `PING 10.0.0.9 (10.0.0.9) 56(84) bytes of data.

--- 10.0.0.9 ping statistics ---
4 packets transmitted, 3 received, 25% packet loss, time 3004ms
rtt min/avg/max/mdev = 10.100/12.500/15.900/2.274 ms
`;
const NONE_BACK = `PING 10.0.0.9 (10.0.0.9) 56(84) bytes of data.

--- 10.0.0.9 ping statistics ---
3 packets transmitted, 0 received, +3 errors, 100% packet loss, time 2030ms
`;

describe('parsePingOutput', () => {
  it('reads counts, loss and rtt min/avg/max/stddev', () => {
    expect(parsePingOutput(ALL_BACK)).toEqual({
      transmitted: 3,
      received: 3,
      packet_loss: 0,
      rtt_min: 0.028,
      rtt_avg: 0.064,
      rtt_max: 0.133,
      rtt_stddev: 0.048,
    });
    expect(parsePingOutput(SOME_LOST)).toMatchObject({ transmitted: 4, received: 3, packet_loss: 25, rtt_avg: 12.5 });
  });
  it('has no rtt when nothing came back, and no summary when ping failed before sending', () => {
    expect(parsePingOutput(NONE_BACK)).toEqual({
      transmitted: 3,
      received: 0,
      packet_loss: 100,
      rtt_min: null,
      rtt_avg: null,
      rtt_max: null,
      rtt_stddev: null,
    });
    expect(parsePingOutput('ping: connect: Network is unreachable\n')).toBeNull();
  });
});

describe('judgePing', () => {
  const s = (transmitted: number, received: number) => ({
    transmitted,
    received,
    packet_loss: Math.round(((transmitted - received) / transmitted) * 100),
    rtt_min: null,
    rtt_avg: null,
    rtt_max: null,
    rtt_stddev: null,
  });
  it('is up when the loss is at most max_packet_loss', () => {
    expect(judgePing(s(3, 3), 0)).toBeNull();
    expect(judgePing(s(4, 3), 25)).toBeNull();
    expect(judgePing(s(4, 3), 50)).toBeNull();
  });
  it('is down above it, and always when no reply came back', () => {
    expect(judgePing(s(4, 3), 0)).toBe('25% packet loss (3 of 4 replies) is above max_packet_loss 0%');
    expect(judgePing(s(3, 0), 100)).toBe('no reply to 3 echo requests (100% packet loss)');
    expect(judgePing(s(1, 0), 100)).toBe('no reply to 1 echo request (100% packet loss)');
  });
});

describe('pingArgs', () => {
  it('is a fixed vector ending in the address after "--", the reply wait bounded by the timeout', () => {
    expect(pingArgs('127.0.0.1', { count: 3, interval_ms: 1000, timeout_ms: 10_000 })).toEqual([
      '-4',
      '-n',
      '-q',
      '-c',
      '3',
      '-i',
      '1.000',
      '-W',
      '7.900',
      '--',
      '127.0.0.1',
    ]);
    expect(pingArgs('::1', { count: 1, interval_ms: 200, timeout_ms: 1000 })).toEqual([
      '-6',
      '-n',
      '-q',
      '-c',
      '1',
      '-i',
      '0.200',
      '-W',
      '0.900',
      '--',
      '::1',
    ]);
    expect(pingArgs('::1', { count: 5, interval_ms: 1000, timeout_ms: 4000 })[8]).toBe('0.200');
  });
});

describe("PingCheck: the program comes from the context's PATH (the probe's config), nothing else of the environment", () => {
  const spec: PingCheckSpec = {
    type: 'ping',
    host: '127.0.0.1',
    count: 3,
    interval_ms: 200,
    timeout_ms: 5000,
    max_packet_loss: 0,
  };
  const ctx = (childPath: string): CheckContext => ({
    region: 'eu-west',
    userAgent: 'test',
    allowPrivateTargets: true,
    maxBodyBytes: 1024,
    childPath,
  });
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'px-ping-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('runs the ping found on that PATH, with only PATH and LC_ALL=C set', async () => {
    // A stand-in ping (shell builtins only: its PATH has nothing else) that prints a summary and what it was given.
    const fake = join(dir, 'ping');
    writeFileSync(
      fake,
      `#!/bin/sh\necho "PATH=$PATH LC_ALL=$LC_ALL HOME=$HOME" > "\${0%/*}/seen"\nprintf '%s' '${ALL_BACK}'\n`,
    );
    chmodSync(fake, 0o755);
    const out = await new PingCheck().run(spec, ctx(dir));
    expect(out.error).toBeNull();
    expect(out.is_up).toBe(true);
    expect(out.response_ms).toBe(0.064);
    expect(readFileSync(join(dir, 'seen'), 'utf8').trim()).toBe(`PATH=${dir} LC_ALL=C HOME=`);
  });

  it('says ping is not installed when that PATH has none', async () => {
    const out = await new PingCheck().run(spec, ctx(dir));
    expect(out.is_up).toBe(false);
    expect(out.error).toBe('ping is not installed on this probe (install iputils-ping)');
  });
});
