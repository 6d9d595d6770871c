import {
  AfterLoad,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { AccountEntity } from '../accounts/account.entity';
import type { DnsRecordType, JsonAssertion, SipTransport } from '@parallax/contracts';
import type { HeartbeatStateEntity } from '../heartbeats/heartbeat-state.entity';
import type { RollupFoldEntity } from '../timeseries/rollup-fold.entity';
import type { MonitorScheduleEntity } from '../scheduler/monitor-schedule.entity';
import type { MonitorStateEntity } from '../decisions/monitor-state.entity';

export type MonitorStatus = 'pending' | 'up' | 'degraded' | 'down' | 'warn';
/** The monitor types; each has its fields, rules, document and check spec in monitor-types.ts (TYPE_RULES). */
export const MONITOR_TYPES = [
  'http',
  'json_api',
  'ssl',
  'tcp',
  'dns',
  'heartbeat',
  'https',
  'ping',
  'sip',
  'domain',
] as const;
export type MonitorType = (typeof MONITOR_TYPES)[number];
export interface HeaderPair {
  key: string;
  value: string;
  /** Never sent to another origin after a redirect, even with `forward_headers_on_redirect`. */
  sensitive?: boolean;
}

export interface MaintenanceWindow {
  day: string;
  start_utc: string;
  end_utc: string;
}

@Entity('monitors')
@Index('monitors_account_created_id_idx', ['accountId', 'createdAt', 'id'])
export class MonitorEntity {
  @PrimaryColumn('text') id!: string;
  @Column('text') accountId!: string;
  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'monitors_account_fk' })
  account?: AccountEntity;
  @Column('text') name!: string;
  @Column('text', { default: 'http' }) monitorType!: MonitorType;
  @Column('text') url!: string;
  @Column('text', { default: 'GET' }) httpMethod!: string;
  @Column('int', { default: 200 }) expectedStatusCode!: number;
  @Column('int', { default: 10 }) timeout!: number;
  @Column('boolean', { default: true }) followRedirects!: boolean;
  /** http, https, json_api: custom headers not marked sensitive still follow a redirect to another origin. */
  @Column('boolean', { default: false }) forwardHeadersOnRedirect!: boolean;
  @Column('text', { default: '' }) basicAuthUser!: string;
  @Column('text', { default: '' }) basicAuthPass!: string;
  @Column('text', { default: '' }) bearerToken!: string;
  @Column('text', { default: '' }) requestBody!: string;
  @Column('text', { default: '' }) requestContentType!: string;
  @Column('jsonb', { default: () => "'[]'" }) customHeaders!: HeaderPair[];
  @Column('text', { default: '' }) keyword!: string;
  @Column('text', { nullable: true }) responseThresholdMs!: string | null;
  // json_api
  @Column('text', { default: '' }) authHeader!: string;
  @Column('jsonb', { default: () => "'[]'" }) jsonAssertions!: JsonAssertion[];
  // ssl
  @Column('text', { default: '' }) sslDomain!: string;
  @Column('int', { default: 443 }) sslPort!: number;
  @Column('int', { default: 30 }) sslExpiryThresholdDays!: number;
  // tcp
  @Column('text', { default: '' }) host!: string;
  @Column('int', { nullable: true }) port!: number | null;
  @Column('text', { default: '' }) tcpSend!: string;
  @Column('text', { default: '' }) tcpExpect!: string;
  // ping (host is shared with tcp)
  @Column('int', { default: 3 }) pingCount!: number;
  @Column('int', { default: 1000 }) pingIntervalMs!: number;
  @Column('double precision', { default: 0 }) maxPacketLoss!: number;
  // sip (host and port are shared with tcp; no port = 5060, 5061 for tls)
  @Column('text', { default: 'udp' }) sipTransport!: SipTransport;
  @Column('int', { array: true, default: () => "'{200}'" }) sipExpectedCodes!: number[];
  // domain (the registration; read from one region)
  @Column('text', { default: '' }) domainName!: string;
  @Column('int', { default: 30 }) domainExpiryThresholdDays!: number;
  @Column('text', { default: '' }) rdapServer!: string;
  @Column('text', { default: '' }) whoisServer!: string;
  // domainExpiry, domainRegistrar, domainStatus: what the last check read, in the read model below.
  // dns
  @Column('text', { default: '' }) dnsHostname!: string;
  @Column('text', { default: 'A' }) dnsRecordType!: DnsRecordType;
  @Column('text', { default: '' }) dnsResolver!: string;
  @Column('text', { array: true, default: () => "'{}'" }) dnsExpected!: string[];

  @Column('int') checkInterval!: number;
  @Column('text', { array: true }) regions!: string[];
  @Column('int') quorum!: number;
  /** Second opinion (decisions/confirmation.ts): agreeing confirmation rounds a change into trouble needs; 0: at once. */
  @Column('int', { default: 1 }) confirmationRounds!: number;
  /** Agreeing confirmation rounds a recovery needs; 0: at once. */
  @Column('int', { default: 1 }) recoveryRounds!: number;
  /** Latency-degraded (decisions/latency.ts): an up region slower than this counts as slow; null: off. */
  @Column('int', { nullable: true }) degradedThresholdMs!: number | null;
  /** In-region retries (libs/checks retry.ts): a failing attempt is tried again up to this many times (0–3) before the region reports failing. */
  @Column('int', { default: 0 }) retries!: number;
  /** Regional incidents (decisions/regional-incident.ts): consecutive failing rounds of one region that open one while the monitor is not down; 0: off. */
  @Column('int', { default: 3 }) regionalIncidentRounds!: number;
  /** Flap damping (notifications/alert-damping.ts): more than this many changes within flapWindowSeconds is flapping; 0: off. */
  @Column('int', { default: 5 }) flapThreshold!: number;
  @Column('int', { default: 3600 }) flapWindowSeconds!: number;
  /** A monitor that stays down is notified again every this many seconds; 0: off. */
  @Column('int', { default: 0 }) reminderIntervalSeconds!: number;
  /** Dependencies (decisions/dependencies.ts): monitor ids of the same account; while one is down, this one's incidents are linked to it and its notifications suppressed. */
  @Column('text', { array: true, default: () => "'{}'" }) dependsOn!: string[];
  @Column('text', { default: '' }) alertEmail!: string;
  @Column('text', { default: '' }) alertSlackWebhook!: string;
  @Column('text', { default: '' }) webhookUrl!: string;
  @Column('text', { default: '' }) alertDiscordWebhook!: string;
  /** SLA target in percent (e.g. 99.9) over the last `slaWindowDays`; null: no SLA, no sla.breach events. */
  @Column('double precision', { nullable: true }) slaTarget!: number | null;
  @Column('int', { default: 30 }) slaWindowDays!: number;
  @Column('boolean', { default: true }) public!: boolean;
  @Column('boolean', { default: false }) paused!: boolean;
  @Column('text', { default: '' }) group!: string;
  @Index({ unique: true }) @Column('text') slug!: string;
  @Column('text', { array: true, default: () => "'{}'" }) tags!: string[];
  @Column('jsonb', { default: () => "'[]'" }) maintenanceWindows!: MaintenanceWindow[];

  // Heartbeat monitors (monitor_type "heartbeat"); null for the other types.
  @Column('int', { nullable: true }) heartbeatInterval!: number | null;
  @Column('int', { nullable: true }) heartbeatGracePeriod!: number | null;
  /** SHA-256 of the ping token; the token itself is shown once, when issued. */
  @Column('text', { nullable: true }) pingTokenHash!: string | null;
  /** The token's first characters, to recognise it in a masked ping_url. */
  @Column('text', { nullable: true }) pingTokenHint!: string | null;
  /**
   * The pings' state (`heartbeat_state`, written by the heartbeats context only), when the
   * reading repository joined it; not a column of `monitors`.
   */
  heartbeat?: HeartbeatStateEntity | null;

  /**
   * The decision read model (`monitor_state`, written by the decisions context only), when the
   * reading repository joined it as `m.state`: not columns of `monitors`. `applyState` copies the
   * joined row (or, when the monitor has none yet, `emptyReadModel()`) into the fields below once
   * loaded; a query that did not join it leaves them undefined. Decisions change the fields in
   * memory and `MonitorStateRepository.save` writes them.
   */
  state?: MonitorStateEntity | null;
  status!: MonitorStatus;
  /** A status change waiting for its confirmation rounds (decisions/confirmation.ts); null: none. */
  pendingStatus!: MonitorStatus | null;
  pendingRounds!: number;
  pendingSince!: Date | null;
  statusChangedAt!: Date | null;
  /** The status last notified, while a change made in maintenance waits to be notified after it (null: nothing held). */
  heldStatus!: MonitorStatus | null;
  lastChecked!: Date | null;
  lastStatusCode!: number | null;
  lastResponseMs!: number | null;
  lastResponseByRegion!: Record<string, number | null> | null;
  locationStatus!: Record<string, string> | null;
  checksTotal!: number;
  checksFailed!: number;
  sslExpiry!: Date | null;
  sslIssuer!: string | null;
  /** scheduled_at of the newest round whose decision was applied to the status. */
  lastRoundAt!: Date | null;
  /** The registration the last domain check read (domain monitors). */
  domainExpiry!: Date | null;
  domainRegistrar!: string | null;
  domainStatus!: string[];
  /**
   * The rollup fold watermark (`rollup_folds`, written by the timeseries context only), when
   * the reading repository joined it; read it with `foldedThroughOf` (timeseries/window.ts).
   */
  fold?: RollupFoldEntity | null;

  /**
   * The schedule cursor (`monitor_schedule`, written by the scheduler context only), when the
   * reading repository joined it; not a column of `monitors`.
   */
  schedule?: MonitorScheduleEntity | null;

  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  /**
   * The configuration's last change; once loaded with the read model, the later of that and
   * the last decision (as before the split).
   */
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;

  /** Copies the joined read model (`state`) into the monitor's fields; nothing when the query did not join it. */
  @AfterLoad()
  protected applyState(): void {
    if (this.state === undefined) return;
    const st = this.state;
    Object.assign(this, st ? readModelOf(st) : emptyReadModel());
    if (st && st.updatedAt > this.updatedAt) this.updatedAt = st.updatedAt;
    delete this.state;
  }
}

