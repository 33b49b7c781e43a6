// `dualtrack check FILE [--ally ISO3] [--json] [--annotated OUT]`: a dry run of ingest on a
// local file. Nothing is stored; the verdict is the exit code (0 accepted, 1 rejected).
import { createHash } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ingestSubmission, submissionIdFor } from '../../shared/ingest/index.ts';
import { HAGUE_2025, ReceiptStatus } from '../../shared/model/index.ts';
import { allyByIso3 } from '../../shared/reference/index.ts';
import { UsageError } from '../command.ts';
import { receiptLines } from '../print/receipt.ts';
import type { CliCommand, CliIo } from '../command.ts';

const usage = `Usage: npm run dualtrack -- check FILE [--ally ISO3] [--json] [--annotated OUT.xlsx] [--as-of DATE]

Checks a submission (.xlsx or .csv) exactly as an upload would be checked, without storing it.
  --ally ISO3        the ally the upload would be filed under (default: the one the workbook names)
  --json             print the receipt as JSON instead of a summary
  --annotated OUT    also write the annotated copy (cells marked, Receipt sheet first) to OUT
  --as-of DATE       check as if uploaded on DATE (YYYY-MM-DD; default: now), which decides
                     which years are past, current and future
Exit code: 0 accepted (with or without warnings), 1 rejected, 2 bad usage.`;

interface CheckArgs {
  file: string;
  ally: string | null;
  json: boolean;
  annotated: string | null;
  asOf: Date | null;
}

const OPTIONS = {
  ally: { type: 'string' },
  json: { type: 'boolean' },
  annotated: { type: 'string' },
  'as-of': { type: 'string' },
} as const;

const parseRaw = (args: string[]) => {
  try {
    return parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), { cause: error });
  }
};

const parse = (args: string[]): CheckArgs => {
  const parsed = parseRaw(args);
  const [file, ...extra] = parsed.positionals;
  if (!file) throw new UsageError('give the file to check');
  if (extra.length > 0) throw new UsageError(`one file at a time (also got: ${extra.join(' ')})`);
  const code = parsed.values.ally?.trim().toUpperCase() ?? null;
  if (code !== null && !allyByIso3(code)) {
    throw new UsageError(`"${parsed.values.ally}" is not an ally's ISO3 code (see: npm run dualtrack -- allies)`);
  }
  const asOfText = parsed.values['as-of'];
  const asOf = asOfText === undefined ? null : new Date(`${asOfText}T12:00:00Z`);
  if (asOf !== null && (!/^\d{4}-\d{2}-\d{2}$/.test(asOfText ?? '') || Number.isNaN(asOf.getTime()))) {
    throw new UsageError(`--as-of wants a date as YYYY-MM-DD, not "${asOfText}"`);
  }
  return { file, ally: code, json: parsed.values.json ?? false, annotated: parsed.values.annotated ?? null, asOf };
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

const run = async (args: string[], io: CliIo): Promise<number> => {
  const options = parse(args);
  const path = resolve(io.cwd, options.file);
  const bytes = await readInput(path);
  const fileName = basename(path);
  // A dry run checks the file as if it were uploaded now (or on --as-of).
  const now = options.asOf ?? new Date();
  const uploadedAt = now.toISOString();
  const submissionId = submissionIdFor({
    key: fileName,
    etag: createHash('sha256').update(bytes).digest('hex'),
    uploadedAt,
  });
  const { receipt, annotated } = await ingestSubmission({
    bytes,
    fileName,
    expectedAlly: options.ally,
    submissionId,
    uploadedAt,
    rules: HAGUE_2025,
    now,
  });
  if (options.annotated && annotated) await writeFile(resolve(io.cwd, options.annotated), annotated);
  io.out(options.json ? JSON.stringify(receipt, null, 2) : receiptLines(receipt, { label: fileName }).join('\n'));
  return receipt.status === ReceiptStatus.rejected ? 1 : 0;
};

const command: CliCommand = {
  name: 'check',
  summary: 'check a submission file as an upload would be checked (dry run)',
  usage,
  run,
};

export { command };
