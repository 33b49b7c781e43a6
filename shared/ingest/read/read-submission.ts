// The workbook reader: bytes of an accepted .xlsx or .csv in, draft records and cell-level
// findings out. Pure: no I/O beyond parsing the bytes it is given.
import { basename, extname } from 'node:path';
import { findingOf, Severity } from '../../findings/index.ts';
import type { Finding } from '../../findings/index.ts';
import { currentCurrency } from '../../reference/index.ts';
import type { DraftRecord } from '../draft.ts';
import type { IngestLimits } from '../limits.ts';
import { META_SHEET, parseMetaRows } from '../../submission/index.ts';
import type { TemplateMeta } from '../../submission/index.ts';
import { draftsOfTable } from './draft.ts';
import { MAX_FIELD_CHARS, parseCsv } from './csv.ts';
import { decodeCsv, ENCODING_NAMES } from '../csv-text.ts';
import { IngestInputError } from '../errors.ts';
import { a1, columnLetters, columnNumber } from '../../text/index.ts';
import type { Lang } from '../../text/index.ts';
import { gridOfRows, textOf } from './grid.ts';
import type { Grid } from './grid.ts';
import type { Delimiter } from './csv.ts';
import { readWorkbookPackage } from './xlsx/package.ts';
import { clippedMerges, gridOfSheet } from './xlsx/sheet-grid.ts';
import type { WorkbookSheet } from './xlsx/package.ts';
import { chooseTables, foundOf, tablesOfSheet } from './tables.ts';
import type { Found, Layout } from './tables.ts';
import { unreadInTable, unreadOutside } from './unread.ts';
import { decimalMarkOf } from './numbers.ts';
import type { DecimalMark } from './numbers.ts';
import { findTable } from './table.ts';
import type { Table } from './table.ts';

interface ReadOptions {
  limits: IngestLimits;
  /** ISO3 the upload was filed under; decides the currency when the workbook names no ally. */
  expectedAlly?: string | null;
}

interface ReadResult {
  drafts: DraftRecord[];
  findings: Finding[];
  /** ISO3 of the ally the workbook names, if any. */
  ally: string | null;
  layout: Layout | null;
  /** The template's language (its _meta sheet), when the file is a dualtrack template. */
  lang: Lang | null;
}

const EXPECTED_TABLE =
  'a table with one row (or one column) per year and headers naming the figures, in English or French: Year, Status, GDP, Core defence expenditure, Personnel, Major equipment incl. R&D, Infrastructure, Operations and maintenance, Security-related expenditure, Cyber defence, Military mobility, … (the submission template has them all)';

const columnsOf = (letters: readonly string[]): Set<number> => new Set(letters.map(columnNumber));

// Only the oversized sheet is skipped, not the whole file, and the message says so.
const SHEET_REFUSED = { refused: 'sheet' } as const;

/** Bounds checked on the sheet's declared size before any of its cells is looked at. */
const withinLimits = (sheet: string, rows: number, columns: number, limits: IngestLimits, rowsOrMore = false): Finding[] => {
  const out: Finding[] = [];
  if (rows > limits.maxRows)
    out.push(
      findingOf('too-many-rows', {
        sheet,
        cell: `A${limits.maxRows + 1}`,
        found: rowsOrMore ? `${rows} or more` : String(rows),
        expected: String(limits.maxRows),
        params: { ...SHEET_REFUSED, count: rows, max: limits.maxRows, ...(rowsOrMore ? { orMore: true } : {}) },
      }),
    );
  if (columns > limits.maxColumns)
    out.push(
      findingOf('too-many-columns', {
        sheet,
        cell: `${columnLetters(limits.maxColumns + 1)}1`,
        found: String(columns),
        expected: String(limits.maxColumns),
        params: { ...SHEET_REFUSED, count: columns, max: limits.maxColumns },
      }),
    );
  return out;
};

/** Our marker has a few dozen rows; a bigger `_meta` sheet is someone else's and is not read. */
const META_MAX_ROWS = 200;

