// compliance.xlsx: the release for analysts. Numbers stay numbers at full precision (formats only
// round what is displayed), every text cell passes through safeText, and the content depends on
// the dataset alone (created/modified come from the release time), so one dataset gives one workbook.
import ExcelJS from 'exceljs';
import type { AllyYearResult, CheckpointTrack, GroupAggregate, TrackResult } from '../model/index.ts';
import type { ComplianceDataset } from './dataset.ts';
import { PCT_DECIMALS, STATUS_STYLE } from './presentation.ts';
import type { ShownStatus } from './presentation.ts';
import { safeText } from '../text/index.ts';
import type { GroupKey } from './groups.ts';
import { GROUP_NAME, coverageText, groupName, leftOutText, presented } from './groups.ts';
import { allYears, headline, shownStatus, standings } from './standings.ts';

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

const table = (ws: ExcelJS.Worksheet, header: readonly Value[], widths: readonly number[]) => {
  styleHeader(addRow(ws, header));
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
};

const setFormats = (ws: ExcelJS.Worksheet, formats: Record<number, string>) => {
  for (const [col, fmt] of Object.entries(formats)) ws.getColumn(Number(col)).numFmt = fmt;
};

/**
 * How every sheet prints: landscape A4, as wide as one page and as long as it needs, the first
 * row (the table's header, or the sheet's title) repeated on each page. Without it LibreOffice
 * printed the release on 142 portrait pages, most of them a sliver of columns.
 */
const PRINT_SETUP: Partial<ExcelJS.PageSetup> = {
  paperSize: 9,
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  printTitlesRow: '1:1',
  margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
};

/** Years are numbers in every cell, headers included, shown without digit grouping or decimals. */
const YEAR_FORMAT = '0';

const autoFilter = (ws: ExcelJS.Worksheet, columns: number) => {
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, ws.rowCount), column: columns } };
};

/** The licence the operator states in the rules, with the address of its text, or that none is stated. */
const licenseText = (d: ComplianceDataset): string => {
  const l = d.rules.license;
  return l ? `${l.title} (${l.name}), ${l.path}` : `none stated in the rules ${d.rules.id}`;
};

const summarySheet = (wb: ExcelJS.Workbook, d: ComplianceDataset) => {
  const ws = wb.addWorksheet('Summary');
  const h = headline(d);
  ws.columns = [{ width: 52 }, { width: 18 }, { width: 18 }];
  const title = addRow(ws, [`Defence spending against ${d.rules.name}: ${h.year}`]);
  title.font = { bold: true, size: 14 };
  addRow(ws, []);
  styleHeader(addRow(ws, ['Allies meeting each guideline in ' + h.year, 'allies', `of ${h.reporting} reporting`]));
  const t = h.thresholds;
  const meeting: [string, number][] = [
    [`Defence expenditure ≥ ${t.twoPercent}% of GDP (Wales 2014)`, h.meeting.twoPercent],
    [`Core defence ≥ ${t.core}% of GDP (own target)`, h.meeting.core],
    [`Security-related covers what the ${t.combined}% needs from it (${t.combined}% minus core, counted up to ${t.securityCap}% of GDP)`, h.meeting.security],
    [`Core + counted security-related ≥ ${t.combined}% of GDP (own target)`, h.meeting.combined],
    [`Major equipment ≥ ${t.equipment20}% of defence expenditure (Wales 2014)`, h.meeting.equipment20],
  ];
  for (const [label, n] of meeting) addRow(ws, [label, n, h.reporting]);
  addRow(ws, []);
  // Each column is named for what it covers: the group's name only when the coverage rule is met.
  const heading = (g: GroupAggregate | null, group: GroupKey) => (g ? groupName(g, group) : `${GROUP_NAME[group]}: no figures`);
  styleHeader(addRow(ws, [`Ratios in ${h.year} (sum over sum, current prices)`, heading(h.all, 'all'), heading(h.europeCanada, 'europeCanada')]));
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
  // A ratio never stands alone: its exchange rates and the allies it covers are beside it.
  addRow(ws, ['Exchange rates', h.all?.basisLabel, h.europeCanada?.basisLabel]);
  addRow(ws, ['Allies in the sum', h.all ? coverageText(h.all) : null, h.europeCanada ? coverageText(h.europeCanada) : null]);
  addRow(ws, [`Coverage rule met (${d.rules.aggregates.minCoveragePct}% of the allies expected)`, h.all?.coverage.meetsRule, h.europeCanada?.coverage.meetsRule]);
  addRow(ws, ['Left out', h.all ? leftOutText(h.all) || '(none)' : null, h.europeCanada ? leftOutText(h.europeCanada) || '(none)' : null]);
  addRow(ws, []);
  styleHeader(addRow(ws, ['Release']));
  addRow(ws, ['Release number', d.release.number]);
  addRow(ws, ['Published at (UTC)', d.release.publishedAt]);
  addRow(ws, ['Trigger', d.release.trigger]);
  if (d.release.reason) addRow(ws, ['Reason', d.release.reason]);
  addRow(ws, ['Rules', d.rules.id]);
  addRow(ws, ['Reporting year', d.release.reportingYear]);
  addRow(ws, ['Digest (sha256)', d.release.digest]);
  addRow(ws, ['Licence', licenseText(d)]);
};

