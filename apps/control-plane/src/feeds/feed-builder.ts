import { Feed } from 'feed';
import { cleanText } from '../badges/badge-spec';

/**
 * Status feeds (SPEC 3.7, Valtrogen `/api/feed`): the pure part. Incidents and maintenance
 * of a page as Atom 1.0 (default) or RSS 2.0, built with the `feed` package: the 50 newest
 * entries by update time, entry ids built from the entry's own id (stable across edits),
 * the reference's summary "Status: <label> — Affected services: N — <latest update>" and a
 * category with the status. Every text is cleaned of characters XML cannot carry and
 * HTML-escaped where the feed declares HTML (titles and summaries), so an update's text
 * shows as text in every reader.
 */

export const FEED_LIMIT = 50;
export type FeedFormat = 'atom' | 'rss';

export interface FeedEntry {
  kind: 'incident' | 'maintenance';
  /** The entry's public id (stable: the id of the incident or maintenance, never of an update). */
  id: string;
  title: string;
  /** Raw status (`open`, `investigating`, …, `scheduled`, `in_progress`, `completed`, `cancelled`). */
  status: string;
  affectedServices: number;
  /** Text of the newest update; null when there is none. */
  latestUpdate: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface FeedPage {
  title: string;
  /** The page's public address (`https://host/s/slug` or `https://custom.domain`), no trailing slash. */
  pageUrl: string;
  /** The feed's own address (Atom's `id` and `rel="self"`). */
  feedUrl: string;
  /** Shown as the feed's author (Atom requires one). */
  author: string;
  description?: string;
}

const LABELS: Record<string, string> = {
  open: 'Investigating',
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
  scheduled: 'Scheduled',
  in_progress: 'In progress',
  completed: 'Resolved',
  cancelled: 'Cancelled',
};

/** The reference's human label of a status (`completed` → "Resolved"). */
export function statusLabel(status: string): string {
  return LABELS[status] ?? 'Unknown';
}

/** Category terms are our own status names; anything else becomes `unknown`. */
const term = (status: string): string => (status in LABELS ? status : 'unknown');

/** XML-safe (cleaned) and HTML-escaped: for elements the feed declares `type="html"`. */
export function htmlText(s: string, max = 2000): string {
  return cleanText(s, max).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** "Status: Resolved — Affected services: 2 — Migration complete." (plain text). */
export function summary(e: FeedEntry): string {
  const parts = [`Status: ${statusLabel(e.status)}`, `Affected services: ${e.affectedServices}`];
  if (e.latestUpdate !== null && cleanText(e.latestUpdate, 2000) !== '') parts.push(cleanText(e.latestUpdate, 2000));
  return parts.join(' — ');
}

/** The 50 newest by update time (ties: newest created, then id), newest first. */
export function newestEntries(entries: readonly FeedEntry[], limit = FEED_LIMIT): FeedEntry[] {
  return [...entries]
    .sort(
      (a, b) =>
        b.updatedAt.getTime() - a.updatedAt.getTime() ||
        b.createdAt.getTime() - a.createdAt.getTime() ||
        (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
    )
    .slice(0, limit);
}

/** An entry's address and id: `<page>/incidents/<id>` or `<page>/maintenance/<id>`. */
export function entryUrl(page: FeedPage, e: FeedEntry): string {
  return `${page.pageUrl}/${e.kind === 'incident' ? 'incidents' : 'maintenance'}/${encodeURIComponent(e.id)}`;
}

/**
 * The feed document. `updated` is the newest entry's update time (or `emptyUpdated` for a
 * page without entries), never "now": the same data gives the same bytes and ETag.
 */
export function buildFeed(
  page: FeedPage,
  entries: readonly FeedEntry[],
  format: FeedFormat,
  emptyUpdated: Date,
): string {
  const items = newestEntries(entries);
  const updated = items[0]?.updatedAt ?? emptyUpdated;
  const title = cleanText(`${page.title} — Incidents & Maintenance`, 300);
  const feed = new Feed({
    id: page.feedUrl,
    title,
    description: cleanText(page.description || `Incidents and maintenance of ${page.title}`, 1000),
    link: page.pageUrl,
    feedLinks: { atom: page.feedUrl, rss: `${page.feedUrl}?format=rss` },
    updated,
    generator: 'Parallax',
    author: { name: cleanText(page.author, 200) || 'Parallax' },
    copyright: '',
  });
  for (const e of items) {
    const url = entryUrl(page, e);
    feed.addItem({
      id: url,
      guid: url,
      link: url,
      // Atom's title is type="html"; RSS titles are read as plain text by most readers.
      title: format === 'rss' ? cleanText(e.title, 300) : htmlText(e.title, 300),
      date: e.updatedAt,
      // RSS has one date (pubDate, from `published` when given): the update time, as the order.
      ...(format === 'atom' ? { published: e.createdAt } : {}),
      description: htmlText(summary(e), 4000),
      category: [{ term: term(e.status), name: statusLabel(e.status) }],
    });
  }
  return format === 'rss' ? feed.rss2() : feed.atom1();
}

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  atom: 'application/atom+xml; charset=utf-8',
  rss: 'application/rss+xml; charset=utf-8',
};

/** `?format=` → the format; anything but `rss` (or `atom`) is an error naming the parameter. */
export function parseFormat(v: unknown): FeedFormat | null {
  if (v === undefined || v === '' || v === 'atom') return 'atom';
  if (v === 'rss') return 'rss';
  return null;
}
