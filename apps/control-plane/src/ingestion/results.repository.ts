import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Between, In, Repository } from 'typeorm';
import type { ResultV1 } from '@parallax/contracts';
import type { RegionResult } from '../decisions/round-summary';
import type { Tx } from '../database/transaction';
import { rangeClause } from '../database/ranges';
import { CheckResultEntity } from './check-result.entity';
import type { AccountId } from '../common/account-id';

export type InsertOutcome = 'stored' | 'late' | 'duplicate' | 'orphan';

/** A result ready to be stored: its round (locked by the caller) gives the account, time and lateness. */
export interface ResultRow {
  result: ResultV1;
  accountId: string;
  scheduledAt: Date;
  late: boolean;
}

/** A raw row of a window's edges. */
export interface RawResult {
  region: string;
  scheduledAt: Date;
  isUp: boolean;
  responseMs: number | null;
}

const key = (monitorId: string, round: number, region: string) => `${monitorId}|${round}|${region}`;

/** PostgreSQL text and jsonb cannot hold U+0000: a probe's error or body text may; it is dropped, not the result. */
const withoutNulText = <T extends string | null>(v: T): T =>
  v !== null && v.includes('\u0000') ? (v.replace(/\u0000/g, '') as T) : v;
const withoutNul = (_k: string, v: unknown) => (typeof v === 'string' ? withoutNulText(v) : v);

/** The columns of a stored result a decision reads (bigint round as text, times as Dates). */
type OnTimeRow = Pick<
  ResultV1,
  | 'monitor_id'
  | 'region'
  | 'is_up'
  | 'status_code'
  | 'response_ms'
  | 'error'
  | 'phases'
  | 'response_headers'
  | 'response_body'
> & {
  round: string;
  warn: boolean;
  ssl_expiry: Date | null;
  ssl_issuer: string | null;
  details: Record<string, unknown> | null;
};

@Injectable()
export class ResultsRepository {
  constructor(@InjectRepository(CheckResultEntity) private readonly repo: Repository<CheckResultEntity>) {}

  /**
   * Stores results with one multi-row insert. Their identity (monitor, round, region,
   * with the round's scheduled time as partition key) is the primary key, so a
   * redelivered result inserts nothing. Returns the identities that were inserted
   * (the others were duplicates). Rows must have distinct identities.
   */
  async insertMany(tx: Tx, rows: ResultRow[]): Promise<Set<string>> {
    if (!rows.length) return new Set();
    // One JSON document for the batch (serialised natively; PostgreSQL splits it into rows).
    const doc = rows.map((r) => ({
      monitor_id: r.result.monitor_id,
      account_id: r.accountId,
      round: r.result.round,
      region: r.result.region,
      scheduled_at: r.scheduledAt.toISOString(),
      probe_id: r.result.probe_id,
      is_up: r.result.is_up,
      status_code: r.result.status_code,
      response_ms: r.result.response_ms,
      error: r.result.error,
      phases: r.result.phases,
      response_headers: r.result.response_headers,
      response_body: r.result.response_body,
      checked_at: r.result.started_at,
      warn: r.result.warn ?? false,
      ssl_expiry: r.result.ssl_expiry ?? null,
      ssl_issuer: r.result.ssl_issuer ?? null,
      details: r.result.details ?? null,
      attempts: r.result.attempts ?? null,
      late: r.late,
    }));
    const inserted: { monitor_id: string; round: string; region: string }[] = await tx.query(
      `INSERT INTO check_results
         (monitor_id, account_id, round, region, scheduled_at, probe_id, is_up, status_code, response_ms, error, phases,
          response_headers, response_body, checked_at, warn, ssl_expiry, ssl_issuer, details, attempts, late)
       SELECT monitor_id, account_id, round, region, scheduled_at, probe_id, is_up, status_code, response_ms, error, phases,
              response_headers, response_body, checked_at, warn, ssl_expiry, ssl_issuer, details, attempts, late
         FROM jsonb_to_recordset($1::jsonb) AS x(monitor_id text, account_id text, round bigint, region text, scheduled_at timestamptz,
              probe_id text, is_up boolean, status_code int, response_ms float8, error text, phases jsonb, response_headers jsonb,
              response_body text, checked_at timestamptz, warn boolean, ssl_expiry timestamptz, ssl_issuer text, details jsonb, attempts jsonb, late boolean)
       ON CONFLICT (monitor_id, scheduled_at, round, region) DO NOTHING
       RETURNING monitor_id, round, region`,
      [JSON.stringify(doc, withoutNul)],
    );
    return new Set(inserted.map((r) => key(r.monitor_id, Number(r.round), r.region)));
  }

  static identity(r: { monitor_id: string; round: number; region: string }): string {
    return key(r.monitor_id, r.round, r.region);
  }

