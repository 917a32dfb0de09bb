import type { IncomingEvent } from '../events/event-input.js';

export interface IngestResult {
  /** Events stored now. */
  readonly accepted: number;
  /** Events whose id was already ingested (a retry) or repeated in the batch: not stored again. */
  readonly duplicates: number;
}

/**
 * A batch handed to `ingest`, waiting for its group commit. The `applied` events were certainly new (the id filter
 * said so) and are already in the live engine: the batch keeps only their ids and their JSON rows for the commit
 * (`eventRowsJson`), so the parsed objects die young instead of being copied by every GC until the commit.
 * `suspects` may have been ingested before (the filter flagged them, or they repeat a queued id) and are checked
 * in the commit, then applied if new.
 */
export interface PendingBatch {
  readonly size: number;
  appliedIds: string[];
  appliedRows: string;
  suspects: IncomingEvent[];
  readonly resolve: (r: IngestResult) => void;
  readonly reject: (e: unknown) => void;
}
