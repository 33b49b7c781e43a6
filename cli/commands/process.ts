// `dualtrack process PATH... --out DIR`: the whole pipeline on one machine, over a folder store.
// The inputs are walked (process/inputs.ts), each workbook is filed and ingested as an upload
// (process/filing.ts), then one release is published to DIR/public (process/release.ts) and
// the standings are printed. Upload time is each file's modification time: the file saved last
// wins, and running the command again on the same files publishes nothing new.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { HAGUE_2025, ReceiptStatus } from '../../shared/model/index.ts';
import type { Rules } from '../../shared/model/index.ts';
import { currentRecords } from '../../shared/pipeline/index.ts';
import { createFolderStorage } from '../../shared/storage/index.ts';
import { UsageError } from '../command.ts';
import type { CliCommand, CliIo } from '../command.ts';
import { fileSubmission } from '../process/filing.ts';
import type { Filing } from '../process/filing.ts';
import { collectSubmissionFiles } from '../process/inputs.ts';
import { publishFromStore } from '../process/release.ts';
import { folderReleaseLines } from '../print/publish-outcome.ts';
import { receiptLines, refusal } from '../print/receipt.ts';
import { standingsLines } from '../print/standings.ts';
import { readRulesFile, RulesFileError } from '../rules-file.ts';

const usage = `Usage: npm run dualtrack -- process PATH... --out DIR [--reporting-year Y] [--rules FILE]

Runs the pipeline locally: every .xlsx and .csv file in the PATHs (files, or folders searched
recursively) is filed under the ally it names, ingested with a receipt, and one release is
published to DIR/public (DIR/uploads and DIR/data hold the uploads, receipts and stored
submissions). Running it again on the same files publishes nothing new.
  --out DIR             the folder store (created if missing)
  --reporting-year Y    the year the standings are about (default: the latest year at least
                        half the allies with armed forces report)
  --rules FILE          a rules file (JSON) instead of the default ${HAGUE_2025.id}
Exit code: 0 published or nothing changed, 1 every file was rejected, 2 bad usage.`;

interface Options {
  paths: string[];
  out: string;
  reportingYear?: number;
  rules?: string;
}

const parse = (args: string[]): Options => {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { out: { type: 'string' }, 'reporting-year': { type: 'string' }, rules: { type: 'string' } },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), { cause: error });
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0) throw new UsageError('name at least one file or folder to process');
  if (values.out === undefined || values.out === '') throw new UsageError('--out DIR is required');
  const options: Options = { paths: positionals, out: values.out };
  const year = values['reporting-year'];
  if (year !== undefined) {
    if (!/^\d{4}$/.test(year)) throw new UsageError(`--reporting-year must be a year, not "${year}"`);
    options.reportingYear = Number(year);
  }
  if (values.rules !== undefined) options.rules = values.rules;
  return options;
};

/** A rules file is a usage matter here: the run has not started. */
const loadRules = async (path: string | undefined): Promise<Rules> => {
  if (path === undefined) return HAGUE_2025;
  try {
    return await readRulesFile(path);
  } catch (error) {
    if (error instanceof RulesFileError) {
      const hint = error.problems.length > 0 ? '; check it with `dualtrack rules --rules FILE`' : '';
      throw new UsageError(`${error.message}${hint}`, { cause: error });
    }
    throw error;
  }
};

const MAX_FINDINGS_SHOWN = 3;

/** One filed file as the terminal shows it: its receipt (first findings only), or why none. */
const filingLines = (path: string, filing: Filing): string[] => {
  if (filing.kind === 'refused') return receiptLines(refusal(filing.findings), { label: path, maxFindings: MAX_FINDINGS_SHOWN });
  if (filing.kind === 'ignored') return [`${path}: IGNORED (${filing.ally}): ${filing.reason}`];
  return receiptLines(filing.receipt, { label: path, duplicate: filing.duplicate, maxFindings: MAX_FINDINGS_SHOWN });
};

const run = async (args: string[], io: CliIo): Promise<number> => {
  const options = parse(args);
  const rules = await loadRules(options.rules === undefined ? undefined : resolve(io.cwd, options.rules));
  const files = await collectSubmissionFiles(options.paths, io.cwd);
  if (files.length === 0) throw new UsageError('found no .xlsx or .csv file in the paths given');
  const out = resolve(io.cwd, options.out);
  const storage = createFolderStorage(out);
  const now = new Date();

  io.out(`Receipts (${files.length} file(s)):`);
  let accepted = 0;
  for (const path of files) {
    const filing = await fileSubmission(path, storage, rules, now);
    io.out(filingLines(path, filing).join('\n'));
    if (filing.kind === 'checked' && filing.receipt.status !== ReceiptStatus.rejected) accepted += 1;
  }

  if ((await currentRecords(storage)).length === 0) {
    io.out('No accepted submission in the store: nothing to publish.');
    return 1;
  }
  const { outcome, dataset } = await publishFromStore({
    storage,
    rules,
    env: io.env,
    ...(options.reportingYear === undefined ? {} : { reportingYear: options.reportingYear }),
    now,
  });
  io.out('');
  if (dataset) io.out(standingsLines(dataset).join('\n'));
  io.out('');
  io.out(folderReleaseLines(outcome, out).join('\n'));
  return accepted === 0 ? 1 : 0;
};

const command: CliCommand = {
  name: 'process',
  summary: 'ingest workbooks and publish a release into a local folder',
  usage,
  run,
};

export { command };
