import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DNS_RECORD_TYPES, HTTP_METHODS, JSON_ASSERTION_OPERATORS } from '@parallax/contracts';
import { MONITOR_TYPES } from '../monitor.entity';
import { ListMetaView } from '../../common/openapi';

/** Statuses of a monitor's read model (`paused` is a separate flag). */
export const MONITOR_STATUSES = ['pending', 'up', 'degraded', 'down', 'warn'] as const;
/** Per-region status in `location_status`. */
export const REGION_STATUSES = ['up', 'down', 'unknown'] as const;

const MASKED = 'write-only: "********" when set, "" when not';

export class HeaderView {
  @ApiProperty({ example: 'Accept' }) key!: string;
  @ApiProperty({ example: 'application/json' }) value!: string;
  @ApiPropertyOptional({
    description: 'present (true) when the header is never sent to another origin after a redirect',
  })
  sensitive?: boolean;
}

export class MaintenanceWindowView {
  @ApiProperty({ enum: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'daily'] })
  day!: string;
  @ApiProperty({ example: '02:00' }) start_utc!: string;
  @ApiProperty({ example: '04:00' }) end_utc!: string;
}

export class JsonAssertionView {
  @ApiProperty({ example: 'data.status' }) path!: string;
  @ApiProperty({ enum: JSON_ASSERTION_OPERATORS }) operator!: string;
  @ApiProperty({ example: 'ok' }) value!: string;
}

/**
 * The monitor document (StatusRooster's, plus regions, quorum and the per-region read
 * model). The common fields are always present; the type's own fields only for its type.
 */
