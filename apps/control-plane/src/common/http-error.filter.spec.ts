import { ArgumentsHost, BadRequestException, Logger, NotFoundException } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { QueryFailedError } from 'typeorm';
import { DomainError, validationFailed } from './errors';
import { describeUnexpected, HttpErrorFilter } from './http-error.filter';

/** Runs the filter against a minimal express-like request/response pair and returns the answer. */
function answer(exception: unknown, url = '/api/v1/monitors?token=sekrit-query') {
  const out: { status?: number; body?: any; headers: Record<string, string> } = { headers: {} };
  const res = {
    headersSent: false,
    setHeader: (k: string, v: string) => (out.headers[k] = v),
    getHeader: () => undefined,
    status(s: number) {
      out.status = s;
      return this;
    },
    json(b: unknown) {
      out.body = b;
      return this;
    },
  };
  const req = { method: 'POST', url, originalUrl: url, res, body: { password: 'sekrit-body' } };
  const host = { switchToHttp: () => ({ getResponse: () => res, getRequest: () => req }) } as unknown as ArgumentsHost;
  new HttpErrorFilter().catch(exception, host);
  return out;
}

describe('HttpErrorFilter', () => {
  let logged: unknown[][];
  beforeEach(() => {
    logged = [];
    jest.spyOn(Logger.prototype, 'error').mockImplementation((...args: unknown[]) => void logged.push(args));
  });
  afterEach(() => jest.restoreAllMocks());

  it('maps each domain code to its status and API code', () => {
    const cases: [DomainError, number, string][] = [
      [new DomainError('bad_request', 'x'), 400, 'bad_request'],
      [new DomainError('unauthorized', 'x'), 401, 'unauthorized'],
      [new DomainError('forbidden', 'x'), 403, 'forbidden'],
      [new DomainError('plan_limit', 'x'), 403, 'plan_limit'],
      [new DomainError('not_found', 'x'), 404, 'not_found'],
      [new DomainError('conflict', 'x'), 409, 'conflict'],
      [validationFailed([{ field: 'a', message: 'b' }]), 422, 'validation_failed'],
    ];
    for (const [e, status, code] of cases) {
      const a = answer(e);
      expect([a.status, a.body.code]).toEqual([status, code]);
      expect(a.body.data).toBeNull();
    }
    expect(answer(validationFailed([{ field: 'a', message: 'b' }])).body.details).toEqual([
      { field: 'a', message: 'b' },
    ]);
  });

  it('gives Nest and body-parser errors a code from their status', () => {
    expect(answer(new NotFoundException('Cannot GET /x')).body).toEqual({
      data: null,
      error: 'route not found',
      code: 'not_found',
    });
    expect(answer(new BadRequestException('Unexpected token } in JSON at position 3')).body.code).toBe('bad_request');
    expect(answer(Object.assign(new Error('too big'), { status: 413, type: 'entity.too.large' })).body).toEqual({
      data: null,
      error: 'request body too large',
      code: 'payload_too_large',
    });
    expect(answer(Object.assign(new Error('nope'), { status: 415 })).body.code).toBe('unsupported_media_type');
    const limited = answer(new ThrottlerException());
    expect([limited.status, limited.body.code, limited.headers['Retry-After']]).toEqual([429, 'rate_limited', '60']);
  });

  it('an unexpected database error is a 500 with an error id; the log has the id and no parameters, driver message, query string or body', () => {
    const driver = Object.assign(new Error('duplicate key value violates unique constraint "users_email_key"'), {
      code: '23505',
      constraint: 'users_email_key',
      table: 'users',
      detail: 'Key (email)=(victim@example.com) already exists.',
    });
    const e = new QueryFailedError(
      'INSERT INTO users (email, password_hash) VALUES ($1, $2)',
      ['victim@example.com', 'sekrit-param'],
      driver,
    );
    const a = answer(e);
    expect(a.status).toBe(500);
    expect(a.body.code).toBe('internal');
    expect(a.body.error_id).toMatch(/^err_[0-9a-f]{16}$/);
    expect(a.body.error).toBe(`internal error (reference ${a.body.error_id})`);
    expect(logged).toHaveLength(1);
    const text = JSON.stringify(logged);
    expect(text).toContain(a.body.error_id);
    expect(text).toContain('23505');
    expect(text).toContain('INSERT INTO users');
    for (const secret of ['victim@example.com', 'sekrit-param', 'sekrit-query', 'sekrit-body', 'already exists'])
      expect(text).not.toContain(secret);
  });

  it('describes other errors by class, message and frames', () => {
    const d = describeUnexpected(new TypeError('cannot read x'));
    expect(d).toMatchObject({ type: 'TypeError', message: 'cannot read x' });
    expect((d.frames as string[]).every((f) => f.startsWith('at '))).toBe(true);
    expect(describeUnexpected('a string')).toEqual({ type: 'string' });
  });
});