const STANDINGS_HEADER = [
  'ISO3', 'Ally', 'Figures', 'Core % GDP', 'Security-related % GDP', 'Security counted % GDP', 'Combined % GDP',
  'Equipment % core', 'Core status', 'Security status', 'Combined status', '2% guideline', '20% guideline',
  'Plan credible', 'Illustrative', 'Currency', 'GDP (m)', 'Core (m)', 'Security-related (m)', 'GDP (USD m)',
  'Core (USD m)', 'Security-related (USD m)', 'Security needed % GDP', 'USD rate of year', 'USD rate carried forward',
] as const;

const standingsSheet = (wb: ExcelJS.Workbook, d: ComplianceDataset) => {
  const ws = wb.addWorksheet(`Standings ${d.release.reportingYear}`);
  table(ws, STANDINGS_HEADER, [7, 22, 10, 11, 12, 12, 11, 11, 16, 16, 16, 10, 10, 10, 10, 9, 14, 14, 14, 14, 14, 14, 12, 10, 12]);
  for (const s of standings(d)) {
    const y = s.year;
    const row = addRow(ws, [
      s.ally.iso3, s.ally.name, s.ally.noArmedForces ? 'no armed forces' : (y?.status ?? 'no data'),
      y?.corePct, y?.securityPct, y?.securityCountedPct, y?.combinedPct, y?.equipmentSharePct,
      STATUS_STYLE[shownStatus(s, 'core')].label, STATUS_STYLE[shownStatus(s, 'security')].label, STATUS_STYLE[shownStatus(s, 'combined')].label,
      y?.legacy.twoPercent, y?.legacy.equipment20, s.ally.plan.credible, y?.illustrative, s.ally.currency,
      y?.gdp, y?.core.total, y?.security.total, y?.usd.gdp, y?.usd.core, y?.usd.security,
      y?.tracks.security.needPct, y?.usd.rateYear, y?.usd.carriedForward,
    ]);
    paint(row.getCell(9), shownStatus(s, 'core'));
    paint(row.getCell(10), shownStatus(s, 'security'));
    paint(row.getCell(11), shownStatus(s, 'combined'));
  }
  setFormats(ws, { 4: PCT_FORMAT, 5: PCT_FORMAT, 6: PCT_FORMAT, 7: PCT_FORMAT, 8: PCT_FORMAT, 23: PCT_FORMAT });
  for (let c = 17; c <= 22; c++) ws.getColumn(c).numFmt = AMOUNT_FORMAT;
  autoFilter(ws, STANDINGS_HEADER.length);
};

