import { Injectable } from '@nestjs/common';
import type { Tx } from '../database/transaction';
import { MonitorEntity } from '../monitors/monitor.entity';
import type { PingFields } from './heartbeat-rules';

/**
 * The heartbeat columns of monitors. The ping endpoint is not an account request: the
 * ping token is its credential, so `lockForPing` looks the monitor up by id alone and
 * the service checks the token before anything else. Every other query takes the
 * account id.
 */
@Injectable()
export class HeartbeatsRepository {
  /** A heartbeat monitor's ping token hash, read without a lock (the token is checked before anything is locked). */
  async pingTokenHash(tx: Tx, id: string): Promise<string | null | undefined> {
    const m = await tx.getRepository(MonitorEntity).findOne({ where: { id, monitorType: 'heartbeat' }, select: { id: true, pingTokenHash: true } });
    return m ? m.pingTokenHash : undefined;
  }

  /** A heartbeat monitor by id, locked: pings and checks of one monitor run one at a time. */
  lockForPing(tx: Tx, id: string): Promise<MonitorEntity | null> {
    return tx
      .getRepository(MonitorEntity)
      .createQueryBuilder('m')
      .setLock('pessimistic_write')
      .where("m.id = :id AND m.monitor_type = 'heartbeat'", { id })
      .getOne();
  }

  /** A heartbeat monitor of the account, locked. */
  lockOwned(tx: Tx, accountId: string, id: string): Promise<MonitorEntity | null> {
    return tx
      .getRepository(MonitorEntity)
      .createQueryBuilder('m')
      .setLock('pessimistic_write')
      .where("m.account_id = :accountId AND m.id = :id AND m.monitor_type = 'heartbeat'", { accountId, id })
      .getOne();
  }

  async recordPing(tx: Tx, id: string, fields: Partial<PingFields>): Promise<void> {
    if (Object.keys(fields).length) await tx.getRepository(MonitorEntity).update({ id }, fields);
  }

  async setToken(tx: Tx, accountId: string, id: string, hash: string, hint: string): Promise<void> {
    await tx.getRepository(MonitorEntity).update({ accountId, id }, { pingTokenHash: hash, pingTokenHint: hint });
  }
}
