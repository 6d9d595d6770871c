import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CounterState } from './rate-limit-rules';

/** Counters older than this are deleted (no window is longer). */
export const MAX_WINDOW_MS = 86_400_000;
const PURGE_EVERY = 1000;

interface Row {
  window_start_ms: string;
  hits: number;
  last_hit_ms: string;
}
const toState = (r: Row): CounterState => ({
  windowStartMs: Number(r.window_start_ms),
  hits: r.hits,
  lastHitMs: Number(r.last_hit_ms),
});

/**
 * The only place that touches `rate_limit_counters`: one atomic upsert per hit, so that
 * the budgets hold across replicas (a caller cannot get a fresh budget by reaching another
 * replica). A window starts at the first hit of a key and ends `windowMs` later.
 */
@Injectable()
export class RateLimitRepository {
  private writes = 0;

  constructor(private readonly db: DataSource) {}

  /** Counts `cost` hits of `key` at `nowMs`; the counter after the hit. */
  async hit(key: string, windowMs: number, nowMs: number, cost = 1): Promise<CounterState> {
    const rows: Row[] = await this.db.query(
      `INSERT INTO rate_limit_counters AS c (key, window_start_ms, hits, last_hit_ms) VALUES ($1, $2, $3, $2)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN c.window_start_ms + $4 <= $2 THEN $3 ELSE c.hits + $3 END,
         window_start_ms = CASE WHEN c.window_start_ms + $4 <= $2 THEN $2 ELSE c.window_start_ms END,
         last_hit_ms = GREATEST(c.last_hit_ms, $2)
       RETURNING window_start_ms, hits, last_hit_ms`,
      [key, nowMs, cost, windowMs],
    );
    if (++this.writes % PURGE_EVERY === 0) await this.purge(nowMs);
    return toState(rows[0]);
  }

  /** The counter of `key`, without counting a hit. */
  async peek(key: string): Promise<CounterState | null> {
    const rows: Row[] = await this.db.query(
      `SELECT window_start_ms, hits, last_hit_ms FROM rate_limit_counters WHERE key = $1`,
      [key],
    );
    return rows.length ? toState(rows[0]) : null;
  }

  async reset(key: string): Promise<void> {
    await this.db.query(`DELETE FROM rate_limit_counters WHERE key = $1`, [key]);
  }

  /** Deletes counters whose every window has ended. */
  async purge(nowMs: number): Promise<number> {
    const [, count] = await this.db.query(`DELETE FROM rate_limit_counters WHERE window_start_ms < $1`, [
      nowMs - MAX_WINDOW_MS,
    ]);
    return Number(count) || 0;
  }
}
