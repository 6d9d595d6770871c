import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { randomBytes } from 'node:crypto';
import { codeForStatus, DOMAIN_ERROR_API_CODE, DOMAIN_ERROR_STATUS, DomainError, FieldError } from './errors';

/**
 * What the log may say about an unexpected error: its class, the driver's error code,
 * constraint and table, the SQL text (placeholders only) and the stack frames. Never
 * the bound parameters (TypeORM's `QueryFailedError.parameters`), the driver's message
 * or `detail` (PostgreSQL echoes values there: `Key (email)=(…)`), nor the request's
 * query string or body.
 */
export function describeUnexpected(exception: unknown): Record<string, unknown> {
  if (!(exception instanceof Error)) return { type: typeof exception };
  const e = exception as Error & {
    code?: unknown;
    constraint?: unknown;
    table?: unknown;
    query?: unknown;
    driverError?: { code?: unknown; constraint?: unknown; table?: unknown };
  };
  const isDb =
    e.name === 'QueryFailedError' ||
    e.driverError !== undefined ||
    (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code));
  const frames = (e.stack ?? '')
    .split('\n')
    .filter((l) => /^\s+at /.test(l))
    .slice(0, 12)
    .map((l) => l.trim());
  const out: Record<string, unknown> = { type: e.name, frames };
  if (!isDb) out.message = e.message.slice(0, 200);
  const code = e.driverError?.code ?? e.code;
  if (typeof code === 'string') out.code = code;
  const constraint = e.driverError?.constraint ?? e.constraint;
  if (typeof constraint === 'string') out.constraint = constraint;
  const table = e.driverError?.table ?? e.table;
  if (typeof table === 'string') out.table = table;
  if (typeof e.query === 'string') out.sql = e.query.slice(0, 500);
  return out;
}

/**
 * The single edge where errors become HTTP answers, in the envelope
 * `{"data": null, "error": "...", "code": "...", "details"?: [...]}`: every error
 * answer carries a machine-readable `code` (errors.ts). An unexpected error is a 500
 * whose body holds only an error id (`error_id`); the id, the route and a description
 * without any request data (describeUnexpected) go to the log.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request>();
    const { status, body, headers } = this.toHttp(exception, req);
    if (res.headersSent) return;
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    res.status(status).json(body);
  }

  private toHttp(
    exception: unknown,
    req: Request,
  ): { status: number; body: Record<string, unknown>; headers: Record<string, string> } {
    if (exception instanceof DomainError) {
      const body: Record<string, unknown> = {
        data: null,
        error: exception.message,
        code: DOMAIN_ERROR_API_CODE[exception.code],
      };
      if (exception.details) body.details = exception.details;
      if (exception.retryAfter !== undefined) body.retry_after = exception.retryAfter;
      return {
        status: DOMAIN_ERROR_STATUS[exception.code],
        body,
        headers: exception.retryAfter !== undefined ? { 'Retry-After': String(exception.retryAfter) } : {},
      };
    }
    if (exception instanceof ThrottlerException) {
      const own = (exception as { retryAfterSeconds?: unknown }).retryAfterSeconds;
      const retryAfter = typeof own === 'number' ? own : Number(req.res?.getHeader('Retry-After') ?? 60) || 60;
      return {
        status: 429,
        body: {
          data: null,
          error: `rate limit exceeded: try again in ${retryAfter} seconds`,
          code: 'rate_limited',
          retry_after: retryAfter,
        },
        headers: { 'Retry-After': String(retryAfter) },
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      let message = exception.message;
      let details: FieldError[] | undefined;
      if (typeof response === 'object' && response !== null) {
        const r = response as { message?: unknown; details?: FieldError[] };
        if (typeof r.message === 'string') message = r.message;
        else if (Array.isArray(r.message)) message = r.message.join('; ');
        details = r.details;
      }
      if (status === 404 && /^Cannot (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) /.test(message))
        message = 'route not found';
      // Nest turns body-parser's SyntaxError into a BadRequestException carrying only its message.
      if (status === 400 && /JSON|Unexpected (token|end|non-whitespace)/.test(message))
        message = `malformed JSON body: ${message}`;
      const body: Record<string, unknown> = { data: null, error: message, code: codeForStatus(status) };
      if (details) body.details = details;
      return { status, body, headers: {} };
    }
    // body-parser errors (malformed JSON, too large) arrive as plain errors with a status.
    const e = exception as { status?: number; statusCode?: number; type?: string; message?: string };
    const status = e?.status ?? e?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const message =
        e.type === 'entity.parse.failed'
          ? `malformed JSON body: ${e.message}`
          : e.type === 'entity.too.large'
            ? 'request body too large'
            : (e.message ?? 'bad request');
      return { status, body: { data: null, error: message, code: codeForStatus(status) }, headers: {} };
    }
    const errorId = `err_${randomBytes(8).toString('hex')}`;
    const route = (req as Request & { route?: { path?: string } }).route?.path;
    this.logger.error(
      {
        errorId,
        method: req.method,
        path: (req.originalUrl ?? req.url ?? '').split('?')[0],
        route,
        error: describeUnexpected(exception),
      },
      `unexpected error ${errorId}`,
    );
    return {
      status: 500,
      body: { data: null, error: `internal error (reference ${errorId})`, code: 'internal', error_id: errorId },
      headers: {},
    };
  }
}
