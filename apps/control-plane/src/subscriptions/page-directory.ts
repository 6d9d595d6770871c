import { Injectable } from '@nestjs/common';
import type { Tx } from '../database/transaction';

/** What subscriptions need of a status page. */
export interface SubscribablePage {
  id: string;
  accountId: string;
  slug: string;
  title: string;
  /** The page's public address, no trailing slash (its custom domain when it has one). */
  url: string;
}

/** The status pages context answers these (registered at start, see `StatusPageDirectory.use`). */
export interface PageLookup {
  /** The page served at `/s/{slug}`, or null. */
  bySlug(slug: string): Promise<SubscribablePage | null>;
  /** The account's own page (owner API), or null. */
  byId(accountId: string, id: string): Promise<SubscribablePage | null>;
  /**
   * Inside a decision's transaction: the pages that show `monitorId` (listed on the page
   * and `public: true`), with the monitor's name as the page shows it.
   */
  listing(tx: Tx, accountId: string, monitorId: string): Promise<SubscribablePage[]>;
}

/**
 * The status pages are another context (and arrive after this one): it registers its
 * lookup here with `use()` at start. Until one is registered there are no pages: the
 * public routes answer 404 and no page subscriber is notified.
 */
@Injectable()
export class StatusPageDirectory implements PageLookup {
  private lookup: PageLookup | null = null;

  use(lookup: PageLookup): void {
    this.lookup = lookup;
  }

  bySlug(slug: string): Promise<SubscribablePage | null> {
    return this.lookup ? this.lookup.bySlug(slug) : Promise.resolve(null);
  }

  byId(accountId: string, id: string): Promise<SubscribablePage | null> {
    return this.lookup ? this.lookup.byId(accountId, id) : Promise.resolve(null);
  }

  listing(tx: Tx, accountId: string, monitorId: string): Promise<SubscribablePage[]> {
    return this.lookup ? this.lookup.listing(tx, accountId, monitorId) : Promise.resolve([]);
  }
}
