import type { Element } from '@xmldom/xmldom';
import { child, children, parseXml, text } from '../testing/xml';
import { buildFeed, FeedEntry, FeedPage, newestEntries, parseFormat, statusLabel, summary } from './feed-builder';

const ATOM = 'http://www.w3.org/2005/Atom';
const page: FeedPage = {
  title: 'Acme Status',
  pageUrl: 'https://status.acme.test/s/acme',
  feedUrl: 'https://status.acme.test/s/acme/api/feed',
  author: 'Acme Inc.',
};
const at = (m: number) => new Date(Date.UTC(2026, 10, 1, 0, m));
const entry = (i: number, over: Partial<FeedEntry> = {}): FeedEntry => ({
  kind: i % 2 ? 'maintenance' : 'incident',
  id: `e${i}`,
  title: `Entry ${i}`,
  status: i % 2 ? 'completed' : 'investigating',
  affectedServices: 2,
  latestUpdate: `Update ${i}`,
  createdAt: at(i),
  updatedAt: at(i + 1),
  ...over,
});
const RFC822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

describe('feed rules', () => {
  it('writes the reference summary and labels', () => {
    expect(summary(entry(1, { latestUpdate: 'Migration complete.' }))).toBe(
      'Status: Resolved — Affected services: 2 — Migration complete.',
    );
    expect(summary(entry(0, { latestUpdate: null, affectedServices: 0 }))).toBe(
      'Status: Investigating — Affected services: 0',
    );
    expect(statusLabel('in_progress')).toBe('In progress');
    expect(statusLabel('nonsense')).toBe('Unknown');
  });

  it('keeps the 50 newest by update time, newest first', () => {
    const many = Array.from({ length: 80 }, (_, i) => entry(i));
    const shuffled = [...many].sort(
      (a, b) =>
        ((a.id.length * 7 + Number(a.id.slice(1)) * 13) % 17) - ((b.id.length * 7 + Number(b.id.slice(1)) * 13) % 17),
    );
    const top = newestEntries(shuffled);
    expect(top).toHaveLength(50);
    expect(top[0].id).toBe('e79');
    expect(top[49].id).toBe('e30');
  });

  it('parses ?format=', () => {
    expect(parseFormat(undefined)).toBe('atom');
    expect(parseFormat('rss')).toBe('rss');
    expect(parseFormat('atom')).toBe('atom');
    expect(parseFormat('json')).toBeNull();
    expect(parseFormat(['rss', 'rss'])).toBeNull();
  });
});

describe('Atom 1.0 (RFC 4287)', () => {
  const entries = Array.from({ length: 60 }, (_, i) => entry(i));
  const xml = buildFeed(page, entries, 'atom', at(0));
  const feed = parseXml(xml).documentElement as unknown as Element;

  it('has the feed elements Atom requires: id, title, updated, author, self and alternate links', () => {
    expect(feed.localName).toBe('feed');
    expect(feed.namespaceURI).toBe(ATOM);
    expect(text(child(feed, 'id'))).toBe(page.feedUrl);
    expect(text(child(feed, 'title'))).toBe('Acme Status — Incidents & Maintenance');
    expect(text(child(feed, 'updated'))).toBe(at(60).toISOString());
    expect(text(child(child(feed, 'author'), 'name'))).toBe('Acme Inc.');
    const links = children(feed, 'link').map((l) => [l.getAttribute('rel'), l.getAttribute('href')]);
    expect(links).toEqual(
      expect.arrayContaining([
        ['self', page.feedUrl],
        ['alternate', page.pageUrl],
      ]),
    );
  });

  it('has 50 entries, each with id, title, updated, link, summary and a status category', () => {
    const es = children(feed, 'entry');
    expect(es).toHaveLength(50);
    const first = es[0];
    expect(text(child(first, 'id'))).toBe('https://status.acme.test/s/acme/maintenance/e59');
    expect(text(child(first, 'title'))).toBe('Entry 59');
    expect(text(child(first, 'updated'))).toBe(at(60).toISOString());
    expect(text(child(first, 'published'))).toBe(at(59).toISOString());
    expect(child(first, 'link').getAttribute('href')).toBe('https://status.acme.test/s/acme/maintenance/e59');
    expect(text(child(first, 'summary'))).toBe('Status: Resolved — Affected services: 2 — Update 59');
    const cat = child(first, 'category');
    expect([cat.getAttribute('term'), cat.getAttribute('label')]).toEqual(['completed', 'Resolved']);
    for (const e of es) {
      for (const name of ['id', 'title', 'updated', 'link', 'summary', 'category'])
        expect(children(e, name).length).toBeGreaterThanOrEqual(1);
      expect(text(child(e, 'updated'))).toMatch(ISO);
    }
    const ids = es.map((e) => text(child(e, 'id')));
    expect(new Set(ids).size).toBe(50);
  });

  it('keeps entry ids across edits, and the same data gives the same bytes', () => {
    const edited = entries.map((e) =>
      e.id === 'e10' ? { ...e, title: 'Renamed', status: 'resolved', updatedAt: at(500), latestUpdate: 'Fixed' } : e,
    );
    const doc = parseXml(buildFeed(page, edited, 'atom', at(0))).documentElement as unknown as Element;
    const top = children(doc, 'entry')[0];
    expect(text(child(top, 'id'))).toBe('https://status.acme.test/s/acme/incidents/e10');
    expect(text(child(top, 'title'))).toBe('Renamed');
    expect(buildFeed(page, entries, 'atom', at(0))).toBe(xml);
  });

  it('is valid with no entries', () => {
    const doc = parseXml(buildFeed(page, [], 'atom', at(7))).documentElement as unknown as Element;
    expect(children(doc, 'entry')).toHaveLength(0);
    expect(text(child(doc, 'updated'))).toBe(at(7).toISOString());
  });
});

