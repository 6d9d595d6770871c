import type { Schema } from '@parallax/client';
import { monitorIndex } from './status-pages';
import { allPages, pick, ResourceKind, unwrap } from './types';

type CreateMaintenance = Schema<'CreateMaintenanceDto'>;

const FIELDS = ['description', 'monitor_ids', 'starts_at', 'ends_at'] as const;
/** Maintenance still to come or under way; completed and cancelled ones are history, not configuration. */
const MANAGED = ['scheduled', 'in_progress'] as const;

/** The API's form of a time (`2026-12-03T10:00:00.000Z`), so `…T10:00:00Z` in a file is no change. */
function isoTime(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const t = Date.parse(value);
  return Number.isNaN(t) ? value : new Date(t).toISOString();
}

async function toIds(
  client: Parameters<ResourceKind['list']>[0],
  fields: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  if (!Array.isArray(fields.monitor_ids)) return fields;
  const { idOf } = await monitorIndex(client);
  return {
    ...fields,
    monitor_ids: (fields.monitor_ids as string[]).map((slug, i) => {
      const id = idOf.get(slug);
      if (!id) throw new Error(`maintenance monitor_ids[${i}]: no monitor with slug "${slug}"`);
      return id;
    }),
  };
}

/**
 * Scheduled maintenance (`mnt_…`) that is scheduled or in progress. It has no slug: its
 * identity is its `title` (unique within the file). `monitor_ids` hold monitor slugs in the
 * file, as on status pages.
 */
export const maintenance: ResourceKind = {
  key: 'maintenance',
  noun: 'maintenance',
  identityField: 'title',
  fields: FIELDS,
  secrets: [],
  schemaName: 'CreateMaintenanceDto',
  normalizeField: (field, value) => (field === 'starts_at' || field === 'ends_at' ? isoTime(value) : value),
  async list(client) {
    const [lists, { slugOf }] = await Promise.all([
      Promise.all(
        MANAGED.map((status) =>
          allPages(async (offset) =>
            unwrap(
              'list maintenance',
              await client.GET('/api/v1/maintenance', { params: { query: { status, limit: 500, offset } } }),
            ),
          ),
        ),
      ),
      monitorIndex(client),
    ]);
    return lists.flat().map((m) => {
      const fields = pick(m as unknown as Record<string, unknown>, FIELDS);
      fields.monitor_ids = ((fields.monitor_ids as string[] | undefined) ?? []).map((id) => slugOf.get(id) ?? id);
      return { id: m.id, identity: m.title, fields };
    });
  },
  async create(client, fields) {
    unwrap(
      'create maintenance',
      await client.POST('/api/v1/maintenance', { body: (await toIds(client, fields)) as unknown as CreateMaintenance }),
    );
  },
  async update(client, id, changed) {
    unwrap(
      'update maintenance',
      await client.PATCH('/api/v1/maintenance/{id}', {
        params: { path: { id } },
        body: (await toIds(client, changed)) as never,
      }),
    );
  },
  async remove(client, id) {
    unwrap('delete maintenance', await client.DELETE('/api/v1/maintenance/{id}', { params: { path: { id } } }));
  },
};
