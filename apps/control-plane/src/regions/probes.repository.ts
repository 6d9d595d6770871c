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

  /**
   * Stores the latest announcement of each (region, probe id) in one statement. The key
   * includes the region: an announcement only ever updates its own region's row.
   * Announcements must have distinct keys.
   */
  async upsertMany(presences: PresenceV1[], seenAt: Date): Promise<void> {
    if (!presences.length) return;
    const doc = presences.map((p) => ({
      probe_id: p.probe_id,
      region: p.region,
      version: p.version,
      in_flight: p.in_flight,
      queued: p.queued,
      capacity: p.capacity,
      started_at: p.started_at,
      leaving: p.leaving ?? false,
      clock_skew_ms: p.clock_skew_ms ?? null,
    }));
    await this.repo.query(
      `INSERT INTO probes (probe_id, region, version, in_flight, queued, capacity, started_at, last_seen_at, leaving, clock_skew_ms)
       SELECT probe_id, region, version, in_flight, queued, capacity, started_at, $2, leaving, clock_skew_ms
         FROM jsonb_to_recordset($1::jsonb) AS x(probe_id text, region text, version text, in_flight int, queued int, capacity int, started_at timestamptz, leaving boolean, clock_skew_ms bigint)
       ON CONFLICT (region, probe_id) DO UPDATE SET version = excluded.version, in_flight = excluded.in_flight, queued = excluded.queued,
         capacity = excluded.capacity, started_at = excluded.started_at, last_seen_at = excluded.last_seen_at, leaving = excluded.leaving,
         clock_skew_ms = excluded.clock_skew_ms`,
      [JSON.stringify(doc), seenAt.toISOString()],
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
    const rows: { region: string; online: string; last_alive: Date | null; last_left: Date | null }[] =
      await this.repo.query(
        `SELECT region,
              count(*) FILTER (WHERE NOT leaving AND last_seen_at > $1) AS online,
              max(last_seen_at) FILTER (WHERE NOT leaving) AS last_alive,
              max(last_seen_at) FILTER (WHERE leaving) AS last_left
         FROM probes GROUP BY region ORDER BY region`,
        [since.toISOString()],
      );
    return rows.map((r) => ({
      region: r.region,
      online: Number(r.online),
      lastAlive: r.last_alive,
      lastLeft: r.last_left,
    }));
  }

  /** Forgets probes not seen for a long time. */
  async prune(before: Date): Promise<void> {
    await this.repo.createQueryBuilder().delete().where('last_seen_at < :before', { before }).execute();
  }
}
