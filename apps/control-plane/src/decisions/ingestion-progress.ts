import { Injectable } from '@nestjs/common';

/** A backlog without a delivery for this long no longer holds deadlines back (its messages may have left the stream unread). */
export const STALE_BACKLOG_MS = 30_000;

/**
 * How far this replica's ingestion has got through the results streams.
 *
 * - `caughtUp`: resolved once ingestion has caught up with the streams since it started.
 *   Deadlines are judged only after that: a round whose deadline passed while the control
 *   plane was down must not be decided before the results that wait in the stream for it
 *   are stored.
 * - `horizon(now)`: the time up to which every result published has been received. While
 *   a stream has a backlog (results published but not yet delivered), that is the publish
 *   time of the last result delivered from it; otherwise `now`. The deadline sweep judges
 *   deadlines against it, so a round whose results were published on time but still wait
 *   in the stream is not decided without them (and its results then stored as late): under
 *   load, deciding rounds ahead of ingestion both loses their results and competes with
 *   ingestion for the same monitors. A stream that delivered nothing for STALE_BACKLOG_MS
 *   holds nothing back (its pending messages may have been removed by the stream's limits).
 */
@Injectable()
export class IngestionProgress {
  private resolve!: () => void;
  readonly caughtUp = new Promise<void>((r) => (this.resolve = r));
  /** Per stream, the publish time (ms) of the last result delivered while more were pending, and when it was delivered. */
  private readonly behind = new Map<string, { publishedAtMs: number; deliveredAtMs: number }>();

  markCaughtUp(): void {
    this.resolve();
  }

  /** A result was delivered from `stream` at `nowMs`, published at `publishedAtMs`, with `pending` more in the stream. */
  delivered(stream: string, publishedAtMs: number, pending: number, nowMs: number): void {
    if (pending > 0) this.behind.set(stream, { publishedAtMs, deliveredAtMs: nowMs });
    else this.behind.delete(stream);
  }

  /** The stream is not being consumed (its consumer is recreated): it holds nothing back. */
  forget(stream: string): void {
    this.behind.delete(stream);
  }

  /** See the class comment: `now`, or the publish time of the last delivery of the stream furthest behind. */
  horizon(nowMs: number): number {
    let h = nowMs;
    for (const b of this.behind.values())
      if (nowMs - b.deliveredAtMs <= STALE_BACKLOG_MS) h = Math.min(h, b.publishedAtMs);
    return h;
  }
}
