import { createHmac, timingSafeEqual } from 'node:crypto';
import { cleanText } from '../badges/badge-spec';

/**
 * Status page subscriptions (SPEC 3.7, issue 17): the pure part. Email normalisation and
 * masking, the confirm/unsubscribe tokens, the rate-limit windows, the events and the
 * messages subscribers get.
 */

export const MAX_EMAIL_LENGTH = 254;
/** Subscribe attempts per client IP and per address in one window (fixed windows, counted in PostgreSQL). */
export const RATE_LIMITS = { perIp: 10, perAddress: 3, windowMs: 60 * 60_000 } as const;
/** A confirmation link works this long after it was sent. */
export const CONFIRM_TTL_MS = 7 * 86_400_000;

const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/** `" Ann@Example.COM "` → `"Ann@example.com"` (the domain is case-insensitive); null when not an address we send to. */
export function normaliseEmail(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const v = input.trim();
  if (v.length > MAX_EMAIL_LENGTH || !EMAIL.test(v)) return null;
  const at = v.lastIndexOf('@');
  return `${v.slice(0, at)}@${v.slice(at + 1).toLowerCase()}`;
}

/** `ann@example.com` → `a**@e******.com`: enough for the owner to recognise, not to harvest. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  const name = dot > 0 ? domain.slice(0, dot) : domain;
  const tld = dot > 0 ? domain.slice(dot) : '';
  const mask = (s: string) => (s.length <= 1 ? '*' : s[0] + '*'.repeat(Math.min(s.length - 1, 8)));
  return `${mask(local)}@${mask(name)}${tld}`;
}

// --- tokens: `<subscriber id>.<HMAC>`, derived with a server key, never stored

export type TokenPurpose = 'confirm' | 'unsubscribe';

/** The key tokens are derived with: from the server secret, for this purpose only. */
export function tokenKey(serverSecret: string): Buffer {
  return createHmac('sha256', serverSecret).update('parallax/status-page-subscriptions/v1').digest();
}

/**
 * A token for a subscriber. `nonce` changes when a confirmation is sent again (older
 * links stop working); unsubscribe tokens use a fixed nonce so every email's link works.
 */
export function makeToken(key: Buffer, purpose: TokenPurpose, subscriberId: string, nonce: string): string {
  const mac = createHmac('sha256', key).update(`${purpose}\n${subscriberId}\n${nonce}`).digest('base64url');
  return `${subscriberId}.${mac}`;
}

/** The subscriber id a token names, or null when it is not shaped like one of ours. */
export function tokenSubscriber(token: unknown): string | null {
  if (typeof token !== 'string' || token.length > 200) return null;
  const m = /^(sub_[a-z0-9]{16})\.([A-Za-z0-9_-]{43})$/.exec(token);
  return m ? m[1] : null;
}

