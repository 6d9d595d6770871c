import { Injectable } from '@nestjs/common';
import type { Tx } from '../database/transaction';
import type { RoundEntity } from './round.entity';
import { RoundKey, RoundsRepository } from './rounds.repository';

type NewRound = Parameters<RoundsRepository['insertRounds']>[1][number];
type Completion = Parameters<RoundsRepository['completeMany']>[1][number];

/**
 * The round rows (the scheduler context's table: dispatch outbox and check record) as other
 * contexts write them, inside their transactions: the heartbeat sweep records the rounds it
 * judges itself, decisions complete rounds and mark those run in maintenance. `rounds` keeps
 * one writing context.
 */
@Injectable()
export class RoundRecords {
  constructor(private readonly rounds: RoundsRepository) {}

  /** Rounds the control plane judges itself (no job): inserted and marked dispatched at `now`; returns the inserted ids. */
  async insertJudged(tx: Tx, rounds: NewRound[], now: Date): Promise<Set<string>> {
    const inserted = await this.rounds.insertRounds(tx, rounds);
    const claimed = rounds.filter((r) => inserted.has(r.id)) as (RoundKey & Pick<RoundEntity, 'deadlineAt'>)[];
    await this.rounds.markDispatchedTx(
      tx,
      claimed.map((r) => ({ id: r.id, scheduledAt: r.scheduledAt, deadlineAt: r.deadlineAt })),
      now,
    );
    return inserted;
  }

  /** Decided rounds completed with one statement. */
  complete(tx: Tx, rows: Completion[], now: Date): Promise<void> {
    return this.rounds.completeMany(tx, rows, now);
  }

  /** Decided rounds run in maintenance: left out of uptime and SLA. */
  markMaintenance(tx: Tx, rows: Pick<RoundEntity, 'id' | 'scheduledAt'>[]): Promise<void> {
    return this.rounds.markMaintenance(tx, rows);
  }
}
