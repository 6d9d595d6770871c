import { Injectable } from '@nestjs/common';
import type { Tx } from '../database/transaction';
import { StatusPageEntity, StatusPageMonitorEntity } from './status-page.entity';

/**
 * Status pages for background work (not on behalf of a request): the decision and the
 * outbox find the pages that show a monitor inside their transaction. Never used by
 * controllers or request-scoped services (eslint `no-restricted-imports`); they use
 * `StatusPagesRepository`, whose owner methods take the `AccountId`.
 */
@Injectable()
export class SystemStatusPagesRepository {
  /**
   * The account's pages that show `monitorId`: they list it and it is public (one query,
   * inside the caller's transaction). `accountId` is the monitor row's own.
   */
  pagesShowing(tx: Tx, accountId: string, monitorId: string): Promise<StatusPageEntity[]> {
    return tx
      .getRepository(StatusPageEntity)
      .createQueryBuilder('p')
      .innerJoin(StatusPageMonitorEntity, 'pm', 'pm.page_id = p.id AND pm.monitor_id = :monitorId', { monitorId })
      .innerJoin('monitors', 'm', 'm.id = pm.monitor_id AND m.public = true AND m.account_id = p.account_id')
      .where('p.account_id = :accountId', { accountId })
      .orderBy('p.created_at', 'ASC')
      .getMany();
  }
}
