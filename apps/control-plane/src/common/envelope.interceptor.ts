import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Observable, map } from 'rxjs';

/** A handler's return value with list metadata; the interceptor puts `meta` beside `data`. */
export class Paged<T> {
  constructor(
    readonly data: T[],
    readonly meta: Record<string, unknown>,
  ) {}
}

/** Wraps every JSON answer of the API in `{"data": …, "error": null, "meta"?: …}`. */
@Injectable()
export class EnvelopeInterceptor implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    // Only the versioned API uses the envelope; /health, /metrics and the heartbeat ping
    // endpoint (/api/ping, StatusRooster's bare answer) keep their own formats.
    const url: string = ctx.switchToHttp().getRequest<{ originalUrl?: string }>().originalUrl ?? '';
    if (!url.startsWith('/api/v1/')) return next.handle();
    return next.handle().pipe(
      map((value) => {
        if (value instanceof Paged) return { data: value.data, error: null, meta: value.meta };
        return { data: value ?? null, error: null };
      }),
    );
  }
}
