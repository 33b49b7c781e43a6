// A durable list of work in flight, as a file: one JSON line when an item is taken on, one when
// it is finished. AWS keeps an upload event in Lambda's asynchronous queue and a publish request
// in SQS until the function has finished with it, whatever happens to the machine running it;
// the local cloud keeps them here, so a kill loses nothing and the next start takes up what was
// unfinished. Lines are appended synchronously, before the work starts and after it ends, so
// the file is never behind the work. A line cut short by a kill is skipped when read.
import { appendFileSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import * as z from 'zod';

const LineSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('taken'), id: z.string().min(1), at: z.iso.datetime(), item: z.unknown() }),
  z.strictObject({ op: z.literal('finished'), id: z.string().min(1) }),
]);

interface Unfinished<T> {
  id: string;
  /** When the item was first taken on. */
  at: string;
  item: T;
}

interface Journal<T> {
  path: string;
  /** Records that `item` is being worked on. */
  taken: (id: string, item: T) => void;
  /** Records that the work on `id` ended (done, or parked as a dead letter). */
  finished: (id: string) => void;
  /** Items taken and not finished, oldest first; lines that do not parse are skipped. */
  unfinished: () => Unfinished<T>[];
  /** Rewrites the file with only the unfinished items (at start, so it never grows for ever). */
  compact: () => Unfinished<T>[];
}

const readLines = (path: string): string[] => {
  try {
    return readFileSync(path, 'utf8').split('\n');
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT') return [];
    throw error;
  }
};

/** A journal in `path` whose items `item` checks when they are read back. */
const createJournal = <T>(path: string, item: z.ZodType<T>): Journal<T> => {
  mkdirSync(dirname(path), { recursive: true });
  const append = (line: z.infer<typeof LineSchema>): void => appendFileSync(path, `${JSON.stringify(line)}\n`, 'utf8');

  const unfinished = (): Unfinished<T>[] => {
    const open = new Map<string, Unfinished<T>>();
    for (const text of readLines(path)) {
      if (text.trim() === '') continue;
      let parsed;
      try {
        parsed = LineSchema.safeParse(JSON.parse(text));
      } catch {
        continue;
      }
      if (!parsed.success) continue;
      const line = parsed.data;
      if (line.op === 'finished') {
        open.delete(line.id);
        continue;
      }
      const checked = item.safeParse(line.item);
      if (checked.success && !open.has(line.id)) open.set(line.id, { id: line.id, at: line.at, item: checked.data });
    }
    return [...open.values()];
  };

  return {
    path,
    taken: (id, value) => append({ op: 'taken', id, at: new Date().toISOString(), item: value }),
    finished: (id) => append({ op: 'finished', id }),
    unfinished,
    compact: () => {
      const open = unfinished();
      const staged = `${path}.compacting`;
      writeFileSync(staged, open.map((u) => `${JSON.stringify({ op: 'taken', id: u.id, at: u.at, item: u.item })}\n`).join(''), 'utf8');
      renameSync(staged, path);
      return open;
    },
  };
};

export { createJournal };
export type { Journal, Unfinished };
