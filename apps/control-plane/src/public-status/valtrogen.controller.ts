import { Controller, Get, Inject, Logger, Param, Query, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomBytes } from 'node:crypto';
import { Clock } from '../common/clock';
import { Public } from '../common/principal';
import { APP_CONFIG, AppConfig } from '../config/config';
import { MAINTENANCE_STATUSES } from '../maintenance/maintenance.entity';
import type { PublicPageView } from '../status-pages/public-page';
import { StatusPagesService } from '../status-pages/status-pages.service';
import { AnswerCache, pick } from './answer-cache';
import {
  ValtrogenErrorView,
  ValtrogenGroupView,
  ValtrogenHourlyDataView,
  ValtrogenLogDetailView,
  ValtrogenLogsView,
  ValtrogenMinutesView,
  ValtrogenMonitorDetailView,
  ValtrogenMonitorPageView,
  ValtrogenMonitorsView,
} from './dto';
import { PreparedBody, prepare, send } from './public-status.controller';
import { PublicStatusService } from './public-status.service';
import {
  groupDocument,
  hourlyDocument,
  isSlugId,
  minutesDocument,
  monitorDetailDocument,
  monitorsDocument,
  parseDateQuery,
  parseMinuteQuery,
} from './valtrogen-monitors';
import {
  isMaintenanceId,
  LOG_LIMIT_DEFAULT,
  LOG_LIMIT_MAX,
  maintenanceLog,
  monitorDetails,
  parseLogQuery,
} from './valtrogen-maintenance';

const JSON_TYPE = 'application/json; charset=utf-8';

function ListDocs(): MethodDecorator {
  return (target, key, d) => {
    ApiOperation({
      summary:
        "Valtrogen: the page's maintenance logs with their events (camelCase, ms timestamps), latest start first",
    })(target, key, d);
    ApiQuery({ name: 'status', required: false, enum: MAINTENANCE_STATUSES })(target, key, d);
    ApiQuery({
      name: 'limit',
      required: false,
      schema: { type: 'integer', minimum: 1, maximum: LOG_LIMIT_MAX, default: LOG_LIMIT_DEFAULT },
    })(target, key, d);
    ApiQuery({
      name: 'offset',
      required: false,
      schema: { type: 'integer', minimum: 0, maximum: 10_000_000, default: 0 },
    })(target, key, d);
    ApiResponse({ status: 200, description: '{success: true, logs: [...]}', type: ValtrogenLogsView })(target, key, d);
    ApiResponse({
      status: 400,
      description: '{success: false, error}: a malformed parameter',
      type: ValtrogenErrorView,
    })(target, key, d);
    ApiResponse({ status: 404, description: '{success: false, error}: no such page', type: ValtrogenErrorView })(
      target,
      key,
      d,
    );
    ApiResponse({ status: 500, description: '{success: false, error}', type: ValtrogenErrorView })(target, key, d);
  };
}

function DetailDocs(): MethodDecorator {
  return (target, key, d) => {
    ApiOperation({
      summary: 'Valtrogen: one maintenance log with its events and `monitorDetails` of the affected monitors (by slug)',
    })(target, key, d);
    ApiParam({ name: 'id', example: 'mnt_7h2k9d0q3m1x8v4b' })(target, key, d);
    ApiResponse({ status: 200, description: '{success: true, log, monitorDetails}', type: ValtrogenLogDetailView })(
      target,
      key,
      d,
    );
    ApiResponse({ status: 400, description: '{success: false, error}: invalid id format', type: ValtrogenErrorView })(
      target,
      key,
      d,
    );
    ApiResponse({ status: 404, description: '{success: false, error}: no such page or log', type: ValtrogenErrorView })(
      target,
      key,
      d,
    );
    ApiResponse({ status: 500, description: '{success: false, error}', type: ValtrogenErrorView })(target, key, d);
  };
}

function Answers(
  ok: { description: string; type?: new () => unknown; schema?: Record<string, unknown> },
  notFound: string,
  bad?: string,
): MethodDecorator {
  return (target, key, d) => {
    ApiParam({ name: 'slug', example: 'acme' })(target, key, d);
    ApiResponse({ status: 200, ...ok })(target, key, d);
    if (bad)
      ApiResponse({ status: 400, description: `{success: false, error}: ${bad}`, type: ValtrogenErrorView })(
        target,
        key,
        d,
      );
    ApiResponse({ status: 404, description: `{success: false, error}: ${notFound}`, type: ValtrogenErrorView })(
      target,
      key,
      d,
    );
    ApiResponse({ status: 500, description: '{success: false, error}', type: ValtrogenErrorView })(target, key, d);
  };
}

const BAD_MONITOR_ID = 'invalid monitorId format: expected a monitor identifier (slug)';
const BAD_GROUP_ID = 'invalid groupId format: expected a group identifier (slug)';

/**
 * Valtrogen's endpoints of every page, at `/s/{slug}/api/maintenance[/:id]`, `/api/monitors[/:monitorId]`,
 * `/api/monitors?monitorId=&date=`, `/api/minutes`, `/api/groups/:groupId` (and `/api/…` on the page's custom domain, rewritten here by the custom-domain
 * middleware): `{"success": true, …}`, CORS *, Cache-Control as the other public JSON, ETag/304.
 */
