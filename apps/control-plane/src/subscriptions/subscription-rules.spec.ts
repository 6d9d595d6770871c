import { parseXml } from '../testing/xml';
import { subscribeForm } from './html';
import {
  automaticUpdate,
  cleanMultiline,
  confirmationEmail,
  eventEmail,
  makeToken,
  maskEmail,
  normaliseEmail,
  PageEventPayload,
  tokenKey,
  tokenSubscriber,
  verifyToken,
  windowStart,
} from './subscription-rules';

const key = tokenKey('server-secret-server-secret');
const id = 'sub_0123456789abcdef';

describe('subscription rules', () => {
  it('normalises and validates addresses', () => {
    expect(normaliseEmail(' Ann@Example.COM ')).toBe('Ann@example.com');
    for (const bad of [
      '',
      'ann',
      'ann@',
      '@x.com',
      'a b@x.com',
      'ann@x',
      `${'a'.repeat(250)}@x.com`,
      'ann@x.com\r\nBcc: eve@y.com',
      'ann@x.com\u0000',
      42,
      null,
      ['a@x.com'],
    ])
      expect(normaliseEmail(bad)).toBeNull();
  });

  it('masks addresses for the owner', () => {
    expect(maskEmail('ann@example.com')).toBe('a**@e******.com');
    expect(maskEmail('a@b.io')).toBe('*@*.io');
    expect(maskEmail('someone.with.a.long.name@mail.example.org')).toBe('s********@m********.org');
  });

  it('makes tokens that verify only for their purpose, subscriber and nonce', () => {
    const t = makeToken(key, 'confirm', id, 'n1');
    expect(tokenSubscriber(t)).toBe(id);
    expect(verifyToken(key, 'confirm', t, 'n1')).toBe(true);
    expect(verifyToken(key, 'confirm', t, 'n2')).toBe(false); // a newer confirmation replaced it
    expect(verifyToken(key, 'unsubscribe', t, 'n1')).toBe(false);
    expect(verifyToken(tokenKey('another-secret-another'), 'confirm', t, 'n1')).toBe(false);
    const other = makeToken(key, 'confirm', 'sub_fedcba9876543210', 'n1');
    expect(verifyToken(key, 'confirm', `${id}.${other.split('.')[1]}`, 'n1')).toBe(false);
    for (const bad of ['', 'x', `${id}.`, `${id}.${'A'.repeat(43)}`, `${t}x`, 'sub_\u0000.x'])
      expect(verifyToken(key, 'confirm', bad, 'n1')).toBe(false);
  });

  it('uses fixed hour windows', () => {
    expect(windowStart(new Date('2026-12-01T23:59:59.999Z')).toISOString()).toBe('2026-12-01T23:00:00.000Z');
  });

  const payload: PageEventPayload = {
    event: 'incident.created',
    timestamp: '2026-12-01T10:00:00.000Z',
    page: { id: 'sp_1', slug: 'acme', title: 'Acme\r\nBcc: eve@x.com Status', url: 'https://status.acme.test' },
    subject: {
      kind: 'incident',
      id: 'inc_1',
      title: 'API is down',
      status: 'investigating',
      url: 'https://status.acme.test/incidents/inc_1',
    },
    affected_monitors: ['API', 'Web'],
    update: 'Line one\r\nLine two\u0000',
  };

  it('writes event emails with the unsubscribe link and List-Unsubscribe headers, no header injection', () => {
    const m = eventEmail(payload, 'https://px.test/s/acme/unsubscribe?token=t');
    expect(m.subject).toBe('[Acme Bcc: eve@x.com Status] New incident: API is down');
    expect(m.subject).not.toMatch(/[\r\n]/);
    expect(m.headers['List-Unsubscribe']).toBe('<https://px.test/s/acme/unsubscribe?token=t>');
    expect(m.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(m.headers['List-Id']).not.toMatch(/[\r\n]/);
    expect(m.text).toContain('Affected services: API, Web');
    expect(m.text).toContain('Line one\nLine two');
    expect(m.text).toContain('Unsubscribe: https://px.test/s/acme/unsubscribe?token=t');
    expect(m.text).not.toContain('\u0000');
    expect(() => eventEmail({ ...payload, event: 'subscription.confirm' }, 'x')).toThrow();
  });

  it('writes the confirmation with its link', () => {
    const m = confirmationEmail(
      { ...payload, event: 'subscription.confirm' },
      'https://px.test/s/acme/confirm?token=t',
    );
    expect(m.subject).toBe('Confirm your subscription to Acme Bcc: eve@x.com Status');
    expect(m.text).toContain('Confirm: https://px.test/s/acme/confirm?token=t');
  });

  it('describes automatic incidents', () => {
    expect(automaticUpdate('incident.created', 'API', ['eu-west', 'us-east'], null)).toBe(
      'API is down (failing in eu-west, us-east). We are investigating.',
    );
    expect(automaticUpdate('incident.resolved', 'API', [], 125)).toBe('API is back up after 2m 5s.');
    expect(cleanMultiline('a\r\n\u0007b')).toBe('a\nb');
  });

  it('renders a subscribe form that parses and escapes the slug', () => {
    const doc = parseXml(subscribeForm('acme"><x'), 'text/xml');
    const form = doc.documentElement!;
    expect(form.getAttribute('action')).toBe('/s/acme%22%3E%3Cx/subscribe');
    expect(form.getAttribute('method')).toBe('post');
    expect(doc.getElementsByTagName('input')[0].getAttribute('name')).toBe('email');
  });
});
