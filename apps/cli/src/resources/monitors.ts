import type { ParallaxClient, Schema } from '@parallax/client';
import { allPages, pick, ResourceKind, unwrap } from './types';
import { monitorIndex } from './status-pages';

/**
 * The monitor fields a file may set: CreateMonitorDto's own names (not the reference aliases
 * in REFERENCE_ALIASES, and not `slug`, the identity). A unit test checks that together they
 * are exactly the DTO's properties, so a new monitor field cannot be left out of the file.
 */
export const FIELDS = [
  'name',
  'monitor_type',
  'url',
  'heartbeat_interval',
  'heartbeat_grace_period',
  'expected_status_code',
  'timeout',
  'http_method',
  'follow_redirects',
  'forward_headers_on_redirect',
  'basic_auth_user',
  'basic_auth_pass',
  'bearer_token',
  'request_body',
  'request_content_type',
  'custom_headers',
  'keyword',
  'response_threshold_ms',
  'auth_header',
  'json_assertions',
  'ssl_domain',
  'ssl_port',
  'ssl_expiry_threshold_days',
  'domain',
  'domain_expiry_threshold_days',
  'rdap_server',
  'whois_server',
  'host',
  'port',
  'send',
  'expect',
  'ping_count',
  'ping_interval_ms',
  'max_packet_loss',
  'sip_transport',
  'sip_expected_codes',
  'hostname',
  'record_type',
  'resolver',
  'expected',
  'check_interval',
  'regions',
  'quorum',
  'confirmation_rounds',
  'recovery_rounds',
  'degraded_threshold_ms',
  'retries',
  'regional_incident_rounds',
  'flap_threshold',
  'flap_window_seconds',
  'reminder_interval_seconds',
  'depends_on',
  'alert_email',
  'alert_slack_webhook',
  'webhook_url',
  'alert_discord_webhook',
  'sla_target',
  'sla_window_days',
  'public',
  'paused',
  'group',
  'tags',
  'maintenance_windows',
] as const;

/** StatusCore's and StatusPool's names the API accepts as aliases; a file uses ours. */
export const REFERENCE_ALIASES = [
  'type',
  'target',
  'ssl_check',
  'check_locations',
  'is_active',
  'public_status',
  'interval_seconds',
  'expected_status',
] as const;

const SECRETS = [
  'basic_auth_pass',
  'bearer_token',
  'auth_header',
  'alert_slack_webhook',
  'webhook_url',
  'alert_discord_webhook',
] as const;
/** Types whose `url` is their own target; for the others the API derives it (or it is the ping URL). */
const URL_TYPES = new Set(['http', 'https', 'json_api']);

type Monitor = Schema<'MonitorView'>;
type CreateMonitor = Schema<'CreateMonitorDto'>;

/** What `export` writes for a monitor: its writable fields, secrets left out (masked by the API); `depends_on` as slugs. */
function toFields(m: Monitor, slugOf: Map<string, string>): Record<string, unknown> {
  const f = pick(
    m as unknown as Record<string, unknown>,
    FIELDS.filter((k) => !(SECRETS as readonly string[]).includes(k)),
  );
  if (!URL_TYPES.has(m.monitor_type)) delete f.url;
  if (Array.isArray(f.depends_on)) f.depends_on = (f.depends_on as string[]).map((id) => slugOf.get(id) ?? id);
  return f;
}

/** In the file `depends_on` names monitors by slug (their identity); the API takes ids. A dependency must exist (or come earlier in the file). */
async function withIds(client: ParallaxClient, fields: Record<string, unknown>): Promise<Record<string, unknown>> {
  if (!Array.isArray(fields.depends_on) || !fields.depends_on.length) return fields;
  const { idOf } = await monitorIndex(client);
  const depends_on = (fields.depends_on as string[]).map((slug, i) => {
    const id = idOf.get(slug);
    if (!id)
      throw new Error(
        `monitor depends_on[${i}]: no monitor with slug "${slug}" (list a dependency before the monitors that depend on it)`,
      );
    return id;
  });
  return { ...fields, depends_on };
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
    const slugOf = new Map(all.map((m) => [m.id, m.slug]));
    return all.map((m) => {
      const view = m as unknown as Record<string, unknown>;
      const masked: Record<string, string> = {};
      for (const k of SECRETS) if (typeof view[k] === 'string') masked[k] = view[k] as string;
      return { id: m.id, identity: m.slug, fields: toFields(m, slugOf), masked };
    });
  },
  async create(client, fields) {
    unwrap(
      'create monitor',
      await client.POST('/api/v1/monitors', { body: (await withIds(client, fields)) as unknown as CreateMonitor }),
    );
  },
  async update(client, id, changed) {
    unwrap(
      'update monitor',
      await client.PATCH('/api/v1/monitors/{id}', {
        params: { path: { id } },
        body: (await withIds(client, changed)) as unknown as CreateMonitor,
      }),
    );
  },
  async remove(client, id) {
    unwrap('delete monitor', await client.DELETE('/api/v1/monitors/{id}', { params: { path: { id } } }));
  },
};
