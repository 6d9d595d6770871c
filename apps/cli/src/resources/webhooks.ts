import type { Schema } from '@parallax/client';
import { allPages, pick, ResourceKind, unwrap } from './types';

type CreateWebhook = Schema<'CreateWebhookDto'>;

/**
 * Account webhooks. They have no slug: their identity is their `url`. The secret is
 * write-only and the API cannot change it, so it is sent when the endpoint is created only.
 */
export const webhooks: ResourceKind = {
  key: 'webhooks',
  noun: 'webhook',
  identityField: 'url',
  fields: ['url', 'events', 'description', 'active', 'secret'],
  secrets: ['secret'],
  createOnly: ['secret'],
  schemaName: 'CreateWebhookDto',
  normalizeIdentity(url) {
    try {
      return new URL(url).toString();
    } catch {
      return url;
    }
  },
  async list(client) {
    const all = await allPages(async (offset) =>
      unwrap('list webhooks', await client.GET('/api/v1/webhooks', { params: { query: { limit: 100, offset } } })),
    );
    return all.map((w) => ({
      id: w.id,
      identity: w.url,
      fields: pick(w as unknown as Record<string, unknown>, ['url', 'events', 'description', 'active']),
    }));
  },
  async create(client, fields) {
    unwrap('create webhook', await client.POST('/api/v1/webhooks', { body: fields as unknown as CreateWebhook }));
  },
  async update(client, id, changed) {
    unwrap('update webhook', await client.PATCH('/api/v1/webhooks/{id}', { params: { path: { id } }, body: changed }));
  },
  async remove(client, id) {
    unwrap('delete webhook', await client.DELETE('/api/v1/webhooks/{id}', { params: { path: { id } } }));
  },
};