/** The decision read model's fields (`monitor_state`'s columns but the key, in its column order). */
export const READ_MODEL_FIELDS = [
  'status',
  'pendingStatus',
  'pendingRounds',
  'pendingSince',
  'statusChangedAt',
  'heldStatus',
  'lastChecked',
  'lastStatusCode',
  'lastResponseMs',
  'lastResponseByRegion',
  'locationStatus',
  'checksTotal',
  'checksFailed',
  'sslExpiry',
  'sslIssuer',
  'lastRoundAt',
  'domainExpiry',
  'domainRegistrar',
  'domainStatus',
] as const satisfies readonly (keyof MonitorEntity)[];

/** The decision read model of a monitor, as its fields carry it. */
export type MonitorReadModel = Pick<MonitorEntity, (typeof READ_MODEL_FIELDS)[number]>;

/** The read model of a monitor nothing has decided yet (no `monitor_state` row): pending, nothing counted. */
export function emptyReadModel(): MonitorReadModel {
  return {
    status: 'pending',
    pendingStatus: null,
    pendingRounds: 0,
    pendingSince: null,
    statusChangedAt: null,
    heldStatus: null,
    lastChecked: null,
    lastStatusCode: null,
    lastResponseMs: null,
    lastResponseByRegion: null,
    locationStatus: null,
    checksTotal: 0,
    checksFailed: 0,
    sslExpiry: null,
    sslIssuer: null,
    lastRoundAt: null,
    domainExpiry: null,
    domainRegistrar: null,
    domainStatus: [],
  };
}

function readModelOf(st: MonitorStateEntity): MonitorReadModel {
  const out = emptyReadModel() as unknown as Record<string, unknown>;
  for (const f of READ_MODEL_FIELDS) if (st[f] !== undefined) out[f] = st[f];
  return out as unknown as MonitorReadModel;
}
