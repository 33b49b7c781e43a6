// The local stand-in for the publish queue and its event source mapping: messages wait for a
// short batching window so a burst collapses into one batch, one consumer hands each batch to
// the handler as an SQS event, items the handler reports as failed (or all of them, if it
// throws) come back after a growing delay, and after maxReceiveCount receives they are parked.
// With a journal, a message is written down when sent and crossed out when deleted (handled or
// parked), as SQS keeps it: after a kill, `resume` puts back what was still in the queue.
import { createHash, randomUUID } from 'node:crypto';
import type { SQSBatchResponse } from 'aws-lambda';
import type { Journal, Unfinished } from './journal.ts';
import type { Lane } from './lane.ts';
import { backoffMs } from './settings.ts';
import type { DeliverySettings } from './settings.ts';

interface SqsMessage {
  messageId: string;
  body: string;
  receiveCount: number;
  sentAt: number;
  visibleAt: number;
}

/** What the SQS event source would hand the function. */
interface LocalSqsEvent {
  Records: {
    messageId: string;
    receiptHandle: string;
    body: string;
    attributes: Record<string, string>;
    messageAttributes: Record<string, never>;
    md5OfBody: string;
    eventSource: 'aws:sqs';
    eventSourceARN: string;
    awsRegion: string;
  }[];
}

type BatchHandler = (event: LocalSqsEvent) => Promise<SQSBatchResponse | void>;

interface QueueHooks {
  /** A message failed and will be received again after `delayMs`. */
  onRetry?: (message: SqsMessage, delayMs: number, error: string) => void;
  /** A message failed its last receive. */
  onDeadLetter?: (message: SqsMessage, error: string) => Promise<void> | void;
}

interface LocalQueue {
  send: (body: string) => void;
  /** Puts back the messages a kill left in the queue, as the journal holds them. */
  resume: (unfinished: readonly Unfinished<string>[]) => void;
  /** Messages waiting or in flight. */
  depth: () => number;
  /** Resolves once no message is waiting or in flight. */
  idle: () => Promise<void>;
  /** Stops consuming; waiting messages get one last immediate attempt, failures are parked. */
  close: () => Promise<void>;
}

interface LocalQueueOptions extends QueueHooks {
  name: string;
  handler: BatchHandler;
  lane: Lane;
  settings: Pick<DeliverySettings, 'batchWindowMs' | 'batchSize' | 'maxReceiveCount' | 'retryBaseMs'>;
  /** Describes why the last batch failed (the handler reports failures without a reason). */
  lastFailure?: () => string | undefined;
  /** Where messages are kept across a kill (none: in memory only). */
  journal?: Journal<string>;
  /** Told when writing the journal fails (the message is still delivered). */
  onJournalFailure?: (error: unknown) => void;
}

const md5Hex = (text: string): string => createHash('md5').update(text).digest('hex');

