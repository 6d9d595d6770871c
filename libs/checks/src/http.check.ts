import * as net from 'node:net';
import * as tls from 'node:tls';
import { performance } from 'node:perf_hooks';
import { Client, type Dispatcher, type buildConnector } from 'undici';
import { cutText, type HttpCheckSpec, type TimingPhases } from '@parallax/contracts';
import { EMPTY_PHASES, type Check, type CheckContext, type CheckOutcome } from './check';
import { connectGuarded, deadlineSignal, round2, Stopped } from './connect';
import {
  ExpressionError,
  evaluateKeyword,
  evaluateThreshold,
  keywordFailureMessage,
  parseKeywordCached,
  parseThresholdCached,
  type KeywordExpression,
  type ResponseThreshold,
} from './expressions';
import { forwardedToOtherOrigin } from './redirect-headers';
import { DnsLookupError, TargetRefusedError, isIpLiteral, stripBrackets } from './ssrf';

/** Redirect hops followed at most; one more fails the check. */
export const MAX_REDIRECTS = 10;
/** `response_body` of a failed check holds at most this many characters. */
export const FAILURE_BODY_CHARS = 2048;
/** Bytes kept for `response_body` when the full body is not needed (no keyword): 4 bytes per char at most. */
const FAILURE_BODY_BYTES = FAILURE_BODY_CHARS * 4;
/** Grace after the timeout fired before the check gives up waiting for the I/O to unwind. */
const HARD_STOP_GRACE_MS = 250;

const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);
const BODY_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Custom headers that are ours to set (or that undici refuses): dropped from `spec.headers`. */
const RESERVED_HEADERS: ReadonlySet<string> = new Set([
  'host',
  'user-agent',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'proxy-connection',
  'upgrade',
  'expect',
  'te',
  'trailer',
]);

type Phase =
  'resolving DNS' | 'connecting' | 'TLS handshake' | 'waiting for response headers' | 'reading response body';

/** A failure whose message is final (meant for the result's `error`). */
class CheckFailure extends Error {
  readonly code = 'ECHECKFAILED';
  constructor(message: string) {
    super(message);
    this.name = 'CheckFailure';
  }
}

/**
 * The reason a hop's client is destroyed with once the hop is over. Nothing reads it; one
 * shared instance spares a stack capture per check (undici creates a ClientDestroyedError
 * when destroy() gets no reason).
 */
const HOP_DONE = new Stopped('hop finished');

/**
 * Mutable per-check state shared by the connector and the request loop.
 *
 * One cancellation model, the one of the socket-level checks (connect.ts): the check's
 * `deadlineSignal` fires at its timeout or when ctx.signal does. DNS (guarded), the TCP
 * connect (`connectGuarded`) and the TLS handshake listen on it; on abort the check also
 * destroys the hop's undici client, which fails its request or its body read.
 */
interface RunState {
  readonly start: number;
  readonly ctx: CheckContext;
  /** Fires at the check's timeout or when ctx.signal fires. */
  readonly signal: AbortSignal;
  /** What the check is doing now (shared with connectGuarded, which names its own steps). */
  readonly phase: { name: Phase };
  dns: number | null;
  connect: number | null;
  tls: number | null;
  firstByte: number | null;
  sslExpiry: string | null;
  sslIssuer: string | null;
  /** The client of the hop being requested. */
  client: Client | null;
}

/** One request of the check: the URL of the current hop and what to send there. */
interface Hop {
  url: URL;
  hostname: string;
  port: number;
  https: boolean;
  literal: boolean;
}

const noop = () => {};

/** Judges a whole response body: null when fine, otherwise the check's error. */
export type BodyInspector = (body: string) => string | null;

/**
 * Duck-typed `instanceof Error`: errors from node core may come from another realm (jest's
 * vm context, worker threads) where `instanceof Error` is false.
 */
function isErrorLike(e: unknown): e is NodeJS.ErrnoException {
  return typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string';
}
const add = (acc: number | null, ms: number) => (acc ?? 0) + ms;

/** The signal of a check that ends before any I/O (it never fires). */
const NEVER = new AbortController().signal;

