import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { ResultV1 } from '@parallax/contracts';
import type { Tx } from '../database/transaction';
import { CheckResultEntity } from './check-result.entity';

export type InsertOutcome = 'stored' | 'late' | 'duplicate' | 'orphan';

@Injectable()
export class ResultsRepository {
  constructor(@InjectRepository(CheckResultEntity) private readonly repo: Repository<CheckResultEntity>) {}

  /**
   * Stores one region's result. Its identity (monitor, round, region) is a unique
   * key, so a redelivered message inserts nothing ('duplicate'). A result for a
   * deleted monitor is 'orphan'; one that arrives after its round was decided (at
   * the deadline, or when every region had answered) is 'late'.
   */
  async insert(tx: Tx, r: ResultV1): Promise<InsertOutcome> {
    const rows: { late: boolean }[] = await tx.query(
      `INSERT INTO check_results
         (monitor_id, account_id, round, region, probe_id, is_up, status_code, response_ms, error, phases,
          response_headers, response_body, checked_at, warn, ssl_expiry, ssl_issuer, details, late)
       SELECT m.id, m.account_id, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16,
              COALESCE(rd.decided_at IS NOT NULL, false)
         FROM monitors m
         LEFT JOIN rounds rd ON rd.monitor_id = m.id AND rd.round = $2
        WHERE m.id = $1
       ON CONFLICT (monitor_id, round, region) DO NOTHING
       RETURNING late`,
      [
        r.monitor_id,
        r.round,
        r.region,
        r.probe_id,
        r.is_up,
        r.status_code,
        r.response_ms,
        r.error,
        JSON.stringify(r.phases),
        r.response_headers ? JSON.stringify(r.response_headers) : null,
        r.response_body,
        r.started_at,
        r.warn ?? false,
        r.ssl_expiry ?? null,
        r.ssl_issuer ?? null,
        r.details ? JSON.stringify(r.details) : null,
      ],
    );
    if (rows.length) return rows[0].late ? 'late' : 'stored';
    const exists: unknown[] = await tx.query('SELECT 1 FROM monitors WHERE id = $1', [r.monitor_id]);
    return exists.length ? 'duplicate' : 'orphan';
  }

  /** The on-time results of one round (those the decision counts). */
  onTime(tx: Tx, monitorId: string, round: number): Promise<CheckResultEntity[]> {
    return tx.getRepository(CheckResultEntity).find({ where: { monitorId, round, late: false }, order: { region: 'ASC' } });
  }

  /** Every result of some rounds of one monitor, for the check history. */
  forRounds(accountId: string, monitorId: string, rounds: number[]): Promise<CheckResultEntity[]> {
    if (!rounds.length) return Promise.resolve([]);
    return this.repo.find({ where: { accountId, monitorId, round: In(rounds) }, order: { region: 'ASC' } });
  }
}
