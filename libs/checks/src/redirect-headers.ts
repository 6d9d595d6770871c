/**
 * Which of a monitor's custom headers follow a redirect to another origin (issue 13 item 5).
 * Pure. By default none do: they may carry API keys, cookies or tokens. With the monitor's
 * `forward_headers_on_redirect` the headers not marked `sensitive` do, except the ones that
 * are credentials by name, which never leave the monitor's own origin.
 */

/** Never sent to another origin, whatever the monitor says. */
export const NEVER_FORWARDED_HEADERS: ReadonlySet<string> = new Set(['authorization', 'proxy-authorization', 'cookie']);

export interface RedirectHeader {
  key: string;
  sensitive?: boolean;
}

/** Whether header `h` is sent to another origin after a redirect, given the monitor's `forward_headers_on_redirect`. */
export function forwardedToOtherOrigin(h: RedirectHeader, forwardHeaders: boolean | undefined): boolean {
  return forwardHeaders === true && h.sensitive !== true && !NEVER_FORWARDED_HEADERS.has(h.key.trim().toLowerCase());
}