export class MonitorView {
  @ApiProperty({ example: 'mon_3k9x0q2m7d1v8b4n' }) id!: string;
  @ApiProperty({ enum: MONITOR_TYPES, example: 'http' }) monitor_type!: string;
  @ApiProperty({ example: 'My Website' }) name!: string;
  @ApiProperty({
    example: 'https://example.com/health',
    description: 'the target (http, https, json_api), a derived URL (ssl, tcp, dns) or the ping URL (heartbeat)',
  })
  url!: string;
  @ApiProperty({ enum: MONITOR_STATUSES, example: 'up' }) status!: string;
  @ApiProperty({ example: 60, description: 'seconds between rounds' }) check_interval!: number;
  @ApiProperty({ type: [String], example: ['eu-west', 'us-east', 'ap-south'] }) regions!: string[];
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 2,
    description: 'failing regions that make the monitor down; null for heartbeat',
  })
  quorum!: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 1,
    description: 'agreeing confirmation rounds a change into trouble needs; null for heartbeat',
  })
  confirmation_rounds!: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 1,
    description: 'agreeing confirmation rounds a recovery needs; null for heartbeat',
  })
  recovery_rounds!: number | null;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['up', 'degraded', 'down', 'warn'],
    example: null,
    description:
      'a status change waiting for its confirmation rounds (the status shown is unchanged until they agree); null: none',
  })
  pending_status!: string | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: null,
    description: 'an up region slower than this (ms) counts as slow; null: off (and for heartbeat)',
  })
  degraded_threshold_ms!: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 0,
    description: 'in-region retries of a failing attempt (0–3); null for types without retries (domain, heartbeat)',
  })
  retries!: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 3,
    description: 'consecutive failing rounds of one region that open a regional incident (0: off); null for heartbeat',
  })
  regional_incident_rounds!: number | null;
  @ApiProperty({
    example: 5,
    description: 'more than this many status changes within flap_window_seconds is flapping; 0: off',
  })
  flap_threshold!: number;
  @ApiProperty({ example: 3600 }) flap_window_seconds!: number;
  @ApiProperty({
    example: 0,
    description: 'a monitor that stays down is notified again every this many seconds; 0: off',
  })
  reminder_interval_seconds!: number;
  @ApiProperty({ type: [String], example: [], description: 'monitors this one depends on' }) depends_on!: string[];
  @ApiProperty({
    example: false,
    description: 'the monitor is flapping: its notifications are collapsed until it is stable again',
  })
  flapping!: boolean;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    example: null,
    description: 'since when it flaps; null: it does not',
  })
  flapping_since!: string | null;
  @ApiProperty({ example: 99.95 }) uptime_percent!: number;
  @ApiProperty({ example: 1440 }) checks_total!: number;
  @ApiProperty({ example: 1 }) checks_failed!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) last_checked!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number', nullable: true },
    nullable: true,
    example: { 'eu-west': 120.5, 'us-east': 98.1 },
  })
  last_response_by_region!: Record<string, number | null> | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', enum: [...REGION_STATUSES] },
    nullable: true,
    example: { 'eu-west': 'up', 'us-east': 'up' },
  })
  location_status!: Record<string, string> | null;
  @ApiProperty({ example: '' }) alert_email!: string;
  @ApiProperty({ example: '', description: `the URL embeds its secret; ${MASKED}` }) alert_slack_webhook!: string;
  @ApiProperty({ example: '', description: `the URL may embed a secret; ${MASKED}` }) webhook_url!: string;
  @ApiProperty({ example: '', description: `the URL embeds its secret; ${MASKED}` }) alert_discord_webhook!: string;
  @ApiProperty({ type: Number, nullable: true, example: 99.9 }) sla_target!: number | null;
  @ApiProperty({ example: 30 }) sla_window_days!: number;
  @ApiProperty({ type: [MaintenanceWindowView] }) maintenance_windows!: MaintenanceWindowView[];
  @ApiProperty() public!: boolean;
  @ApiProperty() paused!: boolean;
  @ApiProperty({ example: '' }) group!: string;
  @ApiProperty({ type: [String], example: ['production'] }) tags!: string[];
  @ApiProperty({ example: 'my-website-a3f8c1' }) slug!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) status_changed_at!: string | null;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
  @ApiProperty({ format: 'date-time' }) updated_at!: string;

  // http, https, json_api
  @ApiPropertyOptional({ example: 200, description: 'http, https, json_api' }) expected_status_code?: number;
  @ApiPropertyOptional({ example: 10, description: 'seconds; every probed type' }) timeout?: number;
  @ApiPropertyOptional({ description: 'http, https, json_api' }) follow_redirects?: boolean;
  @ApiPropertyOptional({
    description: 'http, https, json_api: custom headers not marked sensitive follow a redirect to another origin',
  })
  forward_headers_on_redirect?: boolean;
  @ApiPropertyOptional({ example: '', description: 'http, https, json_api' }) keyword?: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: '> 2000', description: 'http, https, json_api' })
  response_threshold_ms?: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 200 }) last_status_code?: number | null;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 120.5,
    description: 'median of the last round (heartbeat: the last run’s duration)',
  })
  last_response_ms?: number | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'http, https, ssl' })
  ssl_expiry?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: "Let's Encrypt", description: 'http, https, ssl' })
  ssl_issuer?: string | null;
  @ApiPropertyOptional({ enum: HTTP_METHODS, description: 'http, https' }) http_method?: string;
  @ApiPropertyOptional({ example: '', description: 'http, https' }) basic_auth_user?: string;
  @ApiPropertyOptional({ example: '', description: `http, https; ${MASKED}` }) basic_auth_pass?: string;
  @ApiPropertyOptional({ example: '', description: `http, https; ${MASKED}` }) bearer_token?: string;
  @ApiPropertyOptional({ example: '', description: 'http, https' }) request_body?: string;
  @ApiPropertyOptional({ example: '', description: 'http, https' }) request_content_type?: string;
  @ApiPropertyOptional({ type: [HeaderView], description: 'http, https' }) custom_headers?: HeaderView[];
  @ApiPropertyOptional({ example: '', description: `json_api; ${MASKED}` }) auth_header?: string;
  @ApiPropertyOptional({ type: [JsonAssertionView], description: 'json_api' }) json_assertions?: JsonAssertionView[];
  // ssl (and https: ssl_expiry_threshold_days)
  @ApiPropertyOptional({ example: 'example.com', description: 'ssl' }) ssl_domain?: string;
  @ApiPropertyOptional({ example: 443, description: 'ssl' }) ssl_port?: number;
  @ApiPropertyOptional({ example: 30, description: 'ssl, https' }) ssl_expiry_threshold_days?: number;
  // tcp (and ping: host)
  @ApiPropertyOptional({ example: 'db.example.com', description: 'tcp, ping, sip' }) host?: string;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 5432, description: 'tcp, sip' }) port?: number | null;
  @ApiPropertyOptional({ example: '', description: 'tcp' }) send?: string;
  @ApiPropertyOptional({ example: '', description: 'tcp' }) expect?: string;
  // ping
  @ApiPropertyOptional({ example: 3, description: 'ping: echo requests per check' }) ping_count?: number;
  @ApiPropertyOptional({ example: 1000, description: 'ping: milliseconds between echo requests' })
  ping_interval_ms?: number;
  @ApiPropertyOptional({ example: 0, description: 'ping: down above this packet loss (percent)' })
  max_packet_loss?: number;
  // sip (host and port as tcp)
  @ApiPropertyOptional({ enum: ['udp', 'tcp', 'tls'], description: 'sip' }) sip_transport?: string;
  @ApiPropertyOptional({ type: [Number], example: [200], description: 'sip' }) sip_expected_codes?: number[];
  // domain
  @ApiPropertyOptional({ example: 'example.com', description: 'domain' }) domain?: string;
  @ApiPropertyOptional({ example: 30, description: 'domain' }) domain_expiry_threshold_days?: number;
  @ApiPropertyOptional({
    example: '',
    description: 'domain: RDAP base URL override (empty: the IANA bootstrap registry)',
  })
  rdap_server?: string;
  @ApiPropertyOptional({ example: '', description: 'domain: WHOIS server override (empty: the IANA referral)' })
  whois_server?: string;
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'domain: the registration expiry, as last read',
  })
  domain_expiry?: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Example Registrar, Inc.',
    description: 'domain: the registrar, as last read',
  })
  domain_registrar?: string | null;
  @ApiPropertyOptional({
    type: [String],
    example: ['client transfer prohibited'],
    description: 'domain: the registry status codes, as last read',
  })
  domain_status?: string[];
  // dns
  @ApiPropertyOptional({ example: 'example.com', description: 'dns' }) hostname?: string;
  @ApiPropertyOptional({ enum: DNS_RECORD_TYPES, description: 'dns' }) record_type?: string;
  @ApiPropertyOptional({ example: '', description: 'dns' }) resolver?: string;
  @ApiPropertyOptional({ type: [String], description: 'dns' }) expected?: string[];
  // heartbeat
  @ApiPropertyOptional({
    example: 'https://parallax.example.com/api/ping/mon_3k9x0q2m7d1v8b4n?token=…',
    description: 'heartbeat; the token in full only when issued',
  })
  ping_url?: string;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 300, description: 'heartbeat' }) heartbeat_interval?:
    number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 60, description: 'heartbeat' })
  heartbeat_grace_period?: number | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'heartbeat' }) last_ping_at?:
    string | null;
}

export class DeletedMonitorView {
  @ApiProperty({ enum: [true] }) deleted!: true;
  @ApiProperty({ example: 'mon_3k9x0q2m7d1v8b4n' }) monitor_id!: string;
}

export class MonitorListMetaView extends ListMetaView {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'pass as `cursor` for the next page (keyset paging, any depth); null on the last page',
  })
  next_cursor?: string | null;
}

export class BulkMetaView {
  @ApiProperty({ example: 1000, description: 'monitors created' }) total!: number;
}
