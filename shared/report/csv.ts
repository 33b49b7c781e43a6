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
import type { Lang } from '../text/index.ts';
import type { GroupKey } from './groups.ts';
import { groupName } from './groups.ts';
import { labelIn } from './labels.ts';
import type { LabelKey } from './labels.ts';

/** Table Schema field types (Frictionless), so the data package can describe each column. */
type CsvFieldType = 'string' | 'integer' | 'number' | 'boolean' | 'datetime';
type CsvValue = string | number | boolean | null | undefined;

/** A column's description in a language, from the report label table (the data package gives each). */
type Described = (lang: Lang) => string;

interface CsvColumn<Row extends unknown[] = AllyRow> {
  name: string;
  type: CsvFieldType;
  description: Described;
  get: (...row: Row) => CsvValue;
}

type What = 'gdp' | 'core' | 'security' | 'securityCounted' | 'combined' | 'equipment';
const say = (key: LabelKey): Described => (lang) => labelIn(lang, key);
/** "{what}, millions of USD", "{what}, % of GDP", … with `what` named in the same language. */
const sayOf = (key: LabelKey, what: What): Described => (lang) => labelIn(lang, key, { what: labelIn(lang, `csv.what.${what}`) });
const sayTrack = (key: LabelKey, track: (typeof TRACKS)[number]): Described => (lang) => labelIn(lang, key, { track: labelIn(lang, `csv.track.${track}`) });
type AllyRow = [ally: DatasetAlly, year: AllyYearResult];
const TRACKS = ['core', 'security', 'combined'] as const;
type AllianceRow = [year: AllianceYear, group: GroupKey, figures: GroupAggregate];

const snake = (camel: string) => camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);


const trackColumns = (track: (typeof TRACKS)[number]): CsvColumn[] => {
  const t = (y: AllyYearResult): TrackResult => y.tracks[track];
  return [
    { name: `${track}_status`, type: 'string', description: sayTrack('csv.trackStatus', track), get: (_a, y) => t(y).status },
    {
      name: `${track}_target`,
      type: 'number',
      description: track === 'security' ? say('csv.securityTarget') : sayTrack('csv.trackTarget', track),
      get: (_a, y) => t(y).target,
    },
    { name: `${track}_path`, type: 'number', description: sayTrack('csv.trackPath', track), get: (_a, y) => t(y).path },
    { name: `${track}_gap_national`, type: 'number', description: sayTrack('csv.trackGap', track), get: (_a, y) => t(y).gapNational },
    { name: `${track}_gap_usd`, type: 'number', description: say('csv.trackGapUsd'), get: (_a, y) => t(y).gapUsd },
  ];
};

// The column tables are built in a pure function call, so a bundle that imports this module
// without using them (the ingest function reaches it through the report surface) leaves them,
// and the label tables they name, out.
const allyColumns = (): CsvColumn<AllyRow>[] => [
  { name: 'iso3', type: 'string', description: say('csv.iso3'), get: (a) => a.iso3 },
  { name: 'name', type: 'string', description: say('csv.name'), get: (a) => a.name },
  { name: 'year', type: 'integer', description: say('csv.year'), get: (_a, y) => y.year },
  { name: 'status', type: 'string', description: say('csv.status'), get: (_a, y) => y.status },
  { name: 'currency', type: 'string', description: say('csv.currency'), get: (a) => a.currency },
  { name: 'gdp', type: 'number', description: say('csv.gdp'), get: (_a, y) => y.gdp },
  { name: 'core_total', type: 'number', description: say('csv.coreTotal'), get: (_a, y) => y.core.total },
  ...CORE_PARTS.map(
    (p): CsvColumn => ({ name: `core_${snake(p)}`, type: 'number', description: (lang) => labelIn(lang, 'csv.corePart', { part: p }), get: (_a, y) => y.core[p] }),
  ),
  { name: 'security_total', type: 'number', description: say('csv.securityTotal'), get: (_a, y) => y.security.total },
  ...SECURITY_PARTS.map(
    (p): CsvColumn => ({ name: `security_${snake(p)}`, type: 'number', description: (lang) => labelIn(lang, 'csv.securityPart', { part: p }), get: (_a, y) => y.security[p] }),
  ),
  { name: 'security_eligible', type: 'number', description: say('csv.securityEligible'), get: (_a, y) => y.securityEligible },
  { name: 'usd_rate', type: 'number', description: say('csv.usdRate'), get: (_a, y) => y.usd.rate },
  { name: 'usd_rate_year', type: 'integer', description: say('csv.usdRateYear'), get: (_a, y) => y.usd.rateYear },
  {
    name: 'usd_rate_carried_forward',
    type: 'boolean',
    description: say('csv.usdCarried'),
    get: (_a, y) => y.usd.carriedForward,
  },
  {
    name: 'usd_legacy_currency',
    type: 'string',
    description: say('csv.usdLegacy'),
    get: (_a, y) => y.usd.legacy?.currency,
  },
  { name: 'gdp_usd', type: 'number', description: sayOf('csv.usd', 'gdp'), get: (_a, y) => y.usd.gdp },
  { name: 'core_usd', type: 'number', description: sayOf('csv.usd', 'core'), get: (_a, y) => y.usd.core },
  { name: 'security_usd', type: 'number', description: sayOf('csv.usd', 'security'), get: (_a, y) => y.usd.security },
  { name: 'core_pct', type: 'number', description: sayOf('csv.pct', 'core'), get: (_a, y) => y.corePct },
  { name: 'security_pct', type: 'number', description: sayOf('csv.pct', 'security'), get: (_a, y) => y.securityPct },
  { name: 'security_counted_pct', type: 'number', description: sayOf('csv.pct', 'securityCounted'), get: (_a, y) => y.securityCountedPct },
  { name: 'combined_pct', type: 'number', description: sayOf('csv.pct', 'combined'), get: (_a, y) => y.combinedPct },
  { name: 'equipment_share_pct', type: 'number', description: say('csv.equipmentShare'), get: (_a, y) => y.equipmentSharePct },
  ...TRACKS.flatMap(trackColumns),
  {
    name: 'security_need_pct',
    type: 'number',
    description: say('csv.securityNeed'),
    get: (_a, y) => y.tracks.security.needPct,
  },
  {
    name: 'security_contribution_pct',
    type: 'number',
    description: say('csv.securityContribution'),
    get: (_a, y) => y.tracks.security.contributionPct,
  },
  { name: 'two_percent', type: 'boolean', description: say('csv.twoPercent'), get: (_a, y) => y.legacy.twoPercent },
  { name: 'equipment20', type: 'boolean', description: say('csv.equipment20'), get: (_a, y) => y.legacy.equipment20 },
  { name: 'illustrative', type: 'boolean', description: say('csv.illustrative'), get: (_a, y) => y.illustrative },
  { name: 'submission_id', type: 'string', description: say('csv.submissionId'), get: (_a, y) => y.source.submissionId },
  { name: 'file', type: 'string', description: say('csv.file'), get: (_a, y) => y.source.file },
  { name: 'uploaded_at', type: 'datetime', description: say('csv.uploadedAt'), get: (_a, y) => y.source.uploadedAt },
];
const CSV_COLUMNS: readonly CsvColumn<AllyRow>[] = /* @__PURE__ */ allyColumns();

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

