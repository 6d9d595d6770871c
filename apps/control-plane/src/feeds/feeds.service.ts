import { Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { IncidentsRepository } from '../incidents/incidents.repository';
import { regionalTitle } from '../incidents/incident-rules';
import { MaintenanceRepository } from '../maintenance/maintenance.repository';
import type { PublicPageView } from '../status-pages/public-page';
import { automaticUpdate } from '../subscriptions/subscription-rules';
import type { BadgeAnswer } from '../badges/badges.service';
import { buildFeed, FEED_CONTENT_TYPES, FEED_LIMIT, FeedEntry, parseFormat } from './feed-builder';
import { asAccountId } from '../common/account-id';

/** SPEC 3.7: public JSON and feeds are cached 30 s with a minute of stale-while-revalidate. */
export const FEED_CACHE_CONTROL = 'public, max-age=30, stale-while-revalidate=60';
const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * A page's Atom / RSS feed: its incidents (automatic and manual, of the page's public
 * monitors) and its scheduled maintenance as feed entries; the builder keeps the 50 newest.
 */
@Injectable()
export class FeedsService {
  private readonly logger = new Logger(FeedsService.name);

  constructor(
    private readonly incidents: IncidentsRepository,
    private readonly maintenance: MaintenanceRepository,
  ) {}

  async entries(view: PublicPageView): Promise<FeedEntry[]> {
    const byId = new Map(view.monitors.map((m) => [m.id, m]));
    const [rows, works] = await Promise.all([
      this.incidents.recentForMonitors(asAccountId(view.page.accountId), [...byId.keys()], FEED_LIMIT),
      this.maintenance.recentForMonitors(view.page.accountId, [...byId.keys()], FEED_LIMIT),
    ]);
    const [updates, workUpdates] = await Promise.all([
      this.incidents.updatesOf(
        rows.map((i) => i.id),
        1,
      ),
      this.maintenance.updatesOf(
        works.map((m) => m.id),
        1,
      ),
    ]);
    const maintenance: FeedEntry[] = works.map((m) => ({
      kind: 'maintenance' as const,
      id: m.id,
      title: m.title,
      status: m.status,
      affectedServices: m.monitorIds.filter((id) => byId.has(id)).length,
      latestUpdate: workUpdates.get(m.id)?.at(-1)?.content ?? m.description,
      createdAt: m.createdAt,
      updatedAt: m.updatedAt,
    }));
    const incidents: FeedEntry[] = rows.map((i) => {
      const resolved = i.status === 'resolved';
      const latest = updates.get(i.id)?.at(-1);
      if (i.type === 'manual') {
        return {
          kind: 'incident' as const,
          id: i.id,
          title: i.title ?? 'Incident',
          status: i.status,
          affectedServices: (i.monitorIds ?? []).filter((id) => byId.has(id)).length,
          latestUpdate: latest?.content ?? null,
          createdAt: i.startedAt,
          updatedAt: i.updatedAt ?? i.resolvedAt ?? i.startedAt,
        };
      }
      const name = (i.monitorId ? byId.get(i.monitorId)?.name : undefined) ?? i.monitorName;
      return {
        kind: 'incident' as const,
        id: i.id,
        title: i.type === 'regional' ? regionalTitle(name, i.affectedRegions ?? []) : `${name} is down`,
        status: resolved ? 'resolved' : 'investigating',
        affectedServices: 1,
        latestUpdate:
          latest?.content ??
          automaticUpdate(
            resolved ? 'incident.resolved' : 'incident.created',
            name,
            i.affectedRegions ?? [],
            i.durationSeconds,
          ),
        createdAt: i.startedAt,
        updatedAt:
          i.updatedAt && i.updatedAt > (i.resolvedAt ?? i.startedAt) ? i.updatedAt : (i.resolvedAt ?? i.startedAt),
      };
    });
    return [...incidents, ...maintenance];
  }

  /** `/api/feed?format=`: Atom by default, RSS 2.0 with `rss`; Valtrogen's JSON errors otherwise. */
  async feed(view: PublicPageView | null, format: unknown): Promise<BadgeAnswer> {
    try {
      const f = parseFormat(format);
      if (!f)
        return {
          status: 400,
          body: JSON.stringify({
            success: false,
            data: null,
            error: 'format must be "rss", or omitted for Atom',
            code: 'bad_request',
          }),
          contentType: JSON_TYPE,
          cacheControl: 'public, max-age=60',
        };
      if (!view)
        return {
          status: 404,
          body: JSON.stringify({ success: false, data: null, error: 'status page not found', code: 'not_found' }),
          contentType: JSON_TYPE,
          cacheControl: 'public, max-age=60',
        };
      const entries = await this.entries(view);
      const p = view.page;
      const xml = buildFeed(
        {
          title: p.title,
          pageUrl: p.url,
          feedUrl: `${p.url}/api/feed`,
          author: p.companyName || p.title,
          description: p.description,
        },
        entries,
        f,
        p.updatedAt,
      );
      return { status: 200, body: xml, contentType: FEED_CONTENT_TYPES[f], cacheControl: FEED_CACHE_CONTROL };
    } catch (e) {
      const errorId = `err_${randomBytes(8).toString('hex')}`;
      this.logger.error({ err: e, errorId }, `feed failed (${errorId})`);
      return {
        status: 500,
        body: JSON.stringify({
          success: false,
          data: null,
          error: `internal error (reference ${errorId})`,
          code: 'internal',
          error_id: errorId,
        }),
        contentType: JSON_TYPE,
        cacheControl: 'no-store',
      };
    }
  }
}
