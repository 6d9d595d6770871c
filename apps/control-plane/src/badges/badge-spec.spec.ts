import { children, parseXml } from '../testing/xml';
import {
  BADGE_STYLES,
  BADGE_TYPES,
  BadgeData,
  cleanText,
  COLOURS,
  formatMs,
  formatUptime,
  hexColour,
  invalidBadge,
  overallStatus,
  parseBadgeQuery,
  renderBadge,
  responseColour,
  roosterBadge,
  shieldsEndpoint,
  statusColour,
  UNAVAILABLE,
  uptimeColour,
  valtrogenBadge,
} from './badge-spec';

const data: BadgeData = { status: 'up', uptimePercent: 99.95, responseMs: 245.3 };

/** Every text node and attribute value of an SVG document. */
function everything(svg: string): { texts: string[]; attrs: string[]; names: string[]; elements: string[] } {
  const doc = parseXml(svg, 'image/svg+xml');
  const texts: string[] = [];
  const attrs: string[] = [];
  const names: string[] = [];
  const elements: string[] = [];
  const walk = (n: {
    nodeType: number;
    nodeValue?: string | null;
    localName?: string | null;
    attributes?: ArrayLike<{ name: string; value: string }>;
    childNodes?: ArrayLike<unknown>;
  }) => {
    if (n.nodeType === 3 && n.nodeValue) texts.push(n.nodeValue);
    if (n.nodeType === 1) {
      elements.push(n.localName!);
      for (let i = 0; i < (n.attributes?.length ?? 0); i++) {
        attrs.push(n.attributes![i].value);
        names.push(n.attributes![i].name);
      }
    }
    const kids = n.childNodes as ArrayLike<typeof n> | undefined;
    for (let i = 0; i < (kids?.length ?? 0); i++) walk(kids![i]);
  };
  walk(doc.documentElement as never);
  return { texts, attrs, names, elements };
}

describe('badge thresholds (StatusRooster)', () => {
  it('colours uptime green ≥ 99.5, yellow-green ≥ 99, yellow ≥ 95, red below', () => {
    expect([100, 99.5, 99.49, 99, 98.99, 95, 94.99, 0].map(uptimeColour)).toEqual([
      'brightgreen',
      'brightgreen',
      'yellowgreen',
      'yellowgreen',
      'yellow',
      'yellow',
      'red',
      'red',
    ]);
    expect(uptimeColour(null)).toBe('lightgrey');
    expect(uptimeColour(Number.NaN)).toBe('lightgrey');
  });

  it('colours response time green < 500 ms, yellow-green < 1.5 s, yellow < 3 s, red from 3 s', () => {
    expect([0, 499.9, 500, 1499, 1500, 2999, 3000, 60_000].map(responseColour)).toEqual([
      'brightgreen',
      'brightgreen',
      'yellowgreen',
      'yellowgreen',
      'yellow',
      'yellow',
      'red',
      'red',
    ]);
    expect(responseColour(null)).toBe('lightgrey');
  });

  it('colours status up green, down red, warn amber, pending grey', () => {
    expect(statusColour('up')).toBe('brightgreen');
    expect(statusColour('down')).toBe('red');
    expect(statusColour('warn')).toBe('orange');
    expect(statusColour('pending')).toBe('lightgrey');
    expect(statusColour('degraded')).toBe('yellow');
  });

  it('formats uptime without ever rounding up to 100 %, and response times in ms or s', () => {
    expect(formatUptime(100)).toBe('100%');
    expect(formatUptime(99.999)).toBe('99.99%');
    expect(formatUptime(99.9)).toBe('99.9%');
    expect(formatUptime(97)).toBe('97%');
    expect(formatUptime(null)).toBe('n/a');
    expect(formatMs(245.3)).toBe('245ms');
    expect(formatMs(1834)).toBe('1.83s');
    expect(formatMs(3000)).toBe('3s');
    expect(formatMs(null)).toBe('n/a');
  });

  it('derives a page status from its monitors', () => {
    expect(overallStatus(['up', 'up'])).toBe('operational');
    expect(overallStatus(['up', 'degraded'])).toBe('degraded');
    expect(overallStatus(['up', 'warn'])).toBe('degraded');
    expect(overallStatus(['up', 'down'])).toBe('partial outage');
    expect(overallStatus(['down', 'down', 'pending'])).toBe('major outage');
    expect(overallStatus(['pending'])).toBe('unknown');
    expect(overallStatus([])).toBe('unknown');
    expect(overallStatus(['up'], true)).toBe('maintenance');
  });
});

