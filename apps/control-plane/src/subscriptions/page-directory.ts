import { Injectable } from '@nestjs/common';
import type { AccountId } from '../common/account-id';
import type { Tx } from '../database/transaction';
import { StatusPageListing } from '../status-pages/page-listing.service';
import type { PageSummary } from '../status-pages/public-page';
import { StatusPagesService } from '../status-pages/status-pages.service';

/** What subscriptions need of a status page: its id, owner, slug, title and public address (`url`, no trailing slash). */
export type SubscribablePage = PageSummary;

/** The status pages as subscriptions see them (the status pages context answers). */
@Injectable()
export class StatusPageDirectory {
  constructor(
    private readonly pages: StatusPagesService,
    private readonly listings: StatusPageListing,
  ) {}

  /** The page served at `/s/{slug}`, or null. */
  bySlug(slug: string): Promise<SubscribablePage | null> {
    return typeof slug === 'string' ? this.pages.summaryBySlug(slug) : Promise.resolve(null);
  }

  /** The account's own page (owner API), or null. */
  byId(accountId: AccountId, id: string): Promise<SubscribablePage | null> {
    return typeof id === 'string' && id.length <= 64 ? this.pages.summaryById(accountId, id) : Promise.resolve(null);
  }

  /** Background (inside a decision's or a timeline change's transaction): the pages that show the monitor (listed and public). */
  listing(tx: Tx, accountId: string, monitorId: string): Promise<SubscribablePage[]> {
    return this.listings.pagesShowing(tx, accountId, monitorId);
  }
}
