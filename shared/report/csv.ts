// compliance.csv: one row per ally and year, for scripts and spreadsheets alike.
// RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a comma, quote or line
// break. UTF-8 without a byte-order mark: scripts (csv modules, awk, pandas) read it as is,
// while a BOM would glue itself to the first column name. Text cells pass through safeText,
// because spreadsheet programs open CSV files too.
import { CORE_PARTS, SECURITY_PARTS } from '../model/index.ts';
import type { AllyYearResult, TrackResult } from '../model/index.ts';
import type { ComplianceDataset, DatasetAlly } from './dataset.ts';
import { safeText } from '../text/index.ts';

/** Table Schema field types (Frictionless), so the data package can describe each column. */
type CsvFieldType = 'string' | 'integer' | 'number' | 'boolean' | 'datetime';
type CsvValue = string | number | boolean | null | undefined;

interface CsvColumn {
  name: string;
  type: CsvFieldType;
  description: string;
  get: (ally: DatasetAlly, year: AllyYearResult) => CsvValue;
}

const snake = (camel: string) => camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

const TRACKS = ['core', 'security', 'combined'] as const;

const trackColumns = (track: (typeof TRACKS)[number]): CsvColumn[] => {
  const t = (y: AllyYearResult): TrackResult => y.tracks[track];
  return [
    { name: `${track}_status`, type: 'string', description: `Status on the ${track} track`, get: (_a, y) => t(y).status },
    { name: `${track}_target`, type: 'number', description: `${track} target, % of GDP`, get: (_a, y) => t(y).target },
    { name: `${track}_path`, type: 'number', description: `${track} trajectory for the year, % of GDP`, get: (_a, y) => t(y).path },
    {
      name: `${track}_gap_national`,
      type: 'number',
      description: `Amount still needed to reach the ${track} target, millions of national currency`,
      get: (_a, y) => t(y).gapNational,
    },
    { name: `${track}_gap_usd`, type: 'number', description: `The same gap, millions of USD`, get: (_a, y) => t(y).gapUsd },
  ];
};

const CSV_COLUMNS: readonly CsvColumn[] = [
  { name: 'iso3', type: 'string', description: 'ISO 3166-1 alpha-3 code of the ally', get: (a) => a.iso3 },
  { name: 'name', type: 'string', description: 'Name of the ally', get: (a) => a.name },
  { name: 'year', type: 'integer', description: 'Year', get: (_a, y) => y.year },
  { name: 'status', type: 'string', description: 'actual, estimate or plan', get: (_a, y) => y.status },
  { name: 'currency', type: 'string', description: 'ISO 4217 code of the national currency', get: (a) => a.currency },
  { name: 'gdp', type: 'number', description: 'GDP, millions of national currency', get: (_a, y) => y.gdp },
  { name: 'core_total', type: 'number', description: 'Core defence expenditure, millions of national currency', get: (_a, y) => y.core.total },
  ...CORE_PARTS.map(
    (p): CsvColumn => ({ name: `core_${snake(p)}`, type: 'number', description: `Core defence expenditure: ${p}`, get: (_a, y) => y.core[p] }),
  ),
  { name: 'security_total', type: 'number', description: 'Security-related expenditure, millions of national currency', get: (_a, y) => y.security.total },
  ...SECURITY_PARTS.map(
    (p): CsvColumn => ({ name: `security_${snake(p)}`, type: 'number', description: `Security-related expenditure: ${p}`, get: (_a, y) => y.security[p] }),
  ),
  { name: 'security_eligible', type: 'number', description: 'Security-related expenditure in eligible categories', get: (_a, y) => y.securityEligible },
  { name: 'usd_rate', type: 'number', description: 'National currency per USD, yearly average', get: (_a, y) => y.usd.rate },
  { name: 'gdp_usd', type: 'number', description: 'GDP, millions of USD', get: (_a, y) => y.usd.gdp },
  { name: 'core_usd', type: 'number', description: 'Core defence expenditure, millions of USD', get: (_a, y) => y.usd.core },
  { name: 'security_usd', type: 'number', description: 'Security-related expenditure, millions of USD', get: (_a, y) => y.usd.security },
  { name: 'core_pct', type: 'number', description: 'Core defence expenditure, % of GDP', get: (_a, y) => y.corePct },
  { name: 'security_pct', type: 'number', description: 'Security-related expenditure, % of GDP', get: (_a, y) => y.securityPct },
  { name: 'security_counted_pct', type: 'number', description: 'Security-related expenditure counted (capped), % of GDP', get: (_a, y) => y.securityCountedPct },
  { name: 'combined_pct', type: 'number', description: 'Core plus counted security-related, % of GDP', get: (_a, y) => y.combinedPct },
  { name: 'equipment_share_pct', type: 'number', description: 'Major equipment incl. R&D, % of core', get: (_a, y) => y.equipmentSharePct },
  ...TRACKS.flatMap(trackColumns),
  { name: 'two_percent', type: 'boolean', description: 'Meets the Wales 2014 guideline on % of GDP', get: (_a, y) => y.legacy.twoPercent },
  { name: 'equipment20', type: 'boolean', description: 'Meets the Wales 2014 guideline on major equipment', get: (_a, y) => y.legacy.equipment20 },
  { name: 'illustrative', type: 'boolean', description: 'Not an official figure', get: (_a, y) => y.illustrative },
  { name: 'submission_id', type: 'string', description: 'Submission the figures came from', get: (_a, y) => y.source.submissionId },
  { name: 'file', type: 'string', description: 'File name of that submission', get: (_a, y) => y.source.file },
  { name: 'uploaded_at', type: 'datetime', description: 'When that submission was uploaded', get: (_a, y) => y.source.uploadedAt },
];

const quote = (field: string): string => (/[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field);

/** One CSV field: empty for a missing value, numbers at full precision, text neutralised and quoted. */
const csvField = (value: CsvValue): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return quote(safeText(value));
};

const csvLine = (fields: readonly string[]) => `${fields.join(',')}\r\n`;

const renderCsv = (dataset: ComplianceDataset): Buffer => {
  const lines = [csvLine(CSV_COLUMNS.map((c) => quote(c.name)))];
  for (const ally of dataset.allies) {
    for (const year of ally.years) lines.push(csvLine(CSV_COLUMNS.map((c) => csvField(c.get(ally, year)))));
  }
  return Buffer.from(lines.join(''), 'utf8');
};

export { renderCsv, CSV_COLUMNS };
export type { CsvColumn, CsvFieldType };
