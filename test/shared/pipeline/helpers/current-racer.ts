// A child process for the folder store's cross-process ingest race: after the start line it
// ingests COUNT submissions of one ally as ingest stores them (archived, then added to the
// ally's current figures), each a different year, and prints their ids as JSON.
import { recordAccepted } from '../../../../shared/pipeline/index.ts';
import { createFolderStorage, dataKeys } from '../../../../shared/storage/index.ts';
import { startLine } from '../../../helpers/ts-child.ts';
import { makeStoredSubmission } from '../../../helpers/stored-submissions.ts';

const [dir, name, countArg] = process.argv.slice(2);
if (!dir || !name || !countArg) throw new Error('usage: current-racer DIR NAME COUNT');
const storage = createFolderStorage(dir);

await startLine();
const ids: string[] = [];
for (let i = 0; i < Number(countArg); i += 1) {
  const s = makeStoredSubmission({
    ally: 'POL',
    submissionId: `${name}-${String(i).padStart(2, '0')}`,
    uploadedAt: `2026-03-01T10:00:${String(i).padStart(2, '0')}.000Z`,
    records: [{ year: 2000 + i, core: name === 'a' ? 1 : 2 }],
  });
  await storage.put('data', dataKeys.submission(s.ally, s.submissionId), JSON.stringify(s));
  await recordAccepted(storage, s);
  ids.push(s.submissionId);
}
process.stdout.write(`${JSON.stringify({ name, ids })}\n`);
