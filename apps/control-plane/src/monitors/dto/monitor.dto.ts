import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { DNS_RECORD_TYPES, HTTP_METHODS, JSON_ASSERTION_OPERATORS, SIP_TRANSPORTS } from '@parallax/contracts';
import { MONITOR_TYPES, type MonitorType } from '../monitor.entity';

export class HeaderDto {
  @ApiProperty({ example: 'Accept' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  @Matches(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, { message: 'key must be a valid HTTP header name' })
  key!: string;

  @ApiProperty({ example: 'text/html' })
  @IsString()
  @MaxLength(8192)
  @Matches(/^[^\r\n]*$/, { message: 'value must not contain line breaks' })
  value!: string;

  @ApiPropertyOptional({
    default: false,
    description: 'never sent to another origin after a redirect, even with forward_headers_on_redirect',
  })
  @IsOptional()
  @IsBoolean()
  sensitive?: boolean;
}

export class MaintenanceWindowDto {
  @ApiProperty({ enum: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'daily'] })
  @IsIn(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'daily'], {
    message: 'day must be one of monday…sunday or daily',
  })
  day!: string;

  @ApiProperty({ example: '02:00' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'start_utc must be HH:MM (UTC)' })
  start_utc!: string;

  @ApiProperty({ example: '04:00' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'end_utc must be HH:MM (UTC)' })
  end_utc!: string;
}

export class JsonAssertionDto {
  @ApiProperty({ example: 'data.users[0].name', description: 'dot path with array indices' })
  @IsString()
  @MinLength(1, { message: 'path must not be empty' })
  @MaxLength(512)
  path!: string;

  @ApiProperty({ enum: JSON_ASSERTION_OPERATORS })
  @IsIn(JSON_ASSERTION_OPERATORS, { message: `operator must be one of: ${JSON_ASSERTION_OPERATORS.join(', ')}` })
  operator!: (typeof JSON_ASSERTION_OPERATORS)[number];

  @ApiPropertyOptional({
    example: 'ok',
    description: 'expected value as a string; ignored (pass "") for exists/not_exists',
  })
  @IsOptional()
  @IsString({ message: 'value must be a string' })
  @MaxLength(1024)
  value?: string;
}

/**
 * Every monitor type's fields (StatusRooster reference: http, json_api, ssl; plus tcp and
 * dns) and Parallax's regions, quorum and tags. Which fields a type takes, which it
 * requires and its rules beyond field types live in monitor-types.ts.
 */
