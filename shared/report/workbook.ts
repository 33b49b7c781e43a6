// compliance.xlsx (and compliance.fr.xlsx): the release for analysts, in English and French. Numbers
// stay numbers at full precision (formats only round what is displayed), every text cell passes
// through safeText, every word comes from the report label table, and the content depends on the
// dataset and the language alone (created/modified come from the release time), so one dataset
// gives one workbook per language.
import ExcelJS from 'exceljs';
import type { AllyYearResult, CheckpointTrack, GroupAggregate, TrackResult } from '../model/index.ts';
import type { ComplianceDataset } from './dataset.ts';
import { PCT_DECIMALS, STATUS_STYLE } from './presentation.ts';
import type { ShownStatus } from './presentation.ts';
import { safeText } from '../text/index.ts';
import type { Lang } from '../text/index.ts';
import type { GroupKey } from './groups.ts';
import { presented } from './groups.ts';
import { labelIn } from './labels.ts';
import type { LabelKey, LabelValues } from './labels.ts';
import { thresholdText } from './pages/format.ts';
import { basisIn, coverageIn, groupNameIn, groupPlainName, leftOutIn } from './pages/groups-text.ts';
import { allYears, headline, shownStatus, standings } from './standings.ts';

type Value = string | number | boolean | null | undefined;

const PCT_FORMAT = `0.${'0'.repeat(PCT_DECIMALS)}`;
const AMOUNT_FORMAT = '#,##0.0';
const TRACK_SHEETS = [
  { track: 'core', pct: (y: AllyYearResult) => y.corePct },
  { track: 'security', pct: (y: AllyYearResult) => y.securityPct },
  { track: 'combined', pct: (y: AllyYearResult) => y.combinedPct },
] as const;

/** The workbook's language, and its words in it. */
interface Book {
  wb: ExcelJS.Workbook;
  lang: Lang;
  t: (key: LabelKey, values?: LabelValues) => string;
}

/** The only way values reach a cell: text neutralised, booleans spelt out in the language, missing left empty. */
const cellValue = (v: Value, lang: Lang = 'en'): string | number | null => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return labelIn(lang, v ? 'page.value.yes' : 'page.value.no');
  if (typeof v === 'number') return v;
  return safeText(v);
};

// The sheet's language rides on the worksheet, so every row of it is written the same way.
const LANG_OF = new WeakMap<ExcelJS.Worksheet, Lang>();

const addRow = (ws: ExcelJS.Worksheet, values: readonly Value[]): ExcelJS.Row => ws.addRow(values.map((v) => cellValue(v, LANG_OF.get(ws))));

const addSheet = (b: Book, name: string): ExcelJS.Worksheet => {
  const ws = b.wb.addWorksheet(safeSheetName(name));
  LANG_OF.set(ws, b.lang);
  return ws;
};

/** Excel refuses a sheet name with : \ / ? * [ ] or longer than 31 characters. */
const safeSheetName = (name: string): string => name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);

/** A status as a report words it in the language. */
const statusText = (lang: Lang, status: ShownStatus): string => labelIn(lang, `page.status.${status}`);

/** What an ally's figures are (actual, estimate, plan) in the language. */
const figuresText = (lang: Lang, figures: string | null | undefined): string =>
  figures === 'actual' || figures === 'estimate' || figures === 'plan' ? labelIn(lang, `page.figures.${figures}`) : labelIn(lang, 'page.status.no_data');

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
const licenseText = (b: Book, d: ComplianceDataset): string => {
  const l = d.rules.license;
  return l ? `${l.title} (${l.name}), ${l.path}` : b.t('book.licenceNone', { rules: d.rules.id });
};

