import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/config';
import type { Tx } from '../database/transaction';
import type { PageSummary } from './public-page';
import { pageSummary } from './status-pages.service';
import { SystemStatusPagesRepository } from './system-status-pages.repository';

/**
 * For background work in other contexts (subscriptions' outbox rows, written in a decision's
 * or a timeline change's transaction): the pages that show a monitor, as `PageSummary`s.
 */
@Injectable()
export class StatusPageListing {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly pages: SystemStatusPagesRepository,
  ) {}

  /** Inside a transaction: the account's pages that show the monitor (listed and public). */
  async pagesShowing(tx: Tx, accountId: string, monitorId: string): Promise<PageSummary[]> {
    return (await this.pages.pagesShowing(tx, accountId, monitorId)).map((p) => pageSummary(p, this.config.publicUrl));
  }
}