const createLocalQueue = (options: LocalQueueOptions): LocalQueue => {
  const { name, handler, lane, settings } = options;
  const arn = `arn:aws:sqs:local:000000000000:${name}`;
  let waiting: SqsMessage[] = [];
  let inFlight = 0;
  let consuming: Promise<void> | null = null;
  let closed = false;
  let idleWaiters: (() => void)[] = [];
  let wake: (() => void) | null = null;

  const notifyIdle = (): void => {
    if (waiting.length > 0 || inFlight > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const w of waiters) w();
  };

  const toEvent = (batch: readonly SqsMessage[]): LocalSqsEvent => ({
    Records: batch.map((m) => ({
        messageId: m.messageId,
        receiptHandle: `${m.messageId}#${m.receiveCount}`,
        body: m.body,
        attributes: {
          ApproximateReceiveCount: String(m.receiveCount),
          SentTimestamp: String(m.sentAt),
          ApproximateFirstReceiveTimestamp: String(m.sentAt),
          SenderId: 'dualtrack-local',
        },
        messageAttributes: {},
        md5OfBody: md5Hex(m.body),
        eventSource: 'aws:sqs' as const,
        eventSourceARN: arn,
        awsRegion: 'local',
      })),
  });

  /** Runs one batch; returns the messages that failed, with the reason. */
  const deliver = async (batch: SqsMessage[]): Promise<{ failed: SqsMessage[]; error: string }> => {
    for (const m of batch) m.receiveCount += 1;
    try {
      const response = await lane.run(() => handler(toEvent(batch)));
      const failedIds = new Set((response?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
      return {
        failed: batch.filter((m) => failedIds.has(m.messageId)),
        error: options.lastFailure?.() ?? 'the handler reported the message as failed',
      };
    } catch (error) {
      return { failed: batch, error: error instanceof Error ? error.message : String(error) };
    }
  };

  const journalled = (write: () => void): void => {
    try {
      write();
    } catch (error) {
      options.onJournalFailure?.(error);
    }
  };

  const settle = async (batch: SqsMessage[], failed: SqsMessage[], error: string, final: boolean): Promise<void> => {
    const failedSet = new Set(failed);
    for (const m of batch) if (!failedSet.has(m)) journalled(() => options.journal?.finished(m.messageId));
    for (const m of failed) {
      if (final || m.receiveCount >= settings.maxReceiveCount) {
        await options.onDeadLetter?.(m, error);
        journalled(() => options.journal?.finished(m.messageId));
      } else {
        const delayMs = backoffMs(settings, m.receiveCount);
        m.visibleAt = Date.now() + delayMs;
        options.onRetry?.(m, delayMs, error);
        waiting.push(m);
      }
    }
  };

  const wait = (ms: number): Promise<void> =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });

  const consume = async (): Promise<void> => {
    while (!closed && waiting.length > 0) {
      const now = Date.now();
      const nextVisible = Math.min(...waiting.map((m) => m.visibleAt));
      if (nextVisible > now) {
        await wait(nextVisible - now);
        continue;
      }
      // The batching window: keep gathering until it ends or the batch is full.
      const windowEnds = now + settings.batchWindowMs;
      while (!closed && Date.now() < windowEnds && waiting.filter((m) => m.visibleAt <= Date.now()).length < settings.batchSize) {
        await wait(windowEnds - Date.now());
      }
      if (closed) break;
      const visibleNow = Date.now();
      const batch = waiting.filter((m) => m.visibleAt <= visibleNow).slice(0, settings.batchSize);
      const taken = new Set(batch);
      waiting = waiting.filter((m) => !taken.has(m));
      inFlight += batch.length;
      const { failed, error } = await deliver(batch);
      await settle(batch, failed, error, false);
      inFlight -= batch.length;
      notifyIdle();
    }
  };

  const ensureConsumer = (): void => {
    if (consuming || closed) return;
    consuming = consume().finally(() => {
      consuming = null;
      if (!closed && waiting.length > 0) ensureConsumer();
      notifyIdle();
    });
  };

  const enqueue = (messageId: string, body: string, sentAt: number): void => {
    waiting.push({ messageId, body, receiveCount: 0, sentAt, visibleAt: Date.now() });
    // A consumer sleeping until a retry becomes visible should look at the new message now.
    wake?.();
    ensureConsumer();
  };

  return {
    send: (body) => {
      const messageId = randomUUID();
      journalled(() => options.journal?.taken(messageId, body));
      enqueue(messageId, body, Date.now());
    },
    resume: (unfinished) => {
      for (const u of unfinished) enqueue(u.id, u.item, Date.parse(u.at));
    },
    depth: () => waiting.length + inFlight,
    idle: () =>
      new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        notifyIdle();
      }),
    close: async () => {
      closed = true;
      wake?.();
      await consuming;
      if (waiting.length > 0) {
        const batch = waiting;
        waiting = [];
        inFlight += batch.length;
        const { failed, error } = await deliver(batch);
        await settle(batch, failed, error, true);
        inFlight -= batch.length;
      }
      notifyIdle();
    },
  };
};

export { createLocalQueue };
export type { LocalQueue, LocalQueueOptions, LocalSqsEvent, SqsMessage, BatchHandler };
