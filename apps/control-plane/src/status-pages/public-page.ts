import type { MaintenanceWindow, MonitorStatus, MonitorType } from '../monitors/monitor.entity';
import type { PageTheme } from './status-page.entity';

/**
 * What the public surface of a page may know about one of its monitors: no credentials,
 * no alert targets, no probe ids, no failure bodies. `id` is the internal id, for joins
 * on the server only: public answers identify a monitor by its `slug`. `targetUrl` is null
 * unless the page has `show_target_urls`.
 */
export interface PublicMonitorView {
  id: string;
  slug: string;
  name: string;
  type: MonitorType;
  status: MonitorStatus;
  /** Flap damping (notifications/alert-damping.ts): its status keeps changing; alerts are collapsed until it is stable. */
  flapping: boolean;
  paused: boolean;
  regions: string[];
  quorum: number;
  /** Seconds between rounds (a heartbeat's expected interval). */
  intervalSeconds: number;
  /** Per region: 'up' | 'down' | 'unknown' … as the last decided round saw it. */
  locationStatus: Record<string, string>;
  lastResponseMs: number | null;
  /** The last decided round's HTTP status (null: none, or not HTTP). */
  lastStatusCode: number | null;
  lastResponseByRegion: Record<string, number | null>;
  lastChecked: Date | null;
  statusChangedAt: Date | null;
  /** The page group it is listed in; null: ungrouped. */
  groupSlug: string | null;
  targetUrl: string | null;
  createdAt: Date;
  maintenanceWindows: MaintenanceWindow[];
}

export interface PublicPageInfo {
  id: string;
  /** Internal (server-side joins); never rendered. */
  accountId: string;
  slug: string;
  title: string;
  description: string;
  companyName: string;
  customDomain: string | null;
  theme: PageTheme;
  accentColor: string | null;
  showRegions: boolean;
  showTargetUrls: boolean;
  /** The page's public address, no trailing slash (https://{custom domain} when it has one). */
  url: string;
  updatedAt: Date;
}

export interface PublicGroupView {
  slug: string;
  name: string;
  order: number;
  monitors: PublicMonitorView[];
}

/** A page as its public routes see it: only the account's own public monitors the page lists, in display order. */
export interface PublicPageView {
  page: PublicPageInfo;
  groups: PublicGroupView[];
  ungrouped: PublicMonitorView[];
  /** Every shown monitor, groups first (in order), then ungrouped. */
  monitors: PublicMonitorView[];
}

/** What other contexts (subscriptions, feeds, badges) need to name and link a page. */
export interface PageSummary {
  id: string;
  accountId: string;
  slug: string;
  title: string;
  url: string;
}
