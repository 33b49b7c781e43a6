import { describe, it, expect } from 'vitest';
import { readFile } from 'node:fs/promises';
import { latinConfusables } from '../../scripts/confusables/index.ts';

describe("the reader's confusables table", () => {
  it('is the selection of the installed Unicode table that folds to one ASCII letter (rerun scripts/confusables-latin.ts when it is not)', async () => {
    // Prepare
    const kept = JSON.parse(await readFile(new URL('../../shared/ingest/read/confusables-latin.json', import.meta.url), 'utf8')) as unknown;

    // Act
    const selected = await latinConfusables();

    // Assess
    expect(kept).toEqual(selected);
    expect(Object.keys(selected).length).toBeGreaterThan(1000);
  });
});