const trackSheet = (wb: ExcelJS.Workbook, d: ComplianceDataset, spec: (typeof TRACK_SHEETS)[number]) => {
  const ws = wb.addWorksheet(spec.sheet);
  const years = allYears(d);
  table(ws, ['ISO3', 'Ally', ...years], [7, 22, ...years.map(() => 9)]);
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
  // The column format reaches the header too: the years there are whole numbers.
  years.forEach((_yr, i) => (ws.getRow(1).getCell(3 + i).numFmt = YEAR_FORMAT));
  autoFilter(ws, 2 + years.length);
  addRow(ws, []);
  addRow(ws, [`${spec.title}. Cell colour: status on the ${spec.track} track (${Object.values(STATUS_STYLE).map((s) => s.label).join(', ')}).`]);
};

const ALLIANCE_HEADER = [
  'Year', 'Figure', 'Exchange rates', 'Rate year', 'Allies in the sum', 'Allies expected', 'Coverage %', 'Coverage rule met',
  'Left out', 'Not yet members (not summed)', 'GDP (USD m)', 'Core (USD m)', 'Security-related (USD m)', 'Security counted (USD m)', 'Core % GDP',
  'Security % GDP', 'Combined % GDP', 'Equipment % core',
] as const;

/** One row per year and group, on the basis the engine presents, named by what it covers. */
const allianceSheet = (wb: ExcelJS.Workbook, d: ComplianceDataset) => {
  const ws = wb.addWorksheet('Alliance');
  table(ws, ALLIANCE_HEADER, [7, 34, 24, 9, 10, 10, 10, 10, 40, 18, 16, 14, 14, 14, 11, 11, 11, 11]);
  for (const y of d.alliance.years) {
    for (const group of ['all', 'europeCanada'] as const) {
      const g = presented(y, group);
      addRow(ws, [
        y.year, groupName(g, group), g.basisLabel, g.rateYear, g.coverage.included, g.coverage.expected, g.coverage.pct,
        g.coverage.meetsRule, leftOutText(g), g.notYetMembers.join(', '), g.gdpUsd, g.coreUsd, g.securityUsd, g.securityCountedUsd, g.corePct,
        g.securityPct, g.combinedPct, g.equipmentSharePct,
      ]);
    }
  }
  ws.getColumn(7).numFmt = '0.0';
  for (let c = 11; c <= 14; c++) ws.getColumn(c).numFmt = AMOUNT_FORMAT;
  for (let c = 15; c <= 18; c++) ws.getColumn(c).numFmt = PCT_FORMAT;
  autoFilter(ws, ALLIANCE_HEADER.length);
  addRow(ws, []);
  addRow(ws, [
    `Each year at its own exchange rates when every ally expected that year has one, otherwise at the constant rates of one year. A figure covering fewer than ${d.rules.aggregates.minCoveragePct}% of the allies expected is not named the alliance's (or Europe and Canada's). compliance.json holds both bases for every year.`,
  ]);
};

const COUNTS_HEADER = [
  'Year', 'Reporting allies', 'Core met', 'Core on track', 'Core off track', 'Security met', 'Security on track',
  'Security off track', 'Combined met', 'Combined on track', 'Combined off track', 'Meeting 2%', 'Meeting 20%',
] as const;

const countsSheet = (wb: ExcelJS.Workbook, d: ComplianceDataset) => {
  const ws = wb.addWorksheet('Counts');
  table(ws, COUNTS_HEADER, [7, 10, ...COUNTS_HEADER.slice(2).map(() => 10)]);
  for (const y of d.alliance.years) {
    const c = y.counts;
    addRow(ws, [
      y.year, c.reporting, c.core.met, c.core.on_track, c.core.off_track, c.security.met, c.security.on_track,
      c.security.off_track, c.combined.met, c.combined.on_track, c.combined.off_track, c.twoPercent, c.equipment20,
    ]);
  }
  autoFilter(ws, COUNTS_HEADER.length);
};

const CHECKPOINT_TRACKS = [
  ['core', 'Core'],
  ['security', 'Security counted'],
  ['combined', 'Combined'],
] as const;