/** An alliance ratio: "{what}, % of GDP" and how it is summed. */
const sumOverSum = (what: What): Described => (lang) => labelIn(lang, 'csv.sumOverSum', { what: sayOf('csv.pct', what)(lang) });
const reporting = (what: What): Described => (lang) => labelIn(lang, 'csv.reporting', { what: sayOf('csv.pct', what)(lang) });

const allianceColumns = (): CsvColumn<AllianceRow>[] => [
  { name: 'year', type: 'integer', description: say('csv.year'), get: (y) => y.year },
  { name: 'group', type: 'string', description: say('csv.group'), get: (_y, group) => GROUP_KEY[group] },
  { name: 'basis', type: 'string', description: say('csv.basis'), get: (_y, _g, f) => f.basis },
  { name: 'rate_year', type: 'integer', description: say('csv.rateYear'), get: (_y, _g, f) => f.rateYear },
  {
    name: 'presented',
    type: 'boolean',
    description: say('csv.presented'),
    get: (y, group, f) => y[group].presented === f.basis,
  },
  {
    name: 'label',
    type: 'string',
    description: say('csv.label'),
    get: (_y, group, f) => groupName(f, group),
  },
  { name: 'allies_included', type: 'integer', description: say('csv.alliesIncluded'), get: (_y, _g, f) => f.coverage.included },
  { name: 'allies_expected', type: 'integer', description: say('csv.alliesExpected'), get: (_y, _g, f) => f.coverage.expected },
  { name: 'coverage_pct', type: 'number', description: say('csv.coveragePct'), get: (_y, _g, f) => f.coverage.pct },
  {
    name: 'coverage_rule_met',
    type: 'boolean',
    description: say('csv.coverageMet'),
    get: (_y, _g, f) => f.coverage.meetsRule,
  },
  { name: 'allies', type: 'string', description: say('csv.allies'), get: (_y, _g, f) => f.allies.join(' ') },
  {
    name: 'left_out',
    type: 'string',
    description: say('csv.leftOut'),
    get: (_y, _g, f) => f.leftOut.map((l) => `${l.iso3}: ${l.detail}`).join('; '),
  },
  {
    name: 'not_yet_members',
    type: 'string',
    description: say('csv.notYetMembers'),
    get: (_y, _g, f) => f.notYetMembers.join(' '),
  },
  { name: 'gdp_usd', type: 'number', description: sayOf('csv.usd', 'gdp'), get: (_y, _g, f) => f.gdpUsd },
  { name: 'core_usd', type: 'number', description: sayOf('csv.usd', 'core'), get: (_y, _g, f) => f.coreUsd },
  { name: 'security_usd', type: 'number', description: sayOf('csv.usd', 'security'), get: (_y, _g, f) => f.securityUsd },
  { name: 'security_counted_usd', type: 'number', description: sayOf('csv.usd', 'securityCounted'), get: (_y, _g, f) => f.securityCountedUsd },
  { name: 'equipment_usd', type: 'number', description: sayOf('csv.usd', 'equipment'), get: (_y, _g, f) => f.equipmentUsd },
  { name: 'core_pct', type: 'number', description: sumOverSum('core'), get: (_y, _g, f) => f.corePct },
  { name: 'security_pct', type: 'number', description: reporting('security'), get: (_y, _g, f) => f.securityPct },
  { name: 'combined_pct', type: 'number', description: reporting('combined'), get: (_y, _g, f) => f.combinedPct },
  { name: 'equipment_share_pct', type: 'number', description: (lang) => labelIn(lang, 'csv.reporting', { what: labelIn(lang, 'csv.equipmentShare') }), get: (_y, _g, f) => f.equipmentSharePct },
];
const ALLIANCE_CSV_COLUMNS: readonly CsvColumn<AllianceRow>[] = /* @__PURE__ */ allianceColumns();

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
export type { CsvColumn, CsvFieldType, Described };
