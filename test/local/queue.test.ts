// The local publish queue: bursts collapse into one batch, one batch at a time, failed items
// come back until their receives run out, then they are parked.
import { join } from 'node:path';
import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { createJournal } from '../../local/journal.ts';
import { createLane } from '../../local/lane.ts';
import { createLocalQueue } from '../../local/queue.ts';
import type { LocalSqsEvent, SqsMessage } from '../../local/queue.ts';
import { SqsEventSchema } from '../../functions/common/index.ts';
import { tempDirs } from '../helpers/temp.ts';

const temp = tempDirs('dualtrack-queue-');

const fast = { batchWindowMs: 50, batchSize: 100, maxReceiveCount: 3, retryBaseMs: 10 };

describe('the local publish queue', () => {
  it('hands a burst sent within the batching window to the handler as one SQS event', async () => {
    // Prepare
    const batches: LocalSqsEvent[] = [];
    const queue = createLocalQueue({ name: 'q', lane: createLane(), settings: fast, handler: async (e) => void batches.push(e) });
    // Act
    for (const body of ['a', 'b', 'c']) queue.send(body);
    await queue.idle();
    await queue.close();
    // Assess
    expect(batches).toHaveLength(1);
    expect(batches[0]?.Records.map((r) => r.body)).toEqual(['a', 'b', 'c']);
    expect(SqsEventSchema.safeParse(batches[0]).success).toBe(true);
  });

  it('never runs two batches at once, even with a batch size of one', async () => {
    // Prepare
    let running = 0;
    let most = 0;
    const handled: string[] = [];
    const queue = createLocalQueue({
      name: 'q',
      lane: createLane(),
      settings: { ...fast, batchSize: 1, batchWindowMs: 0 },
      handler: async (e) => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((r) => setTimeout(r, 5));
        handled.push(...e.Records.map((r) => r.body));
        running -= 1;
      },
    });
    // Act
    for (const body of ['1', '2', '3', '4']) queue.send(body);
    await queue.idle();
    await queue.close();
    // Assess
    expect(most).toBe(1);
    expect(handled).toEqual(['1', '2', '3', '4']);
  });

  it('retries only the items the handler reports as failed, with their receive count', async () => {
    // Prepare
    const seen: { body: string; count: string | undefined }[] = [];
    const queue = createLocalQueue({
      name: 'q',
      lane: createLane(),
      settings: fast,
      handler: async (e) => {
        for (const r of e.Records) seen.push({ body: r.body, count: r.attributes.ApproximateReceiveCount });
        const failing = e.Records.filter((r) => r.body === 'bad' && r.attributes.ApproximateReceiveCount === '1');
        return { batchItemFailures: failing.map((r) => ({ itemIdentifier: r.messageId })) };
      },
    });
    // Act
    queue.send('good');
    queue.send('bad');
    await queue.idle();
    await queue.close();
    // Assess
    expect(seen).toEqual([
      { body: 'good', count: '1' },
      { body: 'bad', count: '1' },
      { body: 'bad', count: '2' },
    ]);
  });

  it('parks a message after maxReceiveCount failed receives, with the reason', async () => {
    // Prepare
    const parked: { message: SqsMessage; error: string }[] = [];
    const retries: number[] = [];
    const queue = createLocalQueue({
      name: 'q',
      lane: createLane(),
      settings: fast,
      handler: async () => {
        throw new Error('store unavailable');
      },
      onRetry: (m) => retries.push(m.receiveCount),
      onDeadLetter: (message, error) => void parked.push({ message, error }),
    });
    // Act
    queue.send('x');
    await queue.idle();
    await queue.close();
    // Assess
    expect(retries).toEqual([1, 2]);
    expect(parked).toHaveLength(1);
    expect(parked[0]).toMatchObject({ message: { body: 'x', receiveCount: 3 }, error: 'store unavailable' });
  });

  it('gives messages still waiting at close one last delivery instead of dropping them', async () => {
    // Prepare
    const handled: string[] = [];
    const queue = createLocalQueue({
      name: 'q',
      lane: createLane(),
      settings: { ...fast, batchWindowMs: 60_000 },
      handler: async (e) => void handled.push(...e.Records.map((r) => r.body)),
    });
    queue.send('late');
    // Act
    await queue.close();
    // Assess
    expect(handled).toEqual(['late']);
    expect(queue.depth()).toBe(0);
  });

  it('keeps its messages in a journal until they are handled, so a new queue takes them up after a kill', async () => {
    // Prepare: a queue whose handler never finishes, as when the process is killed mid-publish.
    const path = join(temp.make(), 'queue.jsonl');
    const stuck = createLocalQueue({
      name: 'q',
      lane: createLane(),
      settings: fast,
      journal: createJournal(path, z.string()),
      handler: () => new Promise(() => undefined),
    });
    stuck.send('from before the kill');
    await new Promise((r) => setTimeout(r, fast.batchWindowMs * 3));
    // Act: what the next start does.
    const handled: string[] = [];
    const journal = createJournal(path, z.string());
    const next = createLocalQueue({ name: 'q', lane: createLane(), settings: fast, journal, handler: async (e) => void handled.push(...e.Records.map((r) => r.body)) });
    next.resume(journal.compact());
    await next.idle();
    await next.close();
    // Assess: handled once, and then no longer in the journal.
    expect(handled).toEqual(['from before the kill']);
    expect(createJournal(path, z.string()).unfinished()).toEqual([]);
  });

  it('crosses a parked message out of the journal too', async () => {
    // Prepare
    const path = join(temp.make(), 'queue.jsonl');
    const journal = createJournal(path, z.string());
    const parked: string[] = [];
    const queue = createLocalQueue({
      name: 'q',
      lane: createLane(),
      settings: fast,
      journal,
      handler: async () => {
        throw new Error('down');
      },
      onDeadLetter: (m) => void parked.push(m.body),
    });
    // Act
    queue.send('doomed');
    await queue.idle();
    await queue.close();
    // Assess
    expect(parked).toEqual(['doomed']);
    expect(journal.unfinished()).toEqual([]);
  });
});
