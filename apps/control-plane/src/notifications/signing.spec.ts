import { Webhook } from 'standardwebhooks';
import { newWebhookSecret, secretKey, sign, signedHeaders, verify } from './signing';

describe('Standard Webhooks signing', () => {
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
  const body = '{"event":"monitor.down","sequence":7}';

  it('matches the published standardwebhooks implementation byte for byte', () => {
    const ts = 1_795_440_000;
    expect(sign(secret, 'msg_abc', ts, body)).toBe(new Webhook(secret).sign('msg_abc', new Date(ts * 1000), body));
  });

  it('is verified by the standardwebhooks package; a changed body, id or key fails', () => {
    const now = Math.floor(Date.now() / 1000);
    const headers = signedHeaders(secret, 'msg_abc', now, body);
    const hook = new Webhook(secret);
    expect(hook.verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => hook.verify(body.replace('7', '8'), headers)).toThrow();
    expect(() => hook.verify(body, { ...headers, 'webhook-id': 'msg_other' })).toThrow();
    expect(() => new Webhook(newWebhookSecret()).verify(body, headers)).toThrow();
  });

  it('verify (the README receiver) accepts fresh signatures, rejects stale or future timestamps and wrong signatures', () => {
    const now = 1_795_440_000;
    const h = signedHeaders(secret, 'msg_1', now, body);
    const parts = { id: h['webhook-id'], timestamp: h['webhook-timestamp'], signature: h['webhook-signature'] };
    expect(verify(secret, parts, body, now)).toBe(true);
    expect(verify(secret, parts, body, now + 300)).toBe(true);
    expect(verify(secret, parts, body, now + 301)).toBe(false); // stale
    expect(verify(secret, parts, body, now - 301)).toBe(false); // from the future
    expect(verify(secret, parts, `${body} `, now)).toBe(false);
    expect(verify(secret, { ...parts, signature: `v1,AAAA ${parts.signature}` }, body, now)).toBe(true); // any of several
    expect(verify(secret, { ...parts, signature: parts.signature.replace('v1,', 'v2,') }, body, now)).toBe(false);
    expect(verify(secret, { ...parts, timestamp: 'soon' }, body, now)).toBe(false);
  });

  it('generates whsec_ secrets of 32 random bytes and validates given ones', () => {
    const a = newWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(secretKey(a)).toHaveLength(32);
    expect(a).not.toBe(newWebhookSecret());
    expect(secretKey(secret)).toHaveLength(24);
    expect(secretKey('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')).toBeNull(); // no prefix
    expect(secretKey('whsec_c2hvcnQ=')).toBeNull(); // 5 bytes
    expect(secretKey('whsec_not base64!')).toBeNull();
    expect(secretKey('whsec_' + Buffer.alloc(65).toString('base64'))).toBeNull();
    expect(() => sign('hunter2', 'x', 1, '')).toThrow(/whsec_/);
  });
});
