// Ingest as Lambda's asynchronous invoke runs it: each upload event on its own, in parallel,
// retried with doubling delays, and parked as a dead letter once its attempts are spent. With a
// journal, an event is written down before its delivery starts and crossed out when it ends, as
// Lambda's event queue keeps it: after a kill, `resume` takes up what was unfinished.
import { randomUUID } from 'node:crypto';
import type { DeadLetterList } from './dead-letters.ts';
import { DeadLetterSource } from './dead-letters.ts';
import type { LocalCloudObserver } from './events.ts';
import type { Journal, Unfinished } from './journal.ts';
import { errorText } from './function-log.ts';
import type { AwsS3Event } from './s3-event.ts';
import { backoffMs } from './settings.ts';
import type { DeliverySettings } from './settings.ts';

interface IngestDeliveryOptions {
  ingest: (event: unknown) => Promise<void>;
  settings: Pick<DeliverySettings, 'ingestAttempts' | 'retryBaseMs'>;
  deadLetters: DeadLetterList;
  /** Told of each retry, dead letter and failure to park one. */
  observe: LocalCloudObserver;
  /** Where events in delivery are kept across a kill (none: in memory only). */
  journal?: Journal<AwsS3Event>;
}

interface IngestDelivery {
  /** Delivers one event until it succeeds or is parked; never rejects for a handler failure. */
  deliver: (event: AwsS3Event) => Promise<void>;
  /** Starts delivering in the background (journalled), counted until it ends. */
  start: (event: AwsS3Event) => void;
  /** Starts again the deliveries a kill interrupted, as the journal holds them. */
  resume: (unfinished: readonly Unfinished<AwsS3Event>[]) => void;
  inFlight: () => number;
  /** Resolves once no background delivery is running. */
  idle: () => Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const createIngestDelivery = ({ ingest, settings, deadLetters, observe, journal }: IngestDeliveryOptions): IngestDelivery => {
  const running = new Set<Promise<void>>();
  let idleWaiters: (() => void)[] = [];

  const deliver = async (event: AwsS3Event): Promise<void> => {
    const key = event.Records[0]?.s3.object.key ?? '?';
    for (let attempt = 1; ; attempt += 1) {
      try {
        await ingest(event);
        return;
      } catch (error) {
        const text = errorText(error);
        if (attempt >= settings.ingestAttempts) {
          await deadLetters.add({ at: new Date().toISOString(), source: DeadLetterSource.ingest, attempts: attempt, error: text, payload: event });
          observe({ kind: 'dead-letter', source: DeadLetterSource.ingest, key, attempts: attempt, error: text, file: deadLetters.path });
          return;
        }
        const delayMs = backoffMs(settings, attempt);
        observe({ kind: 'upload-retry', key, attempt, attempts: settings.ingestAttempts, delayMs, error: text });
        await sleep(delayMs);
      }
    }
  };

  const run = (id: string, event: AwsS3Event): void => {
    const p = deliver(event)
      .then(() => journal?.finished(id))
      // Only writing the dead letter itself can fail here (the event stays unfinished, so the
      // next start delivers it again); say so rather than crash the runtime.
      .catch((error: unknown) => observe({ kind: 'failure', what: 'parking an upload event', error: errorText(error) }))
      .finally(() => {
        running.delete(p);
        if (running.size > 0) return;
        const waiters = idleWaiters;
        idleWaiters = [];
        for (const w of waiters) w();
      });
    running.add(p);
  };

  const start = (event: AwsS3Event): void => {
    const id = randomUUID();
    try {
      journal?.taken(id, event);
    } catch (error) {
      // The upload is still delivered; only a kill before it ends would now lose it.
      observe({ kind: 'failure', what: 'journalling an upload event', error: errorText(error) });
    }
    run(id, event);
  };

  return {
    deliver,
    start,
    resume: (unfinished) => {
      for (const u of unfinished) run(u.id, u.item);
    },
    inFlight: () => running.size,
    idle: () => (running.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve))),
  };
};

export { createIngestDelivery };
export type { IngestDelivery, IngestDeliveryOptions };
