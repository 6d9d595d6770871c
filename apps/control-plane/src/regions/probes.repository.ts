import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { MoreThan, Repository } from 'typeorm';
import type { PresenceV1 } from '@parallax/contracts';
import type { RegionPresence } from './fleet-health';
import { ProbeEntity } from './probe.entity';

/** Probe presence is infrastructure, not tenant data: probes serve every account. */
@Injectable()
export class ProbesRepository {
  constructor(@InjectRepository(ProbeEntity) private readonly repo: Repository<ProbeEntity>) {}

  async upsert(p: PresenceV1): Promise<void> {
    await this.repo.upsert(
      {
        probeId: p.probe_id,
        region: p.region,
        version: p.version,
        inFlight: p.in_flight,
        queued: p.queued,
        capacity: p.capacity,
        startedAt: new Date(p.started_at),
        lastSeenAt: new Date(),
        leaving: p.leaving ?? false,
      },
      ['probeId'],
    );
  }

  seenSince(since: Date): Promise<ProbeEntity[]> {
    return this.repo.find({ where: { lastSeenAt: MoreThan(since) }, order: { region: 'ASC', probeId: 'ASC' } });
  }

  /**
   * Per region: probes online (not leaving, seen after `since`), the latest announcement
   * of a live probe and the latest `leaving` one. One small aggregate over the table.
   */
  async regionPresence(since: Date): Promise<RegionPresence[]> {
    const rows: { region: string; online: string; last_alive: Date | null; last_left: Date | null }[] = await this.repo.query(
      `SELECT region,
              count(*) FILTER (WHERE NOT leaving AND last_seen_at > $1) AS online,
              max(last_seen_at) FILTER (WHERE NOT leaving) AS last_alive,
              max(last_seen_at) FILTER (WHERE leaving) AS last_left
         FROM probes GROUP BY region ORDER BY region`,
      [since.toISOString()],
    );
    return rows.map((r) => ({ region: r.region, online: Number(r.online), lastAlive: r.last_alive, lastLeft: r.last_left }));
  }

  /** Forgets probes not seen for a long time. */
  async prune(before: Date): Promise<void> {
    await this.repo.createQueryBuilder().delete().where('last_seen_at < :before', { before }).execute();
  }
}
