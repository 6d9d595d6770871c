import { judgeRegistration, RegistrationCache } from './domain.check';
import { parseRdap, parseWhois, parseWhoisServer, rdapBaseFor, type Registration } from './registration';

const DAY = 86_400_000;

describe('rdapBaseFor (the shipped IANA bootstrap registry)', () => {
  it('finds the registry of a TLD by the longest suffix, https first; [] for one it does not list', () => {
    expect(rdapBaseFor('example.com')).toEqual(['https://rdap.verisign.com/com/v1/']);
    expect(rdapBaseFor('WWW.Example.ORG.')).toEqual(['https://rdap.publicinterestregistry.org/rdap/']);
    expect(
      rdapBaseFor('a.b.example.co.uk', [
        [['uk'], ['https://uk/']],
        [['co.uk'], ['http://plain/', 'https://couk/']],
      ]),
    ).toEqual(['https://couk/', 'http://plain/']);
    expect(rdapBaseFor('example.invalid')).toEqual([]);
  });
});

describe('parseRdap / parseWhois', () => {
  const rdapObject = {
    objectClassName: 'domain',
    ldhName: 'EXAMPLE.COM',
    status: ['clientTransferProhibited', 'serverHold'],
    events: [
      { eventAction: 'registration', eventDate: '2001-02-03T04:05:06Z' },
      { eventAction: 'expiration', eventDate: '2030-05-06T07:08:09Z' },
      { eventAction: 'last changed', eventDate: '2024-01-01T00:00:00Z' },
    ],
    entities: [
      {
        objectClassName: 'entity',
        handle: '9999',
        roles: ['registrar'],
        vcardArray: [
          'vcard',
          [
            ['version', {}, 'text', '4.0'],
            ['fn', {}, 'text', 'Registrar One'],
          ],
        ],
      },
    ],
    nameservers: [{ ldhName: 'NS1.DNS.TEST' }, { ldhName: 'ns2.dns.test' }],
  };
  const whoisAnswer = [
    '   Domain Name: EXAMPLE.COM',
    '   Registrar: Registrar One',
    '   Updated Date: 2024-01-01T00:00:00Z',
    '   Creation Date: 2001-02-03T04:05:06Z',
    '   Registry Expiry Date: 2030-05-06T07:08:09Z',
    '   Domain Status: clientTransferProhibited https://icann.org/epp#clientTransferProhibited',
    '   Domain Status: serverHold https://icann.org/epp#serverHold',
    '   Name Server: NS1.DNS.TEST',
    '   Name Server: NS2.DNS.TEST',
    '>>> Last update of whois database: 2026-01-01T00:00:00Z <<<',
  ].join('\r\n');
  it('normalise both answers to the same record', () => {
    const rdap = parseRdap(rdapObject, 'https://r/domain/example.com', '{}');
    const whois = parseWhois(whoisAnswer, 'whois://w:43', 'example.com')!;
    const common = {
      name: 'example.com',
      registrar: 'Registrar One',
      expires_at: '2030-05-06T07:08:09.000Z',
      created_at: '2001-02-03T04:05:06.000Z',
      updated_at: '2024-01-01T00:00:00.000Z',
      status: ['clientTransferProhibited', 'serverHold'],
      name_servers: ['ns1.dns.test', 'ns2.dns.test'],
    };
    expect(rdap).toMatchObject({ source: 'rdap', ...common });
    expect(whois).toMatchObject({ source: 'whois', ...common });
  });
  it('reads other registries\' WHOIS keys, and "No match" as not registered', () => {
    const ru = parseWhois(
      'domain:        EXAMPLE.RU\nnserver:       a.dns.ru.\nstate:         REGISTERED, DELEGATED\nregistrar:     RU-CENTER-RU\ncreated:       2004-01-01T00:00:00Z\npaid-till:     2027-02-01T21:00:00Z\n',
      'whois://ru',
      'example.ru',
    )!;
    expect(ru).toMatchObject({
      name: 'example.ru',
      registrar: 'RU-CENTER-RU',
      expires_at: '2027-02-01T21:00:00.000Z',
      name_servers: ['a.dns.ru'],
      status: ['REGISTERED'],
    });
    expect(parseWhois('No match for "NOPE.COM".\r\n', 'w', 'nope.com')).toBeNull();
    expect(parseWhois('% comment\n\n', 'w', 'x.test')).toMatchObject({ expires_at: null, registrar: null });
  });
  it('survives hostile RDAP bodies (wrong types everywhere)', () => {
    expect(
      parseRdap(
        { events: 'x', entities: [null, 1, { roles: 'registrar' }], status: [1, 's'], nameservers: [{}, 'n'] } as never,
        's',
        '',
      ),
    ).toMatchObject({ registrar: null, expires_at: null, status: ['s'], name_servers: [] });
  });
});

describe('parseWhoisServer', () => {
  it.each([
    ['whois.verisign-grs.com', { host: 'whois.verisign-grs.com', port: 43 }],
    ['127.0.0.1:4343', { host: '127.0.0.1', port: 4343 }],
    ['[::1]:43', { host: '::1', port: 43 }],
    ['::1', { host: '::1', port: 43 }],
  ])('%j', (s, r) => expect(parseWhoisServer(s)).toEqual(r));
  it.each(['', 'a b', 'http://x/', 'x:0', 'x:99999', '[x]:43'])('refuses %j', (s) =>
    expect(parseWhoisServer(s)).toBeNull(),
  );
});

describe('judgeRegistration', () => {
  const now = Date.parse('2026-06-01T00:00:00Z');
  const reg = (expires: string | null): Registration => ({
    source: 'rdap',
    server: 's',
    name: 'example.com',
    registrar: null,
    created_at: null,
    updated_at: null,
    expires_at: expires,
    status: [],
    name_servers: [],
    raw: '',
  });
  it('up beyond the threshold, warn within it, down once expired or without an expiry', () => {
    expect(judgeRegistration(reg(new Date(now + 90 * DAY).toISOString()), 30, now)).toMatchObject({
      is_up: true,
      warn: false,
      days_left: 90,
    });
    expect(judgeRegistration(reg(new Date(now + 30 * DAY).toISOString()), 30, now)).toMatchObject({
      is_up: true,
      warn: true,
      days_left: 30,
      findings: ['domain registration expires in 30 days (threshold 30)'],
    });
    expect(judgeRegistration(reg('2026-05-31T00:00:00.000Z'), 30, now)).toEqual({
      is_up: false,
      warn: false,
      error: 'domain registration expired on 2026-05-31T00:00:00.000Z',
      days_left: -1,
      findings: [],
    });
    expect(judgeRegistration(reg(null), 30, now)).toMatchObject({
      is_up: false,
      error: 'the registry (s) gives no expiry date for example.com',
    });
  });
});

describe('RegistrationCache', () => {
  it('keeps a read for its time to live, then forgets it; evicts the oldest beyond its size', () => {
    let t = 0;
    const c = new RegistrationCache(1000, () => t, 2);
    const r = { name: 'a' } as Registration;
    c.set('a', r);
    t = 999;
    expect(c.get('a')?.reg).toBe(r);
    t = 1000;
    expect(c.get('a')).toBeNull();
    c.set('a', r);
    c.set('b', r);
    c.set('c', r);
    expect([c.get('a'), !!c.get('b'), !!c.get('c')]).toEqual([null, true, true]);
  });
});
