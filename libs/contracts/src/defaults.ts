import type { HttpCheckSpec } from './messages';

/**
 * An http check spec with the product defaults (those of a monitor created with only a
 * URL): GET, no headers, no body or credentials, redirects followed, 200 expected,
 * 10 s timeout, no keyword or response threshold. `overrides` replaces any field.
 */
export function httpCheckSpec(url: string, overrides: Partial<HttpCheckSpec> = {}): HttpCheckSpec {
  return {
    type: 'http',
    url,
    method: 'GET',
    headers: [],
    body: null,
    content_type: null,
    basic_auth_user: null,
    basic_auth_pass: null,
    bearer_token: null,
    follow_redirects: true,
    expected_status_code: 200,
    timeout_ms: 10_000,
    keyword: null,
    response_threshold_ms: null,
    ...overrides,
  };
}
