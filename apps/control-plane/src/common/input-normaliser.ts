import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { DomainError, validationFailed } from './errors';
import { idCannotExist, inspectBody, isIdParam, parseQuery, pathCannotExist } from './input-rules';

/**
 * Express middleware, installed after the body parsers and before any route: the one
 * place that refuses what the database and the libraries cannot take (rules in
 * input-rules.ts, documented in docs/edge.md). Errors go to HttpErrorFilter like any other.
 *
 * - a path segment that cannot name anything (bad escapes, NUL, controls, lone
 *   surrogates, > 256 characters): 404 `not_found`;
 * - on `/api/v1` the query string is parsed here, first value wins for a repeated key, values are
 *   plain strings; NUL, lone surrogates, bad escapes or oversized values: 422 naming the
 *   parameter (`query.<name>`);
 * - a body nested deeper than 32 levels: 400 `bad_request`; NUL, lone surrogates,
 *   oversized strings, arrays or objects anywhere in a body: 422 naming each field.
 */
/**
 * Badges answer every error as an image (an SVG or Shields JSON "not found"/"invalid"
 * badge, never the envelope) and validate their own path and query (badges.service.ts):
 * the path and query rules leave them alone.
 */
const OWN_ANSWERS = /^\/(badge\/|api\/badge(\?|$)|s\/[^/?]+\/api\/badge(\?|$))/;

export function inputNormaliser() {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const url = req.url ?? '';
    const q = url.indexOf('?');
    const rawPath = q < 0 ? url : url.slice(0, q);
    if (OWN_ANSWERS.test(url)) return next();
    if (pathCannotExist(rawPath))
      return next(new DomainError('not_found', 'not found: the path holds characters no resource name can contain'));
    // Outside the JSON API (public pages, subscription links, pings) the routes answer their
    // own formats and check their few query parameters themselves (a repeated token is a 400 page).
    if (!rawPath.startsWith('/api/v1/')) return checkBody(req, next);
    const query = parseQuery(q < 0 ? '' : url.slice(q + 1).split('#')[0]);
    if (!query.ok) return next(validationFailed(query.details));
    // Express 5 computes req.query in a getter on every access; an own property shadows it.
    Object.defineProperty(req, 'query', { value: query.query, writable: true, configurable: true, enumerable: true });
    checkBody(req, next);
  };
}

function checkBody(req: Request, next: NextFunction): void {
  const verdict = inspectBody(req.body);
  if (!verdict.ok) {
    if (verdict.kind === 'too_deep') return next(new DomainError('bad_request', verdict.message));
    return next(validationFailed(verdict.details));
  }
  next();
}

/**
 * Global guard for the JSON API's route parameters that name a row (`:id`, `:slug`,
 * `:…Id`): a value that no id or slug can have is a 404 before authentication, the
 * handler and its query. (Routes outside `/api/v1` answer their own formats and
 * look up hostile ids safely as bound parameters.)
 */
@Injectable()
export class IdParamGuard implements CanActivate {
  canActivate(ctx: ExecutionContext): boolean {
    if (ctx.getType() !== 'http') return true;
    const req = ctx.switchToHttp().getRequest<Request>();
    if (!(req.originalUrl ?? req.url ?? '').startsWith('/api/v1/')) return true;
    for (const [name, value] of Object.entries(req.params ?? {})) {
      if (isIdParam(name) && (typeof value !== 'string' || idCannotExist(value)))
        throw new DomainError('not_found', `${name} not found`);
    }
    return true;
  }
}
