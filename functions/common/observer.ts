// What a handler reports as it works, for a runtime that hosts it in-process (the local cloud
// prints one line per outcome). Lambda passes no observer: there the structured logs are the
// record. Hooks may be async and are awaited, so what they print comes before the handler ends.
import type { Receipt, ReleaseTrigger } from '../../shared/model/index.ts';
import type { PublishOutcome } from '../../shared/pipeline/publishing.ts';

interface ReceiptReport {
  /** The uploaded object's key, decoded. */
  key: string;
  receipt: Receipt;
  /** The receipt was already there: a redelivered event, nothing new written. */
  duplicate: boolean;
}

interface PublishReport {
  outcome: PublishOutcome;
  trigger: ReleaseTrigger;
  /** Why, as the release records it. */
  reason: string;
}

interface HandlerObserver {
  /** Ingest wrote (or found) the receipt of an upload. */
  receiptWritten?: (report: ReceiptReport) => void | Promise<void>;
  /** A publish or recomputation ended: a new release, or nothing changed. */
  published?: (report: PublishReport) => void | Promise<void>;
  /** A publish failed; its requests go back to the queue. */
  publishFailed?: (error: unknown) => void | Promise<void>;
}

export type { HandlerObserver, ReceiptReport, PublishReport };