  /** The on-time results of some rounds (those their decisions count), by `monitor|round`, regions in order. */
  async onTimeMany(
    tx: Tx,
    rounds: { monitorId: string; round: number; scheduledAt: Date }[],
  ): Promise<Map<string, RegionResult[]>> {
    const out = new Map<string, RegionResult[]>();
    if (!rounds.length) return out;
    for (const r of rounds) out.set(`${r.monitorId}|${r.round}`, []);
    // IN lists of values (not a join): the planner prunes to the partitions of these times.
    // Only the columns a decision reads, as plain rows (no entity hydration: this is per batch).
    const rows: OnTimeRow[] = await tx.query(
      `SELECT monitor_id, round, region, is_up, status_code, response_ms, error, phases, response_headers, response_body, warn, ssl_expiry, ssl_issuer,
              -- only what a decision reads of the details: a domain check's registration
              CASE WHEN details->>'registered' = 'true'
                   THEN jsonb_build_object('registered', true, 'expires_at', details->'expires_at', 'registrar', details->'registrar', 'status', details->'status') END AS details
         FROM check_results
        WHERE monitor_id = ANY($1::text[]) AND scheduled_at = ANY($2::timestamptz[]) AND round = ANY($3::bigint[]) AND NOT late
        ORDER BY region`,
      [
        [...new Set(rounds.map((r) => r.monitorId))],
        [...new Set(rounds.map((r) => r.scheduledAt.toISOString()))],
        [...new Set(rounds.map((r) => r.round))],
      ],
    );
    for (const r of rows) {
      out.get(`${r.monitor_id}|${Number(r.round)}`)?.push({
        region: r.region,
        isUp: r.is_up,
        statusCode: r.status_code,
        responseMs: r.response_ms,
        error: r.error,
        phases: r.phases,
        responseHeaders: r.response_headers,
        responseBody: r.response_body,
        warn: r.warn,
        sslExpiry: r.ssl_expiry,
        sslIssuer: r.ssl_issuer,
        details: r.details,
      });
    }
    return out;
  }

  /** A result as onTimeMany reads it back once stored (NULs dropped as the insert drops them). */
  static regionResult(r: ResultV1): RegionResult {
    return {
      region: r.region,
      isUp: r.is_up,
      statusCode: r.status_code,
      responseMs: r.response_ms,
      error: withoutNulText(r.error),
      phases: r.phases,
      responseHeaders: r.response_headers
        ? (JSON.parse(JSON.stringify(r.response_headers, withoutNul)) as Record<string, string>)
        : null,
      responseBody: withoutNulText(r.response_body),
      warn: r.warn ?? false,
      sslExpiry: r.ssl_expiry ? new Date(r.ssl_expiry) : null,
      sslIssuer: withoutNulText(r.ssl_issuer ?? null),
      details: r.details ? (JSON.parse(JSON.stringify(r.details, withoutNul)) as Record<string, unknown>) : null,
    };
  }

  /** Every result of some rounds of one monitor (scheduled between `from` and `to`), for the check history. */
  forRounds(
    accountId: AccountId,
    monitorId: string,
    rounds: number[],
    from: Date,
    to: Date,
  ): Promise<CheckResultEntity[]> {
    if (!rounds.length) return Promise.resolve([]);
    return this.repo.find({
      where: { accountId, monitorId, round: In(rounds), scheduledAt: Between(from, to) },
      order: { region: 'ASC' },
    });
  }

  /** Raw results of one monitor in some time ranges (a window's edges), optionally of one region. */
  async inRanges(
    accountId: AccountId,
    monitorId: string,
    ranges: { from: Date; to: Date }[],
    region?: string,
  ): Promise<RawResult[]> {
    if (!ranges.length) return [];
    const w = rangeClause('scheduled_at', ranges, 4);
    const rows: { region: string; scheduled_at: Date; is_up: boolean; response_ms: number | null }[] =
      await this.repo.query(
        `SELECT region, scheduled_at, is_up, response_ms FROM check_results
        WHERE account_id = $1 AND monitor_id = $2 AND ($3::text IS NULL OR region = $3) AND ${w.sql}`,
        [accountId, monitorId, region ?? null, ...w.params],
      );
    return rows.map((r) => ({
      region: r.region,
      scheduledAt: r.scheduled_at,
      isUp: r.is_up,
      responseMs: r.response_ms,
    }));
  }

  /** Failed results of one monitor scheduled in [from, to), counted per region, error text and status code (insights; at most `limit` groups). */
  async failureGroups(
    accountId: string,
    monitorId: string,
    from: Date,
    to: Date,
    limit = 500,
  ): Promise<{ region: string; error: string | null; statusCode: number | null; count: number }[]> {
    const rows: { region: string; error: string | null; status_code: number | null; n: number }[] =
      await this.repo.query(
        `SELECT region, error, status_code, count(*)::int AS n FROM check_results
        WHERE account_id = $1 AND monitor_id = $2 AND scheduled_at >= $3 AND scheduled_at < $4 AND is_up = false
        GROUP BY region, error, status_code ORDER BY n DESC LIMIT $5`,
        [accountId, monitorId, from, to, limit],
      );
    return rows.map((r) => ({ region: r.region, error: r.error, statusCode: r.status_code, count: r.n }));
  }

  /** One page of results in a window, newest first (the check log). */
  page(
    accountId: AccountId,
    monitorId: string,
    from: Date,
    to: Date,
    region: string | undefined,
    limit: number,
    offset: number,
  ): Promise<CheckResultEntity[]> {
    const q = this.repo
      .createQueryBuilder('c')
      .where('c.account_id = :accountId AND c.monitor_id = :monitorId', { accountId, monitorId })
      .andWhere('c.scheduled_at >= :from AND c.scheduled_at < :to', { from, to });
    if (region) q.andWhere('c.region = :region', { region });
    return q.orderBy('c.scheduled_at', 'DESC').addOrderBy('c.region', 'ASC').limit(limit).offset(offset).getMany();
  }
}
