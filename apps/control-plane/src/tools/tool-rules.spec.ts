import { monitorTargetHost, parseLookupTarget, parseRegionsParam, toolBudgetKey } from './tool-rules';

describe('parseLookupTarget', () => {
  it.each([
    ['example.com', { kind: 'domain', name: 'example.com', host: 'example.com' }],
    ['Example.COM.', { kind: 'domain', name: 'example.com', host: 'example.com' }],
    ['xn--bcher-kva.example', { kind: 'domain', name: 'xn--bcher-kva.example', host: 'xn--bcher-kva.example' }],
    // Host names are reduced to the registrable domain with the public-suffix list.
    ['www.Example.com', { kind: 'domain', name: 'example.com', host: 'www.example.com' }],
    ['a.b.www.example.co.uk', { kind: 'domain', name: 'example.co.uk', host: 'a.b.www.example.co.uk' }],
    ['shop.example.com.au', { kind: 'domain', name: 'example.com.au', host: 'shop.example.com.au' }],
    // Wildcard and exception rules: *.kawasaki.jp is a suffix, except !city.kawasaki.jp.
    ['a.b.c.kawasaki.jp', { kind: 'domain', name: 'b.c.kawasaki.jp', host: 'a.b.c.kawasaki.jp' }],
    ['x.y.city.kawasaki.jp', { kind: 'domain', name: 'city.kawasaki.jp', host: 'x.y.city.kawasaki.jp' }],
    // Private suffixes (github.io, …) are not registries: the registrable domain is the ICANN one.
    ['someone.github.io', { kind: 'domain', name: 'github.io', host: 'someone.github.io' }],
    // A TLD the list does not know (test, internal names) counts as a one-label suffix.
    ['api.fresh.test', { kind: 'domain', name: 'fresh.test', host: 'api.fresh.test' }],
    // A name that is itself a public suffix has no registration of its own.
    ['co.uk', { kind: 'public_suffix', name: 'co.uk' }],
    ['Com.AU.', { kind: 'public_suffix', name: 'com.au' }],
    ['93.184.216.34', { kind: 'ip', ip: '93.184.216.34' }],
    ['2001:db8::1', { kind: 'ip', ip: '2001:db8::1' }],
    ['[2001:db8::1]', { kind: 'ip', ip: '2001:db8::1' }],
  ])('%s is accepted', (raw, want) => {
    expect(parseLookupTarget(raw)).toEqual(want);
  });

  it.each([
    '',
    'localhost',
    'com',
    '-bad.com',
    'bad-.com',
    'a..com',
    'exa mple.com',
    'example.com/path',
    'http://example.com',
    '1.2.3',
    '999.1.1.1',
    `${'a'.repeat(64)}.com`,
    `${'a.'.repeat(130)}com`,
    'ex\u0000ample.com',
  ])('%j is refused', (raw) => {
    expect(parseLookupTarget(raw)).toBeNull();
  });

  it('refuses what is not a string', () => {
    expect(parseLookupTarget(undefined)).toBeNull();
    expect(parseLookupTarget(['example.com'])).toBeNull();
  });
});

describe('toolBudgetKey', () => {
  it('is one key per account, apart from the API budget (acc:) and the other counters', () => {
    expect(toolBudgetKey('acc_1')).toBe('tools:acc_1');
    expect(toolBudgetKey('acc_1')).not.toBe(toolBudgetKey('acc_2'));
  });
});

describe('monitorTargetHost', () => {
  const base = { url: '', sslDomain: '', host: '', dnsHostname: '' };
  it.each([
    [{ ...base, monitorType: 'http', url: 'https://api.example.com:8443/health' }, 'api.example.com'],
    [{ ...base, monitorType: 'https', url: 'https://[2001:db8::1]/' }, '[2001:db8::1]'],
    [{ ...base, monitorType: 'json_api', url: 'http://127.0.0.1:9/x' }, '127.0.0.1'],
    [
      { ...base, monitorType: 'ssl', sslDomain: 'tls.example.com', url: 'https://other.example.com' },
      'tls.example.com',
    ],
    [{ ...base, monitorType: 'ssl', url: 'https://other.example.com' }, 'other.example.com'],
    [{ ...base, monitorType: 'tcp', host: 'db.example.com' }, 'db.example.com'],
    [{ ...base, monitorType: 'ping', host: '192.0.2.1' }, '192.0.2.1'],
    [{ ...base, monitorType: 'sip', host: 'sip.example.com' }, 'sip.example.com'],
    [{ ...base, monitorType: 'dns', dnsHostname: 'example.com' }, 'example.com'],
    [{ ...base, monitorType: 'heartbeat' }, null],
    [{ ...base, monitorType: 'domain' }, null],
    [{ ...base, monitorType: 'http', url: 'not a url' }, null],
  ])('%j → %s', (m, want) => {
    expect(monitorTargetHost(m)).toBe(want);
  });
});

describe('parseRegionsParam', () => {
  const mine = ['eu-west', 'us-east', 'ap-south'];
  it('defaults to every region of the monitor, keeps a subset, refuses others', () => {
    expect(parseRegionsParam(undefined, mine)).toEqual({ ok: true, regions: mine });
    expect(parseRegionsParam('all', mine)).toEqual({ ok: true, regions: mine });
    expect(parseRegionsParam('us-east, eu-west,us-east', mine)).toEqual({ ok: true, regions: ['us-east', 'eu-west'] });
    expect(parseRegionsParam('eu-west,mars', mine)).toEqual({
      ok: false,
      error: 'not regions of this monitor: mars; its regions: eu-west, us-east, ap-south',
    });
    expect(parseRegionsParam(',', mine)).toEqual({ ok: false, error: 'regions must name at least one region' });
    expect(parseRegionsParam(['eu-west'], mine)).toEqual({
      ok: false,
      error: 'regions must be a comma-separated list',
    });
  });
});
