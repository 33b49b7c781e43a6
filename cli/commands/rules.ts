// `dualtrack rules [--rules FILE]`: print the default rule set, or check a rules file and print
// it as it will be applied (defaults filled in).
import { resolve } from 'node:path';
import { z } from 'zod';
import { HAGUE_2025 } from '../../shared/model/index.ts';
import type { CliIo, CommandModule } from '../command.ts';
import { UsageError } from '../command.ts';
import { rulesOption } from '../options.ts';
import type { CliCommand } from '../program.ts';
import { ConfigError, loadRules } from '../../shared/config/index.ts';
import { configErrorLines } from '../config-file.ts';

const OptionsSchema = z.object({ rules: z.string().optional(), file: z.string().optional() });

const declare = (cmd: CliCommand, io: CliIo): void => {
  cmd
    .description(`Prints the default rules (${HAGUE_2025.id}) as JSON, or checks a rules file and prints it with defaults filled in.`)
    .addOption(rulesOption(HAGUE_2025.id).conflicts('file'))
    .option('--file <FILE>', 'the same as --rules (its earlier spelling)')
    .addHelpText('after', '\nExit code: 0 printed, 1 the rules file cannot be read or is not valid (every problem named by field), 2 bad usage.')
    .runs(async () => {
      const options = cmd.optionsAs(OptionsSchema);
      const file = options.rules ?? options.file;
      if (file === undefined) {
        io.out(JSON.stringify(HAGUE_2025, null, 2));
        return 0;
      }
      if (file === '') throw new UsageError('--rules needs a file name');
      const path = resolve(io.cwd, file);
      try {
        io.out(JSON.stringify((await loadRules({ files: { rules: path } })).value, null, 2));
        return 0;
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        // The verdict on the file, like a receipt: every problem on its own line.
        const [first = '', ...rest] = configErrorLines(error);
        io.err([`dualtrack rules: ${first}`, ...rest].join('\n'));
        return 1;
      }
    });
};

const command: CommandModule = { declare };

export { command };
