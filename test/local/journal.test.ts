// The journal of work in flight: what was taken and never finished comes back after a stop.
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { createJournal } from '../../local/journal.ts';
import { tempDirs } from '../helpers/temp.ts';

const temp = tempDirs('dualtrack-journal-');

describe('the journal of work in flight', () => {
  it('gives back what was taken and not finished, oldest first, after a new start', () => {
    // Prepare
    const path = join(temp.make(), 'j.jsonl');
    const first = createJournal(path, z.string());
    first.taken('1', 'one');
    first.taken('2', 'two');
    first.taken('3', 'three');
    first.finished('2');
    // Act: a new process reads the same file.
    const unfinished = createJournal(path, z.string()).unfinished();
    // Assess
    expect(unfinished.map((u) => [u.id, u.item])).toEqual([
      ['1', 'one'],
      ['3', 'three'],
    ]);
  });

  it('skips a line a kill cut short and an item that no longer matches its schema', () => {
    // Prepare
    const path = join(temp.make(), 'j.jsonl');
    const journal = createJournal(path, z.object({ n: z.number() }));
    journal.taken('a', { n: 1 });
    appendFileSync(path, '{"op":"taken","id":"b","at":"2026-01-01T00:00:00.000Z","item":{"n":"two"}}\n{"op":"taken","id":"c","at":"20');
    // Act
    const unfinished = journal.unfinished();
    // Assess
    expect(unfinished.map((u) => u.id)).toEqual(['a']);
  });

  it('compacts the file to the unfinished items, which stay unfinished', () => {
    // Prepare
    const path = join(temp.make(), 'j.jsonl');
    const journal = createJournal(path, z.string());
    for (const id of ['1', '2', '3']) journal.taken(id, `item ${id}`);
    journal.finished('1');
    journal.finished('3');
    // Act
    const kept = journal.compact();
    // Assess
    expect(kept.map((u) => u.id)).toEqual(['2']);
    expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(1);
    expect(createJournal(path, z.string()).unfinished().map((u) => u.item)).toEqual(['item 2']);
  });
});