describe('badge query (Valtrogen /api/badge)', () => {
  it('defaults to a flat status badge with the dot', () => {
    expect(parseBadgeQuery({})).toEqual({
      ok: true,
      value: { style: 'flat', type: 'status', label: null, labelColor: null, color: null, monitorId: null, logo: true },
    });
  });

  it('accepts every documented parameter', () => {
    const r = parseBadgeQuery({
      style: 'for-the-badge',
      type: 'uptime',
      label: 'valtrogen',
      labelColor: '24292e',
      color: '#0F62FE',
      monitorId: 'na-primary',
      logo: 'false',
    });
    expect(r).toEqual({
      ok: true,
      value: {
        style: 'for-the-badge',
        type: 'uptime',
        label: 'valtrogen',
        labelColor: '#24292e',
        color: '#0f62fe',
        monitorId: 'na-primary',
        logo: false,
      },
    });
  });

  it.each([
    [{ style: 'social' }, 'style'],
    [{ type: 'latency' }, 'type'],
    [{ color: 'red' }, 'color'],
    [{ color: '12345' }, 'color'],
    [{ color: '"><script>alert(1)</script>' }, 'color'],
    [{ labelColor: 'url(#x)' }, 'labelColor'],
    [{ labelColor: "555' onload='x" }, 'labelColor'],
    [{ label: ['a', 'b'] }, 'label'],
    [{ monitorId: '../x' }, 'monitorId'],
    [{ monitorId: { $ne: 1 } }, 'monitorId'],
  ])('refuses %j (names %s)', (q, field) => {
    const r = parseBadgeQuery(q as Record<string, unknown>);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.startsWith(field)).toBe(true);
  });

  it('validates hex colours only', () => {
    expect(hexColour('555')).toBe('#555');
    expect(hexColour('#ABCDEF')).toBe('#abcdef');
    expect(hexColour('abcd')).toBeNull();
    expect(hexColour('javascript:alert(1)')).toBeNull();
    expect(hexColour('')).toBeNull();
  });

  it('cleans labels: controls, NUL and lone surrogates out, length capped', () => {
    expect(cleanText('a\u0000b\u0007c\u009f', 64)).toBe('a b c');
    expect(cleanText('x\ud800y\udfffz', 64)).toBe('xyz');
    expect(cleanText('ok 👍', 64)).toBe('ok 👍');
    expect(cleanText('x'.repeat(500), 64)).toHaveLength(64);
    const r = parseBadgeQuery({ label: ' \u0000 ' });
    expect(r.ok && r.value.label).toBe('');
  });

  it('uses the type defaults and the thresholds unless the query overrides them', () => {
    const q = (over: Record<string, string>) => {
      const r = parseBadgeQuery(over);
      if (!r.ok) throw new Error(r.error);
      return r.value;
    };
    expect(valtrogenBadge(q({}), data)).toMatchObject({
      label: 'status',
      message: 'up',
      color: 'brightgreen',
      dot: 'brightgreen',
    });
    expect(valtrogenBadge(q({ type: 'uptime' }), { ...data, uptimePercent: 98 })).toMatchObject({
      label: 'uptime',
      message: '98%',
      color: 'yellow',
    });
    expect(valtrogenBadge(q({ type: 'response-time' }), { ...data, responseMs: 1600 })).toMatchObject({
      label: 'response time',
      message: '1.6s',
      color: 'yellow',
    });
    expect(
      valtrogenBadge(q({ label: 'api', color: '0f62fe', labelColor: '24292e', logo: 'false' }), data),
    ).toMatchObject({ label: 'api', color: '#0f62fe', labelColor: '#24292e', dot: null });
  });
});

