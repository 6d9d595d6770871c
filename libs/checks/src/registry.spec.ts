import { httpCheckSpec, type CheckSpec } from '@parallax/contracts';
import { EMPTY_PHASES, type CheckContext } from './check';
import { HttpCheck } from './http.check';
import { checkRegistry, failedOutcome, runCheck } from './registry';

const ctx: CheckContext = { region: 'r1', userAgent: 'ua', allowPrivateTargets: false, maxBodyBytes: 1024 };
const httpSpec: CheckSpec = httpCheckSpec('https://example.com/', { timeout_ms: 1000 });

afterEach(() => jest.restoreAllMocks());

describe('checkRegistry', () => {
  it('maps every check type to its implementation', () => {
    expect(checkRegistry.http).toBeInstanceOf(HttpCheck);
    expect(checkRegistry.http.type).toBe('http');
    for (const [type, check] of Object.entries(checkRegistry)) expect(check.type).toBe(type);
  });
});

describe('runCheck', () => {
  it('delegates to the registered check and returns its outcome', async () => {
    const outcome = { ...failedOutcome('x'), is_up: true, error: null, status_code: 204 };
    const run = jest.spyOn(checkRegistry.http, 'run').mockResolvedValue(outcome);
    await expect(runCheck(httpSpec, ctx)).resolves.toBe(outcome);
    expect(run).toHaveBeenCalledWith(httpSpec, ctx);
  });

  it('turns an exception into a failed outcome', async () => {
    jest.spyOn(checkRegistry.http, 'run').mockRejectedValue(new Error('boom'));
    await expect(runCheck(httpSpec, ctx)).resolves.toEqual({
      is_up: false,
      status_code: null,
      response_ms: null,
      error: 'internal error in http check: boom',
      phases: EMPTY_PHASES,
      response_headers: null,
      response_body: null,
    });
  });

  it('turns a synchronous throw and a non-Error into a failed outcome', async () => {
    jest.spyOn(checkRegistry.http, 'run').mockImplementation(() => {
      throw 'weird';
    });
    const out = await runCheck(httpSpec, ctx);
    expect(out.is_up).toBe(false);
    expect(out.error).toBe('internal error in http check: weird');
  });

  it('fails an unknown check type without throwing', async () => {
    const proto = await runCheck({ ...httpSpec, type: 'toString' } as unknown as CheckSpec, ctx);
    expect(proto.error).toBe('unsupported check type "toString"');
    const out = await runCheck({ ...httpSpec, type: 'gopher' } as unknown as CheckSpec, ctx);
    expect(out.is_up).toBe(false);
    expect(out.error).toBe('unsupported check type "gopher"');
    expect(out.phases).toEqual(EMPTY_PHASES);
  });

  it('returns fresh phase objects', () => {
    const a = failedOutcome('a');
    a.phases.total = 5;
    expect(EMPTY_PHASES.total).toBeNull();
    expect(failedOutcome('b').phases.total).toBeNull();
  });
});

describe('HttpCheck.run without a network', () => {
  const check = new HttpCheck();

  it('fails a malformed spec without throwing', async () => {
    const out = await check.run({ ...(httpSpec as Extract<CheckSpec, { type: 'http' }>), url: 'not a url' }, ctx);
    expect(out.is_up).toBe(false);
    expect(out.error).toBe('invalid URL: Invalid URL');
    expect(out.status_code).toBeNull();
    expect(out.phases.dns).toBeNull();
    expect(typeof out.phases.total).toBe('number');
  });

  it('fails an unsupported protocol and an invalid threshold without throwing', async () => {
    const base = httpSpec as Extract<CheckSpec, { type: 'http' }>;
    await expect(check.run({ ...base, url: 'ftp://example.com/' }, ctx)).resolves.toMatchObject({
      is_up: false,
      error: 'unsupported URL protocol "ftp:"',
    });
    await expect(check.run({ ...base, response_threshold_ms: 'soon' }, ctx)).resolves.toMatchObject({
      is_up: false,
      error:
        'invalid check configuration: invalid response threshold "soon": expected "> N", "< N" or "MIN-MAX" in milliseconds',
    });
  });

  it('does not start a check whose signal is already aborted', async () => {
    const ac = new AbortController();
    ac.abort();
    const out = await check.run(httpSpec as Extract<CheckSpec, { type: 'http' }>, { ...ctx, signal: ac.signal });
    expect(out).toMatchObject({ is_up: false, error: 'check aborted before it started', status_code: null });
  });

  it('refuses a literal private address before any I/O', async () => {
    const out = await check.run(
      { ...(httpSpec as Extract<CheckSpec, { type: 'http' }>), url: 'http://[fd00::1]:8080/' },
      ctx,
    );
    expect(out.error).toBe('target is a private address (uniqueLocal); set ALLOW_PRIVATE_TARGETS=true to allow');
    expect(out.phases).toMatchObject({ dns: null, connect: null, tls: null, first_byte: null });
  });
});