describe('RSS 2.0', () => {
  const xml = buildFeed(
    page,
    Array.from({ length: 55 }, (_, i) => entry(i)),
    'rss',
    at(0),
  );
  const rss = parseXml(xml).documentElement as unknown as Element;

  it('has the channel elements RSS 2.0 requires: title, link, description; and lastBuildDate, atom:link self', () => {
    expect(rss.localName).toBe('rss');
    expect(rss.getAttribute('version')).toBe('2.0');
    const channel = child(rss, 'channel');
    expect(text(child(channel, 'title'))).toBe('Acme Status — Incidents & Maintenance');
    expect(
      children(channel, 'link')
        .filter((l) => !l.namespaceURI)
        .map(text),
    ).toEqual([page.pageUrl]);
    expect(text(child(channel, 'description'))).toBe('Incidents and maintenance of Acme Status');
    expect(text(child(channel, 'lastBuildDate'))).toMatch(RFC822);
    const self = children(channel, 'link').find((l) => l.namespaceURI === ATOM);
    expect(self?.getAttribute('rel')).toBe('self');
  });

  it('has 50 items with title, link, guid, pubDate, description and category', () => {
    const items = children(child(rss, 'channel'), 'item');
    expect(items).toHaveLength(50);
    const first = items[0];
    expect(text(child(first, 'title'))).toBe('Entry 54');
    expect(text(child(first, 'link'))).toBe('https://status.acme.test/s/acme/incidents/e54');
    expect(text(child(first, 'guid'))).toBe('https://status.acme.test/s/acme/incidents/e54');
    expect(text(child(first, 'pubDate'))).toBe(at(55).toUTCString());
    expect(text(child(first, 'description'))).toBe('Status: Investigating — Affected services: 2 — Update 54');
    expect(text(child(first, 'category'))).toBe('Investigating');
    for (const i of items) expect(text(child(i, 'pubDate'))).toMatch(RFC822);
  });
});

describe('hostile text', () => {
  const nasty = '<script>alert(1)</script> ]]> & "q" \u0000\u0007\ud800 end';
  const e = entry(0, { title: nasty, latestUpdate: nasty });
  const p = { ...page, title: `Acme ${nasty}`, author: nasty };

  it.each(['atom', 'rss'] as const)('%s stays well-formed and shows the text as text', (format) => {
    const xml = buildFeed(p, [e], format, at(0));
    const doc = parseXml(xml);
    expect(doc.getElementsByTagName('script').length).toBe(0);
    const root = doc.documentElement as unknown as Element;
    const item = format === 'atom' ? child(root, 'entry') : child(child(root, 'channel'), 'item');
    const title = text(child(item, 'title'));
    // Atom declares HTML: the reader decodes the entities and shows "<script>" as text.
    expect(title).toBe(
      format === 'atom'
        ? '&lt;script&gt;alert(1)&lt;/script&gt; ]]&gt; &amp; &quot;q&quot; end'
        : '<script>alert(1)</script> ]]> & "q" end',
    );
    const desc = text(child(item, format === 'atom' ? 'summary' : 'description'));
    expect(desc).toContain('&lt;script&gt;');
    expect(desc).not.toMatch(/[\u0000-\u0008\ud800-\udfff]/);
  });
});