@ApiTags('status-pages (public)')
@ApiExtraModels(ValtrogenMonitorDetailView, ValtrogenMonitorsView, ValtrogenHourlyDataView)
@Public()
@Controller()
export class ValtrogenController {
  private readonly logger = new Logger(ValtrogenController.name);
  /** Answers (status and body) per route, page and query, reused as the HTML page is (PUBLIC_PAGE_CACHE_MS). */
  private readonly cache: AnswerCache<[number, PreparedBody]>;

  constructor(
    private readonly pages: StatusPagesService,
    private readonly status: PublicStatusService,
    @Inject(APP_CONFIG) config: AppConfig,
    clock: Clock,
  ) {
    this.cache = new AnswerCache<[number, PreparedBody]>(config.publicPageCacheMs, undefined, () => clock.nowMs());
  }

  @Get('s/:slug/api/maintenance')
  @ListDocs()
  @ApiParam({ name: 'slug' })
  async list(@Param('slug') slug: string, @Query() q: Record<string, unknown>, @Res() res: Response) {
    await this.answer(
      res,
      key('maintenance', slug, pick(q, ['status', 'limit', 'offset'])),
      () => this.pages.loadBySlug(slug),
      (view) => this.logs(view, q),
    );
  }

  @Get('s/:slug/api/maintenance/:id')
  @DetailDocs()
  @ApiParam({ name: 'slug' })
  async detail(@Param('slug') slug: string, @Param('id') id: string, @Res() res: Response) {
    await this.answer(
      res,
      key('maintenance-detail', slug, id),
      () => this.pages.loadBySlug(slug),
      (view) => this.log(view, id),
    );
  }

  @Get('s/:slug/api/monitors')
  @ApiOperation({
    summary:
      "Valtrogen: the page's monitors with 90 `dailyUptimes` and its `groups`; with `monitorId` and `date`, that monitor's 24 `hourlyData` entries of the UTC date instead",
  })
  @ApiQuery({
    name: 'monitorId',
    required: false,
    schema: { type: 'string' },
    description: 'with date: hourly data of this monitor (slug)',
  })
  @ApiQuery({
    name: 'date',
    required: false,
    schema: { type: 'string', format: 'date' },
    description: 'YYYY-MM-DD (UTC), within the last 90 days',
  })
  @Answers(
    {
      description: '{success: true, monitors, groups}, or with monitorId and date {success: true, hourlyData}',
      schema: {
        oneOf: [{ $ref: getSchemaPath(ValtrogenMonitorsView) }, { $ref: getSchemaPath(ValtrogenHourlyDataView) }],
      },
    },
    'no such page (or monitor, with monitorId)',
    'a malformed monitorId or date',
  )
  async monitors(@Param('slug') slug: string, @Query() q: Record<string, unknown>, @Res() res: Response) {
    await this.answer(
      res,
      key('monitors', slug, pick(q, ['monitorId', 'date'])),
      () => this.pages.loadBySlug(slug),
      (view) => (q.monitorId !== undefined || q.date !== undefined ? this.hourly(view, q) : this.monitorList(view)),
    );
  }

  @Get('s/:slug/api/monitors/:monitorId')
  @ApiOperation({
    summary:
      'Valtrogen: one monitor (by slug) with its 90-day `history`, `outages` (days with a failed round), `group` and `maintenanceLogs`',
  })
  @ApiParam({ name: 'monitorId', example: 'eu-api' })
  @Answers(
    { description: '{success: true, monitor, group, maintenanceLogs}', type: ValtrogenMonitorPageView },
    'no such page or monitor',
    'invalid id format',
  )
  async monitor(@Param('slug') slug: string, @Param('monitorId') monitorId: string, @Res() res: Response) {
    await this.answer(
      res,
      key('monitor', slug, monitorId),
      () => this.pages.loadBySlug(slug),
      (view) => this.monitorDetail(view, monitorId),
    );
  }

  @Get('s/:slug/api/minutes')
  @ApiOperation({
    summary:
      "Valtrogen: a monitor's decided rounds of one UTC hour (≤ 60, oldest first); a failed one carries an error class, never the raw error",
  })
  @ApiQuery({ name: 'monitorId', required: true, schema: { type: 'string' }, description: 'monitor slug' })
  @ApiQuery({
    name: 'date',
    required: true,
    schema: { type: 'string', format: 'date' },
    description: 'YYYY-MM-DD (UTC), within the last 90 days',
  })
  @ApiQuery({ name: 'hour', required: true, schema: { type: 'integer', minimum: 0, maximum: 23 } })
  @Answers(
    { description: '{success: true, records}', type: ValtrogenMinutesView },
    'no such page or monitor',
    'a missing or malformed parameter',
  )
  async minutes(@Param('slug') slug: string, @Query() q: Record<string, unknown>, @Res() res: Response) {
    await this.answer(
      res,
      key('minutes', slug, pick(q, ['monitorId', 'date', 'hour'])),
      () => this.pages.loadBySlug(slug),
      (view) => this.minuteRecords(view, q),
    );
  }