describe('badge rendering (badge-maker)', () => {
  const svgText = (svg: string) => everything(svg).texts.join(' ');

  it.each(
    BADGE_STYLES.flatMap((style) =>
      BADGE_TYPES.flatMap((type) => [true, false].map((logo) => [style, type, logo] as const)),
    ),
  )('renders style %s, type %s, logo %s as SVG', (style, type, logo) => {
    const r = parseBadgeQuery({ style, type, logo: String(logo) });
    if (!r.ok) throw new Error(r.error);
    const svg = renderBadge(valtrogenBadge(r.value, data));
    const doc = parseXml(svg, 'image/svg+xml');
    expect(doc.documentElement!.localName).toBe('svg');
    expect(doc.documentElement!.namespaceURI).toBe('http://www.w3.org/2000/svg');
    const all = everything(svg);
    expect(all.elements.includes('image')).toBe(logo);
    const expected = {
      status: ['status', 'up'],
      uptime: ['uptime', '99.95%'],
      'response-time': ['response time', '245ms'],
    }[type];
    const shown = svgText(svg);
    for (const word of expected) expect(shown).toContain(style === 'for-the-badge' ? word.toUpperCase() : word);
    // the threshold colour is the right side's fill
    expect(all.attrs).toContain(COLOURS.brightgreen);
  });

  it.each([
    '<script>alert(1)</script>',
    '"><svg onload=alert(1)>',
    "' onmouseover='x",
    ']]><x/>',
    '&amp;&lt;',
    'a\u0000b\ud800',
  ])('keeps hostile label %j as text: parses, no extra elements', (label) => {
    const svg = renderBadge({ label, message: label, color: 'red', labelColor: '555' });
    const all = everything(svg);
    expect(
      all.elements.filter(
        (e) => !['svg', 'title', 'linearGradient', 'stop', 'clipPath', 'rect', 'g', 'text'].includes(e),
      ),
    ).toEqual([]);
    expect(all.names.filter((n) => /^on/i.test(n))).toEqual([]);
    // the text is only in text nodes and the aria-label, never in another attribute
    const raw = cleanText(label, 64);
    expect(all.attrs.filter((a) => a.includes(raw) && !a.includes(': '))).toEqual([]);
    expect(svgText(svg)).toContain(cleanText(label, 64));
  });

  it('never lets an unvalidated colour reach the SVG', () => {
    const svg = renderBadge({ label: 'x', message: 'y', color: '"><script>', labelColor: 'url(javascript:1)' });
    const attrs = everything(svg).attrs;
    expect(attrs).toContain(COLOURS.lightgrey);
    expect(attrs.join(' ')).not.toMatch(/script|javascript/);
  });

  it('renders the StatusRooster badges and the fallback', () => {
    expect(svgText(renderBadge(roosterBadge('uptime', { ...data, uptimePercent: 99.2 })))).toContain('99.2%');
    expect(roosterBadge('uptime', { ...data, uptimePercent: 99.2 }).color).toBe('yellowgreen');
    expect(roosterBadge('status', { ...data, status: 'warn' })).toMatchObject({ message: 'warn', color: 'orange' });
    expect(roosterBadge('response', { ...data, responseMs: 3200 })).toMatchObject({ message: '3.2s', color: 'red' });
    expect(svgText(renderBadge(UNAVAILABLE))).toContain('unavailable');
    expect(
      children(parseXml(renderBadge(invalidBadge('color must be hex')), 'image/svg+xml').documentElement!).length,
    ).toBeGreaterThan(0);
  });

  it('answers the Shields endpoint schema', () => {
    expect(shieldsEndpoint(roosterBadge('uptime', data), 300)).toEqual({
      schemaVersion: 1,
      label: 'uptime',
      message: '99.95%',
      color: 'brightgreen',
      cacheSeconds: 300,
    });
    expect(shieldsEndpoint({ label: 'a', message: 'b', color: '#0f62fe' }, 300).color).toBe('0f62fe');
    expect(shieldsEndpoint(UNAVAILABLE, 60, true)).toMatchObject({ isError: true, message: 'unavailable' });
  });
});