/** The review year: where each ally stands against its path on each track. */
const checkpointSheet = (wb: ExcelJS.Workbook, d: ComplianceDataset) => {
  const year = d.rules.reviewYear;
  if (year === undefined) return;
  const ws = wb.addWorksheet(`Checkpoint ${year}`);
  const header = [
    'ISO3', 'Ally', 'Figures', 'Illustrative',
    ...CHECKPOINT_TRACKS.flatMap(([, label]) => [`${label} % GDP`, `${label} path %`, `${label} ahead of path (points)`, `${label} status`]),
    'Security needed % GDP',
  ];
  table(ws, header, [7, 22, 10, 10, ...CHECKPOINT_TRACKS.flatMap(() => [11, 11, 12, 14]), 12]);
  for (const a of d.allies) {
    const c = a.checkpoint;
    if (c === null) continue;
    const row = addRow(ws, [
      a.iso3, a.name, a.noArmedForces ? 'no armed forces' : (c.figures ?? 'no data'), c.illustrative,
      ...CHECKPOINT_TRACKS.flatMap(([t]) => {
        const track: CheckpointTrack = c.tracks[t];
        return [track.pct, track.path, track.aheadOfPathPct, STATUS_STYLE[track.status].label];
      }),
      c.tracks.security.needPct,
    ]);
    CHECKPOINT_TRACKS.forEach(([t], i) => paint(row.getCell(8 + 4 * i), c.tracks[t].status));
  }
  for (const col of [5, 6, 7, 9, 10, 11, 13, 14, 15, 17]) ws.getColumn(col).numFmt = PCT_FORMAT;
  autoFilter(ws, header.length);
  addRow(ws, []);
  addRow(ws, [`The trajectory and balance of spending are to be reviewed in ${year}: each ally's ratios that year against its own path (positive: ahead of it).`]);
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
  ws.columns = [{ width: 40 }, { width: 16 }, { width: 16 }, { width: 16 }, { width: 14 }, { width: 14 }, { width: 60 }];
  const rows: [string, Value][] = [
    ['Rules id', r.id], ['Name', r.name], ['Description', r.description], ['Source', r.source],
    ['Baseline year', r.baselineYear], ['Target year', r.targetYear], ['Review year', r.reviewYear],
    ['Core target, % of GDP', r.tracks.core.target],
    ['Security-related counted at most, % of GDP (needed: combined target minus core, up to this)', r.tracks.security.cap],
    ['Combined target, % of GDP', r.tracks.combined.target],
    ['Wales 2014: defence expenditure, % of GDP', r.legacy.gdpPct], ['Wales 2014: major equipment, % of defence expenditure', r.legacy.equipmentSharePct],
    ['Eligible security-related categories', r.eligibleSecurityCategories.join(', ')],
    ['Plan tolerance below the path, percentage points', r.planTolerancePct],
    ['Alliance figures need at least this share of the allies expected, %', r.aggregates.minCoveragePct],
    ['Licence of the releases', licenseText(d)],
  ];
  styleHeader(addRow(ws, ['Rule', 'Value']));
  for (const [k, v] of rows) addRow(ws, [k, v]);
  addRow(ws, []);
  styleHeader(addRow(ws, ['Overrides: ally', 'Core target', 'Security cap', 'Combined target', 'Baseline year', 'Target year', 'Reason']));
  const overrides = Object.entries(r.overrides).sort(([a], [b]) => (a < b ? -1 : 1));
  if (overrides.length === 0) addRow(ws, ['(none)']);
  for (const [iso3, o] of overrides) {
    addRow(ws, [iso3, o.core?.target, o.security?.cap, o.combined?.target, o.baselineYear, o.targetYear, o.reason]);
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

/** The release workbook: Summary, Standings, Core, Security, Combined, Alliance, Counts, Checkpoint, Sources, Rules, Notes. */
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
  countsSheet(wb, dataset);
  checkpointSheet(wb, dataset);
  sourcesSheet(wb, dataset);
  rulesSheet(wb, dataset);
  notesSheet(wb, dataset);
  wb.eachSheet((ws) => (ws.pageSetup = { ...ws.pageSetup, ...PRINT_SETUP }));
  return Buffer.from(await wb.xlsx.writeBuffer());
};

export { renderWorkbook, cellValue };
