import { judgeDnsAnswer, parseResolver } from './dns.check';
import { chainOf, judgeCertificate, parseSans } from './ssl.check';
import { classifyTlsCheck } from './tls-protocols';

describe('parseResolver', () => {
  it.each([
    ['1.1.1.1', { host: '1.1.1.1', port: 53 }],
    [' 8.8.8.8:5353 ', { host: '8.8.8.8', port: 5353 }],
    ['::1', { host: '::1', port: 53 }],
    ['[2606:4700::1111]:53', { host: '2606:4700::1111', port: 53 }],
    ['[::1]', { host: '::1', port: 53 }],
  ])('%j', (s, r) => expect(parseResolver(s)).toEqual(r));
  it.each(['dns.google', '1.1.1.1:0', '1.1.1.1:70000', '1.1.1', '[dns]:53', '1.1.1.1:53:1', ''])('refuses %j', (s) =>
    expect(parseResolver(s)).toBeNull(),
  );
});

describe('judgeDnsAnswer', () => {
  it('needs NOERROR and at least one record', () => {
    expect(judgeDnsAnswer('A', 'NOERROR', ['1.2.3.4'], [])).toBeNull();
    expect(judgeDnsAnswer('A', 'NXDOMAIN', [], [])).toBe('DNS NXDOMAIN for the A query');
    expect(judgeDnsAnswer('A', 'REFUSED', [], [])).toBe('DNS REFUSED for the A query');
    expect(judgeDnsAnswer('MX', 'NOERROR', [], [])).toBe('no MX records in the answer');
  });
  it('matches expected values per type', () => {
    expect(judgeDnsAnswer('A', 'NOERROR', ['1.2.3.4', '5.6.7.8'], ['5.6.7.8', '1.2.3.4'])).toBeNull();
    expect(judgeDnsAnswer('AAAA', 'NOERROR', ['2001:db8::1'], ['2001:DB8:0::1'])).toBeNull();
    expect(judgeDnsAnswer('CNAME', 'NOERROR', ['target.example'], ['Target.Example.'])).toBeNull();
    expect(judgeDnsAnswer('MX', 'NOERROR', ['10 mx.example'], ['mx.example.'])).toBeNull();
    expect(judgeDnsAnswer('MX', 'NOERROR', ['10 mx.example'], ['10 mx.example'])).toBeNull();
    expect(judgeDnsAnswer('MX', 'NOERROR', ['10 mx.example'], ['20 mx.example'])).toBe(
      'expected MX "20 mx.example" not in the answer ["10 mx.example"]',
    );
    expect(judgeDnsAnswer('TXT', 'NOERROR', ['v=spf1 -all'], ['v=spf1 ~all'])).toBe(
      'expected TXT "v=spf1 ~all" not in the answer ["v=spf1 -all"]',
    );
    expect(judgeDnsAnswer('A', 'NOERROR', ['1.2.3.4'], ['not-an-ip'])).toBe(
      'expected A "not-an-ip" not in the answer ["1.2.3.4"]',
    );
  });
});

