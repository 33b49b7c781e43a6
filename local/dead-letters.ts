// The local dead-letter list: what still failed after every retry, one JSON object per line in
// a file an operator can read (and redrive by hand). Appending keeps earlier letters even when
// the runtime crashes.
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as z from 'zod';

const DeadLetterSource = { ingest: 'ingest', publish: 'publish', recompute: 'recompute' } as const;
type DeadLetterSource = (typeof DeadLetterSource)[keyof typeof DeadLetterSource];

const DeadLetterSchema = z.strictObject({
  at: z.iso.datetime(),
  source: z.enum([DeadLetterSource.ingest, DeadLetterSource.publish, DeadLetterSource.recompute]),
  attempts: z.number().int().positive(),
  error: z.string(),
  /** The S3 event, or the publish request's SQS message body, as it would be redriven. */
  payload: z.unknown(),
});

type DeadLetter = z.infer<typeof DeadLetterSchema>;

interface DeadLetterList {
  path: string;
  add: (letter: DeadLetter) => Promise<void>;
  /** Every letter in the file, oldest first (lines that do not parse are skipped). */
  read: () => Promise<DeadLetter[]>;
}

const createDeadLetterList = (path: string): DeadLetterList => ({
  path,
  add: async (letter) => {
    await mkdir(dirname(path), { recursive: true });
    await appendFile(path, `${JSON.stringify(DeadLetterSchema.parse(letter))}\n`, 'utf8');
  },
  read: async () => {
    const text = await readFile(path, 'utf8').catch((error: unknown) => {
      if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT') return '';
      throw error;
    });
    return text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .flatMap((line) => {
        try {
          const parsed = DeadLetterSchema.safeParse(JSON.parse(line));
          return parsed.success ? [parsed.data] : [];
        } catch {
          return [];
        }
      });
  },
});

export { createDeadLetterList, DeadLetterSchema, DeadLetterSource };
export type { DeadLetter, DeadLetterList };
