// What `serve` prints for each event of the local cloud.
import { describe, expect, it } from 'vitest';
import { cloudEventLine, printCloudEvents } from '../../../cli/print/cloud-events.ts';
import { createTerminal } from '../../../cli/print/terminal.ts';
import type { LocalCloudEvent } from '../../../local/index.ts';
import { ReceiptSchema } from '../../../shared/model/index.ts';

const RECEIPT = ReceiptSchema.parse({
  receiptVersion: 1,
  submissionId: 'sub-1',
  status: 'accepted',
  ally: 'EST',
  file: 'a b.xlsx',
  uploadedAt: '2026-03-02T09:15:00.000Z',
  checkedAt: '2026-03-02T09:15:01.000Z',
  years: [2025],
  counts: { errors: 0, warnings: 0, infos: 0 },
  findings: [],
  records: [],
});

const OUTCOME = { published: true, release: 3, digest: 'abcdef0123456789', reportingYear: 2025, written: [] };

describe('the local cloud on the terminal', () => {
  it.each<[LocalCloudEvent, string, string]>([
    [{ kind: 'upload-received', key: 'submissions/EST/a b.xlsx', size: 2048 }, 'upload', 'received submissions/EST/a b.xlsx (2.0 KB)'],
    [{ kind: 'upload-received', key: 'submissions/EST/a\nb\u001b[2J.xlsx', size: null }, 'upload', 'received "submissions/EST/a\\nb\\u001b[2J.xlsx"'],
    [
      { kind: 'receipt-written', key: 'submissions/EST/a b.xlsx', receipt: RECEIPT, duplicate: true },
      'receipt',
      'submissions/EST/a b.xlsx: ACCEPTED (EST, 2025, 0 record(s); 0 error(s), 0 warning(s), 0 note(s)), already processed',
    ],
    [
      { kind: 'published', outcome: OUTCOME, reason: 'upload: EST (1 submission)', alliesWithFigures: 1, page: 'http://x/index.html' },
      'publish',
      'release 3  1 allies with figures  digest abcdef012345  upload: EST (1 submission)  -> http://x/index.html',
    ],
    [{ kind: 'published', outcome: { ...OUTCOME, published: false }, reason: 'r', alliesWithFigures: null, page: 'p' }, 'publish', 'nothing new: release 3 unchanged (digest abcdef012345)'],
    [
      { kind: 'upload-retry', key: 'submissions/EST/a+b.xlsx', attempt: 1, attempts: 3, delayMs: 500, error: 'Error: flaky' },
      'retry',
      'upload submissions/EST/a+b.xlsx (attempt 1/3) again in 0.5 s: Error: flaky',
    ],
    [
      { kind: 'publish-retry', receiveCount: 2, maxReceiveCount: 5, delayMs: 1000, error: 'S3 down' },
      'retry',
      'publish request (receive 2/5) again in 1.0 s: S3 down',
    ],
    [
      { kind: 'dead-letter', source: 'ingest', key: 'submissions/EST/x.xlsx', attempts: 3, error: 'gone', file: '/d.jsonl' },
      'dead letter',
      'upload submissions/EST/x.xlsx after 3 attempts: gone -> /d.jsonl',
    ],
    [{ kind: 'dead-letter', source: 'publish', key: null, attempts: 5, error: 'S3 down', file: '/d.jsonl' }, 'dead letter', 'publish request after 5 receives: S3 down -> /d.jsonl'],
    [{ kind: 'failure', what: 'recompute', error: 'Error: no' }, 'error', 'recompute failed: Error: no'],
    [
      { kind: 'store-repaired', files: ['dualtrack-data/a._S3rver_metadata.json (metadata-removed)'] },
      'repair',
      'put right 1 file(s) an interrupted write left in the S3 folder: dualtrack-data/a._S3rver_metadata.json (metadata-removed)',
    ],
    [
      { kind: 'upload-redelivered', key: 'submissions/EST/a b.xlsx', reason: 'interrupted' },
      'upload',
      'delivering submissions/EST/a b.xlsx again: its check was cut short when the cloud stopped',
    ],
    [{ kind: 'upload-redelivered', key: 'submissions/EST/a.xlsx', reason: 'no-receipt' }, 'upload', 'delivering submissions/EST/a.xlsx: it has no receipt yet'],
    [{ kind: 'publish-requeued', count: 2 }, 'publish', '2 publish request(s) still queued when the cloud stopped, queued again'],
  ])('%j is printed as a %s line', (event, tag, text) => {
    expect(cloudEventLine(event)).toEqual([tag, text]);
  });

  it('prefixes each line with the time and the tag', () => {
    // Prepare
    const lines: string[] = [];
    const print = printCloudEvents(createTerminal((l) => lines.push(l), () => new Date('2026-03-02T09:15:07Z')));
    // Act
    print({ kind: 'failure', what: 'recompute', error: 'x' });
    // Assess
    expect(lines).toEqual(['09:15:07 error        recompute failed: x']);
  });
});
