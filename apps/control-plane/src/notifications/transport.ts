import * as dns from 'node:dns';
import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { guardAddress, isIpLiteral, resolveAndGuard, stripBrackets } from '@parallax/checks';
import { createTransport, Transporter } from 'nodemailer';
import { Agent, request } from 'undici';
import { APP_CONFIG, AppConfig } from '../config/config';

export interface SendOutcome {
  /** HTTP status, or the SMTP reply code for email; null when nothing was answered. */
  status: number | null;
  error: string | null;
  durationMs: number;
}

/** Response bytes read at most (for the error message); the rest is discarded unread. */
export const RESPONSE_BODY_LIMIT = 1024;

/**
 * Sends one notification over HTTP (webhooks, Slack, Discord) or SMTP. Every HTTP
 * destination goes through the SSRF guard on the address actually connected to (the
 * guarded DNS lookup is used by the connection itself: no rebinding gap); a response
 * must come within the timeout and at most RESPONSE_BODY_LIMIT bytes are read, so a slow
 * or huge answer cannot stall the dispatcher. Redirects are not followed.
 */
@Injectable()
export class NotificationTransport implements OnModuleDestroy {
  private readonly agent: Agent;
  private mailer?: Transporter;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const allowPrivate = config.allowPrivateTargets;
    const lookup = (
      hostname: string,
      options: dns.LookupOptions,
      callback: (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void,
    ) => {
      resolveAndGuard(hostname, allowPrivate).then(
        (t) => (options.all ? callback(null, t.addresses) : callback(null, t.address, t.family)),
        (e: Error) =>
          callback(Object.assign(e, { code: (e as NodeJS.ErrnoException).code ?? 'ETARGETREFUSED' }), '', 4),
      );
    };
    this.agent = new Agent({
      connect: { lookup, timeout: config.notify.timeoutMs } as Agent.Options['connect'],
      headersTimeout: config.notify.timeoutMs,
      bodyTimeout: config.notify.timeoutMs,
      keepAliveTimeout: 4_000,
      connections: 32,
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.mailer?.close();
    await this.agent.close().catch(() => undefined);
  }

  get emailEnabled(): boolean {
    return Boolean(this.config.notify.smtpUrl);
  }

  async postJson(url: string, body: string, headers: Record<string, string>): Promise<SendOutcome> {
    const t0 = performance.now();
    const elapsed = () => Math.round((performance.now() - t0) * 10) / 10;
    try {
      const u = new URL(url);
      // Literal IPs are not looked up (so not seen by the guarded lookup): guard them here;
      // names are guarded by the agent's lookup, on the address it connects to.
      const host = stripBrackets(u.hostname);
      if (isIpLiteral(host)) guardAddress(host, host, this.config.allowPrivateTargets);
      const res = await request(u, {
        method: 'POST',
        dispatcher: this.agent,
        headers: { 'content-type': 'application/json', 'user-agent': 'Parallax-Webhooks/1', ...headers },
        body,
        signal: AbortSignal.timeout(this.config.notify.timeoutMs),
      });
      res.body.on('error', () => undefined); // a body dropped below is not an error of the delivery
      let snippet = '';
      if (res.statusCode < 200 || res.statusCode >= 300) {
        for await (const chunk of res.body) {
          snippet += (chunk as Buffer).toString('utf8');
          if (snippet.length >= RESPONSE_BODY_LIMIT) break; // leaving the loop drops the rest
        }
      }
      // Never read (or wait for) more than the limit: a larger body drops the connection.
      if (!res.body.destroyed) await res.body.dump({ limit: RESPONSE_BODY_LIMIT }).catch(() => undefined);
      const ok = res.statusCode >= 200 && res.statusCode < 300;
      return {
        status: res.statusCode,
        error: ok ? null : `HTTP ${res.statusCode}${snippet ? `: ${snippet.slice(0, 200).replace(/\s+/g, ' ')}` : ''}`,
        durationMs: elapsed(),
      };
    } catch (e) {
      return { status: null, error: describe(e, this.config.notify.timeoutMs), durationMs: elapsed() };
    }
  }

  async sendEmail(
    to: string,
    subject: string,
    text: string,
    messageId: string,
    headers: Record<string, string> = {},
  ): Promise<SendOutcome> {
    const t0 = performance.now();
    const elapsed = () => Math.round((performance.now() - t0) * 10) / 10;
    if (!this.config.notify.smtpUrl) return { status: null, error: 'SMTP_URL is not configured', durationMs: 0 };
    this.mailer ??= createTransport(smtpOptions(this.config.notify.smtpUrl, this.config.notify.timeoutMs));
    try {
      const info = await this.mailer.sendMail({
        from: this.config.notify.smtpFrom,
        to,
        subject,
        text,
        messageId: `<${messageId}@parallax>`,
        headers: { ...headers, 'X-Parallax-Delivery': messageId },
      });
      return { status: Number(/^(\d{3})/.exec(String(info.response))?.[1] ?? 250), error: null, durationMs: elapsed() };
    } catch (e) {
      const code = (e as { responseCode?: number }).responseCode ?? null;
      return { status: code, error: `SMTP: ${(e as Error).message}`.slice(0, 500), durationMs: elapsed() };
    }
  }
}

/** `smtp[s]://user:pass@host:port` → nodemailer SMTP options with our timeouts. */
export function smtpOptions(smtpUrl: string, timeoutMs: number) {
  const u = new URL(smtpUrl);
  const secure = u.protocol === 'smtps:';
  return {
    host: u.hostname.replace(/^\[|\]$/g, ''),
    port: u.port ? Number(u.port) : secure ? 465 : 587,
    secure,
    auth: u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : undefined,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  };
}

function describe(e: unknown, timeoutMs: number): string {
  const err = e as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException };
  const inner = err.cause ?? err;
  if (
    err.name === 'TimeoutError' ||
    err.name === 'AbortError' ||
    inner.code === 'UND_ERR_HEADERS_TIMEOUT' ||
    inner.code === 'UND_ERR_BODY_TIMEOUT' ||
    inner.code === 'UND_ERR_CONNECT_TIMEOUT'
  ) {
    return `no answer within ${timeoutMs} ms`;
  }
  if (inner.code === 'ETARGETREFUSED' || err.name === 'TargetRefusedError') return inner.message;
  if (inner.code === 'ECONNREFUSED') return 'connection refused (ECONNREFUSED)';
  return `${inner.message || String(e)}${inner.code ? ` (${inner.code})` : ''}`.slice(0, 500);
}
