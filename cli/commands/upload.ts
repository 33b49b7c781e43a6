// `dualtrack upload FILE --ally ISO3`: sends a submission to a running local cloud (or a
// deployed stack) and prints its receipt. Thin: the work is in cli/clients/upload.ts.
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { z } from 'zod';
import { resolveTarget } from '../clients/target.ts';
import { uploadAndWait } from '../clients/upload.ts';
import { UsageError } from '../command.ts';
import type { CliIo, CommandModule } from '../command.ts';
import { allyCode, allyOption } from '../options.ts';
import { receiptLines } from '../print/receipt.ts';
import type { CliCommand } from '../program.ts';
import { TargetOptionsSchema, endpointOption, stackOption, targetOf } from '../target-options.ts';

const DEFAULT_TIMEOUT_S = 180;

const OptionsSchema = TargetOptionsSchema.extend({ ally: z.string().optional(), timeout: z.string().optional() });

const declare = (cmd: CliCommand, io: CliIo): void => {
  cmd
    .description('Uploads FILE under submissions/<ISO3>/ in the uploads bucket, waits for its receipt and prints it: the verdict and every finding.')
    .argument('<FILE>', 'the submission to upload')
    .addOption(allyOption('the ally the submission is for'))
    .addOption(endpointOption())
    .addOption(stackOption('its UploadsBucketName output'))
    .option('--timeout <SECONDS>', `how long to wait for the receipt (default ${DEFAULT_TIMEOUT_S})`)
    .addHelpText('after', '\nExit code: 0 accepted (with or without warnings), 1 rejected or no receipt, 2 bad usage.')
    .runs(async ([file = '']) => {
      const o = cmd.optionsAs(OptionsSchema);
      if (o.ally === undefined) throw new UsageError('--ally is required');
      const ally = allyCode(o.ally);
      const timeout = o.timeout ?? String(DEFAULT_TIMEOUT_S);
      if (!/^\d+$/.test(timeout) || Number(timeout) === 0) throw new UsageError(`--timeout must be a number of seconds, not "${timeout}"`);
      const path = resolve(io.cwd, file);
      const body = await readFile(path).catch((error: unknown) => {
        throw new UsageError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      });
      const target = await resolveTarget(targetOf(o));
      try {
        const { receipt, receiptKey, annotatedKey } = await uploadAndWait({
          target,
          ally,
          fileName: basename(path),
          body,
          timeoutMs: Number(timeout) * 1000,
          onUploaded: (key) => io.out(`Uploaded to s3://${target.uploadsBucket}/${key} (${target.description}); waiting for the receipt...`),
        });
        io.out(receiptLines(receipt, { label: receipt.file }).join('\n'));
        io.out(`Receipt: s3://${target.uploadsBucket}/${receiptKey} (submission ${receipt.submissionId})`);
        if (annotatedKey) io.out(`Annotated workbook (offending cells marked): s3://${target.uploadsBucket}/${annotatedKey}`);
        return receipt.status === 'rejected' ? 1 : 0;
      } finally {
        target.close();
      }
    });
};

const command: CommandModule = { declare };

export { command };
