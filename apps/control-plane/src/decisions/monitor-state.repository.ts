import { Injectable } from '@nestjs/common';
import type { Tx } from '../database/transaction';
import type { MonitorEntity } from '../monitors/monitor.entity';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const json = (v: unknown) => (v ? JSON.stringify(v) : null);

/** `monitor_state`'s read-model columns: the array type each is sent as, and its value on the monitor. */
const COLUMNS: [string, string, (m: MonitorEntity) => unknown][] = [
  ['status', 'text', (m) => m.status],
  ['pending_status', 'text', (m) => m.pendingStatus ?? null],
  ['pending_rounds', 'int', (m) => m.pendingRounds ?? 0],
  ['pending_since', 'timestamptz', (m) => iso(m.pendingSince)],
  ['status_changed_at', 'timestamptz', (m) => iso(m.statusChangedAt)],
  ['held_status', 'text', (m) => m.heldStatus ?? null],
  ['last_checked', 'timestamptz', (m) => iso(m.lastChecked)],
  ['last_status_code', 'int', (m) => m.lastStatusCode],
  ['last_response_ms', 'float8', (m) => m.lastResponseMs],
  ['last_response_by_region', 'jsonb', (m) => json(m.lastResponseByRegion)],
  ['location_status', 'jsonb', (m) => json(m.locationStatus)],
  ['checks_total', 'int', (m) => m.checksTotal],
  ['checks_failed', 'int', (m) => m.checksFailed],
  ['ssl_expiry', 'timestamptz', (m) => iso(m.sslExpiry)],
  ['ssl_issuer', 'text', (m) => m.sslIssuer],
  ['last_round_at', 'timestamptz', (m) => iso(m.lastRoundAt)],
  ['domain_expiry', 'timestamptz', (m) => iso(m.domainExpiry)],
  ['domain_registrar', 'text', (m) => m.domainRegistrar],
  // Sent as one JSON array per monitor (an array of arrays cannot be unnested per row).
  ['domain_status', 'jsonb', (m) => JSON.stringify(m.domainStatus ?? [])],
];
const NAMES = COLUMNS.map(([c]) => c);
const DOMAIN_STATUS = 'ARRAY(SELECT jsonb_array_elements_text(v.domain_status))';
const VALUES = NAMES.map((c) => (c === 'domain_status' ? DOMAIN_STATUS : `v.${c}`));
const SET = [...NAMES, 'updated_at'].map((c) => `${c} = EXCLUDED.${c}`).join(', ');
const UNNEST = COLUMNS.map(([, t], i) => `$${i + 2}::${t}[]`).join(', ');

/**
 * The decision read model (`monitor_state`, owned by decisions): its only writer. Readers join
 * it onto the monitor (`m.state`, falling back to the empty read model when there is no row).
 * Written in the decision transaction, whose caller holds the monitors' row locks
 * (`SystemMonitorsRepository.lockForResults` / `lockForDecisions`): that lock, not one on the
 * state row, serialises the writes of one monitor's state.
 */
@Injectable()
export class MonitorStateRepository {
  /**
   * Writes the read model of decided monitors (their fields as the decisions left them), one
   * upsert for all: a monitor decided for the first time gets its row. (A confirmation round due
   * at once moves the schedule: `MonitorSchedules.dueBy`, the scheduler context's.)
   */
  async save(tx: Tx, ms: MonitorEntity[]): Promise<void> {
    if (!ms.length) return;
    await tx.query(
      `INSERT INTO monitor_state (monitor_id, ${NAMES.join(', ')}, updated_at)
       SELECT v.id, ${VALUES.join(', ')}, now()
         FROM unnest($1::text[], ${UNNEST}) AS v(id, ${NAMES.join(', ')})
       ON CONFLICT (monitor_id) DO UPDATE SET ${SET}`,
      [ms.map((m) => m.id), ...COLUMNS.map(([, , value]) => ms.map(value))],
    );
  }
}
