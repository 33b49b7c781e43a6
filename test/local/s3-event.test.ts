// The local runtime hands ingest the event AWS would: same shape, keys URL-encoded as S3 does,
// and only for what the stack's notification filter lets through.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeS3Key, S3EventSchema } from '../../functions/common/index.ts';
import { firesIngest, toAwsS3Event } from '../../local/s3-event.ts';
import type { S3rverRecord } from '../../local/s3-server.ts';

const record = (key: string, overrides: Partial<{ bucket: string; eventName: string }> = {}): S3rverRecord => ({
  eventName: overrides.eventName ?? 'ObjectCreated:Put',
  eventTime: '2026-11-27T03:00:00.000Z',
  s3: { bucket: { name: overrides.bucket ?? 'up' }, object: { key, size: 10, eTag: 'abc', sequencer: '1' } },
});

describe('the S3 event the local runtime delivers', () => {
  it('encodes spaces as plus, a literal plus and non-ASCII letters as UTF-8 percent escapes', () => {
    // Prepare
    const raw = record('submissions/EST/my file + é.xlsx');
    // Act
    const event = toAwsS3Event(raw);
    // Assess
    expect(event.Records[0]?.s3.object.key).toBe('submissions/EST/my+file+%2B+%C3%A9.xlsx');
  });

  it('gives back the stored key through the handlers\' decoding', () => {
    // Prepare
    const key = "submissions/FRA/budget (v2) l'été & co, 100%.xlsx";
    // Act
    const decoded = decodeS3Key(toAwsS3Event(record(key)).Records[0]?.s3.object.key ?? '');
    // Assess
    expect(decoded).toBe(key);
  });

  it('has the shape the ingest handler parses, with time, size and ETag kept', () => {
    // Prepare
    const raw = record('submissions/EST/a.xlsx');
    // Act
    const parsed = S3EventSchema.safeParse(toAwsS3Event(raw));
    // Assess
    expect(parsed.success).toBe(true);
    expect(parsed.data?.Records[0]).toMatchObject({
      eventSource: 'aws:s3',
      eventName: 'ObjectCreated:Put',
      eventTime: '2026-11-27T03:00:00.000Z',
      s3: { bucket: { name: 'up' }, object: { size: 10, eTag: 'abc' } },
    });
  });

  it.each([
    ['submissions/EST/a.xlsx', 'up', 'ObjectCreated:Put', true],
    ['submissions/EST/a.csv', 'up', 'ObjectCreated:CompleteMultipartUpload', true],
    ['submissions/EST/a.xls', 'up', 'ObjectCreated:Put', true],
    // Whatever the suffix: the guard, not the notification, answers a file it cannot read.
    ['submissions/EST/a.pdf', 'up', 'ObjectCreated:Put', true],
    ['submissions/EST/a.Csv', 'up', 'ObjectCreated:Put', true],
    ['submissions/EST/a.xlsb', 'up', 'ObjectCreated:Copy', true],
    ['submissions/EST/a.xlsx ', 'up', 'ObjectCreated:Put', true],
    ['submissions/EST/no-extension', 'up', 'ObjectCreated:Put', true],
    ['receipts/EST/a.json', 'up', 'ObjectCreated:Put', false],
    ['submissions/EST/a.xlsx', 'other', 'ObjectCreated:Put', false],
    ['submissions/EST/a.xlsx', 'up', 'ObjectRemoved:Delete', false],
  ])('fires ingest for %s in bucket %s on %s: %s', (key, bucket, eventName, expected) => {
    // Prepare
    const raw = record(key, { bucket, eventName });
    // Act
    const fires = firesIngest(raw, 'up');
    // Assess
    expect(fires).toBe(expected);
  });

  it('round-trips any file name through the event key and the handlers\' decoding', () => {
    // Prepare
    const fileNames = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 });
    // Act / Assess
    fc.assert(
      fc.property(fileNames, (name) => {
        const key = `submissions/EST/${name}.xlsx`;
        const encoded = toAwsS3Event(record(key)).Records[0]?.s3.object.key ?? '';
        // Printable ASCII only: no space, no raw non-ASCII byte survives the encoding.
        expect(encoded).toMatch(/^[\x21-\x7e]+$/);
        expect(decodeS3Key(encoded)).toBe(key);
      }),
    );
  });
});
