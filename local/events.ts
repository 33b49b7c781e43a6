// What the local cloud tells whoever runs it, as data: an upload arrived, its receipt was
// written, a release was published (or nothing changed), a delivery is retried or parked as a
// dead letter, a handler warned. The runtime learns the handlers' outcomes from their observer
// (functions/common/observer.ts) and the delivery's from its own queue; `serve` prints these
// events (cli/print/cloud-events.ts) and tests assert on them.
import type { Receipt } from '../shared/model/index.ts';
import type { PublishOutcome } from '../shared/pipeline/index.ts';
import type { DeadLetterSource } from './dead-letters.ts';

type LocalCloudEvent =
  /** An object landed under the upload prefix and will reach ingest. */
  | { kind: 'upload-received'; key: string; size: number | null }
  /** Ingest wrote the receipt (duplicate: it was already there, nothing new). */
  | { kind: 'receipt-written'; key: string; receipt: Receipt; duplicate: boolean }
  /** The receipt's notification was written to the outbox (the stack publishes it to SNS and e-mails the uploader). */
  | { kind: 'receipt-notified'; file: string; ally: string | null; status: Receipt['status'] }
  /** A publish or recomputation ended; `outcome.published` says whether a release was written. */
  | { kind: 'published'; outcome: PublishOutcome; reason: string; alliesWithFigures: number | null; page: string }
  /** An upload event failed and is delivered again after `delayMs`. */
  | { kind: 'upload-retry'; key: string; attempt: number; attempts: number; delayMs: number; error: string }
  /** A publish request failed and comes back after `delayMs`. */
  | { kind: 'publish-retry'; receiveCount: number; maxReceiveCount: number; delayMs: number; error: string }
  /** What still failed after every retry, now a line in the dead-letter file. */
  | { kind: 'dead-letter'; source: DeadLetterSource; key: string | null; attempts: number; error: string; file: string }
  /** A handler logged a warning (the full entry is in the function log). */
  | { kind: 'handler-warning'; fn: string; message: string; attributes: Record<string, unknown> }
  /** Something failed outside a delivery's retries (a recomputation, parking a dead letter). */
  | { kind: 'failure'; what: string; error: string }
  /** At start: files an interrupted write left in the S3 folder were put right (s3-repair.ts). */
  | { kind: 'store-repaired'; files: readonly string[] }
  /**
   * At start: an upload is delivered again, because its delivery was cut short by a stop
   * (`interrupted`) or because it has no receipt and no delivery was known (`no-receipt`).
   */
  | { kind: 'upload-redelivered'; key: string; reason: 'interrupted' | 'no-receipt' }
  /** At start: publish requests that were still queued when the cloud stopped are queued again. */
  | { kind: 'publish-requeued'; count: number };

/** Receives the events; it must not throw (a failure in it is dropped, never the runtime's). */
type LocalCloudObserver = (event: LocalCloudEvent) => void;

export type { LocalCloudEvent, LocalCloudObserver };
