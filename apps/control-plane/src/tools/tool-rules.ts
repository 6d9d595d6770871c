import { isIP } from 'node:net';

/**
 * Tools rules (pure; issue 19 item 7): what a whois target may be, and the per-account
 * sliding-window rate limit of the tools.
 */
export type LookupTarget = { kind: 'domain'; name: string } | { kind: 'ip'; ip: string };

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** A domain name (at least two LDH labels, 253 characters at most, trailing dot dropped) or an IP address; null otherwise. */
export function parseLookupTarget(raw: unknown): LookupTarget | null {
  if (typeof raw !== 'string') return null;
  const s = raw.trim().toLowerCase();
  if (!s || s.length > 253 + 1) return null;
  const unbracketed = s.startsWith('[') && s.endsWith(']') ? s.slice(1, -1) : s;
  if (isIP(unbracketed)) return { kind: 'ip', ip: unbracketed };
  const name = s.endsWith('.') ? s.slice(0, -1) : s;
  const labels = name.split('.');
  if (name.length > 253 || labels.length < 2 || !labels.every((l) => LABEL.test(l)) || /^\d+$/.test(labels[labels.length - 1])) return null;
  return { kind: 'domain', name };
}

/**
 * One sliding window of `windowMs`: the call at `now` is allowed when fewer than `limit`
 * calls are in the window before it. Returns the calls to keep (the allowed one added) and,
 * when refused, the whole seconds until the oldest call leaves the window.
 */
export function slidingWindow(calls: readonly number[], now: number, limit: number, windowMs: number): { allowed: boolean; calls: number[]; retryAfterSeconds: number } {
  const kept = calls.filter((t) => t > now - windowMs);
  if (kept.length < limit) return { allowed: true, calls: [...kept, now], retryAfterSeconds: 0 };
  return { allowed: false, calls: kept, retryAfterSeconds: Math.max(1, Math.ceil((kept[0] + windowMs - now) / 1000)) };
}
