import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import {
  ApiExcludeEndpoint,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { createHash } from 'node:crypto';
import { Clock } from '../common/clock';
import { Public } from '../common/principal';
import { APP_CONFIG, AppConfig } from '../config/config';
import { AnswerCache } from './answer-cache';
import { PublicErrorView, StatusCoreDocumentView } from './dto';
import { PAGE_CSP, renderPage } from './render-page';
import { PublicStatusService } from './public-status.service';
import { statusCoreDocument } from './statuscore-json';

export const PUBLIC_CACHE = 'public, max-age=30, stale-while-revalidate=60';

/** A body encoded once with its ETag, so a cached answer is not encoded and hashed again on every request. */
export interface PreparedBody {
  bytes: Buffer;
  etag: string;
}

/** The body as UTF-8 with the weak ETag Express would compute for it (length and SHA-1). */
export function prepare(body: string): PreparedBody {
  const bytes = Buffer.from(body, 'utf8');
  return {
    bytes,
    etag: `W/"${bytes.length.toString(16)}-${createHash('sha1').update(bytes).digest('base64').substring(0, 27)}"`,
  };
}

/**
 * Express's `send` adds the ETag (hash of the body; a prepared body brings its own) and
 * answers 304 to a matching If-None-Match.
 */
export function send(
  res: Response,
  status: number,
  contentType: string,
  body: string | PreparedBody,
  cors: boolean,
): void {
  res.status(status);
  res.setHeader('Content-Type', contentType);
  res.setHeader('Cache-Control', status === 200 ? PUBLIC_CACHE : 'public, max-age=30');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (cors) {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Methods', 'GET');
  } else {
    // The HTML page: only its refresh script (by hash), inline styles, never framed elsewhere.
    res.setHeader('Content-Security-Policy', PAGE_CSP);
    res.setHeader('Referrer-Policy', 'no-referrer');
  }
  if (typeof body === 'string') return void res.send(body);
  res.setHeader('ETag', body.etag);
  res.send(body.bytes);
}

const NOT_FOUND_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Status page not found</title></head><body><main><h1>Status page not found</h1><p>There is no status page at this address.</p></main></body></html>`;

/** The public surface of status pages (no auth): the HTML page and StatusCore's JSON. */
@ApiTags('public status pages')
@Public()
@Controller()
export class PublicStatusController {
  private readonly cache: AnswerCache<PreparedBody | null>;
  /** The page shows the email subscribe form when the server can send email. */
  private readonly subscribe: boolean;

  constructor(
    private readonly status: PublicStatusService,
    @Inject(APP_CONFIG) config: AppConfig,
    clock: Clock,
  ) {
    this.subscribe = !!config.notify.smtpUrl;
    this.cache = new AnswerCache<PreparedBody | null>(config.publicPageCacheMs, undefined, () => clock.nowMs());
  }

  @Get('s/:slug')
  @ApiOperation({ summary: 'The status page (server-rendered HTML; also served at / on its custom domain)' })
  @ApiParam({ name: 'slug', example: 'acme' })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'HTML document', schema: { type: 'string' } })
  @ApiNotFoundResponse({ description: 'No page with this slug (HTML)' })
  async page(@Param('slug') slug: string, @Res() res: Response): Promise<void> {
    const body = await this.cache.get(`html:${slug}`, async () => {
      const snap = await this.status.bySlug(slug);
      return snap ? prepare(renderPage(snap, { subscribe: this.subscribe })) : null;
    });
    if (body === null) return send(res, 404, 'text/html; charset=utf-8', NOT_FOUND_HTML, false);
    send(res, 200, 'text/html; charset=utf-8', body, false);
  }

  @Get('s/:slug/')
  @ApiExcludeEndpoint()
  pageSlash(@Param('slug') slug: string, @Res() res: Response): Promise<void> {
    return this.page(slug, res);
  }

  @Get('api/public/status/:slug')
  @ApiOperation({ summary: "StatusCore's public status JSON of a page (no auth, CORS *)" })
  @ApiParam({ name: 'slug', example: 'acme' })
  @ApiOkResponse({ type: StatusCoreDocumentView })
  @ApiNotFoundResponse({ type: PublicErrorView })
  async statusCore(@Param('slug') slug: string, @Res() res: Response): Promise<void> {
    const body = await this.cache.get(`statuscore:${slug}`, async () => {
      const snap = await this.status.bySlug(slug);
      return snap ? prepare(JSON.stringify(statusCoreDocument(snap))) : null;
    });
    if (body === null)
      return send(
        res,
        404,
        'application/json; charset=utf-8',
        JSON.stringify({ data: null, error: 'status page not found', code: 'not_found' }),
        true,
      );
    send(res, 200, 'application/json; charset=utf-8', body, true);
  }
}
