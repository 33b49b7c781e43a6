// The dead-letter file an operator reads: one JSON object per line, appended, read back in order.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createDeadLetterList } from '../../local/dead-letters.ts';
import type { DeadLetter } from '../../local/dead-letters.ts';
import { tempDirs } from '../helpers/temp.ts';

const letter = (error: string): DeadLetter => ({ at: '2026-11-27T03:00:00.000Z', source: 'publish', attempts: 5, error, payload: '{"reason":"upload"}' });

describe('the dead-letter list', () => {
  const temp = tempDirs('dualtrack-dlq-');
  let dir: string;
  beforeEach(() => {
    dir = temp.make();
  });

  it('reads nothing before the first letter', async () => {
    // Prepare
    const list = createDeadLetterList(join(dir, 'dead-letters.jsonl'));
    // Act
    const letters = await list.read();
    // Assess
    expect(letters).toEqual([]);
  });

  it('appends one JSON line per letter and reads them back oldest first', async () => {
    // Prepare
    const path = join(dir, 'sub', 'dead-letters.jsonl');
    const list = createDeadLetterList(path);
    // Act
    await list.add(letter('first'));
    await list.add(letter('second'));
    // Assess
    expect((await list.read()).map((l) => l.error)).toEqual(['first', 'second']);
    expect((await readFile(path, 'utf8')).trim().split('\n')).toHaveLength(2);
  });

  it('skips a line an operator damaged while editing, keeping the others', async () => {
    // Prepare
    const path = join(dir, 'dead-letters.jsonl');
    await writeFile(path, `${JSON.stringify(letter('kept'))}\n{not json\n${JSON.stringify({ at: 'yesterday' })}\n`);
    // Act
    const letters = await createDeadLetterList(path).read();
    // Assess
    expect(letters.map((l) => l.error)).toEqual(['kept']);
  });
});
