/**
 * Notification rate limits (issue 15 item 5), pure. Each outbox row to be written has one
 * or more limit keys; every key allows `limit` rows per fixed window (`windowMs`, an hour)
 * that starts with the first row after the previous window ended. A row goes out when every
 * one of its keys has room; otherwise it is collapsed: not written, counted on its first key
 * (`collapsed`), and the next row that goes out on that key carries the count (so nothing is
 * lost without a count). Keys:
 * - `<destination>|<monitor id>`: per monitor and per destination (an account webhook, the
 *   monitor's webhook_url / Slack / Discord / email), `NOTIFY_RATE_LIMIT_PER_HOUR`;
 * - `address:<email>`: per email address across every monitor, `NOTIFY_EMAIL_RATE_LIMIT_PER_HOUR`
 *   (alert addresses are not verified: this bounds what one address can receive).
 */
export interface RateCounter {
  windowStart: number;
  sent: number;
  /** Rows collapsed on this key since the last one that went out. */
  collapsed: number;
}

export interface RateRequest {
  /** Its keys with their limit per window; the first is the one a collapse is counted on. */
  keys: { key: string; limit: number }[];
}

export interface RateVerdict {
  allowed: boolean;
  /** For an allowed row: the rows collapsed on its first key before it (0: none). */
  collapsedBefore: number;
}

export const RATE_WINDOW_MS = 3_600_000;

/**
 * Judges `requests` in order against `counters` (a key absent: nothing sent yet) at `at`;
 * answers a verdict per request and the counters after them (every key touched).
 */
export function rateLimit(
  counters: ReadonlyMap<string, RateCounter>,
  requests: readonly RateRequest[],
  at: number,
  windowMs = RATE_WINDOW_MS,
): { verdicts: RateVerdict[]; counters: Map<string, RateCounter> } {
  const next = new Map<string, RateCounter>();
  const current = (key: string): RateCounter => {
    const c = next.get(key) ?? counters.get(key);
    if (!c || at - c.windowStart >= windowMs || at < c.windowStart)
      return { windowStart: at, sent: 0, collapsed: c?.collapsed ?? 0 };
    return { ...c };
  };
  const verdicts = requests.map((r): RateVerdict => {
    if (!r.keys.length) return { allowed: true, collapsedBefore: 0 };
    const cs = r.keys.map((k) => current(k.key));
    const allowed = r.keys.every((k, i) => cs[i].sent < k.limit);
    let collapsedBefore = 0;
    if (allowed) {
      collapsedBefore = cs[0].collapsed;
      cs.forEach((c, i) => {
        c.sent += 1;
        if (i === 0) c.collapsed = 0;
      });
    } else {
      cs[0].collapsed += 1;
    }
    r.keys.forEach((k, i) => next.set(k.key, cs[i]));
    return { allowed, collapsedBefore };
  });
  return { verdicts, counters: next };
}
