// `dualtrack rules [--file PATH]`: print the default rule set, or check a rules file and print
// it as it will be applied (defaults filled in).
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { HAGUE_2025, RulesSchema } from '../../shared/model/index.ts';
import { UsageError } from '../command.ts';
import type { CliCommand, CliIo } from '../command.ts';

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

const readRulesFile = async (path: string, io: CliIo): Promise<unknown> => {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    io.err(`dualtrack rules: cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
};

const run = async (args: string[], io: CliIo): Promise<number> => {
  const { file } = parse(args);
  if (file === undefined) {
    io.out(JSON.stringify(HAGUE_2025, null, 2));
    return 0;
  }
  const path = resolve(io.cwd, file);
  const data = await readRulesFile(path, io);
  if (data === undefined) return 1;
  const result = RulesSchema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.length > 0 ? i.path.join('.') : '(root)'}: ${i.message}`);
    io.err([`dualtrack rules: ${path} is not a valid rules file:`, ...problems].join('\n'));
    return 1;
  }
  io.out(JSON.stringify(result.data, null, 2));
  return 0;
};

const command: CliCommand = { name: 'rules', summary: 'print the default rules, or check a rules file', usage, run };

export { command };
