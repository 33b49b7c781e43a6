// The foreign layouts: workbooks laid out the way finance offices send their own tables rather
// than our template (years across the columns, French headers, billions or thousands, title
// rows, extra sheets, a semicolon CSV with decimal commas). Each names its ally and its source.
import ExcelJS from 'exceljs';
import type { FigureStatus } from '../../shared/model/index.ts';
import type { SampleYear } from './figures.ts';

const Lang = { en: 'en', fr: 'fr' } as const;
type Lang = (typeof Lang)[keyof typeof Lang];

type Cell = string | number | null;

interface Row {
  header: Record<Lang, string>;
  value: (y: SampleYear) => Cell;
  /** An amount in millions, to be written in the layout's unit. */
  amount?: boolean;
}

const amount = (header: Record<Lang, string>, value: (y: SampleYear) => number | null): Row => ({
  header,
  value,
  amount: true,
});

const STATUS_WORDS: Record<Lang, Record<FigureStatus, string>> = {
  en: { actual: 'actual', estimate: 'estimate', plan: 'plan' },
  fr: { actual: 'réalisé', estimate: 'estimé', plan: 'prévu' },
};
const YES_NO: Record<Lang, [string, string]> = { en: ['yes', 'no'], fr: ['oui', 'non'] };

/** "2023e", "2027p": the status written on the year, as statistical tables often do. */
const YEAR_SUFFIX: Record<FigureStatus, string> = { actual: '', estimate: 'e', plan: 'p' };

const STATUS_ROW = (lang: Lang): Row => ({ header: { en: 'Status', fr: 'Statut' }, value: (y) => STATUS_WORDS[lang][y.status] });

/** The fields of a foreign table, headed the way such tables commonly are (not the template's labels). */
const FIELD_ROWS = (lang: Lang): Row[] => [
  amount({ en: 'GDP', fr: 'PIB' }, (y) => y.gdp),
  amount({ en: 'Defence expenditure', fr: 'Dépenses de défense' }, (y) => y.core.total),
  amount({ en: 'Personnel', fr: 'Dépenses de personnel' }, (y) => y.core.personnel),
  amount({ en: 'Major equipment incl. R&D', fr: 'Équipements majeurs' }, (y) => y.core.equipment),
  amount({ en: 'Infrastructure', fr: 'Infrastructures' }, (y) => y.core.infrastructure),
  amount({ en: 'Other core expenditure', fr: 'Autres dépenses de défense' }, (y) => y.core.other),
  amount({ en: 'Security-related expenditure', fr: 'Dépenses liées à la sécurité' }, (y) => y.security?.total ?? null),
  amount({ en: 'Critical infrastructure', fr: 'Infrastructures critiques' }, (y) => y.security?.criticalInfrastructure ?? null),
  amount({ en: 'Cyber defence', fr: 'Cyberdéfense' }, (y) => y.security?.cyber ?? null),
  amount({ en: 'Civil preparedness', fr: 'Préparation civile' }, (y) => y.security?.civilPreparedness ?? null),
  amount({ en: 'Innovation', fr: 'Innovation' }, (y) => y.security?.innovation ?? null),
  amount({ en: 'Defence industrial base', fr: 'Base industrielle de défense' }, (y) => y.security?.industrialBase ?? null),
  amount({ en: 'Military mobility', fr: 'Mobilité militaire' }, (y) => y.security?.militaryMobility ?? null),
  { header: { en: 'Illustrative', fr: 'Illustratif' }, value: (y) => YES_NO[lang][y.illustrative ? 0 : 1] },
  { header: { en: 'Notes', fr: 'Remarques' }, value: (y) => y.notes },
];

const YEAR_HEADER: Record<Lang, string> = { en: 'Year', fr: 'Année' };