const summarySheet = (b: Book, d: ComplianceDataset) => {
  const { t, lang } = b;
  const ws = addSheet(b, t('book.sheet.summary'));
  const h = headline(d);
  ws.columns = [{ width: 52 }, { width: 18 }, { width: 18 }];
  const title = addRow(ws, [t('book.summary.title', { rules: d.rules.name, year: String(h.year) })]);
  title.font = { bold: true, size: 14 };
  addRow(ws, []);
  styleHeader(addRow(ws, [t('book.summary.meeting', { year: String(h.year) }), t('book.summary.allies'), t('book.summary.ofReporting', { n: String(h.reporting) })]));
  const th = h.thresholds;
  const pct = (v: number) => thresholdText(lang, v);
  const meeting: [string, number][] = [
    [t('book.summary.meetTwo', { pct: pct(th.twoPercent) }), h.meeting.twoPercent],
    [t('book.summary.meetCore', { pct: pct(th.core) }), h.meeting.core],
    [t('book.summary.meetSecurity', { combined: pct(th.combined), cap: pct(th.securityCap) }), h.meeting.security],
    [t('book.summary.meetCombined', { pct: pct(th.combined) }), h.meeting.combined],
    [t('book.summary.meetEquipment', { pct: pct(th.equipment20) }), h.meeting.equipment20],
  ];
  for (const [label, n] of meeting) addRow(ws, [label, n, h.reporting]);
  addRow(ws, []);
  // Each column is named for what it covers: the group's name only when the coverage rule is met.
  const heading = (g: GroupAggregate | null, group: GroupKey) =>
    g ? groupNameIn(lang, g, group) : t('book.summary.noFigures', { group: groupPlainName(lang, group) });
  styleHeader(addRow(ws, [t('book.summary.ratios', { year: String(h.year) }), heading(h.all, 'all'), heading(h.europeCanada, 'europeCanada')]));
  const ratios: [string, 'corePct' | 'securityPct' | 'combinedPct' | 'equipmentSharePct'][] = [
    [t('book.summary.core'), 'corePct'],
    [t('book.summary.security'), 'securityPct'],
    [t('book.summary.combined'), 'combinedPct'],
    [t('book.summary.equipment'), 'equipmentSharePct'],
  ];
  for (const [label, key] of ratios) {
    const row = addRow(ws, [label, h.all?.[key], h.europeCanada?.[key]]);
    row.getCell(2).numFmt = PCT_FORMAT;
    row.getCell(3).numFmt = PCT_FORMAT;
  }
  // A ratio never stands alone: its exchange rates and the allies it covers are beside it.
  const each = (f: (g: GroupAggregate) => Value): Value[] => [h.all ? f(h.all) : null, h.europeCanada ? f(h.europeCanada) : null];
  addRow(ws, [t('page.col.rates'), ...each((g) => basisIn(lang, g))]);
  addRow(ws, [t('page.col.alliesInSum'), ...each((g) => coverageIn(lang, g))]);
  addRow(ws, [t('book.summary.coverageMet', { pct: pct(d.rules.aggregates.minCoveragePct) }), ...each((g) => g.coverage.meetsRule)]);
  addRow(ws, [t('book.col.leftOut'), ...each((g) => leftOutIn(lang, g) || t('book.summary.none'))]);
  addRow(ws, []);
  styleHeader(addRow(ws, [t('page.col.release')]));
  addRow(ws, [t('book.summary.number'), d.release.number]);
  addRow(ws, [t('book.col.publishedAt'), d.release.publishedAt]);
  addRow(ws, [t('page.col.trigger'), d.release.trigger]);
  if (d.release.reason) addRow(ws, [t('book.col.reason'), d.release.reason]);
  addRow(ws, [t('page.col.rules'), d.rules.id]);
  addRow(ws, [t('page.col.reportingYear'), d.release.reportingYear]);
  addRow(ws, [t('book.col.digest'), d.release.digest]);
  addRow(ws, [t('book.col.licence'), licenseText(b, d)]);
};

/** Headings built from a pattern and a short name: "Core % GDP", "Base % PIB". */
type What = 'core' | 'security' | 'securityCounted' | 'securityNeeded' | 'combined' | 'equipment' | 'gdp';
const headingOf = (b: Book) => ({
  pct: (what: What) => b.t('book.col.pctGdp', { what: b.t(`book.what.${what}`) }),
  national: (what: What) => b.t('book.col.national', { what: b.t(`book.what.${what}`) }),
  usd: (what: What) => b.t('book.col.usd', { what: b.t(`book.what.${what}`) }),
  status: (what: What) => b.t('book.col.statusOf', { what: b.t(`book.what.${what}`) }),
});

