import type { NextFunction, Request, Response } from 'express';
import { requestHost } from '../status-pages/status-page-rules';
import { systemClock } from '../common/clock';

/** Pure: the path a request on a page's custom domain is served from (null: not a page route). */
export function customDomainPath(path: string, slug: string): string | null {
  const [p, q] = splitQuery(path);
  if (p === '/' || p === '') return `/s/${encodeURIComponent(slug)}${q}`;
  if (
    p.startsWith('/api/') &&
    !p.startsWith('/api/v1/') &&
    !p.startsWith('/api/public/') &&
    !p.startsWith('/api/ping/') &&
    !p.startsWith('/api/docs')
  )
    return `/s/${encodeURIComponent(slug)}${p}${q}`;
  return null;
}

function splitQuery(url: string): [string, string] {
  const i = url.indexOf('?');
  return i < 0 ? [url, ''] : [url.slice(0, i), url.slice(i)];
}

/**
 * Express middleware: a GET/HEAD whose Host is a page's custom domain gets that page at
 * `/` and its public JSON at `/api/<path>` (rewritten to `/s/{slug}/…`). Hosts are looked
 * up through `lookup` (cached by the caller); the install's own host is never looked up.
 */
export function customDomainMiddleware(ownHost: string | null, lookup: (host: string) => Promise<string | null>) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const host = requestHost(req.headers.host);
    if (!host || host === ownHost || host === 'localhost' || /^[\d.]+$/.test(host) || !host.includes('.'))
      return next();
    const [p] = splitQuery(req.url);
    if (p !== '/' && !p.startsWith('/api/')) return next();
    lookup(host)
      .then((slug) => {
        if (slug) {
          const rewritten = customDomainPath(req.url, slug);
          if (rewritten) req.url = rewritten;
        }
        next();
      })
      .catch(next);
  };
}

/** A small time-bounded cache of host → slug (misses cached too), so the lookup is not one query per request. */
export class DomainCache {
  private readonly entries = new Map<string, { slug: string | null; until: number }>();

  constructor(
    private readonly load: (host: string) => Promise<string | null>,
    private readonly ttlMs = 30_000,
    private readonly max = 10_000,
    private readonly clock: () => number = () => systemClock.nowMs(),
  ) {}

  async get(host: string, nowMs = this.clock()): Promise<string | null> {
    const hit = this.entries.get(host);
    if (hit && hit.until > nowMs) return hit.slug;
    const slug = await this.load(host);
    if (this.entries.size >= this.max) this.entries.clear();
    this.entries.set(host, { slug, until: nowMs + this.ttlMs });
    return slug;
  }
}