const metaOf = (sheets: readonly WorkbookSheet[]): TemplateMeta | null => {
  const sheet = sheets.find((s) => s.name === META_SHEET);
  if (!sheet || sheet.cells.rows > META_MAX_ROWS || sheet.cells.columns > 2) return null;
  const grid = gridOfSheet(sheet.name, sheet.cells);
  const rows: [string, string][] = [];
  for (let r = 1; r <= grid.rows; r += 1) rows.push([textOf(grid.at(r, 1)), textOf(grid.at(r, 2))]);
  return parseMetaRows(rows);
};

/** The decimal mark the table's text numbers settle, when they agree. */
const decimalMarkOfTable = (t: Table): DecimalMark | null => {
  const votes = { '.': 0, ',': 0 };
  for (const yr of t.rows)
    for (const b of t.bindings) {
      const c = t.grid.at(yr.row, b.column).content;
      const mark = c.kind === 'text' ? decimalMarkOf(c.value) : null;
      if (mark) votes[mark] += 1;
    }
  if (votes['.'] === votes[',']) return null;
  return votes['.'] > votes[','] ? '.' : ',';
};

interface Source {
  grids: Grid[];
  meta: TemplateMeta | null;
  findings: Finding[];
  /** A CSV's separator: semicolons say the comma is the decimal mark. */
  delimiter: Delimiter | null;
}

const gridsOfXlsx = async (bytes: Buffer, limits: IngestLimits): Promise<Source> => {
  const sheets = await readWorkbookPackage(bytes);
  const findings: Finding[] = [];
  const grids: Grid[] = [];
  for (const { name, cells } of sheets) {
    if (name === META_SHEET) continue;
    const over = withinLimits(name, cells.rows, cells.columns, limits);
    findings.push(...over);
    if (over.length > 0) continue;
    const { tooLarge, ...layout } = clippedMerges(cells, limits);
    if (tooLarge) {
      const { range, covered } = tooLarge;
      findings.push(
        findingOf('merged-range-too-large', {
          sheet: name,
          cell: a1(range.top, range.left),
          found: `${a1(range.top, range.left)}:${a1(range.bottom, range.right)}`,
          expected: String(limits.maxMergedCells),
          params: { count: covered, max: limits.maxMergedCells },
        }),
      );
      continue;
    }
    grids.push(gridOfSheet(name, cells, layout));
  }
  return { grids, meta: metaOf(sheets), findings, delimiter: null };
};

const gridOfCsv = (bytes: Buffer, fileName: string, limits: IngestLimits): Source => {
  const decoded = decodeCsv(bytes);
  // The guard refused what cannot be decoded; reaching here with such bytes is a caller's bug.
  if (!decoded.ok) throw new IngestInputError('bytes', `CSV bytes that are not text reached the reader (${decoded.problem} at byte ${decoded.offset})`);
  const decodedAs: Finding[] =
    decoded.encoding === 'utf-8' ? [] : [findingOf('csv-decoded', { found: ENCODING_NAMES[decoded.encoding], params: { encoding: decoded.encoding } })];
  const { rows, delimiter, problem } = parseCsv(decoded.text, limits.maxRows);
  const sheet = basename(fileName, extname(fileName)) || 'csv';
  if (problem?.kind === 'unclosed-quote') {
    const unclosed = findingOf('csv-unclosed-quote', {
      sheet,
      cell: a1(problem.line, problem.column),
      expected: String(MAX_FIELD_CHARS),
      params: { line: problem.line, column: problem.column, max: MAX_FIELD_CHARS },
    });
    return { grids: [], meta: null, findings: [...decodedAs, unclosed], delimiter };
  }
  const columns = rows.reduce((m, r) => Math.max(m, r.length), 0);
  // Reading stopped at the first row past the limit, so the count is a lower bound.
  const over = withinLimits(sheet, rows.length, columns, limits, problem?.kind === 'too-many-rows');
  return over.length > 0
    ? { grids: [], meta: null, findings: [...decodedAs, ...over], delimiter }
    : { grids: [gridOfRows(sheet, rows)], meta: null, findings: decodedAs, delimiter };
};

const isCsv = (bytes: Buffer, fileName: string): boolean =>
  extname(fileName).toLowerCase() === '.csv' || !(bytes[0] === 0x50 && bytes[1] === 0x4b);

