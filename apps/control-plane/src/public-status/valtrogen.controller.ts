import { Controller, Get, Logger, Param, Query, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomBytes } from 'node:crypto';
import { Public } from '../common/principal';
import { MAINTENANCE_STATUSES } from '../maintenance/maintenance.entity';
import type { PublicPageView } from '../status-pages/public-page';
import { StatusPagesService } from '../status-pages/status-pages.service';
import { ValtrogenErrorView, ValtrogenLogDetailView, ValtrogenLogsView, ValtrogenMonitorDetailView } from './dto';
import { send } from './public-status.controller';
import { PublicStatusService } from './public-status.service';
import { isMaintenanceId, LOG_LIMIT_DEFAULT, LOG_LIMIT_MAX, maintenanceLog, monitorDetails, parseLogQuery } from './valtrogen-maintenance';

const JSON_TYPE = 'application/json; charset=utf-8';

function ListDocs(): MethodDecorator {
  return (target, key, d) => {
    ApiOperation({ summary: "Valtrogen: the page's maintenance logs with their events (camelCase, ms timestamps), latest start first" })(target, key, d);
    ApiQuery({ name: 'status', required: false, enum: MAINTENANCE_STATUSES })(target, key, d);
    ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: LOG_LIMIT_MAX, default: LOG_LIMIT_DEFAULT } })(target, key, d);
    ApiQuery({ name: 'offset', required: false, schema: { type: 'integer', minimum: 0, maximum: 10_000_000, default: 0 } })(target, key, d);
    ApiResponse({ status: 200, description: '{success: true, logs: [...]}', type: ValtrogenLogsView })(target, key, d);
    ApiResponse({ status: 400, description: '{success: false, error}: a malformed parameter', type: ValtrogenErrorView })(target, key, d);
    ApiResponse({ status: 404, description: '{success: false, error}: no such page', type: ValtrogenErrorView })(target, key, d);
    ApiResponse({ status: 500, description: '{success: false, error}', type: ValtrogenErrorView })(target, key, d);
  };
}

function DetailDocs(): MethodDecorator {
  return (target, key, d) => {
    ApiOperation({ summary: 'Valtrogen: one maintenance log with its events and `monitorDetails` of the affected monitors (by slug)' })(target, key, d);
    ApiParam({ name: 'id', example: 'mnt_7h2k9d0q3m1x8v4b' })(target, key, d);
    ApiResponse({ status: 200, description: '{success: true, log, monitorDetails}', type: ValtrogenLogDetailView })(target, key, d);
    ApiResponse({ status: 400, description: '{success: false, error}: invalid id format', type: ValtrogenErrorView })(target, key, d);
    ApiResponse({ status: 404, description: '{success: false, error}: no such page or log', type: ValtrogenErrorView })(target, key, d);
    ApiResponse({ status: 500, description: '{success: false, error}', type: ValtrogenErrorView })(target, key, d);
  };
}

/**
 * Valtrogen's maintenance endpoints of every page, at `/s/{slug}/api/maintenance[/:id]` (and
 * `/api/maintenance[/:id]` on the page's custom domain, rewritten here by the custom-domain
 * middleware): `{"success": true, …}`, CORS *, Cache-Control as the other public JSON, ETag/304.
 */
@ApiTags('status-pages (public)')
@ApiExtraModels(ValtrogenMonitorDetailView)
@Public()
@Controller()
export class ValtrogenController {
  private readonly logger = new Logger(ValtrogenController.name);

  constructor(
    private readonly pages: StatusPagesService,
    private readonly status: PublicStatusService,
  ) {}

  @Get('s/:slug/api/maintenance')
  @ListDocs()
  @ApiParam({ name: 'slug' })
  async list(@Param('slug') slug: string, @Query() q: Record<string, unknown>, @Res() res: Response) {
    await this.answer(res, () => this.pages.loadBySlug(slug), (view) => this.logs(view, q));
  }

  @Get('s/:slug/api/maintenance/:id')
  @DetailDocs()
  @ApiParam({ name: 'slug' })
  async detail(@Param('slug') slug: string, @Param('id') id: string, @Res() res: Response) {
    await this.answer(res, () => this.pages.loadBySlug(slug), (view) => this.log(view, id));
  }

  private async logs(view: PublicPageView, q: Record<string, unknown>): Promise<[number, unknown]> {
    const p = parseLogQuery(q);
    if (!p.ok) return [400, { success: false, error: p.error }];
    const logs = await this.status.maintenanceLogs(view, p);
    return [200, { success: true, logs: logs.map(maintenanceLog) }];
  }

  private async log(view: PublicPageView, id: string): Promise<[number, unknown]> {
    if (!isMaintenanceId(id)) return [400, { success: false, error: 'invalid id format: expected mnt_ followed by lowercase letters and digits' }];
    const found = await this.status.maintenanceDetail(view, id);
    if (!found) return [404, { success: false, error: 'maintenance log not found' }];
    return [200, { success: true, log: maintenanceLog(found.log), monitorDetails: monitorDetails(found.log, found.snapshot.monitors) }];
  }

  private async answer(res: Response, page: () => Promise<PublicPageView | null>, work: (view: PublicPageView) => Promise<[number, unknown]>): Promise<void> {
    try {
      const view = await page();
      const [status, body] = view ? await work(view) : [404, { success: false, error: 'status page not found' }];
      send(res, status, JSON_TYPE, JSON.stringify(body), true);
    } catch (err) {
      const errorId = `err_${randomBytes(8).toString('hex')}`;
      this.logger.error({ err, errorId }, `maintenance log failed (${errorId})`);
      send(res, 500, JSON_TYPE, JSON.stringify({ success: false, error: `internal error (reference ${errorId})` }), true);
    }
  }
}
