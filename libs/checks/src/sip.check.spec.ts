import { optionsRequest, parseSipResponse } from './sip.check';

describe('parseSipResponse', () => {
  it('reads the code, the reason and the headers (compact forms expanded), complete once the body arrived', () => {
    const r = parseSipResponse(
      'SIP/2.0 200 OK\r\nv: SIP/2.0/UDP 127.0.0.1:5070\r\ni: abc@parallax\r\nServer: asterisk\r\nl: 4\r\n\r\nbody',
    );
    expect(r).toEqual({
      code: 200,
      reason: 'OK',
      headers: {
        via: 'SIP/2.0/UDP 127.0.0.1:5070',
        'call-id': 'abc@parallax',
        server: 'asterisk',
        'content-length': '4',
      },
      length: 94,
    });
    expect(parseSipResponse('SIP/2.0 200 OK\r\nContent-Length: 10\r\n\r\nabc')?.length).toBeNull();
  });
  it('is null for incomplete headers and for anything that is not a SIP response', () => {
    expect(parseSipResponse('SIP/2.0 200 OK\r\nVia: x')).toBeNull();
    expect(parseSipResponse('HTTP/1.1 200 OK\r\n\r\n')).toBeNull();
    expect(parseSipResponse('SIP/2.0 99 Odd\r\n\r\n')).toBeNull();
    expect(parseSipResponse('OPTIONS sip:a SIP/2.0\r\n\r\n')).toBeNull();
  });
});

describe('optionsRequest', () => {
  it('is an RFC 3261 OPTIONS with Via, branch, tag, Call-ID and CSeq; no line breaks from the User-Agent', () => {
    const text = optionsRequest({
      host: '::1',
      port: 5061,
      transport: 'tls',
      localAddress: '::1',
      localPort: 40000,
      userAgent: 'Parallax\r\nX: y',
      callId: 'c@parallax',
      branch: 'z9hG4bKabc',
      tag: 't1',
    });
    expect(text.split('\r\n')).toEqual([
      'OPTIONS sips:[::1]:5061 SIP/2.0',
      'Via: SIP/2.0/TLS [::1]:40000;branch=z9hG4bKabc;rport',
      'Max-Forwards: 70',
      'From: <sip:parallax@[::1]>;tag=t1',
      'To: <sips:[::1]:5061>',
      'Call-ID: c@parallax',
      'CSeq: 1 OPTIONS',
      'Contact: <sip:parallax@[::1]:40000>',
      'Accept: application/sdp',
      'User-Agent: Parallax  X: y',
      'Content-Length: 0',
      '',
      '',
    ]);
  });
});
