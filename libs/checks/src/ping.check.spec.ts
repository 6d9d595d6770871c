import { judgePing, parsePingOutput, pingArgs } from './ping.check';

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
    expect(parsePingOutput(ALL_BACK)).toEqual({ transmitted: 3, received: 3, packet_loss: 0, rtt_min: 0.028, rtt_avg: 0.064, rtt_max: 0.133, rtt_stddev: 0.048 });
    expect(parsePingOutput(SOME_LOST)).toMatchObject({ transmitted: 4, received: 3, packet_loss: 25, rtt_avg: 12.5 });
  });
  it('has no rtt when nothing came back, and no summary when ping failed before sending', () => {
    expect(parsePingOutput(NONE_BACK)).toEqual({ transmitted: 3, received: 0, packet_loss: 100, rtt_min: null, rtt_avg: null, rtt_max: null, rtt_stddev: null });
    expect(parsePingOutput('ping: connect: Network is unreachable\n')).toBeNull();
  });
});

describe('judgePing', () => {
  const s = (transmitted: number, received: number) => ({ transmitted, received, packet_loss: Math.round(((transmitted - received) / transmitted) * 100), rtt_min: null, rtt_avg: null, rtt_max: null, rtt_stddev: null });
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
    expect(pingArgs('127.0.0.1', { count: 3, interval_ms: 1000, timeout_ms: 10_000 })).toEqual(['-4', '-n', '-q', '-c', '3', '-i', '1.000', '-W', '7.900', '--', '127.0.0.1']);
    expect(pingArgs('::1', { count: 1, interval_ms: 200, timeout_ms: 1000 })).toEqual(['-6', '-n', '-q', '-c', '1', '-i', '0.200', '-W', '0.900', '--', '::1']);
    expect(pingArgs('::1', { count: 5, interval_ms: 1000, timeout_ms: 4000 })[8]).toBe('0.200');
  });
});
