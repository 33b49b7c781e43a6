// compliance.csv: one row per ally and year; alliance.csv: one row per year, group and
// exchange-rate basis. For scripts and spreadsheets alike.
// RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a comma, quote or line
// break. UTF-8 without a byte-order mark: scripts (csv modules, awk, pandas) read it as is,
// while a BOM would glue itself to the first column name. Text cells pass through safeText,
// because spreadsheet programs open CSV files too.
import { CORE_PARTS, SECURITY_PARTS } from '../model/index.ts';
import type { AllianceYear, AllyYearResult, GroupAggregate, TrackResult } from '../model/index.ts';
import type { ComplianceDataset, DatasetAlly } from './dataset.ts';
import { safeText } from '../text/index.ts';
import type { GroupKey } from './groups.ts';
import { groupName } from './groups.ts';

/** Table Schema field types (Frictionless), so the data package can describe each column. */
type CsvFieldType = 'string' | 'integer' | 'number' | 'boolean' | 'datetime';
type CsvValue = string | number | boolean | null | undefined;

interface CsvColumn<Row extends unknown[] = AllyRow> {
  name: string;
  type: CsvFieldType;
  description: string;
  get: (...row: Row) => CsvValue;
}
type AllyRow = [ally: DatasetAlly, year: AllyYearResult];
type AllianceRow = [year: AllianceYear, group: GroupKey, figures: GroupAggregate];

const snake = (camel: string) => camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

const TRACKS = ['core', 'security', 'combined'] as const;

