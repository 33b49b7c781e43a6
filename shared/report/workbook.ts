// compliance.xlsx: the release for analysts. Numbers stay numbers at full precision (formats only
// round what is displayed), every text cell passes through safeText, and the content depends on
// the dataset alone (created/modified come from the release time), so one dataset gives one workbook.
import ExcelJS from 'exceljs';
import type { AllyYearResult, TrackResult } from '../model/index.ts';
import type { ComplianceDataset } from './dataset.ts';
import { PCT_DECIMALS, STATUS_STYLE } from './presentation.ts';
import type { ShownStatus } from './presentation.ts';
import { safeText } from '../text/index.ts';
import { allYears, coverage, headline, shownStatus, standings } from './standings.ts';

type Value = string | number | boolean | null | undefined;

const PCT_FORMAT = `0.${'0'.repeat(PCT_DECIMALS)}`;
const AMOUNT_FORMAT = '#,##0.0';
const TRACK_SHEETS = [
  { track: 'core', sheet: 'Core', title: 'Core defence expenditure, % of GDP', pct: (y: AllyYearResult) => y.corePct },
  { track: 'security', sheet: 'Security', title: 'Security-related expenditure, % of GDP', pct: (y: AllyYearResult) => y.securityPct },
  { track: 'combined', sheet: 'Combined', title: 'Core plus counted security-related expenditure, % of GDP', pct: (y: AllyYearResult) => y.combinedPct },
] as const;

/** The only way values reach a cell: text neutralised, booleans spelt out, missing left empty. */
const cellValue = (v: Value): string | number | null => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'number') return v;
  return safeText(v);
};

const addRow = (ws: ExcelJS.Worksheet, values: readonly Value[]): ExcelJS.Row => ws.addRow(values.map(cellValue));

const styleHeader = (row: ExcelJS.Row) => {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
};

