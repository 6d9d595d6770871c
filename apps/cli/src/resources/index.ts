import { maintenance } from './maintenance';
import { monitors } from './monitors';
import { statusPages } from './status-pages';
import type { ResourceKind } from './types';
import { webhooks } from './webhooks';

/** The kinds a parallax.yaml declares, in apply order (status pages and maintenance follow monitors). */
export const KINDS: readonly ResourceKind[] = [monitors, statusPages, maintenance, webhooks];