/** Constant-time check of a presented token. */
export function verifyToken(key: Buffer, purpose: TokenPurpose, token: string, nonce: string): boolean {
  const id = tokenSubscriber(token);
  if (!id) return false;
  const expected = Buffer.from(makeToken(key, purpose, id, nonce));
  const actual = Buffer.from(token);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** Start of the fixed rate-limit window `at` falls in. */
export function windowStart(at: Date, windowMs: number = RATE_LIMITS.windowMs): Date {
  return new Date(Math.floor(at.getTime() / windowMs) * windowMs);
}

// --- events

export const PAGE_EVENTS = [
  'incident.created',
  'incident.updated',
  'incident.resolved',
  'maintenance.scheduled',
  'maintenance.started',
  'maintenance.completed',
  'maintenance.cancelled',
] as const;
export type PageEvent = (typeof PAGE_EVENTS)[number];

/** What a page subscriber receives (the webhook body; the email is written from it). */
export interface PageEventPayload {
  event: PageEvent | 'subscription.confirm';
  timestamp: string;
  page: { id: string; slug: string; title: string; url: string };
  /** The incident or maintenance; absent on the confirmation. */
  subject?: { kind: 'incident' | 'maintenance'; id: string; title: string; status: string; url: string };
  /** Names of the affected monitors (public monitors of the page only). */
  affected_monitors: string[];
  /** The update text (the latest timeline entry). */
  update: string | null;
}

const VERB: Record<PageEvent, string> = {
  'incident.created': 'New incident',
  'incident.updated': 'Incident update',
  'incident.resolved': 'Resolved',
  'maintenance.scheduled': 'Maintenance scheduled',
  'maintenance.started': 'Maintenance started',
  'maintenance.completed': 'Maintenance completed',
  'maintenance.cancelled': 'Maintenance cancelled',
};

const oneLine = (s: string, max: number) => cleanText(s, max);

/** Plain-text message of an event, with the unsubscribe link (and the List-Unsubscribe headers, RFC 2369/8058). */
export function eventEmail(
  p: PageEventPayload,
  unsubscribeUrl: string,
): { subject: string; text: string; headers: Record<string, string> } {
  if (p.event === 'subscription.confirm') throw new Error('a confirmation is written by confirmationEmail');
  const page = oneLine(p.page.title, 200);
  const headers = {
    'List-Unsubscribe': `<${unsubscribeUrl}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    'List-Id': `${oneLine(p.page.title, 60).replace(/[<>"]/g, '')} <${p.page.slug}.status.parallax>`,
  };
  const title = oneLine(p.subject?.title ?? '', 200);
  const subject = `[${page}] ${VERB[p.event]}: ${title}`.slice(0, 250);
  const lines = [
    `${VERB[p.event]}: ${title}`,
    '',
    `Status: ${oneLine(p.subject?.status ?? '', 40)}`,
    `Affected services: ${p.affected_monitors.length ? p.affected_monitors.map((n) => oneLine(n, 200)).join(', ') : 'none listed'}`,
    ...(p.update ? ['', cleanMultiline(p.update)] : []),
    '',
    `Details: ${p.subject?.url ?? p.page.url}`,
    '',
    '--',
    `You receive this because you subscribed to ${page} (${p.page.url}).`,
    `Unsubscribe: ${unsubscribeUrl}`,
  ];
  return { subject, text: lines.join('\n'), headers };
}

/** The double opt-in message: nothing is sent to the address until this link is opened. */
export function confirmationEmail(
  p: PageEventPayload,
  confirmUrl: string,
): { subject: string; text: string; headers: Record<string, string> } {
  const page = oneLine(p.page.title, 200);
  return {
    subject: `Confirm your subscription to ${page}`.slice(0, 250),
    text: [
      `Someone (hopefully you) asked to receive incident and maintenance updates of ${page} (${p.page.url}) at this address.`,
      '',
      `Confirm: ${confirmUrl}`,
      '',
      'If it was not you, ignore this message: nothing more will be sent.',
    ].join('\n'),
    headers: {},
  };
}

/** Multi-line text for a plain-text email: controls removed except newlines, at most 4000 characters. */
export function cleanMultiline(s: string): string {
  return s
    .slice(0, 4000)
    .split(/\r\n|\r|\n/)
    .map((l) => cleanText(l, 4000))
    .join('\n')
    .trim();
}

/** Text of an automatic incident's update (opened or resolved by the quorum). */
export function automaticUpdate(
  event: 'incident.created' | 'incident.resolved',
  monitorName: string,
  regions: string[],
  durationSeconds: number | null,
): string {
  if (event === 'incident.created')
    return `${monitorName} is down${regions.length ? ` (failing in ${regions.join(', ')})` : ''}. We are investigating.`;
  return `${monitorName} is back up${durationSeconds !== null ? ` after ${formatDuration(durationSeconds)}` : ''}.`;
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m ${seconds % 60}s`;
  return `${Math.floor(seconds / 3600)}h ${Math.floor((seconds % 3600) / 60)}m`;
}