export class CreateMonitorDto {
  @ApiProperty({ example: 'My Website' })
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ enum: MONITOR_TYPES, default: 'http' })
  @IsOptional()
  @IsIn(MONITOR_TYPES, { message: `monitor_type must be one of: ${MONITOR_TYPES.join(', ')}` })
  monitor_type?: MonitorType;

  @ApiPropertyOptional({
    example: 'https://example.com/health',
    description: 'http and json_api (required there); ignored for heartbeat (its url is the generated ping URL)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  url?: string;

  @ApiPropertyOptional({ description: 'heartbeat only: seconds between pings, 60–86400', default: 300 })
  @IsOptional()
  @IsInt({ message: 'heartbeat_interval must be an integer' })
  heartbeat_interval?: number;

  @ApiPropertyOptional({ description: 'heartbeat only: extra seconds before down, 0–3600', default: 60 })
  @IsOptional()
  @IsInt({ message: 'heartbeat_grace_period must be an integer' })
  heartbeat_grace_period?: number;

  @ApiPropertyOptional({ default: 200 })
  @IsOptional()
  @IsInt({ message: 'expected_status_code must be an integer' })
  @Min(100, { message: 'expected_status_code must be between 100 and 599' })
  @Max(599, { message: 'expected_status_code must be between 100 and 599' })
  expected_status_code?: number;

  @ApiPropertyOptional({ default: 10, minimum: 1, maximum: 60 })
  @IsOptional()
  @IsInt({ message: 'timeout must be an integer' })
  @Min(1, { message: 'timeout must be between 1 and 60 seconds' })
  @Max(60, { message: 'timeout must be between 1 and 60 seconds' })
  timeout?: number;

  @ApiPropertyOptional({ enum: HTTP_METHODS, default: 'GET' })
  @IsOptional()
  @IsIn(HTTP_METHODS, { message: `http_method must be one of: ${HTTP_METHODS.join(', ')}` })
  http_method?: (typeof HTTP_METHODS)[number];

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  follow_redirects?: boolean;

  @ApiPropertyOptional({
    default: false,
    description:
      'http, https, json_api: after a redirect to another origin, still send the custom headers not marked sensitive (never Authorization, Cookie, Proxy-Authorization)',
  })
  @IsOptional()
  @IsBoolean()
  forward_headers_on_redirect?: boolean;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(512) basic_auth_user?: string;
  @ApiPropertyOptional({ description: 'write-only; answered as "********"' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  basic_auth_pass?: string;
  @ApiPropertyOptional({ description: 'write-only; answered as "********"' })
  @IsOptional()
  @IsString()
  @MaxLength(4096)
  bearer_token?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(65536) request_body?: string;

  @ApiPropertyOptional({ enum: ['', 'application/json', 'text/plain', 'application/x-www-form-urlencoded'] })
  @IsOptional()
  @IsIn(['', 'application/json', 'text/plain', 'application/x-www-form-urlencoded'], {
    message: 'request_content_type must be one of: application/json, text/plain, application/x-www-form-urlencoded',
  })
  request_content_type?: string;

  @ApiPropertyOptional({ type: [HeaderDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true, message: 'each item must be an object' })
  @ValidateNested({ each: true })
  @Type(() => HeaderDto)
  custom_headers?: HeaderDto[];

  @ApiPropertyOptional({ example: 'OK AND !error' }) @IsOptional() @IsString() @MaxLength(1024) keyword?: string;

  @ApiPropertyOptional({ example: '> 2000', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  response_threshold_ms?: string | null;

  @ApiPropertyOptional({
    example: 'Bearer tok_live_xxxx',
    description: 'json_api: the whole Authorization header; write-only, answered as "********"',
  })
  @IsOptional()
  @IsString()
  @MaxLength(4096)
  @Matches(/^[^\r\n]*$/, { message: 'auth_header must not contain line breaks' })
  auth_header?: string;

  @ApiPropertyOptional({ type: [JsonAssertionDto], description: 'json_api: all must hold; [] clears' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true, message: 'each item must be an object' })
  @ValidateNested({ each: true })
  @Type(() => JsonAssertionDto)
  json_assertions?: JsonAssertionDto[];

  @ApiPropertyOptional({ example: 'example.com', description: 'ssl (required): bare host name, no https://, no path' })
  @IsOptional()
  @IsString()
  @MaxLength(253)
  ssl_domain?: string;

  @ApiPropertyOptional({ default: 443, description: 'ssl: port of the TLS server' })
  @IsOptional()
  @IsInt({ message: 'ssl_port must be an integer' })
  @Min(1, { message: 'ssl_port must be between 1 and 65535' })
  @Max(65535, { message: 'ssl_port must be between 1 and 65535' })
  ssl_port?: number;

  @ApiPropertyOptional({
    default: 30,
    minimum: 1,
    maximum: 90,
    description: 'ssl: warn when the certificate expires within this many days',
  })
  @IsOptional()
  @IsInt({ message: 'ssl_expiry_threshold_days must be an integer' })
  @Min(1, { message: 'ssl_expiry_threshold_days must be between 1 and 90 days' })
  @Max(90, { message: 'ssl_expiry_threshold_days must be between 1 and 90 days' })
  ssl_expiry_threshold_days?: number;

  @ApiPropertyOptional({
    example: 'example.com',
    description: 'domain (required): the registered domain name whose expiry is checked',
  })
  @IsOptional()
  @IsString()
  @MaxLength(253)
  domain?: string;

  @ApiPropertyOptional({
    default: 30,
    minimum: 1,
    maximum: 365,
    description: 'domain: warn when the registration expires within this many days',
  })
  @IsOptional()
  @IsInt({ message: 'domain_expiry_threshold_days must be an integer' })
  @Min(1, { message: 'domain_expiry_threshold_days must be between 1 and 365 days' })
  @Max(365, { message: 'domain_expiry_threshold_days must be between 1 and 365 days' })
  domain_expiry_threshold_days?: number;

  @ApiPropertyOptional({
    example: '',
    description:
      "domain: an RDAP base URL to ask instead of the registry's from the IANA bootstrap file (empty: the registry's)",
  })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  rdap_server?: string;

  @ApiPropertyOptional({
    example: '',
    description:
      'domain: a WHOIS server (host[:port], default port 43) for the fallback instead of the one IANA refers to',
  })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  whois_server?: string;

  @ApiPropertyOptional({
    example: 'db.example.com',
    description: 'tcp, ping and sip (required): host name or IP address',
  })
  @IsOptional()
  @IsString()
  @MaxLength(253)
  host?: string;

  @ApiPropertyOptional({ example: 5432, description: 'tcp (required); sip (default 5060, 5061 for tls)' })
  @IsOptional()
  @IsInt({ message: 'port must be an integer' })
  @Min(1, { message: 'port must be between 1 and 65535' })
  @Max(65535, { message: 'port must be between 1 and 65535' })
  port?: number;

  @ApiPropertyOptional({ example: 'PING\r\n', description: 'tcp: sent once connected; "" clears' })
  @IsOptional()
  @IsString()
  @MaxLength(4096)
  send?: string;

  @ApiPropertyOptional({ example: '+PONG', description: 'tcp: must appear in the reply; "" clears' })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  expect?: string;

  @ApiPropertyOptional({ default: 3, minimum: 1, maximum: 20, description: 'ping: ICMP echo requests per check' })
  @IsOptional()
  @IsInt({ message: 'ping_count must be an integer' })
  @Min(1, { message: 'ping_count must be between 1 and 20' })
  @Max(20, { message: 'ping_count must be between 1 and 20' })
  ping_count?: number;

  @ApiPropertyOptional({
    default: 1000,
    minimum: 200,
    maximum: 10000,
    description: 'ping: milliseconds between echo requests',
  })
  @IsOptional()
  @IsInt({ message: 'ping_interval_ms must be an integer' })
  @Min(200, { message: 'ping_interval_ms must be between 200 and 10000' })
  @Max(10000, { message: 'ping_interval_ms must be between 200 and 10000' })
  ping_interval_ms?: number;

  @ApiPropertyOptional({
    default: 0,
    minimum: 0,
    maximum: 100,
    description:
      'ping: down when more than this percentage of echoes is lost (0: every echo must come back); always down when none comes back',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'max_packet_loss must be a number (percent)' })
  @Min(0, { message: 'max_packet_loss must be between 0 and 100' })
  @Max(100, { message: 'max_packet_loss must be between 0 and 100' })
  max_packet_loss?: number;

  @ApiPropertyOptional({
    enum: SIP_TRANSPORTS,
    default: 'udp',
    description: 'sip: OPTIONS over UDP, TCP or TLS (port defaults to 5060, 5061 for tls)',
  })
  @IsOptional()
  @IsIn(SIP_TRANSPORTS, { message: `sip_transport must be one of: ${SIP_TRANSPORTS.join(', ')}` })
  sip_transport?: (typeof SIP_TRANSPORTS)[number];

  @ApiPropertyOptional({ type: [Number], example: [200], description: 'sip: final response codes that count as up' })
  @IsOptional()
  @IsArray({ message: 'sip_expected_codes must be an array of SIP response codes' })
  @ArrayMinSize(1, { message: 'sip_expected_codes must list at least one code' })
  @ArrayMaxSize(20)
  @IsInt({ each: true, message: 'sip_expected_codes must be integers between 200 and 699' })
  @Min(200, { each: true, message: 'sip_expected_codes must be integers between 200 and 699' })
  @Max(699, { each: true, message: 'sip_expected_codes must be integers between 200 and 699' })
  sip_expected_codes?: number[];

  @ApiPropertyOptional({ example: 'example.com', description: 'dns (required): the name to query' })
  @IsOptional()
  @IsString()
  @MaxLength(253)
  hostname?: string;

  @ApiPropertyOptional({ enum: DNS_RECORD_TYPES, default: 'A' })
  @IsOptional()
  @IsIn(DNS_RECORD_TYPES, { message: `record_type must be one of: ${DNS_RECORD_TYPES.join(', ')}` })
  record_type?: (typeof DNS_RECORD_TYPES)[number];

  @ApiPropertyOptional({
    example: '1.1.1.1',
    description: 'dns: resolver IP (optionally :port); "" = the probe\'s own resolver',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  resolver?: string;

  @ApiPropertyOptional({
    example: ['93.184.216.34'],
    description: 'dns: values that must all be in the answer; [] clears',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true, message: 'expected must be an array of strings' })
  @MaxLength(1024, { each: true })
  expected?: string[];

  @ApiPropertyOptional({ example: 60, description: 'seconds; plan range' })
  @IsOptional()
  @IsInt({ message: 'check_interval must be an integer' })
  @Min(1, { message: 'check_interval must be at least 1 second' })
  @Max(86400, { message: 'check_interval must be at most 86400 seconds' })
  check_interval?: number;

  @ApiPropertyOptional({ example: ['eu-west', 'us-east', 'ap-south'], description: 'default: every configured region' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(32)
  @IsString({ each: true })
  regions?: string[];

  @ApiPropertyOptional({
    description: 'failing regions that make the monitor down; default: a strict majority of regions',
  })
  @IsOptional()
  @IsInt({ message: 'quorum must be an integer' })
  @Min(1, { message: 'quorum must be at least 1' })
  quorum?: number;

  @ApiPropertyOptional({
    default: 1,
    minimum: 0,
    maximum: 5,
    description:
      'second opinion: when a round would move the monitor into trouble (degraded, warn, down), a confirmation round is sent to all its regions at once; the change takes effect when this many confirmation rounds agree (0: at once). Probe monitors only',
  })
  @IsOptional()
  @IsInt({ message: 'confirmation_rounds must be an integer' })
  @Min(0, { message: 'confirmation_rounds must be between 0 and 5' })
  @Max(5, { message: 'confirmation_rounds must be between 0 and 5' })
  confirmation_rounds?: number;

  @ApiPropertyOptional({
    default: 1,
    minimum: 0,
    maximum: 5,
    description: 'like confirmation_rounds, for a recovery (leaving down, or reaching up)',
  })
  @IsOptional()
  @IsInt({ message: 'recovery_rounds must be an integer' })
  @Min(0, { message: 'recovery_rounds must be between 0 and 5' })
  @Max(5, { message: 'recovery_rounds must be between 0 and 5' })
  recovery_rounds?: number;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 1,
    maximum: 120000,
    description:
      'latency-degraded: an up region slower than this (ms) counts as slow; a quorum of slow regions makes the monitor degraded (never down), notified as monitor.slow; null: off. Probe monitors only',
  })
  @IsOptional()
  @IsInt({ message: 'degraded_threshold_ms must be an integer (milliseconds)' })
  @Min(1, { message: 'degraded_threshold_ms must be between 1 and 120000' })
  @Max(120000, { message: 'degraded_threshold_ms must be between 1 and 120000' })
  degraded_threshold_ms?: number | null;

  @ApiPropertyOptional({
    default: 0,
    minimum: 0,
    maximum: 3,
    description:
      'in-region retries: a failing attempt is tried again up to this many times within the job (backoff 250 ms × attempt, every attempt within the round deadline) before the region reports failing; each attempt is kept in the check history. http, https, json_api, ssl, tcp, dns, ping and sip monitors',
  })
  @IsOptional()
  @IsInt({ message: 'retries must be an integer' })
  @Min(0, { message: 'retries must be between 0 and 3' })
  @Max(3, { message: 'retries must be between 0 and 3' })
  retries?: number;

  @ApiPropertyOptional({
    default: 3,
    minimum: 0,
    maximum: 20,
    description:
      'regional incidents: a region failing this many consecutive rounds while the monitor is up or degraded opens a regional incident (type regional, notified as monitor.degraded, never monitor.down), resolved when the region recovers; 0: off. Probe monitors only',
  })
  @IsOptional()
  @IsInt({ message: 'regional_incident_rounds must be an integer' })
  @Min(0, { message: 'regional_incident_rounds must be between 0 and 20' })
  @Max(20, { message: 'regional_incident_rounds must be between 0 and 20' })
  regional_incident_rounds?: number;

  @ApiPropertyOptional({
    default: 5,
    minimum: 0,
    maximum: 100,
    description:
      'flap damping: more than this many status changes within flap_window_seconds marks the monitor flapping; its notifications collapse into one monitor.flapping and one monitor.stable message. 0: off',
  })
  @IsOptional()
  @IsInt({ message: 'flap_threshold must be an integer' })
  @Min(0, { message: 'flap_threshold must be between 0 and 100' })
  @Max(100, { message: 'flap_threshold must be between 0 and 100' })
  flap_threshold?: number;

  @ApiPropertyOptional({
    default: 3600,
    minimum: 60,
    maximum: 86400,
    description:
      'the window (seconds) flap_threshold counts status changes in; a flapping monitor is stable again after a quarter of it without a change',
  })
  @IsOptional()
  @IsInt({ message: 'flap_window_seconds must be an integer' })
  @Min(60, { message: 'flap_window_seconds must be between 60 and 86400' })
  @Max(86400, { message: 'flap_window_seconds must be between 60 and 86400' })
  flap_window_seconds?: number;

  @ApiPropertyOptional({
    default: 0,
    minimum: 0,
    maximum: 604800,
    description:
      'reminders: a monitor that stays down is notified monitor.down again (payload reminder.count) every this many seconds; 0: off, else at least 60',
  })
  @IsOptional()
  @IsInt({ message: 'reminder_interval_seconds must be an integer' })
  @Min(0, { message: 'reminder_interval_seconds must be 0 (off) or between 60 and 604800' })
  @Max(604800, { message: 'reminder_interval_seconds must be 0 (off) or between 60 and 604800' })
  reminder_interval_seconds?: number;

  @ApiPropertyOptional({
    type: [String],
    maxItems: 20,
    example: [],
    description:
      "dependencies: ids of monitors of this account this one depends on (no cycles); while one of them is down, this monitor's incidents are linked to its incident (caused_by_incident_id) and its notifications suppressed (recorded as suppressed)",
  })
  @IsOptional()
  @IsArray({ message: 'depends_on must be an array of monitor ids' })
  @ArrayMaxSize(20, { message: 'depends_on lists at most 20 monitors' })
  @IsString({ each: true, message: 'depends_on must be an array of monitor ids' })
  @MaxLength(64, { each: true, message: 'depends_on entries are monitor ids' })
  depends_on?: string[];

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(320) alert_email?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2048) alert_slack_webhook?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2048) webhook_url?: string;
  @ApiPropertyOptional({ description: 'Discord webhook URL: alerts as embeds coloured by status' })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  alert_discord_webhook?: string;

  @ApiPropertyOptional({
    example: 99.9,
    nullable: true,
    description:
      'SLA target in percent over sla_window_days; an sla.breach event fires when uptime falls below it; null: none',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'sla_target must be a number (percent)' })
  @Min(0, { message: 'sla_target must be between 0 and 100' })
  @Max(100, { message: 'sla_target must be between 0 and 100' })
  sla_target?: number | null;

  @ApiPropertyOptional({
    default: 30,
    minimum: 1,
    maximum: 90,
    description: 'days of rounds the SLA uptime is computed over',
  })
  @IsOptional()
  @IsInt({ message: 'sla_window_days must be an integer' })
  @Min(1, { message: 'sla_window_days must be between 1 and 90' })
  @Max(90, { message: 'sla_window_days must be between 1 and 90' })
  sla_window_days?: number;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() public?: boolean;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() paused?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) group?: string;

  @ApiPropertyOptional({ example: 'my-api' }) @IsOptional() @IsString() @MaxLength(100) slug?: string;

  @ApiPropertyOptional({ example: ['production'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  tags?: string[];

  @ApiPropertyOptional({ type: [MaintenanceWindowDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true, message: 'each item must be an object' })
  @ValidateNested({ each: true })
  @Type(() => MaintenanceWindowDto)
  maintenance_windows?: MaintenanceWindowDto[];

  // StatusCore's and StatusPool's names, mapped to ours (monitor-aliases.ts); responses use ours.
  @ApiPropertyOptional({ enum: MONITOR_TYPES, description: 'alias of monitor_type (StatusCore)' })
  @IsOptional()
  @IsIn(MONITOR_TYPES, { message: `type must be one of: ${MONITOR_TYPES.join(', ')}` })
  type?: MonitorType;

  @ApiPropertyOptional({
    example: 'https://api.example.com/health',
    description:
      "alias (StatusCore) of the type's target: url (http, https, json_api), host (tcp, ping, sip), hostname (dns), ssl_domain (ssl), domain (domain)",
  })
  @IsOptional()
  @IsString({ message: 'target must be a string' })
  @MaxLength(2048)
  target?: string;

  @ApiPropertyOptional({
    description: 'StatusCore: true makes an http monitor https (certificate checked, expiry warning), false plain http',
  })
  @IsOptional()
  @IsBoolean({ message: 'ssl_check must be a boolean' })
  ssl_check?: boolean;

  @ApiPropertyOptional({
    example: ['all'],
    description: 'alias of regions (StatusCore); ["all"] = every configured region',
  })
  @IsOptional()
  @IsArray({ message: 'check_locations must be an array of region ids or ["all"]' })
  @ArrayMaxSize(32)
  @IsString({ each: true, message: 'check_locations must be an array of region ids or ["all"]' })
  @MaxLength(64, { each: true })
  check_locations?: string[];

  @ApiPropertyOptional({ description: 'alias (StatusCore): is_active false = paused true' })
  @IsOptional()
  @IsBoolean({ message: 'is_active must be a boolean' })
  is_active?: boolean;

  @ApiPropertyOptional({ description: 'alias of public (StatusCore)' })
  @IsOptional()
  @IsBoolean({ message: 'public_status must be a boolean' })
  public_status?: boolean;

  @ApiPropertyOptional({ example: 60, description: 'alias of check_interval (StatusPool)' })
  @IsOptional()
  @IsInt({ message: 'interval_seconds must be an integer' })
  @Min(1, { message: 'interval_seconds must be at least 1 second' })
  @Max(86400, { message: 'interval_seconds must be at most 86400 seconds' })
  interval_seconds?: number;

  @ApiPropertyOptional({ example: 200, description: 'alias of expected_status_code (StatusPool)' })
  @IsOptional()
  @IsInt({ message: 'expected_status must be an integer' })
  @Min(100, { message: 'expected_status must be between 100 and 599' })
  @Max(599, { message: 'expected_status must be between 100 and 599' })
  expected_status?: number;
}

/** `POST /monitors/bulk`: up to 1,000 monitors, created all together or not at all. */
export class BulkCreateMonitorsDto {
  @ApiProperty({
    type: [CreateMonitorDto],
    minItems: 1,
    maxItems: 1000,
    description: 'each item as the body of POST /monitors',
  })
  @IsArray({ message: 'monitors must be an array' })
  @ArrayMinSize(1, { message: 'monitors must hold at least 1 monitor' })
  @ArrayMaxSize(1000, { message: 'monitors must hold at most 1000 monitors per call' })
  @IsObject({ each: true, message: 'each item must be an object' })
  @ValidateNested({ each: true })
  @Type(() => CreateMonitorDto)
  monitors!: CreateMonitorDto[];
}

/** PUT and PATCH both update partially: omitted fields are preserved. */
export class UpdateMonitorDto extends PartialType(CreateMonitorDto) {}

export class ToggleMonitorDto {
  @ApiPropertyOptional({ description: 'true to enable (resume), false to disable (pause); omitted: flip' })
  @IsOptional()
  @IsBoolean()
  is_active?: boolean;
}

export class PublicMonitorDto {
  @ApiProperty() @IsBoolean() public_status!: boolean;
}
