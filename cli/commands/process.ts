// `dualtrack process PATH... -o DIR`: the whole pipeline on one machine, over a folder store.
// The inputs are walked (process/inputs.ts), each workbook is filed and ingested as an upload
// (process/filing.ts), then one release is published to DIR/public (process/release.ts) and
// the standings are printed. Upload time is each file's modification time: the file saved last
// wins, and running the command again on the same files publishes nothing new. The rules and
// rates come from --rules/--fx, else the store's config/, else the shipped ones (shared/config).
import { resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError, ConfigInvalidError, loadConfig } from '../../shared/config/index.ts';
import type { LoadedConfig } from '../../shared/config/index.ts';
import { HAGUE_2025, ReceiptStatus } from '../../shared/model/index.ts';
import { currentRecords, referenceFromFx } from '../../shared/pipeline/index.ts';
import type { Storage } from '../../shared/storage/index.ts';
import { createFolderStorage } from '../../shared/storage/index.ts';
import { UsageError } from '../command.ts';
import type { CliIo, CommandModule } from '../command.ts';
import { fxOption, outOption, reportingYearOption, rulesOption, yearValue } from '../options.ts';
import { fileSubmission } from '../process/filing.ts';
import type { Filing } from '../process/filing.ts';
import { collectSubmissionFiles } from '../process/inputs.ts';
import { publishFromStore } from '../process/release.ts';
import { folderReleaseLines } from '../print/publish-outcome.ts';
import { receiptLines, refusal } from '../print/receipt.ts';
import { standingsLines } from '../print/standings.ts';
import type { CliCommand } from '../program.ts';

const MAX_FINDINGS_SHOWN = 3;

const OptionsSchema = z.object({
  out: z.string().optional(),
  reportingYear: z.string().optional(),
  rules: z.string().optional(),
  fx: z.string().optional(),
});

/**
 * The rules and rates: --rules/--fx files, else the store's config/ (`config put --dir`), else
 * the shipped ones. A file named here that cannot be used is a usage matter: the run has not
 * started. Invalid configuration in the store is a failure, printed with every problem.
 */
const configOf = async (storage: Storage, files: { rules?: string; fx?: string }): Promise<LoadedConfig> => {
  try {
    return await loadConfig({ storage, files });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    if (!Object.values(files).includes(error.where)) throw error;
    const hint = error instanceof ConfigInvalidError ? ` (\`dualtrack ${error.kind === 'rules' ? 'rules --rules' : 'config check fx'} FILE\` lists every problem)` : '';
    throw new UsageError(`${error.message}${hint}`, { cause: error });
  }
};

/** One filed file as the terminal shows it: its receipt (first findings only), or why none. */
const filingLines = (path: string, filing: Filing): string[] => {
  if (filing.kind === 'refused') return receiptLines(refusal(filing.findings), { label: path, maxFindings: MAX_FINDINGS_SHOWN });
  if (filing.kind === 'ignored') return [`${path}: IGNORED (${filing.ally}): ${filing.reason}`];
  return receiptLines(filing.receipt, { label: path, duplicate: filing.duplicate, maxFindings: MAX_FINDINGS_SHOWN });
};

const declare = (cmd: CliCommand, io: CliIo): void => {
  cmd
    .description(
      'Runs the pipeline locally: every .xlsx and .csv file in the PATHs (files, or folders searched recursively) is filed under the ally it names, ingested with a receipt, and one release is published to DIR/public (DIR/uploads and DIR/data hold the uploads, receipts and stored submissions). Running it again on the same files publishes nothing new.',
    )
    .argument('<PATH...>', 'submission files, or folders to search')
    .addOption(outOption('DIR', 'the folder store (created if missing)'))
    .addOption(reportingYearOption())
    .addOption(rulesOption(HAGUE_2025.id))
    .addOption(fxOption())
    .addHelpText('after', '\nExit code: 0 published or nothing changed, 1 every file was rejected, 2 bad usage.')
    .runs(async (paths) => {
      const o = cmd.optionsAs(OptionsSchema);
      if (o.out === undefined || o.out === '') throw new UsageError('-o/--out DIR is required');
      const reportingYear = o.reportingYear === undefined ? undefined : yearValue(o.reportingYear, '--reporting-year');
      const out = resolve(io.cwd, o.out);
      const storage = createFolderStorage(out);
      const config = await configOf(storage, {
        ...(o.rules === undefined ? {} : { rules: resolve(io.cwd, o.rules) }),
        ...(o.fx === undefined ? {} : { fx: resolve(io.cwd, o.fx) }),
      });
      const rules = config.rules.value;
      const files = await collectSubmissionFiles(paths, io.cwd);
      if (files.length === 0) throw new UsageError('found no .xlsx or .csv file in the paths given');
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
        reference: referenceFromFx(config.fx.value),
        ...(reportingYear === undefined ? {} : { reportingYear }),
        now,
      });
      io.out('');
      if (dataset) io.out(standingsLines(dataset).join('\n'));
      io.out('');
      io.out(folderReleaseLines(outcome, out).join('\n'));
      return accepted === 0 ? 1 : 0;
    });
};

const command: CommandModule = { declare };

export { command };