interface ForeignLayout {
  lang: Lang;
  /** Years down the rows, or across the columns. */
  orientation: 'rows' | 'columns';
  /** Amounts are written in millions times this factor (1000 for thousands, 0.001 for billions). */
  scale: number;
  sheetName: string;
  /** Lines above the table: the title, the ally, the unit, the source. */
  preamble: string[];
  /** Sheets before (and after) the data sheet, each a list of lines. */
  sheetsBefore?: Record<string, string[]>;
  sheetsAfter?: Record<string, string[]>;
  /** Merge the title across the table's width. */
  mergeTitle?: boolean;
  /**
   * Also mark the status on the year ("2024e", "2027p"). Plain years then rely on the Status
   * row: a year with neither would be taken as actual with a warning.
   */
  statusOnYear?: boolean;
}

const scaled = (x: Cell, scale: number): Cell => (typeof x === 'number' && scale !== 1 ? x * scale : x);

/** Rows of cells (years down or across), header included. */
const tableCells = (years: SampleYear[], layout: ForeignLayout): Cell[][] => {
  const rows = [STATUS_ROW(layout.lang), ...FIELD_ROWS(layout.lang)];
  const cellOf = (r: Row, y: SampleYear): Cell => (r.amount ? scaled(r.value(y), layout.scale) : r.value(y));
  const yearOf = (y: SampleYear): Cell => (layout.statusOnYear && y.status !== 'actual' ? `${y.year}${YEAR_SUFFIX[y.status]}` : y.year);
  if (layout.orientation === 'rows') {
    return [
      [YEAR_HEADER[layout.lang], ...rows.map((r) => r.header[layout.lang])],
      ...years.map((y) => [yearOf(y), ...rows.map((r) => cellOf(r, y))]),
    ];
  }
  return [
    [YEAR_HEADER[layout.lang], ...years.map(yearOf)],
    ...rows.map((r) => [r.header[layout.lang], ...years.map((y) => cellOf(r, y))]),
  ];
};

const addTextSheet = (wb: ExcelJS.Workbook, name: string, lines: string[]): void => {
  const ws = wb.addWorksheet(name);
  for (const line of lines) ws.addRow([line]);
  ws.getColumn(1).width = 100;
};

const foreignWorkbook = async (years: SampleYear[], layout: ForeignLayout): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'dualtrack samples';
  for (const [name, lines] of Object.entries(layout.sheetsBefore ?? {})) addTextSheet(wb, name, lines);
  const ws = wb.addWorksheet(layout.sheetName);
  for (const line of layout.preamble) ws.addRow([line]);
  ws.addRow([]);
  const cells = tableCells(years, layout);
  const headerRow = ws.rowCount + 1;
  for (const row of cells) ws.addRow(row);
  ws.getRow(headerRow).font = { bold: true };
  const width = cells[0]?.length ?? 1;
  if (layout.mergeTitle && layout.preamble.length > 0) ws.mergeCells(1, 1, 1, width);
  ws.getRow(1).font = { bold: true, size: 13 };
  ws.getColumn(1).width = layout.orientation === 'rows' ? 8 : 34;
  for (const [name, lines] of Object.entries(layout.sheetsAfter ?? {})) addTextSheet(wb, name, lines);
  return Buffer.from(await wb.xlsx.writeBuffer());
};

/** Quoted only when needed, the way spreadsheet programs write CSV. */
const csvField = (text: string, delimiter: string): string =>
  /["\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replaceAll('"', '""')}"` : text;

/** A semicolon CSV with decimal commas (the European Excel default), UTF-8 with a BOM, CRLF lines. */
const foreignCsv = (years: SampleYear[], layout: ForeignLayout): Buffer => {
  const delimiter = ';';
  const format = (c: Cell): string =>
    c === null ? '' : typeof c === 'number' ? String(c).replace('.', ',') : csvField(c, delimiter);
  const lines = [
    ...layout.preamble.map((l) => csvField(l, delimiter)),
    '',
    ...tableCells(years, layout).map((row) => row.map(format).join(delimiter)),
  ];
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
};

export { Lang, foreignWorkbook, foreignCsv, tableCells, STATUS_WORDS, YES_NO };
export type { ForeignLayout };
