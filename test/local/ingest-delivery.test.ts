// Upload events are retried like Lambda's asynchronous invoke, then parked.
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createDeadLetterList } from '../../local/dead-letters.ts';
import { createJournal } from '../../local/journal.ts';
import { createIngestDelivery } from '../../local/ingest-delivery.ts';
import type { AwsS3Event } from '../../local/s3-event.ts';
import type { LocalCloudEvent } from '../../local/events.ts';
import { AwsS3EventSchema, toAwsS3Event } from '../../local/s3-event.ts';
import { tempDirs } from '../helpers/temp.ts';

const event = (): AwsS3Event =>
  toAwsS3Event({ eventName: 'ObjectCreated:Put', eventTime: '2026-11-27T03:00:00.000Z', s3: { bucket: { name: 'up' }, object: { key: 'submissions/EST/a b.xlsx' } } });

describe('ingest delivery', () => {
  const temp = tempDirs('dualtrack-ingest-');
  let dir: string;
  beforeEach(() => {
    dir = temp.make();
  });

  it('retries a failing event and stops at the first success, parking nothing', async () => {
    // Prepare
    let calls = 0;
    const events: LocalCloudEvent[] = [];
    const deadLetters = createDeadLetterList(join(dir, 'dl.jsonl'));
    const delivery = createIngestDelivery({
      ingest: async () => {
        calls += 1;
        if (calls < 3) throw new Error(`flaky ${calls}`);
      },
      settings: { ingestAttempts: 3, retryBaseMs: 1 },
      deadLetters,
      observe: (e) => events.push(e),
    });
    // Act
    delivery.start(event());
    await delivery.idle();
    // Assess
    expect(calls).toBe(3);
    expect(events).toEqual([
      { kind: 'upload-retry', key: 'submissions/EST/a+b.xlsx', attempt: 1, attempts: 3, delayMs: 1, error: 'Error: flaky 1' },
      { kind: 'upload-retry', key: 'submissions/EST/a+b.xlsx', attempt: 2, attempts: 3, delayMs: 2, error: 'Error: flaky 2' },
    ]);
    expect(await deadLetters.read()).toEqual([]);
  });

  it('parks the event with its last error once the attempts are spent', async () => {
    // Prepare
    const events: LocalCloudEvent[] = [];
    const deadLetters = createDeadLetterList(join(dir, 'dl.jsonl'));
    const delivery = createIngestDelivery({
      ingest: async () => {
        throw new Error('object vanished');
      },
      settings: { ingestAttempts: 2, retryBaseMs: 1 },
      deadLetters,
      observe: (e) => events.push(e),
    });
    // Act
    await delivery.deliver(event());
    // Assess
    const letters = await deadLetters.read();
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ source: 'ingest', attempts: 2, error: 'Error: object vanished', payload: event() });
    expect(events.at(-1)).toEqual({
      kind: 'dead-letter',
      source: 'ingest',
      key: 'submissions/EST/a+b.xlsx',
      attempts: 2,
      error: 'Error: object vanished',
      file: deadLetters.path,
    });
  });

  it('writes an event down before delivering it and crosses it out after, so a kill leaves it for resume', async () => {
    // Prepare: a delivery that hangs, as when the process is killed mid-ingest.
    const path = join(dir, 'uploads.jsonl');
    const hung = createIngestDelivery({
      ingest: () => new Promise(() => undefined),
      settings: { ingestAttempts: 3, retryBaseMs: 1 },
      deadLetters: createDeadLetterList(join(dir, 'dl.jsonl')),
      observe: () => undefined,
      journal: createJournal(path, AwsS3EventSchema),
    });
    hung.start(event());
    // Act: what the next start does.
    const delivered: unknown[] = [];
    const journal = createJournal(path, AwsS3EventSchema);
    const next = createIngestDelivery({
      ingest: async (e) => void delivered.push(e),
      settings: { ingestAttempts: 3, retryBaseMs: 1 },
      deadLetters: createDeadLetterList(join(dir, 'dl.jsonl')),
      observe: () => undefined,
      journal,
    });
    next.resume(journal.compact());
    await next.idle();
    // Assess
    expect(delivered).toEqual([event()]);
    expect(journal.unfinished()).toEqual([]);
  });
});
