// `dualtrack template --ally ISO3 [--from 2014] [--to 2035] [--lang en|fr] -o FILE.xlsx`:
// writes the submission template for one ally.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { findAlly } from '../../shared/reference/index.ts';
import { DEFAULT_FROM, DEFAULT_TO, TemplateError, buildTemplate } from '../../shared/template/index.ts';
import { UsageError } from '../command.ts';
import type { CliCommand, CliIo } from '../command.ts';

const usage = `Usage: npm run dualtrack -- template --ally ISO3 [--from ${DEFAULT_FROM}] [--to ${DEFAULT_TO}] [--lang en|fr] -o FILE.xlsx

Writes the submission template for one ally: instructions, one row per year with the ally and
its currency filled in, validated input cells and computed checks.
  --ally ISO3      the ally (ISO3 code, or its English or French name)
  --from YEAR      first year (default ${DEFAULT_FROM})
  --to YEAR        last year (default ${DEFAULT_TO})
  --lang en|fr     language of labels and instructions (default en)
  -o, --out FILE   where to write the .xlsx`;

interface TemplateArgs {
  ally: string;
  from: number;
  to: number;
  lang: 'en' | 'fr';
  out: string;
}

const year = (text: string | undefined, fallback: number, flag: string): number => {
  if (text === undefined) return fallback;
  if (!/^\d{4}$/.test(text.trim())) throw new UsageError(`${flag} must be a four-digit year, not "${text}"`);
  return Number(text);
};

const parse = (args: string[]): TemplateArgs => {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        ally: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        lang: { type: 'string' },
        out: { type: 'string', short: 'o' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), { cause: error });
  }
  if (!values.ally) throw new UsageError('--ally is required');
  if (!values.out) throw new UsageError('-o FILE.xlsx is required');
  if (!values.out.toLowerCase().endsWith('.xlsx')) throw new UsageError(`the output file must end in .xlsx, not "${values.out}"`);
  const lang = values.lang ?? 'en';
  if (lang !== 'en' && lang !== 'fr') throw new UsageError(`--lang must be en or fr, not "${lang}"`);
  return { ally: values.ally, from: year(values.from, DEFAULT_FROM, '--from'), to: year(values.to, DEFAULT_TO, '--to'), lang, out: values.out };
};

const run = async (args: string[], io: CliIo): Promise<number> => {
  const a = parse(args);
  const ally = findAlly(a.ally);
  if (!ally) throw new UsageError(`unknown ally "${a.ally}"; run \`npm run dualtrack -- allies\` for the list`);
  let bytes: Buffer;
  try {
    bytes = await buildTemplate({ ally, from: a.from, to: a.to, lang: a.lang });
  } catch (error) {
    if (error instanceof TemplateError) throw new UsageError(error.message, { cause: error });
    throw error;
  }
  const path = resolve(io.cwd, a.out);
  await writeFile(path, bytes);
  io.out(`Wrote ${path}: template for ${a.lang === 'fr' ? ally.nameFr : ally.nameEn} (${ally.iso3}), ${a.from}-${a.to}, ${a.lang}.`);
  return 0;
};

const command: CliCommand = { name: 'template', summary: 'write the submission template for an ally', usage, run };

export { command };