function newState(start: number, ctx: CheckContext, signal: AbortSignal): RunState {
  return {
    start,
    ctx,
    signal,
    phase: { name: 'resolving DNS' },
    dns: null,
    connect: null,
    tls: null,
    firstByte: null,
    sslExpiry: null,
    sslIssuer: null,
    client: null,
  };
}

function hopOf(url: URL): Hop {
  const https = url.protocol === 'https:';
  const hostname = stripBrackets(url.hostname);
  return {
    url,
    hostname,
    port: url.port ? Number(url.port) : https ? 443 : 80,
    https,
    literal: isIpLiteral(hostname),
  };
}

const TLS_VERIFY_MESSAGES: Record<string, string> = {
  CERT_HAS_EXPIRED: 'certificate has expired',
  CERT_NOT_YET_VALID: 'certificate is not yet valid',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'self-signed certificate in certificate chain',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'unable to verify the first certificate',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'unable to get local issuer certificate',
  UNABLE_TO_GET_ISSUER_CERT: 'unable to get issuer certificate',
  CERT_REVOKED: 'certificate revoked',
  CERT_UNTRUSTED: 'certificate not trusted',
  CERT_SIGNATURE_FAILURE: 'certificate signature failure',
};

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

function tlsHandshake(raw: net.Socket, hop: Hop, st: RunState): Promise<tls.TLSSocket> {
  const signal = st.signal;
  if (signal.aborted) {
    raw.destroy();
    return Promise.reject(signal.reason);
  }
  return new Promise<tls.TLSSocket>((resolve, reject) => {
    // A fully qualified name's trailing dot is not part of the certificate's names nor of SNI.
    const name = hop.hostname.endsWith('.') ? hop.hostname.slice(0, -1) : hop.hostname;
    const opts: tls.ConnectionOptions = {
      socket: raw,
      host: name, // used for the certificate's host name check
      ALPNProtocols: ['http/1.1'],
      // Verified below, so that the certificate's expiry is reported even when it is invalid.
      rejectUnauthorized: false,
    };
    if (!hop.literal) opts.servername = name; // SNI must not be an IP address (RFC 6066)
    const extraCa = st.ctx.tlsCa;
    if (extraCa !== undefined) opts.ca = [...tls.rootCertificates, ...(Array.isArray(extraCa) ? extraCa : [extraCa])];
    const socket = tls.connect(opts);
    const cleanup = () => {
      socket.off('secureConnect', onSecure);
      socket.off('error', onError);
      signal.removeEventListener('abort', onAbort);
    };
    const fail = (err: unknown) => {
      cleanup();
      socket.on('error', noop).destroy();
      raw.destroy();
      reject(err);
    };
    const onSecure = () => {
      const cert = socket.getPeerCertificate();
      if (cert && cert.valid_to && st.sslExpiry === null) {
        const expiry = new Date(cert.valid_to);
        if (!Number.isNaN(expiry.getTime())) st.sslExpiry = expiry.toISOString();
        st.sslIssuer = first(cert.issuer?.O) ?? first(cert.issuer?.CN) ?? null;
      }
      if (!socket.authorized) {
        const reason = socket.authorizationError as unknown;
        const code = typeof reason === 'string' ? reason : ((reason as NodeJS.ErrnoException)?.code ?? String(reason));
        let detail = TLS_VERIFY_MESSAGES[code];
        if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
          detail = tls.checkServerIdentity(name, cert)?.message ?? 'certificate does not match the host name';
        }
        return fail(new CheckFailure(`TLS certificate error: ${detail ?? code}${detail ? ` (${code})` : ''}`));
      }
      cleanup();
      socket.on('error', noop);
      resolve(socket);
    };
    const onError = (err: NodeJS.ErrnoException) => {
      if (err.code === 'ECONNRESET' || err.code === 'EPIPE') return fail(err);
      fail(new CheckFailure(`TLS handshake failed: ${err.message}${err.code ? ` (${err.code})` : ''}`));
    };
    const onAbort = () => fail(signal.reason);
    socket.once('secureConnect', onSecure);
    socket.once('error', onError);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Opens the connection for one hop: own DNS lookup, SSRF guard on the resolved addresses,
 * TCP connect to the resolved IP (no second lookup, so no DNS-rebinding gap), TLS.
 */
async function openSocket(hop: Hop, st: RunState): Promise<net.Socket> {
  const onResolved = (dnsMs: number) => (st.dns = add(st.dns, dnsMs));
  const c = await connectGuarded(hop.hostname, hop.port, st.ctx, st.signal, st.phase, onResolved);
  const raw = c.socket;
  // errors after this point belong to the TLS layer / undici; never let one go unhandled
  raw.on('error', noop);
  st.connect = add(st.connect, c.connectMs);

  if (hop.https) {
    st.phase.name = 'TLS handshake';
    const t2 = performance.now();
    const secure = await tlsHandshake(raw, hop, st);
    st.tls = add(st.tls, performance.now() - t2);
    st.phase.name = 'waiting for response headers';
    return secure;
  }
  st.phase.name = 'waiting for response headers';
  return raw;
}

function connectorFor(hop: Hop, st: RunState): buildConnector.connector {
  return (_opts, callback) => {
    openSocket(hop, st).then(
      (socket) => callback(null, socket),
      (err: unknown) => callback(isErrorLike(err) ? err : new Error(String(err)), null),
    );
  };
}

const ERRNO_MESSAGES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset by peer',
  EPIPE: 'connection closed by peer while sending the request',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EADDRNOTAVAIL: 'address not available',
};

/** Turns anything thrown during a check into the result's `error`. */
export function describeError(e: unknown): string {
  if (
    e instanceof CheckFailure ||
    e instanceof TargetRefusedError ||
    e instanceof DnsLookupError ||
    e instanceof ExpressionError
  ) {
    return e.message;
  }
  if (!isErrorLike(e)) return `check failed: ${String(e)}`;
  const code = e.code;
  if (code && ERRNO_MESSAGES[code]) return `${ERRNO_MESSAGES[code]} (${code})`;
  if (e.name === 'HTTPParserError' || code?.startsWith('HPE_')) {
    const data = (e as { data?: string }).data;
    const sample = data ? `; received ${JSON.stringify(data.slice(0, 64))}` : '';
    return `invalid HTTP response: ${e.message}${code ? ` (${code})` : ''}${sample}`;
  }
  switch (code) {
    case 'UND_ERR_SOCKET':
      return `connection closed by peer before the response was complete (${e.message})`;
    case 'UND_ERR_HEADERS_OVERFLOW':
      return 'invalid HTTP response: response headers too large';
    case 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH':
      return 'invalid HTTP response: body length does not match Content-Length';
    case 'UND_ERR_INVALID_ARG':
    case 'ERR_INVALID_ARG_TYPE':
    case 'ERR_INVALID_ARG_VALUE':
    case 'ERR_INVALID_HTTP_TOKEN':
    case 'ERR_INVALID_CHAR':
      return `invalid request: ${e.message}`;
  }
  return `${e.message || e.name}${code ? ` (${code})` : ''}`;
}

/** Request headers as undici's flat `[name, value, ...]` list. */
function buildHeaders(
  spec: HttpCheckSpec,
  ctx: CheckContext,
  url: URL,
  sendBody: boolean,
  withCredentials: boolean,
): string[] {
  let authorization: string | null = null;
  if (withCredentials) {
    if (spec.bearer_token) authorization = `Bearer ${spec.bearer_token}`;
    else if (spec.basic_auth_user) {
      authorization = `Basic ${Buffer.from(`${spec.basic_auth_user}:${spec.basic_auth_pass ?? ''}`).toString('base64')}`;
    } else if (url.username) {
      const user = decodeURIComponent(url.username);
      const pass = decodeURIComponent(url.password);
      authorization = `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
    }
  }
  const contentType = sendBody && spec.content_type ? spec.content_type : null;
  const out: string[] = ['user-agent', ctx.userAgent];
  let hasAccept = false;
  // Another origin after a redirect gets none of the monitor's own headers (they may carry
  // API keys, cookies or tokens), as it gets no Authorization; with
  // `forward_headers_on_redirect` it gets those not marked sensitive (redirect-headers.ts).
  for (const h of spec.headers) {
    if (!withCredentials && !forwardedToOtherOrigin(h, spec.forward_headers_on_redirect)) continue;
    const name = h.key.toLowerCase();
    if (RESERVED_HEADERS.has(name)) continue;
    if (name === 'authorization' && (authorization !== null || !withCredentials)) continue;
    if (name === 'content-type' && (contentType !== null || !sendBody)) continue;
    if (name === 'accept') hasAccept = true;
    out.push(h.key, h.value);
  }
  if (!hasAccept) out.push('accept', '*/*');
  if (authorization !== null) out.push('authorization', authorization);
  if (contentType !== null) out.push('content-type', contentType);
  return out;
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) {
    const v = headers[name];
    if (v !== undefined) out[name] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

interface BodyRead {
  /** The body bytes kept: all of them when `keepAll`, else at most FAILURE_BODY_BYTES. */
  chunks: Buffer[];
  kept: number;
  tooLarge: boolean;
}

async function readBody(body: Dispatcher.ResponseData['body'], max: number, keepAll: boolean): Promise<BodyRead> {
  const chunks: Buffer[] = [];
  let size = 0;
  let kept = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) {
      const room = max - (size - chunk.length);
      if (room > 0 && (keepAll || kept < FAILURE_BODY_BYTES)) {
        chunks.push(chunk.subarray(0, room));
        kept += room;
      }
      body.destroy();
      return { chunks, kept, tooLarge: true };
    }
    if (keepAll || kept < FAILURE_BODY_BYTES) {
      chunks.push(chunk);
      kept += chunk.length;
    }
  }
  return { chunks, kept, tooLarge: false };
}

function decodeForFailure(read: BodyRead | null): string | null {
  if (!read) return null;
  const buf = read.chunks.length === 1 ? read.chunks[0] : Buffer.concat(read.chunks, read.kept);
  return cutText(buf.toString('utf8', 0, Math.min(buf.length, FAILURE_BODY_BYTES)), FAILURE_BODY_CHARS);
}

/** What the request loop learned; turned into a CheckOutcome by `finish`. */
interface Observed {
  status: number | null;
  headers: Record<string, string | string[] | undefined> | null;
  body: BodyRead | null;
  error: string | null;
  end: number;
}

const DAY_MS = 86_400_000;

/**
 * `https` monitors (a threshold set): `warn` when the certificate the server presented
 * expires within `thresholdDays`, an error when no certificate was seen at all although
 * the response was otherwise fine (an https URL redirected nowhere near TLS cannot happen:
 * the first hop's certificate is the one judged). Pure; `now` in epoch ms.
 */
export function judgeCertificateExpiry(
  thresholdDays: number | null,
  sslExpiry: string | null,
  answered: boolean,
  now: number,
): { error: string | null; warn: boolean; details: Record<string, unknown> | null } {
  if (thresholdDays === null) return { error: null, warn: false, details: null };
  if (sslExpiry === null) {
    return {
      error: answered ? 'no TLS certificate was presented (https monitors need an https URL)' : null,
      warn: false,
      details: { days_left: null, expiry_threshold_days: thresholdDays },
    };
  }
  const left = Date.parse(sslExpiry) - now;
  return {
    error: null,
    warn: left < thresholdDays * DAY_MS,
    details: { days_left: Math.floor(left / DAY_MS), expiry_threshold_days: thresholdDays },
  };
}

export class HttpCheck implements Check<HttpCheckSpec> {
  readonly type = 'http' as const;

  /** Runs one check; never rejects (a failing target, a bad spec or a bug all become a failed outcome). */
  run(spec: HttpCheckSpec, ctx: CheckContext): Promise<CheckOutcome> {
    return this.runWith(spec, ctx, null);
  }

  /**
   * Runs one check and, when the status matched (and the keyword held), judges the whole
   * response body with `inspectBody` (null = fine, else the check's error). json_api uses it.
   */
  async runWith(spec: HttpCheckSpec, ctx: CheckContext, inspectBody: BodyInspector | null): Promise<CheckOutcome> {
    try {
      return await this.runChecked(spec, ctx, inspectBody);
    } catch (e) {
      return {
        is_up: false,
        status_code: null,
        response_ms: null,
        error: `internal error in http check: ${isErrorLike(e) ? e.message : String(e)}`,
        phases: { ...EMPTY_PHASES },
        response_headers: null,
        response_body: null,
        ssl_expiry: null,
        ssl_issuer: null,
      };
    }
  }

  private async runChecked(
    spec: HttpCheckSpec,
    ctx: CheckContext,
    inspectBody: BodyInspector | null,
  ): Promise<CheckOutcome> {
    const start = performance.now();
    const obs: Observed = { status: null, headers: null, body: null, error: null, end: 0 };

    let keyword: KeywordExpression | null = null;
    let threshold: ResponseThreshold | null = null;
    let url: URL;
    try {
      if (spec.keyword !== null && spec.keyword.trim() !== '') keyword = parseKeywordCached(spec.keyword);
      if (spec.response_threshold_ms !== null && spec.response_threshold_ms.trim() !== '') {
        threshold = parseThresholdCached(spec.response_threshold_ms);
      }
      url = new URL(spec.url);
      if (url.protocol !== 'http:' && url.protocol !== 'https:')
        throw new CheckFailure(`unsupported URL protocol "${url.protocol}"`);
    } catch (e) {
      const prefix =
        e instanceof ExpressionError
          ? 'invalid check configuration: '
          : e instanceof CheckFailure
            ? ''
            : 'invalid URL: ';
      obs.error = prefix + (isErrorLike(e) ? e.message : String(e));
      obs.end = performance.now();
      return this.finish(spec, newState(start, ctx, NEVER), obs, null, null, null);
    }

    if (ctx.signal?.aborted) {
      obs.error = 'check aborted before it started';
      obs.end = performance.now();
      return this.finish(spec, newState(start, ctx, NEVER), obs, null, null, null);
    }
    const deadline = deadlineSignal(spec.timeout_ms, ctx.signal);
    const st = newState(start, ctx, deadline.signal);

    let hardStopTimer: NodeJS.Timeout | undefined;
    let hardStop: (() => void) | undefined;
    const work = new Promise<void>((resolve, reject) => {
      hardStop = () => reject(new Stopped('hard stop'));
      this.execute(spec, ctx, st, obs, url, keyword !== null || inspectBody !== null).then(resolve, reject);
    });
    const onAbort = () => {
      st.client?.destroy(deadline.signal.reason as Error, noop);
      // Safety net: if some I/O does not unwind on the timeout, answer anyway.
      if (deadline.timedOut()) hardStopTimer = setTimeout(hardStop!, HARD_STOP_GRACE_MS);
    };
    deadline.signal.addEventListener('abort', onAbort, { once: true });

    try {
      await work;
    } catch (e) {
      if (obs.end === 0) obs.end = performance.now();
      if (deadline.timedOut()) obs.error = `timeout after ${spec.timeout_ms} ms (${st.phase.name})`;
      else if (ctx.signal?.aborted) obs.error = `check aborted (${st.phase.name})`;
      else obs.error = describeError(e);
    } finally {
      deadline.dispose();
      deadline.signal.removeEventListener('abort', onAbort);
      if (hardStopTimer) clearTimeout(hardStopTimer);
    }
    return this.finish(spec, st, obs, keyword, threshold, inspectBody);
  }

  /** The request loop: one fresh connection per hop, redirects followed by hand. */
  private async execute(
    spec: HttpCheckSpec,
    ctx: CheckContext,
    st: RunState,
    obs: Observed,
    startUrl: URL,
    keepBody: boolean,
  ): Promise<void> {
    let url = startUrl;
    let method: string = spec.method;
    let sendBody = BODY_METHODS.has(method) && spec.body !== null && spec.body !== '';
    let withCredentials = true;
    const startOrigin = startUrl.origin;

    for (let redirects = 0; ; redirects++) {
      if (st.signal.aborted) throw st.signal.reason;
      const hop = hopOf(url);
      const client = new Client(url.origin, {
        connect: connectorFor(hop, st),
        headersTimeout: 0,
        bodyTimeout: 0,
        pipelining: 1,
        keepAliveTimeout: 1,
      });
      st.client = client;
      try {
        st.phase.name = 'resolving DNS';
        const res = await client.request({
          path: url.pathname + url.search,
          method: method as Dispatcher.HttpMethod,
          headers: buildHeaders(spec, ctx, url, sendBody, withCredentials),
          body: sendBody ? (spec.body as string) : null,
        });
        st.firstByte = performance.now() - st.start;
        obs.status = res.statusCode;
        obs.headers = res.headers;

        const location = first(res.headers.location);
        if (spec.follow_redirects && REDIRECT_STATUSES.has(res.statusCode) && location) {
          res.body.on('error', noop).destroy();
          if (redirects >= MAX_REDIRECTS) throw new CheckFailure(`too many redirects (more than ${MAX_REDIRECTS})`);
          let next: URL;
          try {
            next = new URL(location, url);
          } catch {
            throw new CheckFailure(`invalid redirect location ${JSON.stringify(location.slice(0, 200))}`);
          }
          if (next.protocol !== 'http:' && next.protocol !== 'https:') {
            throw new CheckFailure(`redirect to unsupported protocol "${next.protocol}"`);
          }
          const status = res.statusCode;
          if (status === 303 ? method !== 'HEAD' : (status === 301 || status === 302) && method === 'POST') {
            method = 'GET';
            sendBody = false;
          }
          // Credentials, custom headers (cookies, API keys) and a 307/308's body are not sent to
          // another origin: a redirect must not carry a monitor's secrets to a host it names.
          if (next.origin !== startOrigin) {
            withCredentials = false;
            if (status === 307 || status === 308) sendBody = false;
          }
          url = next;
          obs.status = null;
          obs.headers = null;
          continue;
        }

        st.phase.name = 'reading response body';
        if (method === 'HEAD') {
          res.body.on('error', noop).destroy();
        } else {
          const declared = Number(first(res.headers['content-length']));
          if (declared > ctx.maxBodyBytes) {
            res.body.on('error', noop).destroy();
            throw new CheckFailure(`response body larger than ${ctx.maxBodyBytes} bytes (Content-Length: ${declared})`);
          }
          obs.body = await readBody(res.body, ctx.maxBodyBytes, keepBody);
          if (obs.body.tooLarge) throw new CheckFailure(`response body larger than ${ctx.maxBodyBytes} bytes`);
        }
        obs.end = performance.now();
        return;
      } finally {
        st.client = null;
        client.destroy(HOP_DONE, noop);
      }
    }
  }

  private finish(
    spec: HttpCheckSpec,
    st: RunState,
    obs: Observed,
    keyword: KeywordExpression | null,
    threshold: ResponseThreshold | null,
    inspectBody: BodyInspector | null,
  ): CheckOutcome {
    const total = obs.end - st.start;
    let error = obs.error;
    let bodyText: string | null = null;
    if (error === null) {
      if (obs.status !== spec.expected_status_code) {
        error = `expected status ${spec.expected_status_code}, got ${obs.status}`;
      } else {
        if (keyword || inspectBody) {
          const read = obs.body;
          bodyText =
            read === null
              ? ''
              : (read.chunks.length === 1 ? read.chunks[0] : Buffer.concat(read.chunks, read.kept)).toString('utf8');
        }
        if (keyword) {
          const k = evaluateKeyword(keyword, bodyText!);
          if (!k.ok) error = keywordFailureMessage(k.failedTerms);
        }
        if (error === null && inspectBody) error = inspectBody(bodyText!);
        if (error === null && threshold) error = evaluateThreshold(threshold, round2(total));
      }
    }
    const phases: TimingPhases = {
      dns: st.dns === null ? null : round2(st.dns),
      connect: st.connect === null ? null : round2(st.connect),
      tls: st.tls === null ? null : round2(st.tls),
      first_byte: st.firstByte === null ? null : round2(st.firstByte),
      total: round2(total),
    };
    const cert = judgeCertificateExpiry(
      spec.cert_expiry_threshold_days ?? null,
      st.sslExpiry,
      error === null,
      Date.now(),
    );
    if (cert.error !== null) error = cert.error;
    const up = error === null;
    return {
      ...(cert.details ? { warn: up && cert.warn, details: cert.details } : {}),
      is_up: up,
      status_code: obs.status,
      response_ms: phases.total,
      error: error === null ? null : error.length > 1024 ? `${cutText(error, 1021)}...` : error,
      phases,
      response_headers: up || obs.headers === null ? null : flattenHeaders(obs.headers),
      response_body: up ? null : bodyText !== null ? cutText(bodyText, FAILURE_BODY_CHARS) : decodeForFailure(obs.body),
      ssl_expiry: st.sslExpiry,
      ssl_issuer: st.sslIssuer,
    };
  }
}
