// `dualtrack upload FILE --ally ISO3`: sends a submission to a running local cloud (or a
// deployed stack) and prints its receipt. Thin: the work is in local/upload.ts.
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_ENDPOINT } from '../../local/contract.ts';
import { CloudClientError } from '../clients/errors.ts';
import { resolveTarget } from '../clients/target.ts';
import type { TargetChoice } from '../clients/target.ts';
import { uploadAndWait } from '../clients/upload.ts';
import { receiptLines } from '../print/receipt.ts';
import { UsageError } from '../command.ts';
import type { CliCommand, CliIo } from '../command.ts';

const DEFAULT_TIMEOUT_S = 180;

const usage = `Usage: npm run dualtrack -- upload FILE --ally ISO3 [--endpoint URL | --stack NAME] [--timeout S]

Uploads FILE under submissions/<ISO3>/ in the uploads bucket, waits for its receipt and prints
it: the verdict and every finding.
  --ally ISO3      the ally the submission is for (three letters, e.g. EST)
  --endpoint URL   a running local cloud (default ${DEFAULT_ENDPOINT}; see \`serve\`)
  --stack NAME     a deployed stack instead (its UploadsBucketName output), with the AWS
                   credentials and region of the environment
  --timeout S      how long to wait for the receipt (default ${DEFAULT_TIMEOUT_S} s)
Exit code: 0 accepted (with or without warnings), 1 rejected or no receipt, 2 bad usage.`;

interface Options {
  file: string;
  ally: string;
  target: TargetChoice;
  timeoutMs: number;
}

const parse = (args: string[]): Options => {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { ally: { type: 'string' }, endpoint: { type: 'string' }, stack: { type: 'string' }, timeout: { type: 'string' } },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), { cause: error });
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1 || !positionals[0]) throw new UsageError('name exactly one FILE to upload');
  if (!values.ally || !/^[A-Za-z]{3}$/.test(values.ally)) throw new UsageError('--ally must be a three-letter ISO code, e.g. EST');
  if (values.endpoint !== undefined && values.stack !== undefined) throw new UsageError('give --endpoint or --stack, not both');
  const timeout = values.timeout ?? String(DEFAULT_TIMEOUT_S);
  if (!/^\d+$/.test(timeout) || Number(timeout) === 0) throw new UsageError(`--timeout must be a number of seconds, not "${timeout}"`);
  return {
    file: positionals[0],
    ally: values.ally.toUpperCase(),
    target: values.stack !== undefined ? { stack: values.stack } : { endpoint: values.endpoint ?? DEFAULT_ENDPOINT },
    timeoutMs: Number(timeout) * 1000,
  };
};

const run = async (args: string[], io: CliIo): Promise<number> => {
  const options = parse(args);
  const path = resolve(io.cwd, options.file);
  const body = await readFile(path).catch((error: unknown) => {
    throw new UsageError(`cannot read ${options.file}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  });
  try {
    const target = await resolveTarget(options.target);
    try {
      const { receipt, receiptKey, annotatedKey } = await uploadAndWait({
        target,
        ally: options.ally,
        fileName: basename(path),
        body,
        timeoutMs: options.timeoutMs,
        onUploaded: (key) => io.out(`Uploaded to s3://${target.uploadsBucket}/${key} (${target.description}); waiting for the receipt...`),
      });
      io.out(receiptLines(receipt, { label: receipt.file }).join('\n'));
      io.out(`Receipt: s3://${target.uploadsBucket}/${receiptKey} (submission ${receipt.submissionId})`);
      if (annotatedKey) io.out(`Annotated workbook (offending cells marked): s3://${target.uploadsBucket}/${annotatedKey}`);
      return receipt.status === 'rejected' ? 1 : 0;
    } finally {
      target.close();
    }
  } catch (error) {
    if (error instanceof CloudClientError) {
      io.err(`dualtrack upload: ${error.message}`);
      return 1;
    }
    throw error;
  }
};

const command: CliCommand = {
  name: 'upload',
  summary: 'upload a submission to the local cloud (or a stack) and print its receipt',
  usage,
  run,
};

export { command };