const trackColumns = (track: (typeof TRACKS)[number]): CsvColumn[] => {
  const t = (y: AllyYearResult): TrackResult => y.tracks[track];
  return [
    { name: `${track}_status`, type: 'string', description: `Status on the ${track} track`, get: (_a, y) => t(y).status },
    {
      name: `${track}_target`,
      type: 'number',
      description:
        track === 'security'
          ? 'What the combined target needs from security-related spending in the target year (the end of its path), % of GDP'
          : `${track} target, % of GDP`,
      get: (_a, y) => t(y).target,
    },
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

const CSV_COLUMNS: readonly CsvColumn<AllyRow>[] = [
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
  { name: 'usd_rate', type: 'number', description: 'National currency per USD applied to the year', get: (_a, y) => y.usd.rate },
  { name: 'usd_rate_year', type: 'integer', description: 'Year of the exchange-rate table the USD rate comes from', get: (_a, y) => y.usd.rateYear },
  {
    name: 'usd_rate_carried_forward',
    type: 'boolean',
    description: 'The year has no exchange rate: the USD amounts use the rate of usd_rate_year, carried forward',
    get: (_a, y) => y.usd.carriedForward,
  },
  {
    name: 'usd_legacy_currency',
    type: 'string',
    description: "Before the ally's euro changeover: the legacy currency whose dollar rate converted the euro amounts",
    get: (_a, y) => y.usd.legacy?.currency,
  },
  { name: 'gdp_usd', type: 'number', description: 'GDP, millions of USD', get: (_a, y) => y.usd.gdp },
  { name: 'core_usd', type: 'number', description: 'Core defence expenditure, millions of USD', get: (_a, y) => y.usd.core },
  { name: 'security_usd', type: 'number', description: 'Security-related expenditure, millions of USD', get: (_a, y) => y.usd.security },
  { name: 'core_pct', type: 'number', description: 'Core defence expenditure, % of GDP', get: (_a, y) => y.corePct },
  { name: 'security_pct', type: 'number', description: 'Security-related expenditure, % of GDP', get: (_a, y) => y.securityPct },
  { name: 'security_counted_pct', type: 'number', description: 'Security-related expenditure counted (capped), % of GDP', get: (_a, y) => y.securityCountedPct },
  { name: 'combined_pct', type: 'number', description: 'Core plus counted security-related, % of GDP', get: (_a, y) => y.combinedPct },
  { name: 'equipment_share_pct', type: 'number', description: 'Major equipment incl. R&D, % of core', get: (_a, y) => y.equipmentSharePct },
  ...TRACKS.flatMap(trackColumns),
  {
    name: 'security_need_pct',
    type: 'number',
    description: 'What the combined target needs from security-related spending this year: combined target minus core, at most the cap, at least 0; % of GDP',
    get: (_a, y) => y.tracks.security.needPct,
  },
  {
    name: 'security_contribution_pct',
    type: 'number',
    description: 'What security-related spending contributes towards the combined target (counted, capped); % of GDP',
    get: (_a, y) => y.tracks.security.contributionPct,
  },
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

const csvTable = <Row extends unknown[]>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): Buffer =>
  Buffer.from(
    [csvLine(columns.map((c) => quote(c.name))), ...rows.map((row) => csvLine(columns.map((c) => csvField(c.get(...row)))))].join(''),
    'utf8',
  );

const renderCsv = (dataset: ComplianceDataset): Buffer =>
  csvTable(CSV_COLUMNS, dataset.allies.flatMap((ally) => ally.years.map((year): AllyRow => [ally, year])));

const GROUP_KEY: Record<GroupKey, string> = { all: 'all_allies', europeCanada: 'europe_canada' };

const ALLIANCE_CSV_COLUMNS: readonly CsvColumn<AllianceRow>[] = [
  { name: 'year', type: 'integer', description: 'Year', get: (y) => y.year },
  { name: 'group', type: 'string', description: 'all_allies, or europe_canada (every ally but the United States)', get: (_y, group) => GROUP_KEY[group] },
  { name: 'basis', type: 'string', description: 'current: each year at its own exchange rates; constant: every year at the rates of rate_year', get: (_y, _g, f) => f.basis },
  { name: 'rate_year', type: 'integer', description: 'constant basis: the year whose exchange rates convert every year', get: (_y, _g, f) => f.rateYear },
  {
    name: 'presented',
    type: 'boolean',
    description: 'The basis the reports show for this year and group (current where it covers every expected ally, else constant)',
    get: (y, group, f) => y[group].presented === f.basis,
  },
  {
    name: 'label',
    type: 'string',
    description: "What the figure may be called: the group's name when it meets the coverage rule, else the allies it covers",
    get: (_y, group, f) => groupName(f, group),
  },
  { name: 'allies_included', type: 'integer', description: 'Allies in the sums', get: (_y, _g, f) => f.coverage.included },
  { name: 'allies_expected', type: 'integer', description: "The group's members that year with armed forces", get: (_y, _g, f) => f.coverage.expected },
  { name: 'coverage_pct', type: 'number', description: 'allies_included / allies_expected, %', get: (_y, _g, f) => f.coverage.pct },
  {
    name: 'coverage_rule_met',
    type: 'boolean',
    description: "coverage_pct reaches the rules' aggregates.minCoveragePct: only then is the figure the group's",
    get: (_y, _g, f) => f.coverage.meetsRule,
  },
  { name: 'allies', type: 'string', description: 'ISO3 codes of the allies in the sums, space-separated', get: (_y, _g, f) => f.allies.join(' ') },
  {
    name: 'left_out',
    type: 'string',
    description: 'Expected allies left out, each with why (ISO3: reason; …)',
    get: (_y, _g, f) => f.leftOut.map((l) => `${l.iso3}: ${l.detail}`).join('; '),
  },
  {
    name: 'not_yet_members',
    type: 'string',
    description: 'Allies with figures for a year before they joined: not summed, as in NATO totals (ISO3, space-separated)',
    get: (_y, _g, f) => f.notYetMembers.join(' '),
  },
  { name: 'gdp_usd', type: 'number', description: 'GDP, millions of USD', get: (_y, _g, f) => f.gdpUsd },
  { name: 'core_usd', type: 'number', description: 'Core defence expenditure, millions of USD', get: (_y, _g, f) => f.coreUsd },
  { name: 'security_usd', type: 'number', description: 'Security-related expenditure, millions of USD', get: (_y, _g, f) => f.securityUsd },
  { name: 'security_counted_usd', type: 'number', description: 'Security-related expenditure counted (capped), millions of USD', get: (_y, _g, f) => f.securityCountedUsd },
  { name: 'equipment_usd', type: 'number', description: 'Major equipment incl. R&D, millions of USD', get: (_y, _g, f) => f.equipmentUsd },
  { name: 'core_pct', type: 'number', description: 'Core defence expenditure, % of GDP (sum over sum)', get: (_y, _g, f) => f.corePct },
  { name: 'security_pct', type: 'number', description: 'Security-related expenditure, % of GDP (allies reporting it)', get: (_y, _g, f) => f.securityPct },
  { name: 'combined_pct', type: 'number', description: 'Core plus counted security-related, % of GDP (allies reporting it)', get: (_y, _g, f) => f.combinedPct },
  { name: 'equipment_share_pct', type: 'number', description: 'Major equipment incl. R&D, % of core (allies reporting it)', get: (_y, _g, f) => f.equipmentSharePct },
];

/** alliance.csv: every year, both groups, both bases; `presented` marks what the reports show. */
const renderAllianceCsv = (dataset: ComplianceDataset): Buffer =>
  csvTable(
    ALLIANCE_CSV_COLUMNS,
    dataset.alliance.years.flatMap((y) =>
      (['all', 'europeCanada'] as const).flatMap((group) =>
        (['current', 'constant'] as const).map((basis): AllianceRow => [y, group, y[group][basis]]),
      ),
    ),
  );

export { renderCsv, renderAllianceCsv, CSV_COLUMNS, ALLIANCE_CSV_COLUMNS };
export type { CsvColumn, CsvFieldType };
