import type { LookupAddress } from 'node:dns';
import {
  DnsLookupError,
  TargetRefusedError,
  classifyAddress,
  guardAddress,
  inCidrs,
  isIpLiteral,
  isPrivateAddress,
  resolveAndGuard,
  stripBrackets,
  type LookupAllFn,
} from './ssrf';

/** A lookup that answers from a table; unknown names fail with ENOTFOUND. */
function fakeLookup(table: Record<string, Array<[string, 4 | 6]>>, calls: string[] = []): LookupAllFn {
  return (hostname, _options, callback) => {
    calls.push(hostname);
    const answer = table[hostname];
    if (!answer) {
      const err = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
      return callback(err, []);
    }
    callback(
      null,
      answer.map(([address, family]): LookupAddress => ({ address, family })),
    );
  };
}

describe('classifyAddress / isPrivateAddress', () => {
  const refused: Array<[string, string]> = [
    // IPv4
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.1', 'private'],
    ['10.255.255.255', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['169.254.0.1', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['100.127.255.255', 'carrierGradeNat'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['192.0.2.1', 'reserved'],
    ['198.51.100.7', 'reserved'],
    ['203.0.113.9', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['240.0.0.1', 'reserved'],
    // IPv6
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['fe80::1%eth0', 'linkLocal'],
    ['fc00::1', 'uniqueLocal'],
    ['fd12:3456:789a::1', 'uniqueLocal'],
    ['ff02::1', 'multicast'],
    ['fec0::1', 'deprecatedSiteLocal'],
    ['2001:db8::1', 'reserved'],
    ['100::1', 'discard'],
    // IPv6 carrying a private IPv4
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:169.254.169.254', 'linkLocal'],
    ['::ffff:0:192.168.0.1', 'private'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['64:ff9b::a9fe:a9fe', 'linkLocal'],
    ['2002:7f00:1::1', 'loopback'],
    ['2002:c0a8:101::1', 'private'],
    ['::127.0.0.1', 'loopback'],
  ];

  it.each(refused)('refuses %s (%s)', (ip, range) => {
    const c = classifyAddress(ip);
    expect(c.range).toBe(range);
    expect(c.allowed).toBe(false);
    expect(isPrivateAddress(ip)).toBe(true);
  });

  const allowed = [
    '8.8.8.8',
    '1.1.1.1',
    '93.184.216.34',
    '172.15.255.255', // just below 172.16/12
    '172.32.0.0', // just above
    '100.63.255.255', // just below CGNAT
    '100.128.0.0', // just above
    '169.253.255.255',
    '11.0.0.1',
    '192.169.0.1',
    '223.255.255.255',
    '2606:4700:4700::1111',
    '2001:4860:4860::8888',
    '2a00:1450:4001:81a::200e',
    '::ffff:8.8.8.8', // mapped public
    '64:ff9b::808:808', // NAT64 of 8.8.8.8
    '2002:808:808::1', // 6to4 of 8.8.8.8
  ];

  it.each(allowed)('allows %s', (ip) => {
    expect(classifyAddress(ip).allowed).toBe(true);
    expect(isPrivateAddress(ip)).toBe(false);
  });

  it('reports the embedded IPv4 address and the carrier range', () => {
    expect(classifyAddress('::ffff:10.1.2.3')).toEqual({
      address: '::ffff:a01:203',
      range: 'private',
      allowed: false,
      embeddedIPv4: '10.1.2.3',
      via: 'ipv4Mapped',
    });
    expect(classifyAddress('2002:808:808::1')).toMatchObject({ allowed: true, embeddedIPv4: '8.8.8.8', via: '6to4' });
  });

  it('checks both addresses of a Teredo address', () => {
    // server 65.54.227.120, client 192.168.1.1 obfuscated (~c0a8:0101 = 3f57:fefe)
    expect(classifyAddress('2001:0:4136:e378:8000:63bf:3f57:fefe')).toMatchObject({
      allowed: false,
      range: 'private',
      embeddedIPv4: '192.168.1.1',
      via: 'teredo',
    });
    // server 10.0.0.1
    expect(classifyAddress('2001:0:a00:1:8000:63bf:f7f7:f7f7')).toMatchObject({
      allowed: false,
      range: 'private',
      embeddedIPv4: '10.0.0.1',
    });
    // server 65.54.227.120, client 8.8.8.8 (~0808:0808 = f7f7:f7f7)
    expect(classifyAddress('2001:0:4136:e378:8000:63bf:f7f7:f7f7')).toMatchObject({
      allowed: true,
      embeddedIPv4: '8.8.8.8',
    });
  });

  it('refuses the local-use NAT64 prefix and deprecated IPv4-compatible addresses even with a public IPv4', () => {
    expect(isPrivateAddress('64:ff9b:1::808:808')).toBe(true);
    expect(classifyAddress('::8.8.8.8')).toMatchObject({
      allowed: false,
      range: 'ipv4Compatible',
      embeddedIPv4: '8.8.8.8',
    });
  });

  it('accepts URL-style brackets and canonicalises IPv6', () => {
    expect(classifyAddress('[::1]')).toMatchObject({ address: '::1', range: 'loopback', allowed: false });
    expect(classifyAddress('[2606:4700:4700:0:0:0:0:1111]').address).toBe('2606:4700:4700::1111');
  });

  it('classifies non-dotted IPv4 notations like inet_aton does', () => {
    expect(classifyAddress('2130706433')).toMatchObject({ address: '127.0.0.1', range: 'loopback' });
    expect(classifyAddress('0x7f000001')).toMatchObject({ address: '127.0.0.1', range: 'loopback' });
    expect(classifyAddress('0x7f.0.0.1').range).toBe('loopback');
    expect(classifyAddress('0177.0.0.1').range).toBe('loopback');
    expect(classifyAddress('0xa9.0xfe.0xa9.0xfe')).toMatchObject({ address: '169.254.169.254', range: 'linkLocal' });
  });

  it('fails closed on anything that is not an IP address', () => {
    for (const s of ['', 'localhost', 'example.com', '256.1.1.1', '1.2.3.4.5', '::g', 'http://127.0.0.1/']) {
      expect(classifyAddress(s)).toMatchObject({ range: 'invalid', allowed: false });
      expect(isPrivateAddress(s)).toBe(true);
    }
  });
});

describe('URL parsing normalises IP notations before the guard sees them', () => {
  it.each([
    ['http://2130706433/', '127.0.0.1'],
    ['http://0x7f.0.0.1/', '127.0.0.1'],
    ['http://0x7f000001/', '127.0.0.1'],
    ['http://0177.0.0.01/', '127.0.0.1'],
    ['http://127.1/', '127.0.0.1'],
    ['http://0/', '0.0.0.0'],
    ['http://0xA9FEA9FE/', '169.254.169.254'],
    ['http://[::ffff:127.0.0.1]/', '[::ffff:7f00:1]'],
    ['http://[0:0:0:0:0:0:0:1]:8080/', '[::1]'],
  ])('%s → %s, refused', (url, hostname) => {
    const host = new URL(url).hostname;
    expect(host).toBe(hostname);
    expect(isIpLiteral(host)).toBe(true);
    expect(isPrivateAddress(host)).toBe(true);
  });
});

describe('stripBrackets / isIpLiteral', () => {
  it('strips only a surrounding pair of brackets', () => {
    expect(stripBrackets('[::1]')).toBe('::1');
    expect(stripBrackets('::1')).toBe('::1');
    expect(stripBrackets('[x')).toBe('[x');
    expect(stripBrackets('example.com')).toBe('example.com');
  });

  it('recognises literal addresses only', () => {
    expect(isIpLiteral('127.0.0.1')).toBe(true);
    expect(isIpLiteral('[2001:db8::1]')).toBe(true);
    expect(isIpLiteral('example.com')).toBe(false);
    expect(isIpLiteral('2130706433')).toBe(false); // not canonical: goes through the resolver (and the guard)
  });
});

describe('inCidrs / guardAddress', () => {
  it('matches addresses and embedded IPv4 against CIDRs and bare addresses', () => {
    expect(inCidrs('10.20.3.4', ['10.20.0.0/16'])).toBe(true);
    expect(inCidrs('10.21.0.1', ['10.20.0.0/16'])).toBe(false);
    expect(inCidrs('::ffff:10.20.3.4', ['10.20.0.0/16'])).toBe(true);
    expect(inCidrs('127.0.0.1', ['127.0.0.1'])).toBe(true);
    expect(inCidrs('127.0.0.2', ['127.0.0.1'])).toBe(false);
    expect(inCidrs('fd00::5', ['fd00::/8'])).toBe(true);
    expect(inCidrs('10.0.0.1', [])).toBe(false);
    expect(inCidrs('not-an-ip', ['0.0.0.0/0'])).toBe(false);
  });

  it('throws TargetRefusedError with an actionable message', () => {
    expect(() => guardAddress('db.internal', '10.0.0.1', false)).toThrow(
      new TargetRefusedError('db.internal', '10.0.0.1', 'private'),
    );
    let caught: unknown;
    try {
      guardAddress('db.internal', '10.0.0.1', false);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(TargetRefusedError);
    expect((caught as TargetRefusedError).message).toBe(
      'target resolves to a private address (private); set ALLOW_PRIVATE_TARGETS=true to allow',
    );
    expect((caught as TargetRefusedError).code).toBe('ETARGETREFUSED');
    expect((caught as TargetRefusedError).range).toBe('private');
    expect(() => guardAddress('169.254.169.254', '169.254.169.254', false)).toThrow(
      'target is a private address (linkLocal); set ALLOW_PRIVATE_TARGETS=true to allow',
    );
  });

  it('lets private addresses through when allowed, globally or by CIDR', () => {
    expect(() => guardAddress('x', '10.0.0.1', true)).not.toThrow();
    expect(() => guardAddress('x', '10.0.0.1', false, ['10.0.0.0/8'])).not.toThrow();
    expect(() => guardAddress('x', '192.168.0.1', false, ['10.0.0.0/8'])).toThrow(TargetRefusedError);
    expect(() => guardAddress('x', '8.8.8.8', false)).not.toThrow();
  });
});

describe('resolveAndGuard', () => {
  it('returns the first address and all of them for a public host', async () => {
    const lookup = fakeLookup({
      'example.com': [
        ['93.184.216.34', 4],
        ['2606:2800:220:1:248:1893:25c8:1946', 6],
      ],
    });
    await expect(resolveAndGuard('example.com', false, { lookup })).resolves.toEqual({
      address: '93.184.216.34',
      family: 4,
      addresses: [
        { address: '93.184.216.34', family: 4 },
        { address: '2606:2800:220:1:248:1893:25c8:1946', family: 6 },
      ],
    });
  });

  it('refuses when ANY address is private', async () => {
    const lookup = fakeLookup({
      'mixed.example': [
        ['93.184.216.34', 4],
        ['10.0.0.1', 4],
      ],
    });
    await expect(resolveAndGuard('mixed.example', false, { lookup })).rejects.toThrow(
      'target resolves to a private address (private); set ALLOW_PRIVATE_TARGETS=true to allow',
    );
    await expect(resolveAndGuard('mixed.example', false, { lookup })).rejects.toBeInstanceOf(TargetRefusedError);
  });

  it('refuses names resolving to loopback, metadata, CGNAT, mapped IPv6 and ULA', async () => {
    const lookup = fakeLookup({
      a: [['127.0.0.1', 4]],
      b: [['169.254.169.254', 4]],
      c: [['100.64.1.1', 4]],
      d: [['::ffff:192.168.1.1', 6]],
      e: [['fd00::1', 6]],
    });
    await expect(resolveAndGuard('a', false, { lookup })).rejects.toThrow('a private address (loopback)');
    await expect(resolveAndGuard('b', false, { lookup })).rejects.toThrow('a private address (linkLocal)');
    await expect(resolveAndGuard('c', false, { lookup })).rejects.toThrow('a private address (carrierGradeNat)');
    await expect(resolveAndGuard('d', false, { lookup })).rejects.toThrow('a private address (private)');
    await expect(resolveAndGuard('e', false, { lookup })).rejects.toThrow('a private address (uniqueLocal)');
  });

  it('names the class of a refused address, never the address a name resolved to (issue 13)', async () => {
    const lookup = fakeLookup({ 'kube-dns.internal': [['10.96.0.10', 4]] });
    const refused = await resolveAndGuard('kube-dns.internal', false, { lookup }).catch((e: Error) => e);
    expect(refused).toBeInstanceOf(TargetRefusedError);
    expect((refused as Error).message).toBe(
      'target resolves to a private address (private); set ALLOW_PRIVATE_TARGETS=true to allow',
    );
    expect((refused as Error).message).not.toContain('10.96');
  });

  it('resolves private addresses when private targets are allowed', async () => {
    const lookup = fakeLookup({ db: [['10.0.0.5', 4]] });
    await expect(resolveAndGuard('db', true, { lookup })).resolves.toMatchObject({ address: '10.0.0.5', family: 4 });
  });

  it('honours allowed CIDRs for every address', async () => {
    const lookup = fakeLookup({
      db: [
        ['10.0.0.5', 4],
        ['10.9.0.5', 4],
      ],
    });
    await expect(resolveAndGuard('db', false, { lookup, allowedCidrs: ['10.0.0.0/8'] })).resolves.toMatchObject({
      address: '10.0.0.5',
    });
    await expect(resolveAndGuard('db', false, { lookup, allowedCidrs: ['10.0.0.0/16'] })).rejects.toThrow(
      'a private address (private)',
    );
  });

  it('does not look up literal IPs, with or without brackets', async () => {
    const calls: string[] = [];
    const lookup = fakeLookup({}, calls);
    await expect(resolveAndGuard('8.8.8.8', false, { lookup })).resolves.toEqual({
      address: '8.8.8.8',
      family: 4,
      addresses: [{ address: '8.8.8.8', family: 4 }],
    });
    await expect(resolveAndGuard('[2606:4700:4700::1111]', false, { lookup })).resolves.toMatchObject({
      address: '2606:4700:4700::1111',
      family: 6,
    });
    await expect(resolveAndGuard('[::1]', false, { lookup })).rejects.toThrow('target is a private address (loopback)');
    await expect(resolveAndGuard('127.0.0.1', false, { lookup })).rejects.toBeInstanceOf(TargetRefusedError);
    expect(calls).toEqual([]);
  });

  it('reports lookup failures as DnsLookupError with the resolver code', async () => {
    const lookup = fakeLookup({ empty: [] });
    const err = await resolveAndGuard('nosuch.invalid', false, { lookup }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DnsLookupError);
    expect((err as DnsLookupError).message).toBe('DNS lookup failed for nosuch.invalid (ENOTFOUND)');
    expect((err as DnsLookupError).code).toBe('ENOTFOUND');
    await expect(resolveAndGuard('empty', false, { lookup })).rejects.toThrow('DNS lookup failed for empty (ENODATA)');
    await expect(resolveAndGuard('', false, { lookup })).rejects.toBeInstanceOf(DnsLookupError);
  });
});
