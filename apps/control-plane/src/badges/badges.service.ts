import { Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { asAccountId, type AccountId } from '../common/account-id';
import { Clock } from '../common/clock';
import type { MonitorEntity } from '../monitors/monitor.entity';
import { MonitorsRepository } from '../monitors/monitors.repository';
import type { PublicMonitorView, PublicPageView } from '../status-pages/public-page';
import { TimeseriesService } from '../timeseries/timeseries.service';
import {
  BadgeContent,
  BadgeData,
  BadgeQuery,
  BadgeStatus,
  invalidBadge,
  notFoundBadge,
  overallStatus,
  parseBadgeQuery,
  renderBadge,
  roosterBadge,
  RoosterKind,
  shieldsEndpoint,
  UNAVAILABLE,
  valtrogenBadge,
} from './badge-spec';

/** Badges are cached 5 minutes (StatusRooster, SPEC 3.7); answers that are not badges of a monitor for less. */
export const BADGE_MAX_AGE = 300;
export const BADGE_CACHE_CONTROL = `public, max-age=${BADGE_MAX_AGE}, stale-while-revalidate=60`;
export const MISS_CACHE_CONTROL = 'public, max-age=60';
export const ERROR_CACHE_CONTROL = 'no-store';

/** One badge answer, ready for the controller: the status, the body and how long it may be cached. */
export interface BadgeAnswer {
  status: number;
  body: string;
  contentType: string;
  cacheControl: string;
}

export const SVG_TYPE = 'image/svg+xml; charset=utf-8';
export const JSON_TYPE = 'application/json; charset=utf-8';

/** Internal ids are `<prefix>_<base62/hex>`; anything else cannot be a monitor (and never reaches SQL). */
const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Monitor fields a badge shows, from the read model (no query beyond the monitor row). */
export function monitorBadgeData(m: MonitorEntity): BadgeData {
  return {
    status: m.paused ? 'paused' : m.status,
    // Lifetime uptime, as the monitor's `uptime_percent` (StatusRooster): no rounds yet, no figure.
    uptimePercent: m.checksTotal === 0 ? null : ((m.checksTotal - m.checksFailed) / m.checksTotal) * 100,
    responseMs: m.lastResponseMs,
  };
}

/**
 * The badges of public monitors. A badge never fails as a page would: an unknown or
 * private monitor is a 404 "not found" badge, a bad parameter a 400 badge that says which,
 * and an unexpected error the "unavailable" badge (logged with an error id, never cached).
 */
@Injectable()
export class BadgesService {
  private readonly logger = new Logger(BadgesService.name);

  constructor(
    private readonly monitors: MonitorsRepository,
    private readonly timeseries: TimeseriesService,
    private readonly clock: Clock,
  ) {}

  /**
   * Valtrogen's `/api/badge` of a page: `monitorId` names one of the page's monitors by
   * slug (404 badge otherwise), else the page as a whole. Uptime is over 90 days, response
   * time the average of the last 24 hours (rounds' median response times).
   */
  page(view: PublicPageView | null, query: Record<string, unknown>): Promise<BadgeAnswer> {
    return this.valtrogen(query, async (q) => {
      if (!view) return null;
      const shown = q.monitorId === null ? view.monitors : view.monitors.filter((m) => m.slug === q.monitorId);
      if (q.monitorId !== null && shown.length === 0) return null;
      const status: BadgeStatus =
        q.monitorId !== null
          ? shown[0].paused
            ? 'paused'
            : shown[0].status
          : overallStatus(shown.filter((m) => !m.paused).map((m) => m.status));
      if (q.type === 'status') return { status, uptimePercent: null, responseMs: null };
      return { status, ...(await this.figures(asAccountId(view.page.accountId), shown, q.type)) };
    });
  }

  private async figures(
    accountId: AccountId,
    shown: PublicMonitorView[],
    type: BadgeQuery['type'],
  ): Promise<Pick<BadgeData, 'uptimePercent' | 'responseMs'>> {
    const monitors = await this.monitors.findPublicByIds(
      accountId,
      shown.map((m) => m.id),
    );
    const now = this.clock.nowMs();
    const from = new Date(now - (type === 'uptime' ? 90 : 1) * 86_400_000);
    const totals = await Promise.all(monitors.map((m) => this.timeseries.overallTotals(m, from, new Date(now + 1))));
    const sum = totals.reduce(
      (a, t) => ({
        checks: a.checks + t.checks,
        failures: a.failures + t.failures,
        rtCount: a.rtCount + t.rtCount,
        rtSum: a.rtSum + t.rtSum,
      }),
      { checks: 0, failures: 0, rtCount: 0, rtSum: 0 },
    );
    return {
      uptimePercent: sum.checks ? ((sum.checks - sum.failures) / sum.checks) * 100 : null,
      responseMs: sum.rtCount ? sum.rtSum / sum.rtCount : null,
    };
  }

  /** `/badge/{id}.svg`, `/badge/{id}/status.svg`, `/badge/{id}/response.svg`. */
  async rooster(id: string, kind: RoosterKind): Promise<BadgeAnswer> {
    return this.guard(async () => {
      const m = await this.publicMonitor(id);
      if (!m) return svg(404, notFoundBadge(kind), MISS_CACHE_CONTROL);
      return svg(200, roosterBadge(kind, monitorBadgeData(m)), BADGE_CACHE_CONTROL);
    }, 'svg');
  }

  /** `/badge/{id}/shields.json?type=uptime|status|response`: shields.io's endpoint badge. */
  async shields(id: string, type: unknown): Promise<BadgeAnswer> {
    return this.guard(async () => {
      const kind = type === undefined ? 'uptime' : type;
      if (kind !== 'uptime' && kind !== 'status' && kind !== 'response')
        return json(400, shieldsEndpoint(invalidBadge('type'), 60, true), MISS_CACHE_CONTROL);
      const m = await this.publicMonitor(id);
      if (!m) return json(404, shieldsEndpoint(notFoundBadge(kind), 60, true), MISS_CACHE_CONTROL);
      return json(200, shieldsEndpoint(roosterBadge(kind, monitorBadgeData(m)), BADGE_MAX_AGE), BADGE_CACHE_CONTROL);
    }, 'json');
  }

  /**
   * Valtrogen's `/api/badge` of a page: `load(query)` returns what to draw, or null when
   * the named monitor is not on the page (404 badge). Everything else is parsed here.
   */
  async valtrogen(
    query: Record<string, unknown>,
    load: (q: BadgeQuery) => Promise<BadgeData | null>,
  ): Promise<BadgeAnswer> {
    return this.guard(async () => {
      const q = parseBadgeQuery(query);
      if (!q.ok) return svg(400, invalidBadge(q.error), MISS_CACHE_CONTROL);
      const d = await load(q.value);
      if (!d)
        return svg(404, { ...notFoundBadge(q.value.label ?? 'monitor'), style: q.value.style }, MISS_CACHE_CONTROL);
      return svg(200, valtrogenBadge(q.value, d), BADGE_CACHE_CONTROL);
    }, 'svg');
  }

  private async publicMonitor(id: string): Promise<MonitorEntity | null> {
    return ID.test(id) ? this.monitors.findPublicById(id) : null;
  }

  private async guard(f: () => Promise<BadgeAnswer>, kind: 'svg' | 'json'): Promise<BadgeAnswer> {
    try {
      return await f();
    } catch (e) {
      const errorId = `err_${randomBytes(8).toString('hex')}`;
      this.logger.error({ err: e, errorId }, `badge failed: unavailable badge answered (${errorId})`);
      return kind === 'svg'
        ? svg(500, UNAVAILABLE, ERROR_CACHE_CONTROL)
        : json(500, shieldsEndpoint(UNAVAILABLE, 60, true), ERROR_CACHE_CONTROL);
    }
  }
}

function svg(status: number, b: BadgeContent, cacheControl: string): BadgeAnswer {
  return { status, body: renderBadge(b), contentType: SVG_TYPE, cacheControl };
}

function json(status: number, body: unknown, cacheControl: string): BadgeAnswer {
  return { status, body: JSON.stringify(body), contentType: JSON_TYPE, cacheControl };
}
