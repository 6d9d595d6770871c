import { httpCheckSpec, type HttpCheckSpec, type JsonApiCheckSpec } from '@parallax/contracts';
import type { Check, CheckContext, CheckOutcome } from './check';
import { HttpCheck } from './http.check';
import { judgeJsonBody } from './json-assertions';

/** The http request a json_api check makes: a GET with the monitor's Authorization header. */
export function jsonApiRequest(spec: JsonApiCheckSpec): HttpCheckSpec {
  return httpCheckSpec(spec.url, {
    headers: [
      { key: 'Accept', value: 'application/json' },
      ...(spec.authorization ? [{ key: 'Authorization', value: spec.authorization }] : []),
    ],
    follow_redirects: spec.follow_redirects,
    forward_headers_on_redirect: spec.forward_headers_on_redirect,
    expected_status_code: spec.expected_status_code,
    timeout_ms: spec.timeout_ms,
    keyword: spec.keyword,
    response_threshold_ms: spec.response_threshold_ms,
  });
}

/**
 * json_api: the http check (same guard, phases, redirects; the Authorization header is not
 * sent to another origin), then the body must be JSON and every assertion must hold; each
 * failing assertion is named in the error.
 */
export class JsonApiCheck implements Check<JsonApiCheckSpec> {
  readonly type = 'json_api' as const;
  constructor(private readonly http = new HttpCheck()) {}

  run(spec: JsonApiCheckSpec, ctx: CheckContext): Promise<CheckOutcome> {
    return this.http.runWith(jsonApiRequest(spec), ctx, (body) => judgeJsonBody(body, spec.json_assertions));
  }
}
