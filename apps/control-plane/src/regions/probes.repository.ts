import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { MoreThan, Repository } from 'typeorm';
import type { PresenceV1 } from '@parallax/contracts';
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

  /** Forgets probes not seen for a long time. */
  async prune(before: Date): Promise<void> {
    await this.repo.createQueryBuilder().delete().where('last_seen_at < :before', { before }).execute();
  }
}
