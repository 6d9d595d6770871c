import { makeBadge } from 'badge-maker';

/**
 * Badges (SPEC 3.7): the pure part. Parses the Valtrogen `/api/badge` query into a
 * validated spec, picks colours from StatusRooster's thresholds, and renders SVG with
 * shields.io's own renderer (badge-maker), which escapes every text it writes. Colours
 * are accepted only as 3- or 6-digit hex (or our own named colours), so nothing a caller
 * sends reaches an SVG attribute unchecked.
 */

export const BADGE_STYLES = ['flat', 'flat-square', 'plastic', 'for-the-badge'] as const;
export type BadgeStyle = (typeof BADGE_STYLES)[number];
export const BADGE_TYPES = ['status', 'uptime', 'response-time'] as const;
export type BadgeType = (typeof BADGE_TYPES)[number];

/** shields.io's named colours (badge-maker renders them with these values). */
export const COLOURS = {
  brightgreen: '#4c1',
  green: '#97ca00',
  yellowgreen: '#a4a61d',
  yellow: '#dfb317',
  orange: '#fe7d37',
  red: '#e05d44',
  blue: '#007ec6',
  grey: '#555',
  lightgrey: '#9f9f9f',
} as const;
export type NamedColour = keyof typeof COLOURS;

export const MAX_LABEL_LENGTH = 64;
const HEX = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i;

/** `"24292e"`, `"#555"` → `"#24292e"`, `"#555"`; null for anything else (names, `url(...)`, markup). */
export function hexColour(input: string): string | null {
  const m = HEX.exec(input.trim());
  return m ? `#${m[1].toLowerCase()}` : null;
}

/**
 * Removes what cannot appear in XML text or would confuse a reader: C0/C1 controls
 * (NUL included), lone surrogates, U+FFFE/U+FFFF; collapses whitespace; caps the length
 * at `max` code points. badge-maker escapes `<`, `>`, `&`, quotes itself.
 */
export function cleanText(input: string, max: number): string {
  let out = '';
  let n = 0;
  for (const ch of input) {
    if (n >= max) break;
    const c = ch.codePointAt(0)!;
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
      out += ' ';
    } else if ((c >= 0xd800 && c <= 0xdfff) || c === 0xfffe || c === 0xffff) {
      continue; // a lone surrogate iterates as one code unit in that range
    } else {
      out += ch;
    }
    n++;
  }
  return out.replace(/\s+/g, ' ').trim();
}

// --- thresholds (StatusRooster's badge section)

/** green ≥ 99.5 %, yellow-green ≥ 99 %, yellow ≥ 95 %, red below; grey without data. */
export function uptimeColour(percent: number | null): NamedColour {
  if (percent === null || !Number.isFinite(percent)) return 'lightgrey';
  if (percent >= 99.5) return 'brightgreen';
  if (percent >= 99) return 'yellowgreen';
  if (percent >= 95) return 'yellow';
  return 'red';
}

/** green < 500 ms, yellow-green < 1.5 s, yellow < 3 s, red from 3 s; grey without data. */
export function responseColour(ms: number | null): NamedColour {
  if (ms === null || !Number.isFinite(ms)) return 'lightgrey';
  if (ms < 500) return 'brightgreen';
  if (ms < 1500) return 'yellowgreen';
  if (ms < 3000) return 'yellow';
  return 'red';
}

/** What a status badge says. A monitor's statuses and a page's overall ones. */
export type BadgeStatus =
  | 'up'
  | 'down'
  | 'degraded'
  | 'warn'
  | 'pending'
  | 'paused'
  | 'operational'
  | 'partial outage'
  | 'major outage'
  | 'maintenance'
  | 'unknown';

/** up green, down red, warn amber (SSL), pending grey (reference); degraded yellow, partial outage orange. */
export function statusColour(s: BadgeStatus): NamedColour {
  switch (s) {
    case 'up':
    case 'operational':
      return 'brightgreen';
    case 'down':
    case 'major outage':
      return 'red';
    case 'warn':
    case 'partial outage':
      return 'orange';
    case 'degraded':
      return 'yellow';
    case 'maintenance':
      return 'blue';
    default:
      return 'lightgrey';
  }
}

