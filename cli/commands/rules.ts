// `dualtrack rules [--file PATH]`: print the default rule set, or check a rules file and print
// it as it will be applied (defaults filled in).
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { HAGUE_2025 } from '../../shared/model/index.ts';
import { UsageError } from '../command.ts';
import type { CliCommand, CliIo } from '../command.ts';
import { readRulesFile, RulesFileError } from '../rules-file.ts';

const usage = `Usage: npm run dualtrack -- rules [--file PATH]

Prints the default rules (${HAGUE_2025.id}) as JSON.
  --file PATH   check a rules file (JSON) instead and print it with defaults filled in;
                exit code 1 and every problem named by field if it is not valid.`;

const parse = (args: string[]): { file?: string } => {
  try {
    const { values } = parseArgs({ args, options: { file: { type: 'string' } }, strict: true, allowPositionals: false });
    return values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), { cause: error });
  }
};

const run = async (args: string[], io: CliIo): Promise<number> => {
  const { file } = parse(args);
  if (file === undefined) {
    io.out(JSON.stringify(HAGUE_2025, null, 2));
    return 0;
  }
  const path = resolve(io.cwd, file);
  try {
    io.out(JSON.stringify(await readRulesFile(path), null, 2));
    return 0;
  } catch (error) {
    if (!(error instanceof RulesFileError)) throw error;
    // The verdict on the file, like a receipt: every problem on its own line.
    if (error.problems.length === 0) io.err(`dualtrack rules: ${error.message}`);
    else io.err([`dualtrack rules: ${path} is not a valid rules file:`, ...error.problems.map((p) => `  ${p}`)].join('\n'));
    return 1;
  }
};

const command: CliCommand = { name: 'rules', summary: 'print the default rules, or check a rules file', usage, run };

export { command };
