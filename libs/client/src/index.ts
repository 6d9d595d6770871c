import createFetchClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type { components, operations, paths } from './schema';

/** A response document type by schema name, e.g. `Schema<'MonitorView'>`. */
export type Schema<N extends keyof components['schemas']> = components['schemas'][N];

export type ParallaxClient = Client<paths>;

export interface ClientOptions {
  /** The control plane's base URL, e.g. `http://localhost:3000` (no `/api/v1`). */
  baseUrl: string;
  /** An API key (`X-API-Key`) or a JWT (sent as `Authorization: Bearer`). */
  apiKey?: string;
  token?: string;
  /** Another fetch (tests, proxies). */
  fetch?: typeof fetch;
  userAgent?: string;
}

/**
 * The typed Parallax client: `client.GET('/api/v1/monitors/{id}', { params: { path: { id } } })`
 * answers `{ data, error, response }` where `data` is the typed envelope of the 2xx answer
 * and `error` the typed error envelope. Generated from docs/openapi.json by `npm run openapi`.
 */
export function createParallaxClient(opts: ClientOptions): ParallaxClient {
  const client = createFetchClient<paths>({ baseUrl: opts.baseUrl.replace(/\/+$/, ''), fetch: opts.fetch });
  const auth: Middleware = {
    onRequest({ request }) {
      if (opts.apiKey) request.headers.set('X-API-Key', opts.apiKey);
      if (opts.token) request.headers.set('Authorization', `Bearer ${opts.token}`);
      if (opts.userAgent) request.headers.set('User-Agent', opts.userAgent);
      return request;
    },
  };
  client.use(auth);
  return client;
}
