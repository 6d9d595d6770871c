import { Injectable } from '@nestjs/common';
import { newId } from '../common/ids';
import type { Tx } from '../database/transaction';
import { IncidentEntity, IncidentUpdateEntity } from './incident.entity';
import { detectedUpdate, resolvedUpdate } from './incident-rules';

/**
 * Automatic incidents for the decision pipeline (background work, across accounts): opened,
 * found and resolved by monitor id inside the decision's transaction. Never used by
 * controllers or request-scoped services (eslint `no-restricted-imports`).
 */
@Injectable()
export class SystemIncidentsRepository {
  /**
   * Opens an automatic incident unless one is already open for the monitor (partial unique
   * index), with its first timeline update ("Detected: down in …") in the same transaction.
   */
  async open(tx: Tx, incident: IncidentEntity, detected?: string): Promise<boolean> {
    const res = await tx
      .getRepository(IncidentEntity)
      .createQueryBuilder()
      .insert()
      .values(incident)
      .orIgnore()
      .execute();
    const opened = (res.raw as unknown[]).length > 0;
    if (opened) {
      await tx.getRepository(IncidentUpdateEntity).insert({
        id: newId('upd'),
        incidentId: incident.id,
        accountId: incident.accountId,
        label: 'Detected',
        content: detected ?? detectedUpdate(incident.regionResults, incident.affectedRegions),
        status: null,
        createdAt: incident.startedAt,
      });
    }
    return opened;
  }

  /** The open automatic incident of each of the account's monitors among `monitorIds` (dependencies: decisions/dependencies.ts). */
  async openOf(tx: Tx, accountId: string, monitorIds: readonly string[]): Promise<Map<string, string>> {
    if (!monitorIds.length) return new Map();
    const rows: { monitor_id: string; id: string }[] = await tx.query(
      `SELECT monitor_id, id FROM incidents WHERE account_id = $1 AND monitor_id = ANY($2::text[]) AND status = 'open' AND type = 'automatic'`,
      [accountId, [...monitorIds]],
    );
    return new Map(rows.map((r) => [r.monitor_id, r.id]));
  }

  /**
   * A dependency's incident just opened: the open automatic incidents of the account's
   * monitors that depend on it, not linked yet (they opened first, decided in another
   * transaction), are linked to it. Answers how many.
   */
  async linkDependants(tx: Tx, accountId: string, monitorId: string, incidentId: string): Promise<number> {
    const [, n] = (await tx.query(
      `UPDATE incidents i SET caused_by_incident_id = $3 FROM monitors m
        WHERE m.id = i.monitor_id AND m.account_id = $1 AND $2 = ANY(m.depends_on)
          AND i.account_id = $1 AND i.status = 'open' AND i.type = 'automatic' AND i.caused_by_incident_id IS NULL`,
      [accountId, monitorId, incidentId],
    )) as [unknown, number];
    return n;
  }

  findOpen(tx: Tx, monitorId: string): Promise<IncidentEntity | null> {
    return tx
      .getRepository(IncidentEntity)
      .createQueryBuilder('i')
      .setLock('pessimistic_write')
      .where("i.monitor_id = :monitorId AND i.status = 'open' AND i.type = 'automatic'", { monitorId })
      .getOne();
  }

  /** The open regional incidents of some monitors (decisions/regional-incident.ts), locked, in one query. */
  async openRegional(tx: Tx, monitorIds: string[]): Promise<Map<string, IncidentEntity>> {
    if (!monitorIds.length) return new Map();
    const rows = await tx
      .getRepository(IncidentEntity)
      .createQueryBuilder('i')
      .setLock('pessimistic_write')
      .where("i.monitor_id IN (:...ids) AND i.status = 'open' AND i.type = 'regional'", {
        ids: [...new Set(monitorIds)],
      })
      .getMany();
    return new Map(rows.map((i) => [i.monitorId!, i]));
  }

  /**
   * Updates an incident's fields; resolving an automatic incident writes its last timeline
   * update ("Recovered after …", or `resolvedText`) too.
   */
  async update(tx: Tx, id: string, fields: Partial<IncidentEntity>, resolvedText?: string): Promise<void> {
    await tx.getRepository(IncidentEntity).update({ id }, fields);
    if (fields.status === 'resolved' && fields.resolvedAt && fields.resolvedByRound) {
      await tx.query(
        `INSERT INTO incident_updates (id, incident_id, account_id, label, content, status, created_at)
         SELECT $1, i.id, i.account_id, 'Resolved', $2, NULL, $3 FROM incidents i WHERE i.id = $4`,
        [newId('upd'), resolvedText ?? resolvedUpdate(fields.durationSeconds ?? null), fields.resolvedAt, id],
      );
    }
  }
}