/** The decimal mark of a table's text numbers: what they settle, else what a semicolon CSV implies. */
const numberConvention = (t: Table, delimiter: Delimiter | null): { decimalMark: DecimalMark | null; decimalBasis: 'table' | 'delimiter' | null } => {
  const fromTable = decimalMarkOfTable(t);
  if (fromTable) return { decimalMark: fromTable, decimalBasis: 'table' };
  // Spreadsheets separate fields with semicolons where the comma is the decimal mark, and with
  // commas where it is not.
  if (delimiter === ';') return { decimalMark: ',', decimalBasis: 'delimiter' };
  if (delimiter === ',') return { decimalMark: '.', decimalBasis: 'delimiter' };
  return { decimalMark: null, decimalBasis: null };
};

/**
 * Read a submission. The template is read through its column map; anything else through the
 * tables of each sheet (see tables.ts). Whatever holds numbers but is not read is named in a
 * finding (see unread.ts).
 */
const readSubmission = async (bytes: Buffer, fileName: string, options: ReadOptions): Promise<ReadResult> => {
  const csv = isCsv(bytes, fileName);
  const source = csv ? gridOfCsv(bytes, fileName, options.limits) : await gridsOfXlsx(bytes, options.limits);
  const findings: Finding[] = [...source.findings];
  const meta = source.meta;

  const found: Found[] = [];
  const setAside: Found[] = [];
  for (const grid of source.grids) {
    if (meta && grid.sheet === meta.sheet) {
      const table = findTable(grid, columnsOf(Object.values(meta.columns)));
      if (table) found.push(foundOf(table, 'template', grid, false));
      continue;
    }
    const sheet = tablesOfSheet(grid, csv ? 'csv' : 'years-down');
    found.push(...sheet.tables);
    setAside.push(...sheet.set);
    findings.push(...sheet.findings);
  }
  found.sort((a, b) => (a.layout === 'template' ? -1 : 0) - (b.layout === 'template' ? -1 : 0) || b.table.score - a.table.score);

  const named = (f: Found): string | null => (f.layout === 'template' ? (meta?.ally ?? f.context.ally) : f.context.ally);
  const choice = chooseTables(found, named, options.expectedAlly ?? null, meta?.ally ?? null);
  const chosen = choice.chosen;
  findings.push(...choice.findings);

  if (chosen.length === 0) {
    if (!findings.some((f) => f.severity === Severity.error))
      findings.push(
        findingOf('no-table', {
          found: source.grids.length > 0 ? `sheets read: ${source.grids.map((g) => g.sheet).join(', ')}` : null,
          expected: EXPECTED_TABLE,
          params: { sheets: source.grids.map((g) => g.sheet).join(', ') || null },
        }),
      );
    return { drafts: [], findings, ally: meta?.ally ?? null, layout: null, lang: meta?.lang ?? null };
  }

  const ally = meta?.ally ?? chosen.map((f) => f.context.ally).find((a) => a !== null) ?? null;
  const effectiveAlly = ally ?? options.expectedAlly ?? null;
  const canonicalCurrency = effectiveAlly ? currentCurrency(effectiveAlly) : null;

  const drafts: DraftRecord[] = [];
  for (const f of chosen) {
    findings.push(...f.context.findings);
    const out = draftsOfTable({
      table: f.table,
      context: { ...f.context, ally },
      canonicalCurrency,
      ...numberConvention(f.table, source.delimiter),
      across: f.across,
    });
    drafts.push(...out.drafts);
    findings.push(...out.findings);
    findings.push(...unreadInTable(f.table, f.across, f.layout === 'template', f.extent));
  }
  // Numbers elsewhere on the sheets: all but those set aside for naming another ally, whose
  // warning already says they were not read.
  for (const grid of source.grids) {
    if (choice.otherAlly.some((f) => f.sheet === grid) && !chosen.some((f) => f.sheet === grid)) continue;
    const claimed = [...found, ...setAside].filter((f) => f.sheet === grid).map((f) => f.rect);
    findings.push(...unreadOutside(grid, claimed));
  }
  return { drafts, findings, ally, layout: chosen[0]?.layout ?? null, lang: meta?.lang ?? null };
};

export { readSubmission };
export type { ReadResult, ReadOptions, Layout };
