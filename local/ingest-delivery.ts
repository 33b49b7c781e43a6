// Ingest as Lambda's asynchronous invoke runs it: each upload event on its own, in parallel,
// retried with doubling delays, and parked as a dead letter once its attempts are spent.
import type { DeadLetterList } from './dead-letters.ts';
import { DeadLetterSource } from './dead-letters.ts';
import type { AwsS3Event } from './s3-event.ts';
import { backoffMs } from './settings.ts';
import type { DeliverySettings } from './settings.ts';
import { errorText } from './terminal.ts';
import type { Terminal } from './terminal.ts';

interface IngestDeliveryOptions {
  ingest: (event: unknown) => Promise<void>;
  settings: Pick<DeliverySettings, 'ingestAttempts' | 'retryBaseMs'>;
  deadLetters: DeadLetterList;
  say: Terminal;
}

interface IngestDelivery {
  /** Delivers one event until it succeeds or is parked; never rejects for a handler failure. */
  deliver: (event: AwsS3Event) => Promise<void>;
  /** Starts delivering in the background, counted until it ends. */
  start: (event: AwsS3Event) => void;
  inFlight: () => number;
  /** Resolves once no background delivery is running. */
  idle: () => Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const createIngestDelivery = ({ ingest, settings, deadLetters, say }: IngestDeliveryOptions): IngestDelivery => {
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
          say('dead letter', `upload ${key} after ${attempt} attempts: ${text} -> ${deadLetters.path}`);
          return;
        }
        const delayMs = backoffMs(settings, attempt);
        say('retry', `upload ${key} (attempt ${attempt}/${settings.ingestAttempts}) again in ${(delayMs / 1000).toFixed(1)} s: ${text}`);
        await sleep(delayMs);
      }
    }
  };

  const start = (event: AwsS3Event): void => {
    const p = deliver(event)
      // Only writing the dead letter itself can fail here; say so rather than crash the runtime.
      .catch((error: unknown) => say('error', `upload event could not be parked: ${errorText(error)}`))
      .finally(() => {
        running.delete(p);
        if (running.size > 0) return;
        const waiters = idleWaiters;
        idleWaiters = [];
        for (const w of waiters) w();
      });
    running.add(p);
  };

  return {
    deliver,
    start,
    inFlight: () => running.size,
    idle: () => (running.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve))),
  };
};

export { createIngestDelivery };
export type { IngestDelivery, IngestDeliveryOptions };