describe('judgeCertificate', () => {
  const now = Date.parse('2026-03-01T00:00:00Z');
  const base = {
    valid_from: '2026-01-01T00:00:00.000Z',
    valid_to: '2026-06-01T00:00:00.000Z',
    chain_valid: true,
    chain_error: null,
    hostname_match: true,
  };
  it('is up outside the threshold, warn inside it', () => {
    expect(judgeCertificate(base, 30, now, 'x')).toEqual({ error: null, warn: false, daysLeft: 92 });
    expect(judgeCertificate({ ...base, valid_to: '2026-03-20T00:00:00.000Z' }, 30, now, 'x')).toEqual({
      error: null,
      warn: true,
      daysLeft: 19,
    });
    expect(judgeCertificate({ ...base, valid_to: '2026-03-31T00:00:00.000Z' }, 30, now, 'x').warn).toBe(false);
    expect(judgeCertificate({ ...base, valid_to: '2026-03-30T23:59:59.000Z' }, 30, now, 'x').warn).toBe(true);
  });
  it('is down when expired, not yet valid, for another host or with an untrusted chain, in that order', () => {
    expect(
      judgeCertificate({ ...base, valid_to: '2026-02-27T00:00:00.000Z', hostname_match: false }, 30, now, 'x'),
    ).toEqual({ error: 'certificate expired on 2026-02-27T00:00:00.000Z', warn: false, daysLeft: -2 });
    expect(judgeCertificate({ ...base, valid_from: '2026-04-01T00:00:00.000Z' }, 30, now, 'x').error).toBe(
      'certificate is not valid before 2026-04-01T00:00:00.000Z',
    );
    expect(judgeCertificate({ ...base, hostname_match: false, chain_valid: false }, 30, now, 'a.example').error).toBe(
      'certificate does not match the host name a.example',
    );
    expect(
      judgeCertificate({ ...base, chain_valid: false, chain_error: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' }, 30, now, 'x')
        .error,
    ).toBe('certificate chain is not valid (UNABLE_TO_GET_ISSUER_CERT_LOCALLY)');
    expect(judgeCertificate({ ...base, valid_to: null }, 30, now, 'x').error).toBe(
      'certificate has no readable expiry date',
    );
  });
});

describe('parseSans / chainOf', () => {
  it('splits the SAN string', () => {
    expect(parseSans('DNS:a.example, DNS:*.b.example, IP Address:10.0.0.1')).toEqual([
      'a.example',
      '*.b.example',
      '10.0.0.1',
    ]);
    expect(parseSans(undefined)).toEqual([]);
  });
  it('walks the chain leaf first and stops at a self-issued certificate', () => {
    const root: any = {
      raw: Buffer.from('r'),
      fingerprint256: 'R',
      subject: { CN: 'Root' },
      issuer: { CN: 'Root' },
      valid_to: 'Jan  1 00:00:00 2036 GMT',
    };
    root.issuerCertificate = root;
    const leaf: any = {
      raw: Buffer.from('l'),
      fingerprint256: 'L',
      subject: { CN: 'leaf' },
      issuer: { O: 'Root' },
      issuerCertificate: root,
      valid_to: 'Jan  1 00:00:00 2027 GMT',
    };
    expect(chainOf(leaf).map((c) => [c.subject, c.issuer, c.valid_to])).toEqual([
      ['leaf', 'Root', '2027-01-01T00:00:00.000Z'],
      ['Root', 'Root', '2036-01-01T00:00:00.000Z'],
    ]);
  });
});

describe('classifyTlsCheck', () => {
  it('counts a version as accepted when the handshake got past the version agreement', () => {
    expect(classifyTlsCheck({ ok: true })).toBe(true);
    expect(classifyTlsCheck({ ok: false, error: { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' } })).toBe(true);
    expect(classifyTlsCheck({ ok: false, error: { code: 'ERR_TLS_CERT_ALTNAME_INVALID' } })).toBe(true);
    expect(classifyTlsCheck({ ok: false, error: { code: 'ERR_SSL_LEGACY_SIGALG_DISALLOWED_OR_UNSUPPORTED' } })).toBe(
      true,
    );
    expect(classifyTlsCheck({ ok: false, error: 'CERT_HAS_EXPIRED' })).toBe(true);
  });
  it('counts refusals and connection failures as not accepted', () => {
    expect(classifyTlsCheck({ ok: false, error: { code: 'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION' } })).toBe(false);
    expect(classifyTlsCheck({ ok: false, error: { code: 'ERR_SSL_NO_PROTOCOLS_AVAILABLE' } })).toBe(false);
    expect(classifyTlsCheck({ ok: false, error: { code: 'ECONNRESET' } })).toBe(false);
    expect(classifyTlsCheck({ ok: false, error: null })).toBe(false);
  });
});
