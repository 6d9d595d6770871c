import type { ParallaxClient, Schema } from '@parallax/client';
import { allPages, pick, ResourceKind, unwrap } from './types';

type Page = Schema<'StatusPageView'>;
type CreatePage = Schema<'CreateStatusPageDto'>;
interface Group {
  slug: string;
  name: string;
  order?: number;
  monitor_ids: string[];
}

const FIELDS = [
  'title',
  'description',
  'company_name',
  'groups',
  'monitor_ids',
  'custom_domain',
  'theme',
  'accent_color',
  'show_regions',
  'show_target_urls',
] as const;

/** Monitor slug ↔ id of the account, read when needed (so monitors created earlier in the same apply are found). */
export async function monitorIndex(
  client: ParallaxClient,
): Promise<{ slugOf: Map<string, string>; idOf: Map<string, string> }> {
  const all = await allPages(async (offset) =>
    unwrap('list monitors', await client.GET('/api/v1/monitors', { params: { query: { limit: 1000, offset } } })),
  );
  return { slugOf: new Map(all.map((m) => [m.id, m.slug])), idOf: new Map(all.map((m) => [m.slug, m.id])) };
}

/** In the file a page names its monitors by slug (their identity); the API takes ids. */
function mapMonitors(
  fields: Record<string, unknown>,
  map: (ref: string, at: string) => string,
): Record<string, unknown> {
  const out = { ...fields };
  if (Array.isArray(out.monitor_ids))
    out.monitor_ids = (out.monitor_ids as string[]).map((m, i) => map(m, `monitor_ids[${i}]`));
  if (Array.isArray(out.groups)) {
    out.groups = (out.groups as Group[]).map((g, gi) => ({
      ...g,
      monitor_ids: (g.monitor_ids ?? []).map((m, i) => map(m, `groups[${gi}].monitor_ids[${i}]`)),
    }));
  }
  return out;
}

async function toIds(client: ParallaxClient, fields: Record<string, unknown>): Promise<Record<string, unknown>> {
  const { idOf } = await monitorIndex(client);
  return mapMonitors(fields, (slug, at) => {
    const id = idOf.get(slug);
    if (!id) throw new Error(`status page ${at}: no monitor with slug "${slug}"`);
    return id;
  });
}

/**
 * Public status pages (`sp_…`), identity `slug`. `monitor_ids` (and each group's) hold
 * monitor **slugs** in the file; the CLI translates them to and from the API's ids.
 */
export const statusPages: ResourceKind = {
  key: 'status_pages',
  noun: 'status page',
  identityField: 'slug',
  fields: FIELDS,
  secrets: [],
  schemaName: 'CreateStatusPageDto',
  async list(client) {
    const [pages, { slugOf }] = await Promise.all([
      allPages(async (offset) =>
        unwrap(
          'list status pages',
          await client.GET('/api/v1/status-pages', { params: { query: { limit: 500, offset } } }),
        ),
      ),
      monitorIndex(client),
    ]);
    return pages.map((p: Page) => {
      const fields = mapMonitors(pick(p as unknown as Record<string, unknown>, FIELDS), (id) => slugOf.get(id) ?? id);
      return { id: p.id, identity: p.slug, fields };
    });
  },
  async create(client, fields) {
    unwrap(
      'create status page',
      await client.POST('/api/v1/status-pages', { body: (await toIds(client, fields)) as unknown as CreatePage }),
    );
  },
  async update(client, id, changed) {
    unwrap(
      'update status page',
      await client.PATCH('/api/v1/status-pages/{id}', {
        params: { path: { id } },
        body: (await toIds(client, changed)) as never,
      }),
    );
  },
  async remove(client, id) {
    unwrap('delete status page', await client.DELETE('/api/v1/status-pages/{id}', { params: { path: { id } } }));
  },
};
