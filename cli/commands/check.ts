// `dualtrack check FILE [--ally ISO3] [--json] [--annotated OUT] [--as-of DATE] [--rules FILE]`:
// a dry run of ingest on a local file, under the default rules or a rules file (read through
// the one loader, shared/config). Nothing is stored; the verdict is the exit code (0 accepted,
// 1 rejected).
import { createHash } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { z } from 'zod';
import { ingestSubmission, submissionIdFor } from '../../shared/ingest/index.ts';
import { ConfigError, loadRules } from '../../shared/config/index.ts';
import { HAGUE_2025, ReceiptStatus } from '../../shared/model/index.ts';
import type { Rules } from '../../shared/model/index.ts';
import { UsageError } from '../command.ts';
import type { CliIo, CommandModule } from '../command.ts';
import { allyCode, allyOption, jsonOption, rulesOption } from '../options.ts';
import { receiptLines } from '../print/receipt.ts';
import type { CliCommand } from '../program.ts';

const OptionsSchema = z.object({
  ally: z.string().optional(),
  json: z.boolean().optional(),
  annotated: z.string().optional(),
  asOf: z.string().optional(),
  rules: z.string().optional(),
});

/** The rules a file names (a file that cannot be used is bad usage), else the default. */
const rulesOf = async (file: string | undefined): Promise<Rules> => {
  try {
    return (await loadRules(file === undefined ? {} : { files: { rules: file } })).value;
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message, { cause: error });
    throw error;
  }
};

/** The date --as-of names, at noon UTC. */
const asOfDate = (text: string): Date => {
  const date = new Date(`${text}T12:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(date.getTime())) throw new UsageError(`--as-of wants a date as YYYY-MM-DD, not "${text}"`);
  return date;
};

const readInput = async (path: string): Promise<Buffer> => {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new UsageError(`${path} is not a file`);
    return await readFile(path);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
};

const declare = (cmd: CliCommand, io: CliIo): void => {
  cmd
    .description('Checks a submission (.xlsx or .csv) exactly as an upload would be checked, without storing it, and prints its receipt.')
    .argument('<FILE>', 'the submission to check')
    .addOption(allyOption('the ally the upload would be filed under (default: the one the workbook names)'))
    .addOption(jsonOption('print the receipt as JSON instead of a summary'))
    .option('--annotated <FILE>', 'also write the annotated copy (cells marked, Receipt sheet first) to FILE')
    .option('--as-of <DATE>', 'check as if uploaded on DATE (YYYY-MM-DD; default: now), which decides which years are past, current and future')
    .addOption(rulesOption(HAGUE_2025.id))
    .addHelpText('after', '\nExit code: 0 accepted (with or without warnings), 1 rejected, 2 bad usage.')
    .runs(async ([file = '']) => {
      const o = cmd.optionsAs(OptionsSchema);
      const ally = o.ally === undefined ? null : allyCode(o.ally);
      const asOf = o.asOf === undefined ? null : asOfDate(o.asOf);
      const rules = await rulesOf(o.rules === undefined ? undefined : resolve(io.cwd, o.rules));
      const path = resolve(io.cwd, file);
      const bytes = await readInput(path);
      const fileName = basename(path);
      // A dry run checks the file as if it were uploaded now (or on --as-of).
      const now = asOf ?? new Date();
      const uploadedAt = now.toISOString();
      const submissionId = submissionIdFor({ key: fileName, etag: createHash('sha256').update(bytes).digest('hex'), uploadedAt });
      const { receipt, annotated } = await ingestSubmission({ bytes, fileName, expectedAlly: ally, submissionId, uploadedAt, rules, now });
      if (o.annotated && annotated) await writeFile(resolve(io.cwd, o.annotated), annotated);
      io.out(o.json ? JSON.stringify(receipt, null, 2) : receiptLines(receipt, { label: fileName }).join('\n'));
      return receipt.status === ReceiptStatus.rejected ? 1 : 0;
    });
};

const command: CommandModule = { declare };

export { command };
