// `dualtrack allies [--json]`: the allies the project knows, with their currencies.
import { parseArgs } from 'node:util';
import { ALLIES, currentCurrency, euroChangeover } from '../../shared/reference/index.ts';
import type { AllyRef } from '../../shared/reference/index.ts';
import { UsageError } from '../command.ts';
import type { CliCommand, CliIo } from '../command.ts';

const usage = `Usage: npm run dualtrack -- allies [--json]

Lists the ${ALLIES.length} allies: ISO3 code, English and French names, currency today, year of
accession and euro changeover.
  --json   print the full reference records (names, aliases, currency history) as JSON.`;

const parse = (args: string[]): { json?: boolean } => {
  try {
    const { values } = parseArgs({ args, options: { json: { type: 'boolean' } }, strict: true, allowPositionals: false });
    return values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), { cause: error });
  }
};

const HEADERS = ['ISO3', 'English name', 'French name', 'Currency', 'Accession', 'Euro changeover'];

const rowOf = (ally: AllyRef): string[] => {
  const euro = euroChangeover(ally.iso3);
  return [
    ally.iso3,
    ally.nameEn,
    ally.nameFr,
    currentCurrency(ally.iso3) ?? '',
    String(ally.accession),
    euro ? `${euro.date} (${euro.eurRate} ${euro.currency} = 1 EUR)` : '',
  ];
};

const table = (rows: string[][]): string => {
  const widths = HEADERS.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => cell.padEnd(widths[c] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(HEADERS), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
};

const run = async (args: string[], io: CliIo): Promise<number> => {
  const { json } = parse(args);
  io.out(json ? JSON.stringify(ALLIES, null, 2) : table(ALLIES.map(rowOf)));
  return 0;
};

const command: CliCommand = { name: 'allies', summary: 'list the allies, their names and currencies', usage, run };

export { command };
