import { Injectable } from '@nestjs/common';

/**
 * Whether this replica's ingestion has caught up with the results stream since it
 * started. Deadlines are judged only after that: a round whose deadline passed
 * while the control plane was down must not be decided before the results that
 * wait in the stream for it are stored.
 */
@Injectable()
export class IngestionProgress {
  private resolve!: () => void;
  readonly caughtUp = new Promise<void>((r) => (this.resolve = r));

  markCaughtUp(): void {
    this.resolve();
  }
}
