// A child process for the folder store's cross-process race: after the start line, for each of
// ROUNDS rounds it tries to create the round's claim key (create only) and adds one to a shared
// counter (read, then replace only that version; retried when another process won). It prints
// the rounds whose claim it won as JSON.
import { createFolderStorage, PreconditionFailedError } from '../../../../shared/storage/index.ts';
import { startLine } from '../../../helpers/ts-child.ts';

const [dir, name, roundsArg] = process.argv.slice(2);
if (!dir || !name || !roundsArg) throw new Error('usage: folder-racer DIR NAME ROUNDS');
const storage = createFolderStorage(dir);

const increment = async (): Promise<void> => {
  for (;;) {
    const current = await storage.get('data', 'race/counter');
    if (!current?.etag) throw new Error('no counter');
    try {
      await storage.put('data', 'race/counter', String(Number(current.body.toString()) + 1), { ifMatch: current.etag });
      return;
    } catch (error) {
      if (!(error instanceof PreconditionFailedError)) throw error;
    }
  }
};

await startLine();
const won: number[] = [];
for (let i = 0; i < Number(roundsArg); i += 1) {
  try {
    await storage.put('public', `race/claims/${i}`, name, { ifNoneMatch: '*' });
    won.push(i);
  } catch (error) {
    if (!(error instanceof PreconditionFailedError)) throw error;
  }
  await increment();
}
process.stdout.write(`${JSON.stringify({ name, won })}\n`);
