// `dualtrack template --ally ISO3 [--from 2014] [--to 2035] [--lang en|fr] -o FILE.xlsx`:
// writes the submission template for one ally.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Option } from 'commander';
import { z } from 'zod';
import { allyByIso3 } from '../../shared/reference/index.ts';
import { DEFAULT_FROM, DEFAULT_TO, TemplateError, buildTemplate } from '../../shared/template/index.ts';
import { UsageError } from '../command.ts';
import type { CliIo, CommandModule } from '../command.ts';
import { allyCode, allyOption, outOption, yearValue } from '../options.ts';
import type { CliCommand } from '../program.ts';

const OptionsSchema = z.object({
  ally: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  lang: z.enum(['en', 'fr']),
  out: z.string().optional(),
});

const declare = (cmd: CliCommand, io: CliIo): void => {
  cmd
    .description('Writes the submission template for one ally: instructions, one row per year with the ally and its currency filled in, validated input cells and computed checks.')
    .addOption(allyOption('the ally'))
    .option('--from <YEAR>', `first year (default ${DEFAULT_FROM})`)
    .option('--to <YEAR>', `last year (default ${DEFAULT_TO})`)
    .addOption(new Option('--lang <LANG>', 'language of labels and instructions').choices(['en', 'fr']).default('en'))
    .addOption(outOption('FILE', 'where to write the .xlsx'))
    .runs(async () => {
      const o = cmd.optionsAs(OptionsSchema);
      if (!o.ally) throw new UsageError('--ally is required');
      if (!o.out) throw new UsageError('-o FILE.xlsx is required');
      if (!o.out.toLowerCase().endsWith('.xlsx')) throw new UsageError(`the output file must end in .xlsx, not "${o.out}"`);
      const ally = allyByIso3(allyCode(o.ally));
      if (!ally) throw new UsageError(`unknown ally "${o.ally}"`);
      const from = o.from === undefined ? DEFAULT_FROM : yearValue(o.from, '--from');
      const to = o.to === undefined ? DEFAULT_TO : yearValue(o.to, '--to');
      let bytes: Buffer;
      try {
        bytes = await buildTemplate({ ally, from, to, lang: o.lang });
      } catch (error) {
        if (error instanceof TemplateError) throw new UsageError(error.message, { cause: error });
        throw error;
      }
      const path = resolve(io.cwd, o.out);
      await writeFile(path, bytes);
      io.out(`Wrote ${path}: template for ${o.lang === 'fr' ? ally.nameFr : ally.nameEn} (${ally.iso3}), ${from}-${to}, ${o.lang}.`);
      return 0;
    });
};

const command: CommandModule = { declare };

export { command };
