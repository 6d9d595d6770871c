import { Injectable } from '@nestjs/common';
import type { Tx } from '../database/transaction';
import type { MonitorEntity } from '../monitors/monitor.entity';
import { HeartbeatsRepository } from './heartbeats.repository';

/**
 * The heartbeats context's answer to a configuration change of the monitors context: a
 * created heartbeat monitor, a resumed one, a new interval reset when the next ping is
 * expected. Called inside the monitors context's transaction; `heartbeat_state` keeps one
 * writing context.
 */
@Injectable()
export class HeartbeatStateService {
  constructor(private readonly heartbeats: HeartbeatsRepository) {}

  /** Stores the expected-by instant of these monitors' `heartbeat` (those that have one). */
  async expectPings(tx: Tx, monitors: MonitorEntity[]): Promise<void> {
    const rows = monitors.flatMap((m) =>
      m.heartbeat?.heartbeatExpectedBy ? [{ monitorId: m.id, expectedBy: m.heartbeat.heartbeatExpectedBy }] : [],
    );
    await this.heartbeats.setExpectedBy(tx, rows);
  }
}