  @Get('s/:slug/api/groups/:groupId')
  @ApiOperation({
    summary:
      "Valtrogen: one of the page's groups (by slug) with its monitors, `stats {total, up, degraded, down}` and `maintenanceLogs`",
  })
  @ApiParam({ name: 'groupId', example: 'europe' })
  @Answers(
    { description: '{success: true, group, monitors, stats, maintenanceLogs}', type: ValtrogenGroupView },
    'no such page or group',
    'invalid id format',
  )
  async group(@Param('slug') slug: string, @Param('groupId') groupId: string, @Res() res: Response) {
    await this.answer(
      res,
      key('group', slug, groupId),
      () => this.pages.loadBySlug(slug),
      (view) => this.groupDetail(view, groupId),
    );
  }

  private async monitorList(view: PublicPageView): Promise<[number, unknown]> {
    const snap = await this.status.snapshot(view);
    return [200, monitorsDocument(snap.monitors, view.groups)];
  }

  private async monitorDetail(view: PublicPageView, monitorId: string): Promise<[number, unknown]> {
    if (!isSlugId(monitorId)) return [400, { success: false, error: BAD_MONITOR_ID }];
    if (!view.monitors.some((m) => m.slug === monitorId)) return [404, { success: false, error: 'monitor not found' }];
    const { snapshot, logs } = await this.status.withLogs(view);
    const m = snapshot.monitors.find((x) => x.slug === monitorId)!;
    return [200, monitorDetailDocument(m, view.groups, logs)];
  }

  private async hourly(view: PublicPageView, q: Record<string, unknown>): Promise<[number, unknown]> {
    const p = parseDateQuery(q, this.status.todayMs());
    if (!p.ok) return [400, { success: false, error: p.error }];
    const m = view.monitors.find((x) => x.slug === p.monitorId);
    if (!m) return [404, { success: false, error: 'monitor not found' }];
    return [200, hourlyDocument(p.dateMs, await this.status.hourlyOf(view, m.id, p.dateMs))];
  }

  private async minuteRecords(view: PublicPageView, q: Record<string, unknown>): Promise<[number, unknown]> {
    const p = parseMinuteQuery(q, this.status.todayMs());
    if (!p.ok) return [400, { success: false, error: p.error }];
    const m = view.monitors.find((x) => x.slug === p.monitorId);
    if (!m) return [404, { success: false, error: 'monitor not found' }];
    return [200, minutesDocument(await this.status.minutesOf(view, m.id, p.dateMs + p.hour * 3_600_000))];
  }

  private async groupDetail(view: PublicPageView, groupId: string): Promise<[number, unknown]> {
    if (!isSlugId(groupId)) return [400, { success: false, error: BAD_GROUP_ID }];
    const g = view.groups.find((x) => x.slug === groupId);
    if (!g) return [404, { success: false, error: 'group not found' }];
    const { snapshot, logs } = await this.status.withLogs(view);
    return [200, groupDocument(g, snapshot.monitors, logs)];
  }

  private async logs(view: PublicPageView, q: Record<string, unknown>): Promise<[number, unknown]> {
    const p = parseLogQuery(q);
    if (!p.ok) return [400, { success: false, error: p.error }];
    const logs = await this.status.maintenanceLogs(view, p);
    return [200, { success: true, logs: logs.map(maintenanceLog) }];
  }

  private async log(view: PublicPageView, id: string): Promise<[number, unknown]> {
    if (!isMaintenanceId(id))
      return [
        400,
        { success: false, error: 'invalid id format: expected mnt_ followed by lowercase letters and digits' },
      ];
    const found = await this.status.maintenanceDetail(view, id);
    if (!found) return [404, { success: false, error: 'maintenance log not found' }];
    return [
      200,
      {
        success: true,
        log: maintenanceLog(found.log),
        monitorDetails: monitorDetails(found.log, found.snapshot.monitors),
      },
    ];
  }

  private async answer(
    res: Response,
    cacheKey: string,
    page: () => Promise<PublicPageView | null>,
    work: (view: PublicPageView) => Promise<[number, unknown]>,
  ): Promise<void> {
    try {
      const [status, body] = await this.cache.get(cacheKey, async () => {
        const view = await page();
        const [st, doc] = view ? await work(view) : [404, { success: false, error: 'status page not found' }];
        return [st, prepare(JSON.stringify(doc))];
      });
      send(res, status, JSON_TYPE, body, true);
    } catch (err) {
      const errorId = `err_${randomBytes(8).toString('hex')}`;
      this.logger.error({ err, errorId }, `valtrogen answer failed (${errorId})`);
      send(
        res,
        500,
        JSON_TYPE,
        JSON.stringify({ success: false, error: `internal error (reference ${errorId})` }),
        true,
      );
    }
  }
}

/** The answer cache's key of one route of one page with its id or the parameters it reads. */
function key(route: string, slug: string, arg: string | Record<string, unknown>): string {
  return `${route}\u0000${slug}\u0000${typeof arg === 'string' ? arg : JSON.stringify(arg)}`;
}
