import { Injectable } from '@nestjs/common';
import type { Tx } from '../database/transaction';

/** The raw payload kept of a dead letter (a NATS message is at most a few MiB; the table stays small). */
export const DEAD_LETTER_PAYLOAD_BYTES = 64 * 1024;

export interface DeadLetter {
  subject: string;
  msgId: string | null;
  region: string | null;
  monitorId: string | null;
  round: number | null;
  deliveries: number;
  reason: string;
  payload: Uint8Array;
}

/** `dead_letter_results`: results ingestion gave up on after their bounded redeliveries (written by ingestion only). */
@Injectable()
export class DeadLettersRepository {
  async insert(tx: Tx, d: DeadLetter): Promise<void> {
    const payload = Buffer.from(
      d.payload.buffer,
      d.payload.byteOffset,
      Math.min(d.payload.byteLength, DEAD_LETTER_PAYLOAD_BYTES),
    );
    await tx.query(
      `INSERT INTO dead_letter_results (subject, msg_id, region, monitor_id, round, deliveries, reason, payload, payload_bytes)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        d.subject,
        d.msgId,
        d.region,
        d.monitorId,
        d.round,
        d.deliveries,
        d.reason.slice(0, 2000),
        payload,
        d.payload.byteLength,
      ],
    );
  }

  async count(tx: Tx): Promise<number> {
    const [row] = await tx.query(`SELECT count(*)::int AS n FROM dead_letter_results`);
    return row.n;
  }
}