const STANDINGS_COLUMNS = 25;

const standingsSheet = (b: Book, d: ComplianceDataset) => {
  const { t, lang } = b;
  const ws = addSheet(b, t('book.sheet.standings', { year: String(d.release.reportingYear) }));
  const h = headingOf(b);
  const th = d.rules.legacy;
  const header = [
    t('book.col.iso3'), t('page.col.ally'), t('page.col.figures'), h.pct('core'), h.pct('security'), h.pct('securityCounted'), h.pct('combined'),
    t('book.col.equipmentOfCore'), h.status('core'), h.status('security'), h.status('combined'),
    t('book.col.guideline', { pct: thresholdText(lang, th.gdpPct) }), t('book.col.guideline', { pct: thresholdText(lang, th.equipmentSharePct) }),
    t('book.col.planCredible'), t('book.col.illustrative'), t('book.col.currency'), h.national('gdp'), h.national('core'), h.national('security'),
    h.usd('gdp'), h.usd('core'), h.usd('security'), h.pct('securityNeeded'), t('book.col.rateYearOf'), t('book.col.rateCarried'),
  ];
  table(ws, header, [7, 22, 10, 11, 12, 12, 11, 11, 16, 16, 16, 10, 10, 10, 10, 9, 14, 14, 14, 14, 14, 14, 12, 10, 12]);
  for (const s of standings(d)) {
    const y = s.year;
    const row = addRow(ws, [
      s.ally.iso3, allyName(lang, s.ally), s.ally.noArmedForces ? statusText(lang, 'no_armed_forces') : figuresText(lang, y?.status),
      y?.corePct, y?.securityPct, y?.securityCountedPct, y?.combinedPct, y?.equipmentSharePct,
      statusText(lang, shownStatus(s, 'core')), statusText(lang, shownStatus(s, 'security')), statusText(lang, shownStatus(s, 'combined')),
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
  autoFilter(ws, STANDINGS_COLUMNS);
};

const trackSheet = (b: Book, d: ComplianceDataset, spec: (typeof TRACK_SHEETS)[number]) => {
  const { t, lang } = b;
  const ws = addSheet(b, t(`book.sheet.${spec.track}`));
  const years = allYears(d);
  table(ws, [t('book.col.iso3'), t('page.col.ally'), ...years], [7, 22, ...years.map(() => 9)]);
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: 1 }];
  for (const ally of d.allies) {
    const byYear = new Map(ally.years.map((y) => [y.year, y]));
    const row = addRow(ws, [ally.iso3, allyName(lang, ally), ...years.map((yr) => { const y = byYear.get(yr); return y ? spec.pct(y) : null; })]);
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
  const statuses = (Object.keys(STATUS_STYLE) as ShownStatus[]).map((s) => statusText(lang, s)).join(', ');
  addRow(ws, [t('book.trackNote', { title: t(`book.title.${spec.track}`), track: t(`csv.track.${spec.track}`), statuses })]);
};

/** One row per year and group, on the basis the engine presents, named by what it covers. */
const allianceSheet = (b: Book, d: ComplianceDataset) => {
  const { t, lang } = b;
  const h = headingOf(b);
  const ws = addSheet(b, t('book.sheet.alliance'));
  const header = [
    t('page.col.year'), t('page.col.figure'), t('page.col.rates'), t('book.col.rateYear'), t('page.col.alliesInSum'), t('book.col.alliesExpected'),
    t('book.col.coveragePct'), t('book.col.coverageMet'), t('book.col.leftOut'), t('book.col.notYetMembers'), h.usd('gdp'), h.usd('core'),
    h.usd('security'), h.usd('securityCounted'), h.pct('core'), h.pct('security'), h.pct('combined'), t('book.col.equipmentOfCore'),
  ];
  table(ws, header, [7, 34, 24, 9, 10, 10, 10, 10, 40, 18, 16, 14, 14, 14, 11, 11, 11, 11]);
  for (const y of d.alliance.years) {
    for (const group of ['all', 'europeCanada'] as const) {
      const g = presented(y, group);
      addRow(ws, [
        y.year, groupNameIn(lang, g, group), basisIn(lang, g), g.rateYear, g.coverage.included, g.coverage.expected, g.coverage.pct,
        g.coverage.meetsRule, leftOutIn(lang, g), g.notYetMembers.join(', '), g.gdpUsd, g.coreUsd, g.securityUsd, g.securityCountedUsd, g.corePct,
        g.securityPct, g.combinedPct, g.equipmentSharePct,
      ]);
    }
  }
  ws.getColumn(7).numFmt = '0.0';
  for (let c = 11; c <= 14; c++) ws.getColumn(c).numFmt = AMOUNT_FORMAT;
  for (let c = 15; c <= 18; c++) ws.getColumn(c).numFmt = PCT_FORMAT;
  autoFilter(ws, header.length);
  addRow(ws, []);
  addRow(ws, [t('book.allianceNote', { min: thresholdText(lang, d.rules.aggregates.minCoveragePct) })]);
};

const countsSheet = (b: Book, d: ComplianceDataset) => {
  const { t, lang } = b;
  const ws = addSheet(b, t('book.sheet.counts'));
  const byStatus = (['core', 'security', 'combined'] as const).flatMap((track) =>
    (['met', 'on_track', 'off_track'] as const).map((status) => t('book.col.trackStatus', { what: t(`book.what.${track}`), status: statusText(lang, status) })),
  );
  const meeting = [d.rules.legacy.gdpPct, d.rules.legacy.equipmentSharePct].map((pct) => t('book.col.meeting', { pct: thresholdText(lang, pct) }));
  const header = [t('page.col.year'), t('book.col.reporting'), ...byStatus, ...meeting];
  table(ws, header, [7, 10, ...header.slice(2).map(() => 10)]);
  for (const y of d.alliance.years) {
    const c = y.counts;
    addRow(ws, [
      y.year, c.reporting, c.core.met, c.core.on_track, c.core.off_track, c.security.met, c.security.on_track,
      c.security.off_track, c.combined.met, c.combined.on_track, c.combined.off_track, c.twoPercent, c.equipment20,
    ]);
  }
  autoFilter(ws, header.length);
};

const CHECKPOINT_TRACKS = [
  ['core', 'core'],
  ['security', 'securityCounted'],
  ['combined', 'combined'],
] as const;

/** The review year: where each ally stands against its path on each track. */
const checkpointSheet = (b: Book, d: ComplianceDataset) => {
  const { t, lang } = b;
  const year = d.rules.reviewYear;
  if (year === undefined) return;
  const ws = addSheet(b, t('book.sheet.checkpoint', { year: String(year) }));
  const h = headingOf(b);
  const header = [
    t('book.col.iso3'), t('page.col.ally'), t('page.col.figures'), t('book.col.illustrative'),
    ...CHECKPOINT_TRACKS.flatMap(([, what]) => {
      const name = t(`book.what.${what}`);
      return [h.pct(what), t('book.col.pathOf', { what: name }), t('book.col.aheadOf', { what: name }), h.status(what)];
    }),
    h.pct('securityNeeded'),
  ];
  table(ws, header, [7, 22, 10, 10, ...CHECKPOINT_TRACKS.flatMap(() => [11, 11, 12, 14]), 12]);
  for (const a of d.allies) {
    const c = a.checkpoint;
    if (c === null) continue;
    const row = addRow(ws, [
      a.iso3, allyName(lang, a), a.noArmedForces ? statusText(lang, 'no_armed_forces') : figuresText(lang, c.figures), c.illustrative,
      ...CHECKPOINT_TRACKS.flatMap(([track]) => {
        const at: CheckpointTrack = c.tracks[track];
        return [at.pct, at.path, at.aheadOfPathPct, statusText(lang, at.status)];
      }),
      c.tracks.security.needPct,
    ]);
    CHECKPOINT_TRACKS.forEach(([track], i) => paint(row.getCell(8 + 4 * i), c.tracks[track].status));
  }
  for (const col of [5, 6, 7, 9, 10, 11, 13, 14, 15, 17]) ws.getColumn(col).numFmt = PCT_FORMAT;
  autoFilter(ws, header.length);
  addRow(ws, []);
  addRow(ws, [t('book.checkpointNote', { year: String(year) })]);
};

/** Plans against outturn: per ally and year, what each earlier accepted submission planned for it, beside the latest figure. */
const plansSheet = (b: Book, d: ComplianceDataset) => {
  const { t, lang } = b;
  const ws = addSheet(b, t('book.sheet.plans'));
  const header = [
    t('book.col.iso3'), t('page.col.ally'), t('page.col.year'), t('page.col.submission'), t('page.col.uploaded'), t('page.col.aheadYears'),
    t('page.col.plannedAs'), t('page.col.corePlanned'), t('page.col.coreReported'), t('page.col.difference'),
    t('page.col.combinedPlanned'), t('page.col.combinedReported'), t('page.col.difference'),
  ];
  table(ws, header, [7, 22, 7, 30, 22, 9, 11, 11, 11, 12, 11, 11, 12]);
  for (const a of d.allies)
    for (const y of a.years)
      for (const e of y.earlierFigures)
        addRow(ws, [
          a.iso3, allyName(lang, a), y.year, e.submissionId, e.uploadedAt, e.aheadYears, figuresText(lang, e.status),
          e.corePct, y.corePct, e.coreDiffPct, e.combinedPct, y.combinedPct, e.combinedDiffPct,
        ]);
  ws.getColumn(3).numFmt = YEAR_FORMAT;
  for (const col of [8, 9, 10, 11, 12, 13]) ws.getColumn(col).numFmt = PCT_FORMAT;
  autoFilter(ws, header.length);
};

/** Delivery: per ally, how far plans made one and two years ahead missed the outturn, on average. */
const deliverySheet = (b: Book, d: ComplianceDataset) => {
  const { t, lang } = b;
  const ws = addSheet(b, t('book.sheet.delivery'));
  const header = [
    t('book.col.iso3'), t('page.col.ally'), t('page.col.plansMade'),
    t('page.col.coreComparisons'), t('page.col.coreMeanDiff'), t('page.col.coreMeanAbsDiff'),
    t('page.col.combinedComparisons'), t('page.col.combinedMeanDiff'), t('page.col.combinedMeanAbsDiff'),
  ];
  table(ws, header, [7, 22, 16, 12, 16, 16, 12, 16, 16]);
  for (const a of d.allies)
    for (const lead of a.delivery.leads) {
      const ahead = lead.aheadYears === 1 ? t('page.delivery.oneYear') : t('page.delivery.years', { n: String(lead.aheadYears) });
      addRow(ws, [
        a.iso3, allyName(lang, a), ahead,
        lead.core.comparisons, lead.core.meanDiffPct, lead.core.meanAbsDiffPct,
        lead.combined.comparisons, lead.combined.meanDiffPct, lead.combined.meanAbsDiffPct,
      ]);
    }
  for (const col of [5, 6, 8, 9]) ws.getColumn(col).numFmt = PCT_FORMAT;
  autoFilter(ws, header.length);
};

const sourcesSheet = (b: Book, d: ComplianceDataset) => {
  const { t, lang } = b;
  const ws = addSheet(b, t('book.sheet.sources'));
  const header = [
    t('book.col.iso3'), t('page.col.ally'), t('page.col.year'), t('page.col.figures'), t('book.col.illustrative'), t('book.col.submission'),
    t('book.col.file'), t('book.col.uploadedAt'), t('page.col.notes'),
  ];
  table(ws, header, [7, 22, 7, 10, 11, 28, 32, 24, 60]);
  for (const a of d.allies) {
    for (const y of a.years) {
      addRow(ws, [a.iso3, allyName(lang, a), y.year, figuresText(lang, y.status), y.illustrative, y.source.submissionId, y.source.file, y.source.uploadedAt, y.notes]);
    }
  }
  autoFilter(ws, header.length);
};

const rulesSheet = (b: Book, d: ComplianceDataset) => {
  const { t } = b;
  const ws = addSheet(b, t('book.sheet.rules'));
  const r = d.rules;
  ws.columns = [{ width: 40 }, { width: 16 }, { width: 16 }, { width: 16 }, { width: 14 }, { width: 14 }, { width: 60 }];
  const rows: [LabelKey, Value][] = [
    ['book.rules.id', r.id], ['book.rules.name', r.name], ['book.rules.description', r.description], ['book.rules.source', r.source],
    ['book.rules.baselineYear', r.baselineYear], ['book.rules.targetYear', r.targetYear], ['book.rules.reviewYear', r.reviewYear],
    ['book.rules.core', r.tracks.core.target],
    ['book.rules.securityCap', r.tracks.security.cap],
    ['book.rules.combined', r.tracks.combined.target],
    ['book.rules.walesGdp', r.legacy.gdpPct], ['book.rules.walesEquipment', r.legacy.equipmentSharePct],
    ['book.rules.categories', r.eligibleSecurityCategories.join(', ')],
    ['book.rules.tolerance', r.planTolerancePct],
    ['book.rules.coverage', r.aggregates.minCoveragePct],
    ['book.rules.licence', licenseText(b, d)],
  ];
  styleHeader(addRow(ws, [t('book.rules.rule'), t('book.rules.value')]));
  for (const [k, v] of rows) addRow(ws, [t(k), v]);
  addRow(ws, []);
  styleHeader(
    addRow(ws, [
      t('book.rules.overrides'), t('book.rules.coreTarget'), t('book.rules.cap'), t('book.rules.combinedTarget'), t('book.rules.baselineYear'),
      t('book.rules.targetYear'), t('book.col.reason'),
    ]),
  );
  const overrides = Object.entries(r.overrides).sort(([x], [y]) => (x < y ? -1 : 1));
  if (overrides.length === 0) addRow(ws, [t('book.summary.none')]);
  for (const [iso3, o] of overrides) {
    addRow(ws, [iso3, o.core?.target, o.security?.cap, o.combined?.target, o.baselineYear, o.targetYear, o.reason]);
  }
};

const notesSheet = (b: Book, d: ComplianceDataset) => {
  const { t, lang } = b;
  const ws = addSheet(b, t('book.sheet.notes'));
  ws.columns = [{ width: 18 }, { width: 120 }];
  styleHeader(addRow(ws, [t('book.notes.note'), t('book.notes.text')]));
  // The notes are the dataset's English text; the French workbook says so first.
  if (lang !== 'en') addRow(ws, [null, t('page.notes.inEnglish')]);
  for (const n of d.notes) addRow(ws, [n.code, n.text]).alignment = { wrapText: true, vertical: 'top' };
  addRow(ws, [
    t('book.notes.cite'),
    t('book.notes.citation', { n: String(d.release.number), date: d.release.publishedAt.slice(0, 10), rules: d.rules.id, digest: d.release.digest }),
  ]);
};

/** The ally's name as the language writes it. */
const allyName = (lang: Lang, ally: { name: string; nameFr?: string }): string => (lang === 'fr' && ally.nameFr ? ally.nameFr : ally.name);

/**
 * The release workbook in `lang`: Summary, Standings, Core, Security, Combined, Alliance, Counts,
 * Checkpoint, Plans vs outturn, Delivery, Sources, Rules, Notes (and their French names in French).
 */
const renderWorkbook = async (dataset: ComplianceDataset, lang: Lang = 'en'): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  const b: Book = { wb, lang, t: (key, values) => labelIn(lang, key, values) };
  const at = new Date(dataset.release.publishedAt);
  wb.creator = 'dualtrack';
  wb.lastModifiedBy = 'dualtrack';
  wb.created = at;
  wb.modified = at;
  wb.title = safeText(b.t('book.title', { n: String(dataset.release.number) }));
  summarySheet(b, dataset);
  standingsSheet(b, dataset);
  for (const spec of TRACK_SHEETS) trackSheet(b, dataset, spec);
  allianceSheet(b, dataset);
  countsSheet(b, dataset);
  checkpointSheet(b, dataset);
  plansSheet(b, dataset);
  deliverySheet(b, dataset);
  sourcesSheet(b, dataset);
  rulesSheet(b, dataset);
  notesSheet(b, dataset);
  wb.eachSheet((ws) => (ws.pageSetup = { ...ws.pageSetup, ...PRINT_SETUP }));
  return Buffer.from(await wb.xlsx.writeBuffer());
};

export { renderWorkbook, cellValue };