/** Monitor statuses as a page shows them together: the overall status of a page. */
export function overallStatus(statuses: readonly string[], inMaintenance = false): BadgeStatus {
  if (inMaintenance) return 'maintenance';
  const known = statuses.filter((s) => s === 'up' || s === 'down' || s === 'degraded' || s === 'warn');
  if (known.length === 0) return 'unknown';
  const down = known.filter((s) => s === 'down').length;
  if (down === known.length) return 'major outage';
  if (down > 0) return 'partial outage';
  if (known.some((s) => s === 'degraded' || s === 'warn')) return 'degraded';
  return 'operational';
}

/** `99.95` → `"99.95%"`, never rounded up to 100 (99.999 → "99.99%"); null → "n/a". */
export function formatUptime(percent: number | null): string {
  if (percent === null || !Number.isFinite(percent)) return 'n/a';
  if (percent >= 100) return '100%';
  const floored = Math.floor(Math.max(0, percent) * 100) / 100;
  return `${floored.toFixed(2).replace(/\.?0+$/, '')}%`;
}

/** `245.3` → `"245ms"`, `1834` → `"1.83s"`; null → "n/a". */
export function formatMs(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return 'n/a';
  if (ms < 1000) return `${Math.round(Math.max(0, ms))}ms`;
  return `${(ms / 1000).toFixed(2).replace(/\.?0+$/, '')}s`;
}

// --- the Valtrogen query

