// `dualtrack allies [--json]`: the allies the project knows, with their currencies.
import { z } from 'zod';
import { ALLIES, currentCurrency, euroChangeover } from '../../shared/reference/index.ts';
import type { AllyRef } from '../../shared/reference/index.ts';
import type { CliIo, CommandModule } from '../command.ts';
import { jsonOption } from '../options.ts';
import type { CliCommand } from '../program.ts';

const OptionsSchema = z.object({ json: z.boolean().optional() });

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

const declare = (cmd: CliCommand, io: CliIo): void => {
  cmd
    .description(`Lists the ${ALLIES.length} allies: ISO3 code, English and French names, currency today, year of accession and euro changeover.`)
    .addOption(jsonOption('print the full reference records (names, aliases, currency history) as JSON'))
    .runs(async () => {
      const { json } = cmd.optionsAs(OptionsSchema);
      io.out(json ? JSON.stringify(ALLIES, null, 2) : table(ALLIES.map(rowOf)));
      return 0;
    });
};

const command: CommandModule = { declare };

export { command };