const paint = (cell: ExcelJS.Cell, status: ShownStatus) => {
  const style = STATUS_STYLE[status];
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${style.fill}` } };
  cell.font = { color: { argb: `FF${style.ink}` } };
};

const table = (ws: ExcelJS.Worksheet, header: readonly string[], widths: readonly number[]) => {
  styleHeader(addRow(ws, header));
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
};

const setFormats = (ws: ExcelJS.Worksheet, formats: Record<number, string>) => {
  for (const [col, fmt] of Object.entries(formats)) ws.getColumn(Number(col)).numFmt = fmt;
};

const autoFilter = (ws: ExcelJS.Worksheet, columns: number) => {
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, ws.rowCount), column: columns } };
};

const summarySheet = (wb: ExcelJS.Workbook, d: ComplianceDataset) => {
  const ws = wb.addWorksheet('Summary');
  const h = headline(d);
  ws.columns = [{ width: 52 }, { width: 18 }, { width: 18 }];
  const title = addRow(ws, [`Defence spending against ${d.rules.name}: ${h.year}`]);
  title.font = { bold: true, size: 14 };
  addRow(ws, []);
  styleHeader(addRow(ws, ['Allies meeting each guideline in ' + h.year, 'allies', `of ${h.reporting} reporting`]));
  const meeting: [string, number][] = [
    [`Defence expenditure ≥ ${h.thresholds.twoPercent}% of GDP (Wales 2014)`, h.meeting.twoPercent],
    [`Core defence ≥ ${h.thresholds.core}% of GDP (own target)`, h.meeting.core],
    [`Security-related ≥ ${h.thresholds.security}% of GDP (own target)`, h.meeting.security],
    [`Core + counted security-related ≥ ${h.thresholds.combined}% of GDP (own target)`, h.meeting.combined],
    [`Major equipment ≥ ${h.thresholds.equipment20}% of defence expenditure (Wales 2014)`, h.meeting.equipment20],
  ];
  for (const [label, n] of meeting) addRow(ws, [label, n, h.reporting]);
  addRow(ws, []);
  styleHeader(addRow(ws, [`Ratios in ${h.year} (sum over sum, current prices)`, 'Alliance', 'Europe and Canada']));
  const ratios: [string, 'corePct' | 'securityPct' | 'combinedPct' | 'equipmentSharePct'][] = [
    ['Core defence, % of GDP', 'corePct'],
    ['Security-related, % of GDP', 'securityPct'],
    ['Combined, % of GDP', 'combinedPct'],
    ['Major equipment, % of core', 'equipmentSharePct'],
  ];
  for (const [label, key] of ratios) {
    const row = addRow(ws, [label, h.all?.[key], h.europeCanada?.[key]]);
    row.getCell(2).numFmt = PCT_FORMAT;
    row.getCell(3).numFmt = PCT_FORMAT;
  }
  // USD sums need an exchange rate: say how many allies each ratio stands on.
  addRow(ws, ['Allies covered (figures and a USD rate)', coverage(h.all), coverage(h.europeCanada)]);
  addRow(ws, []);
  styleHeader(addRow(ws, ['Release']));
  addRow(ws, ['Release number', d.release.number]);
  addRow(ws, ['Published at (UTC)', d.release.publishedAt]);
  addRow(ws, ['Trigger', d.release.trigger]);
  if (d.release.reason) addRow(ws, ['Reason', d.release.reason]);
  addRow(ws, ['Rules', d.rules.id]);
  addRow(ws, ['Reporting year', d.release.reportingYear]);
  addRow(ws, ['Digest (sha256)', d.release.digest]);
};

const STANDINGS_HEADER = [
  'ISO3', 'Ally', 'Figures', 'Core % GDP', 'Security-related % GDP', 'Security counted % GDP', 'Combined % GDP',
  'Equipment % core', 'Core status', 'Security status', 'Combined status', '2% guideline', '20% guideline',
  'Plan credible', 'Illustrative', 'Currency', 'GDP (m)', 'Core (m)', 'Security-related (m)', 'GDP (USD m)',
  'Core (USD m)', 'Security-related (USD m)',
] as const;

const standingsSheet = (wb: ExcelJS.Workbook, d: ComplianceDataset) => {
  const ws = wb.addWorksheet(`Standings ${d.release.reportingYear}`);
  table(ws, STANDINGS_HEADER, [7, 22, 10, 11, 12, 12, 11, 11, 16, 16, 16, 10, 10, 10, 10, 9, 14, 14, 14, 14, 14, 14]);
  for (const s of standings(d)) {
    const y = s.year;
    const row = addRow(ws, [
      s.ally.iso3, s.ally.name, s.ally.noArmedForces ? 'no armed forces' : (y?.status ?? 'no data'),
      y?.corePct, y?.securityPct, y?.securityCountedPct, y?.combinedPct, y?.equipmentSharePct,
      STATUS_STYLE[shownStatus(s, 'core')].label, STATUS_STYLE[shownStatus(s, 'security')].label, STATUS_STYLE[shownStatus(s, 'combined')].label,
      y?.legacy.twoPercent, y?.legacy.equipment20, s.ally.plan.credible, y?.illustrative, s.ally.currency,
      y?.gdp, y?.core.total, y?.security.total, y?.usd.gdp, y?.usd.core, y?.usd.security,
    ]);
    paint(row.getCell(9), shownStatus(s, 'core'));
    paint(row.getCell(10), shownStatus(s, 'security'));
    paint(row.getCell(11), shownStatus(s, 'combined'));
  }
  setFormats(ws, { 4: PCT_FORMAT, 5: PCT_FORMAT, 6: PCT_FORMAT, 7: PCT_FORMAT, 8: PCT_FORMAT });
  for (let c = 17; c <= 22; c++) ws.getColumn(c).numFmt = AMOUNT_FORMAT;
  autoFilter(ws, STANDINGS_HEADER.length);
};

const trackSheet = (wb: ExcelJS.Workbook, d: ComplianceDataset, spec: (typeof TRACK_SHEETS)[number]) => {
  const ws = wb.addWorksheet(spec.sheet);
  const years = allYears(d);
  table(ws, ['ISO3', 'Ally', ...years.map(String)], [7, 22, ...years.map(() => 9)]);
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: 1 }];
  for (const ally of d.allies) {
    const byYear = new Map(ally.years.map((y) => [y.year, y]));
    const row = addRow(ws, [ally.iso3, ally.name, ...years.map((yr) => { const y = byYear.get(yr); return y ? spec.pct(y) : null; })]);
    years.forEach((yr, i) => {
      const y = byYear.get(yr);
      const track: TrackResult | undefined = y?.tracks[spec.track];
      if (track) paint(row.getCell(3 + i), track.status);
      else if (ally.noArmedForces) paint(row.getCell(3 + i), 'no_armed_forces');
    });
  }
  for (let c = 3; c < 3 + years.length; c++) ws.getColumn(c).numFmt = PCT_FORMAT;
  autoFilter(ws, 2 + years.length);
  addRow(ws, []);
  addRow(ws, [`${spec.title}. Cell colour: status on the ${spec.track} track (${Object.values(STATUS_STYLE).map((s) => s.label).join(', ')}).`]);
};

const ALLIANCE_HEADER = [
  'Year', 'Reporting allies', 'GDP (USD m)', 'Core (USD m)', 'Security-related (USD m)', 'Core % GDP', 'Security % GDP',
  'Combined % GDP', 'Equipment % core', 'Europe & Canada core % GDP', 'Europe & Canada security % GDP',
  'Europe & Canada combined % GDP', 'Core met', 'Security met', 'Combined met', 'Meeting 2%', 'Meeting 20%',
] as const;

const allianceSheet = (wb: ExcelJS.Workbook, d: ComplianceDataset) => {
  const ws = wb.addWorksheet('Alliance');
  table(ws, ALLIANCE_HEADER, [7, 10, 16, 14, 14, 11, 11, 11, 11, 14, 14, 14, 9, 9, 9, 9, 9]);
  for (const y of d.alliance.years) {
    addRow(ws, [
      y.year, y.counts.reporting, y.all.gdpUsd, y.all.coreUsd, y.all.securityUsd, y.all.corePct, y.all.securityPct,
      y.all.combinedPct, y.all.equipmentSharePct, y.europeCanada.corePct, y.europeCanada.securityPct, y.europeCanada.combinedPct,
      y.counts.core.met, y.counts.security.met, y.counts.combined.met, y.counts.twoPercent, y.counts.equipment20,
    ]);
  }
  for (let c = 3; c <= 5; c++) ws.getColumn(c).numFmt = AMOUNT_FORMAT;
  for (let c = 6; c <= 12; c++) ws.getColumn(c).numFmt = PCT_FORMAT;
  autoFilter(ws, ALLIANCE_HEADER.length);
};

const sourcesSheet = (wb: ExcelJS.Workbook, d: ComplianceDataset) => {
  const ws = wb.addWorksheet('Sources');
  const header = ['ISO3', 'Ally', 'Year', 'Figures', 'Illustrative', 'Submission', 'File', 'Uploaded at (UTC)', 'Notes'];
  table(ws, header, [7, 22, 7, 10, 11, 28, 32, 24, 60]);
  for (const a of d.allies) {
    for (const y of a.years) {
      addRow(ws, [a.iso3, a.name, y.year, y.status, y.illustrative, y.source.submissionId, y.source.file, y.source.uploadedAt, y.notes]);
    }
  }
  autoFilter(ws, header.length);
};

const rulesSheet = (wb: ExcelJS.Workbook, d: ComplianceDataset) => {
  const ws = wb.addWorksheet('Rules');
  const r = d.rules;
  ws.columns = [{ width: 40 }, { width: 16 }, { width: 16 }, { width: 16 }, { width: 16 }, { width: 14 }, { width: 14 }, { width: 60 }];
  const rows: [string, Value][] = [
    ['Rules id', r.id], ['Name', r.name], ['Description', r.description], ['Source', r.source],
    ['Baseline year', r.baselineYear], ['Target year', r.targetYear], ['Review year', r.reviewYear],
    ['Core target, % of GDP', r.tracks.core.target], ['Security-related target, % of GDP', r.tracks.security.target],
    ['Security-related counted at most, % of GDP', r.tracks.security.cap], ['Combined target, % of GDP', r.tracks.combined.target],
    ['Wales 2014: defence expenditure, % of GDP', r.legacy.gdpPct], ['Wales 2014: major equipment, % of defence expenditure', r.legacy.equipmentSharePct],
    ['Eligible security-related categories', r.eligibleSecurityCategories.join(', ')],
    ['Plan tolerance below the path, percentage points', r.planTolerancePct],
  ];
  styleHeader(addRow(ws, ['Rule', 'Value']));
  for (const [k, v] of rows) addRow(ws, [k, v]);
  addRow(ws, []);
  styleHeader(addRow(ws, ['Overrides: ally', 'Core target', 'Security target', 'Security cap', 'Combined target', 'Baseline year', 'Target year', 'Reason']));
  const overrides = Object.entries(r.overrides).sort(([a], [b]) => (a < b ? -1 : 1));
  if (overrides.length === 0) addRow(ws, ['(none)']);
  for (const [iso3, o] of overrides) {
    addRow(ws, [iso3, o.core?.target, o.security?.target, o.security?.cap, o.combined?.target, o.baselineYear, o.targetYear, o.reason]);
  }
};

const notesSheet = (wb: ExcelJS.Workbook, d: ComplianceDataset) => {
  const ws = wb.addWorksheet('Notes');
  ws.columns = [{ width: 18 }, { width: 120 }];
  styleHeader(addRow(ws, ['Note', 'Text']));
  for (const n of d.notes) addRow(ws, [n.code, n.text]).alignment = { wrapText: true, vertical: 'top' };
  addRow(ws, [
    'how to cite',
    `dualtrack compliance dataset, release ${d.release.number} (${d.release.publishedAt.slice(0, 10)}), rules ${d.rules.id}, digest sha256:${d.release.digest}.`,
  ]);
};

/** The release workbook: Summary, Standings, Core, Security, Combined, Alliance, Sources, Rules, Notes. */
const renderWorkbook = async (dataset: ComplianceDataset): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  const at = new Date(dataset.release.publishedAt);
  wb.creator = 'dualtrack';
  wb.lastModifiedBy = 'dualtrack';
  wb.created = at;
  wb.modified = at;
  wb.title = safeText(`dualtrack release ${dataset.release.number}`);
  summarySheet(wb, dataset);
  standingsSheet(wb, dataset);
  for (const spec of TRACK_SHEETS) trackSheet(wb, dataset, spec);
  allianceSheet(wb, dataset);
  sourcesSheet(wb, dataset);
  rulesSheet(wb, dataset);
  notesSheet(wb, dataset);
  return Buffer.from(await wb.xlsx.writeBuffer());
};

export { renderWorkbook, cellValue };
