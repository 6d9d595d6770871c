import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiQuery,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Clock } from '../common/clock';
import { Public } from '../common/principal';
import { APP_CONFIG, AppConfig } from '../config/config';
import { FeedsService } from '../feeds/feeds.service';
import { AnswerCache, pick } from '../public-status/answer-cache';
import type { PublicPageView } from '../status-pages/public-page';
import { StatusPagesService } from '../status-pages/status-pages.service';
import { BADGE_STYLES, BADGE_TYPES } from './badge-spec';
import { BadgeAnswer, BadgesService } from './badges.service';
import { sendAnswer } from './send';

/** What the page badge reads (the rest of a query does not change it). */
const BADGE_PARAMS = ['style', 'type', 'label', 'labelColor', 'color', 'monitorId', 'logo'];

const SVG = { 'image/svg+xml': { schema: { type: 'string' } } };
const FEEDS = {
  'application/atom+xml': { schema: { type: 'string' } },
  'application/rss+xml': { schema: { type: 'string' } },
};
const ERROR = {
  'application/json': {
    schema: { type: 'object', properties: { success: { type: 'boolean', enum: [false] }, error: { type: 'string' } } },
  },
};

function BadgeDocs(): MethodDecorator {
  return (target, key, d) => {
    ApiOperation({
      summary:
        "Valtrogen status badge of the page (SVG, badge-maker): the page's overall status, or one monitor (monitorId = its slug)",
    })(target, key, d);
    ApiProduces('image/svg+xml')(target, key, d);
    ApiQuery({ name: 'style', required: false, enum: BADGE_STYLES })(target, key, d);
    ApiQuery({
      name: 'type',
      required: false,
      enum: BADGE_TYPES,
      description: 'status (default), uptime (90 days), response-time (average of the last 24 h)',
    })(target, key, d);
    ApiQuery({
      name: 'label',
      required: false,
      type: String,
      schema: { type: 'string', maxLength: 64 },
      description: 'left text (default depends on type), at most 64 characters',
    })(target, key, d);
    ApiQuery({ name: 'labelColor', required: false, type: String, description: 'hex, e.g. 555 or 24292e' })(
      target,
      key,
      d,
    );
    ApiQuery({
      name: 'color',
      required: false,
      type: String,
      description: 'hex; default from the status/uptime/response-time thresholds',
    })(target, key, d);
    ApiQuery({ name: 'monitorId', required: false, type: String, description: "a monitor's slug on the page" })(
      target,
      key,
      d,
    );
    ApiQuery({ name: 'logo', required: false, type: String, description: '"false" hides the status dot' })(
      target,
      key,
      d,
    );
    ApiOkResponse({
      description: 'SVG badge; Cache-Control public, max-age=300, stale-while-revalidate=60; ETag',
      content: SVG,
    })(target, key, d);
    ApiResponse({ status: 400, description: 'red "invalid" badge naming the parameter', content: SVG })(target, key, d);
    ApiNotFoundResponse({ description: '"not found" badge: unknown page, or monitorId not on the page', content: SVG })(
      target,
      key,
      d,
    );
    ApiResponse({ status: 500, description: 'fallback "unavailable" badge', content: SVG })(target, key, d);
  };
}

function FeedDocs(): MethodDecorator {
  return (target, key, d) => {
    ApiOperation({
      summary:
        "Atom 1.0 (default) or RSS 2.0 (?format=rss) of the page's incidents and maintenance: the 50 newest by update time",
    })(target, key, d);
    ApiProduces('application/atom+xml', 'application/rss+xml')(target, key, d);
    ApiQuery({ name: 'format', required: false, enum: ['rss'] })(target, key, d);
    ApiOkResponse({
      description: 'the feed; Cache-Control public, max-age=30, stale-while-revalidate=60; ETag',
      content: FEEDS,
    })(target, key, d);
    ApiResponse({ status: 400, description: 'unknown format', content: ERROR })(target, key, d);
    ApiNotFoundResponse({ description: 'no such page', content: ERROR })(target, key, d);
    ApiResponse({ status: 500, description: 'server error', content: ERROR })(target, key, d);
  };
}

/**
 * Valtrogen's `/api/badge` and `/api/feed` of every page, at `/s/{slug}/api/…` and at
 * `/api/…` on the page's custom domain (the `Host` names the page). Outside `/api/v1`.
 */
@ApiTags('status-pages (public)')
@Public()
@Controller()
export class PagePublicController {
  /** Answers per page (slug or host) and query, reused as the HTML page is (PUBLIC_PAGE_CACHE_MS); a 500 is not kept. */
  private readonly cache: AnswerCache<BadgeAnswer>;

  constructor(
    private readonly pages: StatusPagesService,
    private readonly badges: BadgesService,
    private readonly feeds: FeedsService,
    @Inject(APP_CONFIG) config: AppConfig,
    clock: Clock,
  ) {
    this.cache = new AnswerCache<BadgeAnswer>(
      config.publicPageCacheMs,
      undefined,
      () => clock.nowMs(),
      (a) => a.status < 500,
    );
  }

  @Get('s/:slug/api/badge')
  @BadgeDocs()
  @ApiParam({ name: 'slug' })
  async badge(@Param('slug') slug: string, @Query() q: Record<string, unknown>, @Res() res: Response) {
    sendAnswer(
      res,
      await this.cache.get(key('badge', slug, pick(q, BADGE_PARAMS)), async () =>
        this.badges.page(await this.bySlug(slug), q),
      ),
    );
  }

  @Get('api/badge')
  @BadgeDocs()
  async domainBadge(@Req() req: Request, @Query() q: Record<string, unknown>, @Res() res: Response) {
    sendAnswer(
      res,
      await this.cache.get(key('badge-host', hostOf(req), pick(q, BADGE_PARAMS)), async () =>
        this.badges.page(await this.byHost(req), q),
      ),
      { Vary: 'Host' },
    );
  }

  @Get('s/:slug/api/feed')
  @FeedDocs()
  @ApiParam({ name: 'slug' })
  async feed(@Param('slug') slug: string, @Query('format') format: unknown, @Res() res: Response) {
    sendAnswer(
      res,
      await this.cache.get(key('feed', slug, format), async () => this.feeds.feed(await this.bySlug(slug), format)),
    );
  }

  @Get('api/feed')
  @FeedDocs()
  async domainFeed(@Req() req: Request, @Query('format') format: unknown, @Res() res: Response) {
    sendAnswer(
      res,
      await this.cache.get(key('feed-host', hostOf(req), format), async () =>
        this.feeds.feed(await this.byHost(req), format),
      ),
      { Vary: 'Host' },
    );
  }

  private async bySlug(slug: string): Promise<PublicPageView | null> {
    return this.pages.loadBySlug(slug).catch(() => null);
  }

  /** The page whose custom domain is the request's Host (no port, lowercase), or null. */
  private async byHost(req: Request): Promise<PublicPageView | null> {
    const host = hostOf(req);
    return host ? this.pages.loadByDomain(host).catch(() => null) : null;
  }
}

function hostOf(req: Request): string {
  return (req.hostname ?? '').toLowerCase();
}

/** The answer cache's key of one route of one page with its query (as parsed). */
function key(route: string, page: string, arg: unknown): string {
  return `${route}\u0000${page}\u0000${JSON.stringify(arg) ?? ''}`;
}
