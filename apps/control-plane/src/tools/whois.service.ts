import { Inject, Injectable } from '@nestjs/common';
import {
  describeError,
  isPrivateAddress,
  lookupDomain,
  lookupIp,
  NotRegisteredError,
  Registration,
  TargetRefusedError,
} from '@parallax/checks';
import { DomainError, validationFailed } from '../common/errors';
import type { Principal } from '../common/principal';
import { APP_CONFIG, AppConfig } from '../config/config';
import { ToolRateLimiter } from './tool-rate-limiter';
import { parseLookupTarget } from './tool-rules';

const LOOKUP_TIMEOUT_MS = 10_000;

export interface WhoisAnswer {
  target: string;
  kind: 'domain' | 'ip';
  source: 'rdap' | 'whois';
  server: string;
  name: string;
  registrar: string | null;
  created_at: string | null;
  updated_at: string | null;
  expires_at: string | null;
  name_servers: string[];
  status: string[];
  raw: string;
}

/**
 * `GET /monitors/tools/whois/{target}` (issue 19 item 7): the registration of a domain
 * (RDAP from the IANA bootstrap registry, WHOIS fallback) or an IP address (WHOIS through
 * IANA's referral), with the libs/checks domain code; every registry connection goes
 * through the SSRF guard; rate-limited per account.
 */
@Injectable()
export class WhoisService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly limiter: ToolRateLimiter,
  ) {}

  async lookup(p: Principal, raw: string): Promise<WhoisAnswer> {
    const target = parseLookupTarget(raw);
    if (!target)
      throw validationFailed([
        { field: 'target', message: 'must be a domain name (e.g. example.com) or an IP address' },
      ]);
    if (target.kind === 'public_suffix')
      throw validationFailed([
        {
          field: 'target',
          message: `${target.name} is a public suffix: name a domain registered under it (e.g. example.${target.name})`,
        },
      ]);
    if (target.kind === 'ip' && isPrivateAddress(target.ip) && !this.config.allowPrivateTargets) {
      throw validationFailed([
        { field: 'target', message: `${target.ip} is a private or reserved address: it has no public registration` },
      ]);
    }
    await this.limiter.take(p.accountId);
    const ctx = {
      region: 'control-plane',
      userAgent: 'Parallax whois',
      allowPrivateTargets: this.config.allowPrivateTargets,
      maxBodyBytes: 1024 * 1024,
    };
    const opts = { rdapServer: this.config.tools.rdapServer, whoisServer: this.config.tools.whoisServer };
    const signal = AbortSignal.timeout(LOOKUP_TIMEOUT_MS);
    const shown = target.kind === 'ip' ? target.ip : target.name;
    let reg: Registration;
    try {
      reg =
        target.kind === 'ip'
          ? await lookupIp(target.ip, opts, ctx, signal)
          : await lookupDomain(target.name, opts, ctx, signal);
    } catch (e) {
      if (e instanceof NotRegisteredError) throw new DomainError('not_found', `no registration found for ${shown}`);
      if (e instanceof TargetRefusedError)
        throw new DomainError('upstream', `registry refused by the SSRF guard: ${e.message}`);
      if (signal.aborted)
        throw new DomainError('upstream', `registry lookup of ${shown} timed out after ${LOOKUP_TIMEOUT_MS} ms`);
      throw new DomainError('upstream', `registration of ${shown} unknown: ${describeError(e)}`);
    }
    return {
      target: shown,
      kind: target.kind,
      source: reg.source,
      server: reg.server,
      name: reg.name,
      registrar: reg.registrar,
      created_at: reg.created_at,
      updated_at: reg.updated_at,
      expires_at: reg.expires_at,
      name_servers: reg.name_servers,
      status: reg.status,
      raw: reg.raw,
    };
  }
}
