import type { Schema } from '@parallax/client';
import { allPages, pick, ResourceKind, unwrap } from './types';

/** The monitor fields a file may set: CreateMonitorDto's own names (not the reference aliases). */
const FIELDS = [
  'name', 'monitor_type', 'url', 'heartbeat_interval', 'heartbeat_grace_period', 'expected_status_code', 'timeout', 'http_method',
  'follow_redirects', 'forward_headers_on_redirect', 'basic_auth_user', 'basic_auth_pass', 'bearer_token', 'request_body', 'request_content_type', 'custom_headers',
  'keyword', 'response_threshold_ms', 'auth_header', 'json_assertions', 'ssl_domain', 'ssl_port', 'ssl_expiry_threshold_days', 'host',
  'port', 'send', 'expect', 'hostname', 'record_type', 'resolver', 'expected', 'check_interval', 'regions', 'quorum', 'alert_email',
  'alert_slack_webhook', 'webhook_url', 'alert_discord_webhook', 'sla_target', 'sla_window_days', 'public', 'paused', 'group', 'tags',
  'maintenance_windows',
] as const;

const SECRETS = ['basic_auth_pass', 'bearer_token', 'auth_header', 'alert_slack_webhook', 'webhook_url', 'alert_discord_webhook'] as const;
/** Types whose `url` is their own target; for the others the API derives it (or it is the ping URL). */
const URL_TYPES = new Set(['http', 'https', 'json_api']);

type Monitor = Schema<'MonitorView'>;
type CreateMonitor = Schema<'CreateMonitorDto'>;

/** What `export` writes for a monitor: its writable fields, secrets left out (masked by the API). */
function toFields(m: Monitor): Record<string, unknown> {
  const f = pick(m as unknown as Record<string, unknown>, FIELDS.filter((k) => !(SECRETS as readonly string[]).includes(k)));
  if (!URL_TYPES.has(m.monitor_type)) delete f.url;
  return f;
}

export const monitors: ResourceKind = {
  key: 'monitors',
  noun: 'monitor',
  identityField: 'slug',
  fields: FIELDS,
  secrets: SECRETS,
  schemaName: 'CreateMonitorDto',
  async list(client) {
    const all = await allPages(async (offset) =>
      unwrap('list monitors', await client.GET('/api/v1/monitors', { params: { query: { limit: 1000, offset } } })),
    );
    return all.map((m) => {
      const view = m as unknown as Record<string, unknown>;
      const masked: Record<string, string> = {};
      for (const k of SECRETS) if (typeof view[k] === 'string') masked[k] = view[k] as string;
      return { id: m.id, identity: m.slug, fields: toFields(m), masked };
    });
  },
  async create(client, fields) {
    unwrap('create monitor', await client.POST('/api/v1/monitors', { body: fields as unknown as CreateMonitor }));
  },
  async update(client, id, changed) {
    unwrap('update monitor', await client.PATCH('/api/v1/monitors/{id}', { params: { path: { id } }, body: changed as unknown as CreateMonitor }));
  },
  async remove(client, id) {
    unwrap('delete monitor', await client.DELETE('/api/v1/monitors/{id}', { params: { path: { id } } }));
  },
};
