// The options several commands share, declared once so the same thing has the same flag, value
// name and wording everywhere: -o/--out, --ally, --reporting-year, --rules, --fx, --json (and, in
// target-options.ts, --endpoint/--stack). Also the checks of their values, each a UsageError
// that names the flag and the value.
import { Option } from 'commander';
import { findAlly } from '../shared/reference/index.ts';
import { UsageError } from './command.ts';

/** `-o, --out <FILE|DIR>`: where the command writes its result. */
const outOption = (valueName: 'FILE' | 'DIR', description: string): Option => new Option(`-o, --out <${valueName}>`, description);

const allyOption = (description: string): Option => new Option('--ally <ALLY>', `${description}; an ISO3 code or a name, e.g. EST or Estonia`);

const reportingYearOption = (): Option =>
  new Option('--reporting-year <YEAR>', 'the year the standings are about (default: the latest year at least half the allies with armed forces report)');

const rulesOption = (defaultId: string): Option => new Option('--rules <FILE>', `a rules file (JSON) instead of the default ${defaultId}`);

const fxOption = (): Option => new Option('--fx <FILE>', 'an exchange-rate table (JSON, the schema of shared/reference/fx-rates.json) instead of the shipped one');

const jsonOption = (description: string): Option => new Option('--json', description);

/** The ISO3 code of the ally `text` names (code, name or alias). */
const allyCode = (text: string): string => {
  const ally = findAlly(text);
  if (!ally) throw new UsageError(`unknown ally "${text}": --ally takes an ISO3 code or a name (\`npm run dualtrack -- allies\` lists them)`);
  return ally.iso3;
};

/** A four-digit year given to `flag`. */
const yearValue = (text: string, flag: string): number => {
  if (!/^\d{4}$/.test(text.trim())) throw new UsageError(`${flag} must be a four-digit year, not "${text}"`);
  return Number(text);
};

export { outOption, allyOption, reportingYearOption, rulesOption, fxOption, jsonOption, allyCode, yearValue };