export interface BadgeQuery {
  style: BadgeStyle;
  type: BadgeType;
  /** Null: the type's default label. */
  label: string | null;
  labelColor: string | null;
  color: string | null;
  /** A monitor's slug on the page; null: the page's overall status. */
  monitorId: string | null;
  logo: boolean;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const one = (v: unknown): string | undefined | null => (v === undefined ? undefined : typeof v === 'string' ? v : null);

/** Validates the query of `/api/badge`; an invalid parameter is an error that names it. */
export function parseBadgeQuery(q: Record<string, unknown>): Parsed<BadgeQuery> {
  const get = (name: string): Parsed<string | undefined> => {
    const v = one(q[name]);
    return v === null ? { ok: false, error: `${name} must be given once, as a string` } : { ok: true, value: v };
  };
  const fields: Record<string, string | undefined> = {};
  for (const name of ['style', 'type', 'label', 'labelColor', 'color', 'monitorId', 'logo']) {
    const r = get(name);
    if (!r.ok) return r;
    fields[name] = r.value;
  }
  const style = (fields.style ?? 'flat') as BadgeStyle;
  if (!BADGE_STYLES.includes(style)) return { ok: false, error: `style must be one of ${BADGE_STYLES.join(', ')}` };
  const type = (fields.type ?? 'status') as BadgeType;
  if (!BADGE_TYPES.includes(type)) return { ok: false, error: `type must be one of ${BADGE_TYPES.join(', ')}` };
  const colours: Record<'labelColor' | 'color', string | null> = { labelColor: null, color: null };
  for (const name of ['labelColor', 'color'] as const) {
    const raw = fields[name];
    if (raw === undefined || raw === '') continue;
    const hex = hexColour(raw);
    if (!hex) return { ok: false, error: `${name} must be a hex colour such as 555 or 24292e` };
    colours[name] = hex;
  }
  const label = fields.label === undefined ? null : cleanText(fields.label, MAX_LABEL_LENGTH);
  const monitorId = fields.monitorId === undefined || fields.monitorId === '' ? null : fields.monitorId;
  if (monitorId !== null && (monitorId.length > 200 || !/^[\w.-]+$/.test(monitorId)))
    return { ok: false, error: 'monitorId must be a monitor slug' };
  const logo = fields.logo === undefined ? true : !/^(false|0|no|off)$/i.test(fields.logo);
  return {
    ok: true,
    value: { style, type, label, labelColor: colours.labelColor, color: colours.color, monitorId, logo },
  };
}

export const DEFAULT_LABELS: Record<BadgeType, string> = {
  status: 'status',
  uptime: 'uptime',
  'response-time': 'response time',
};

/** What to draw, whatever the source. `color` is a named colour or a validated hex. */
export interface BadgeContent {
  label: string;
  message: string;
  color: string;
  labelColor?: string | null;
  style?: BadgeStyle;
  /** The colour of the status dot left of the label; no dot when absent. */
  dot?: string | null;
}

const colourValue = (c: string): string =>
  c in COLOURS ? COLOURS[c as NamedColour] : (hexColour(c) ?? COLOURS.lightgrey);

/** A small filled circle, as badge-maker's logo (a data URI it puts in an `<image href>`). */
function dotLogo(colour: string): string {
  const fill = colourValue(colour); // always "#" + hex: safe inside the SVG attribute
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="14" height="14" viewBox="0 0 14 14"><circle cx="7" cy="7" r="5" fill="${fill}" stroke="#fff" stroke-width="1.5"/></svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

/** SVG of a badge (badge-maker). Label and message are cleaned; colours must be named or hex. */
export function renderBadge(b: BadgeContent): string {
  return makeBadge({
    label: cleanText(b.label, MAX_LABEL_LENGTH),
    message: cleanText(b.message, MAX_LABEL_LENGTH),
    color: colourValue(b.color),
    labelColor: b.labelColor ? colourValue(b.labelColor) : COLOURS.grey,
    style: b.style ?? 'flat',
    ...(b.dot ? { logoBase64: dotLogo(b.dot) } : {}),
  });
}

/** shields.io's endpoint badge JSON (https://shields.io/badges/endpoint-badge). */
export interface ShieldsEndpoint {
  schemaVersion: 1;
  label: string;
  message: string;
  color: string;
  cacheSeconds: number;
  isError?: boolean;
}

export function shieldsEndpoint(b: BadgeContent, cacheSeconds: number, isError = false): ShieldsEndpoint {
  return {
    schemaVersion: 1,
    label: cleanText(b.label, MAX_LABEL_LENGTH),
    message: cleanText(b.message, MAX_LABEL_LENGTH),
    color: b.color in COLOURS ? b.color : (hexColour(b.color)?.slice(1) ?? 'lightgrey'),
    cacheSeconds,
    ...(isError ? { isError: true } : {}),
  };
}

/** The badge answered when the badge itself could not be computed (never a 500 page). */
export const UNAVAILABLE: BadgeContent = { label: 'status', message: 'unavailable', color: 'lightgrey' };
export const notFoundBadge = (label: string): BadgeContent => ({ label, message: 'not found', color: 'lightgrey' });
export const invalidBadge = (error: string): BadgeContent => ({
  label: 'badge',
  message: `invalid: ${error.split(' ')[0]}`,
  color: 'red',
});

// --- what each badge says

/** What the badges of one monitor (or of a whole page) are drawn from. */
export interface BadgeData {
  status: BadgeStatus;
  /** Percent; null without data. */
  uptimePercent: number | null;
  responseMs: number | null;
}

/** StatusRooster's three badges: `/badge/{id}.svg` (uptime), `/status.svg`, `/response.svg`. */
export type RoosterKind = 'uptime' | 'status' | 'response';

export function roosterBadge(kind: RoosterKind, d: BadgeData): BadgeContent {
  switch (kind) {
    case 'uptime':
      return { label: 'uptime', message: formatUptime(d.uptimePercent), color: uptimeColour(d.uptimePercent) };
    case 'status':
      return { label: 'status', message: d.status, color: statusColour(d.status) };
    case 'response':
      return { label: 'response', message: formatMs(d.responseMs), color: responseColour(d.responseMs) };
  }
}

/** Valtrogen's `/api/badge`: the type's message and threshold colour, with the query's overrides. */
export function valtrogenBadge(q: BadgeQuery, d: BadgeData): BadgeContent {
  const base =
    q.type === 'uptime'
      ? { message: formatUptime(d.uptimePercent), color: uptimeColour(d.uptimePercent) }
      : q.type === 'response-time'
        ? { message: formatMs(d.responseMs), color: responseColour(d.responseMs) }
        : { message: d.status, color: statusColour(d.status) };
  return {
    label: q.label ?? DEFAULT_LABELS[q.type],
    message: base.message,
    color: q.color ?? base.color,
    labelColor: q.labelColor,
    style: q.style,
    dot: q.logo ? statusColour(d.status) : null,
  };
}
