import { Injectable } from '@nestjs/common';
import type { Tx } from '../database/transaction';
import type { RegionStreak } from './regional-incident';

/** A streak to write (`streak` null: the region has none any more, its row goes). */
export interface StreakChange {
  monitorId: string;
  region: string;
  streak: RegionStreak | null;
}

/**
 * The per-region failure streaks of monitors (`region_streaks`, owned by decisions), read
 * and written set-based in the decision transaction: one query reads a batch's monitors,
 * one upsert and one delete write what changed. The monitors are locked by the caller.
 */
@Injectable()
export class RegionStreaksRepository {
  async load(tx: Tx, monitorIds: string[]): Promise<Map<string, Map<string, RegionStreak>>> {
    const out = new Map<string, Map<string, RegionStreak>>();
    if (!monitorIds.length) return out;
    const rows: { monitor_id: string; region: string; rounds: number; since: Date }[] = await tx.query(
      `SELECT monitor_id, region, rounds, since FROM region_streaks WHERE monitor_id = ANY($1::text[])`,
      [[...new Set(monitorIds)]],
    );
    for (const r of rows) {
      let m = out.get(r.monitor_id);
      if (!m) out.set(r.monitor_id, (m = new Map()));
      m.set(r.region, { rounds: r.rounds, since: r.since });
    }
    return out;
  }

  async write(tx: Tx, changes: StreakChange[]): Promise<void> {
    const upserts = changes.filter((c) => c.streak !== null);
    const deletes = changes.filter((c) => c.streak === null);
    if (upserts.length) {
      await tx.query(
        `INSERT INTO region_streaks (monitor_id, region, rounds, since)
         SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::timestamptz[])
         ON CONFLICT (monitor_id, region) DO UPDATE SET rounds = EXCLUDED.rounds, since = EXCLUDED.since`,
        [
          upserts.map((c) => c.monitorId),
          upserts.map((c) => c.region),
          upserts.map((c) => c.streak!.rounds),
          upserts.map((c) => c.streak!.since.toISOString()),
        ],
      );
    }
    if (deletes.length) {
      await tx.query(
        `DELETE FROM region_streaks s USING unnest($1::text[], $2::text[]) AS d(monitor_id, region) WHERE s.monitor_id = d.monitor_id AND s.region = d.region`,
        [deletes.map((c) => c.monitorId), deletes.map((c) => c.region)],
      );
    }
  }
}
