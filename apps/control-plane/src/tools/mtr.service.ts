import { Inject, Injectable } from '@nestjs/common';
import { isIpLiteral, isPrivateAddress, stripBrackets } from '@parallax/checks';
import type { MtrReplyV1, MtrRequestV1 } from '@parallax/contracts';
import { notFound, validationFailed } from '../common/errors';
import type { Principal } from '../common/principal';
import { APP_CONFIG, AppConfig } from '../config/config';
import { MonitorsRepository } from '../monitors/monitors.repository';
import { NatsService } from '../nats/nats.service';
import { ToolRateLimiter } from './tool-rate-limiter';
import { monitorTargetHost, parseRegionsParam } from './tool-rules';

/** Probes per hop. */
const COUNT = 3;
/** Time a reply may take beyond the run itself (transport). */
const REPLY_SLACK_MS = 2_000;

export interface MtrRegionAnswer {
  region: string;
  probe_id: string | null;
  address: string | null;
  hops: MtrReplyV1['hops'];
  error: string | null;
}

/**
 * `GET /monitors/{id}/mtr?regions=` (issue 19 item 7): asks one probe of each region
 * (request/reply on `<prefix>.tools.<region>`, the region's queue group) to run MTR to the
 * monitor's target host within the monitor's timeout; answers per region. The probe
 * resolves the host and applies its SSRF guard; private IP literals are refused here too.
 */
@Injectable()
export class MtrService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly monitors: MonitorsRepository,
    private readonly nats: NatsService,
    private readonly limiter: ToolRateLimiter,
  ) {}

  async run(p: Principal, id: string, regionsRaw: unknown) {
    const m = typeof id === 'string' && id.length <= 64 ? await this.monitors.findOne(p.accountId, id) : null;
    if (!m) throw notFound('monitor', String(id).slice(0, 64));
    const host = monitorTargetHost(m);
    if (!host)
      throw validationFailed([
        { field: 'monitor', message: `a ${m.monitorType} monitor has no network target to trace` },
      ]);
    const bare = stripBrackets(host);
    if (!this.config.allowPrivateTargets && isIpLiteral(bare) && isPrivateAddress(bare))
      throw validationFailed([{ field: 'monitor', message: `${bare} is a private address` }]);
    const regions = parseRegionsParam(regionsRaw, m.regions);
    if (!regions.ok) throw validationFailed([{ field: 'regions', message: regions.error }]);
    await this.limiter.take(p.accountId);
    const timeoutMs = Math.min(60, Math.max(5, m.timeout)) * 1000;
    const request: MtrRequestV1 = { v: 1, kind: 'mtr', host: bare, count: COUNT, timeout_ms: timeoutMs };
    const answers = await Promise.all(
      regions.regions.map((region) => this.ask(region, request, timeoutMs + REPLY_SLACK_MS)),
    );
    return { monitor_id: m.id, target: bare, count: COUNT, timeout_ms: timeoutMs, regions: answers };
  }

  private async ask(region: string, request: MtrRequestV1, waitMs: number): Promise<MtrRegionAnswer> {
    try {
      const msg = await this.nats.nc.request(this.nats.names.tools(region), Buffer.from(JSON.stringify(request)), {
        timeout: waitMs,
      });
      const r = JSON.parse(Buffer.from(msg.data).toString('utf8')) as MtrReplyV1;
      // A reply naming another region is not trusted (the broker's permissions prevent it; this checks it too).
      if (r?.v !== 1 || r.region !== region || !Array.isArray(r.hops))
        return { region, probe_id: null, address: null, hops: [], error: 'malformed answer from the region' };
      return { region, probe_id: r.probe_id ?? null, address: r.address ?? null, hops: r.hops, error: r.error ?? null };
    } catch (e) {
      const code = (e as { code?: string }).code;
      const error =
        code === '503'
          ? 'no probe of this region is listening'
          : code === 'TIMEOUT'
            ? `no answer from the region within ${waitMs} ms`
            : `the request failed: ${(e as Error).message}`;
      return { region, probe_id: null, address: null, hops: [], error };
    }
  }
}
