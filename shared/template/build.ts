// The submission template: an instructions sheet, a data sheet with one row per year (ally and
// currency pre-filled, validated inputs, computed check columns, protected formulas) and a
// hidden `_meta` sheet by which the reader recognises it.
import ExcelJS from 'exceljs';
import { HAGUE_2025 } from '../model/index.ts';
import type { Rules } from '../model/index.ts';
import { allyByIso3, currencyInYear, currentCurrency } from '../reference/index.ts';
import type { AllyRef } from '../reference/index.ts';
import {
  FIELDS,
  FieldGroup,
  META_SHEET,
  STATUS_CHOICES,
  TEMPLATE_COLUMNS,
  TEMPLATE_FIELDS,
  TEMPLATE_ID,
  TEMPLATE_VERSION,
  YearSchema,
  fieldDef,
  groupPaths,
  metaRows,
} from '../submission/index.ts';
import type { FieldPath, TemplateMeta } from '../submission/index.ts';
import { columnLetters } from '../text/index.ts';
import type { Lang } from '../text/index.ts';
import { InvalidYearsError, UnknownAllyError } from './errors.ts';
import { TEXT } from './text.ts';

interface TemplateOptions {
  ally: AllyRef | string;
  from?: number;
  to?: number;
  lang?: Lang;
  /** Rules whose targets the instructions quote. */
  rules?: Rules;
}

const DEFAULT_FROM = 2014;
const DEFAULT_TO = 2035;
const HEADER_ROW = 5;
/** Most years one template may hold; more is almost surely a typo in --from/--to. */
const MAX_YEARS = 100;

const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF9DB' } };
const COMPUTED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };

/**
 * An input message with no restriction. exceljs writes type "any" as a validation without a
 * type attribute (Excel's "Any value"), but its typings leave "any" out.
 */
const promptOnly = (promptTitle: string, prompt: string): ExcelJS.DataValidation =>
  ({ type: 'any', formulae: [], allowBlank: true, showInputMessage: true, promptTitle: promptTitle.slice(0, 32), prompt: prompt.slice(0, 255) }) as unknown as ExcelJS.DataValidation;

const resolveAlly = (ally: AllyRef | string): AllyRef => {
  if (typeof ally !== 'string') return ally;
  const found = allyByIso3(ally);
  if (!found) throw new UnknownAllyError(ally);
  return found;
};

const checkYears = (from: number, to: number): void => {
  if (!YearSchema.safeParse(from).success || !YearSchema.safeParse(to).success)
    throw new InvalidYearsError(from, to, `years must be whole numbers from ${YearSchema.minValue ?? ''} to ${YearSchema.maxValue ?? ''}`);
  if (from > to) throw new InvalidYearsError(from, to, 'the first year comes after the last');
  if (to - from + 1 > MAX_YEARS) throw new InvalidYearsError(from, to, `a template holds at most ${MAX_YEARS} years`);
};

const currencyOf = (ally: AllyRef, year: number): string => currencyInYear(ally.iso3, year) ?? currentCurrency(ally.iso3) ?? '';

const addInstructions = (wb: ExcelJS.Workbook, lines: string[], name: string): void => {
  const ws = wb.addWorksheet(name);
  ws.getColumn(1).width = 120;
  lines.forEach((line, i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = line;
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (i === 0) cell.font = { bold: true, size: 14 };
    else if (line !== '' && lines[i - 1] === '') cell.font = { bold: true };
  });
};

/** Build the template workbook for one ally and a span of years, in English or French. */
const buildTemplate = async (options: TemplateOptions): Promise<Buffer> => {
  const ally = resolveAlly(options.ally);
  const from = options.from ?? DEFAULT_FROM;
  const to = options.to ?? DEFAULT_TO;
  const lang = options.lang ?? 'en';
  const rules = options.rules ?? HAGUE_2025;
  checkYears(from, to);
  const text = TEXT[lang];
  const allyName = lang === 'fr' ? ally.nameFr : ally.nameEn;
  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const currencies = [...new Set(years.map((y) => currencyOf(ally, y)))].filter((c) => c !== '');

  const wb = new ExcelJS.Workbook();
  wb.creator = 'dualtrack';
  addInstructions(wb, text.instructions(allyName, from, to, rules), text.instructionsSheet);
  const ws = wb.addWorksheet(text.dataSheet, { views: [{ state: 'frozen', xSplit: 1, ySplit: HEADER_ROW }] });

  const c = (f: FieldPath): string => TEMPLATE_COLUMNS[f] ?? 'A';
  // A group's total and parts stand side by side: the banner spans them all, the sums the parts.
  const group = (g: FieldGroup) => {
    const [total = 'gdp', first = total, ...rest] = groupPaths(g);
    return { total, first, last: rest.at(-1) ?? first };
  };
  const core = group(FieldGroup.core);
  const security = group(FieldGroup.security);
  const coreParts = (r: number) => `${c(core.first)}${r}:${c(core.last)}${r}`;
  const securityParts = (r: number) => `${c(security.first)}${r}:${c(security.last)}${r}`;
  // The computed columns follow the input columns.
  const firstComputed = TEMPLATE_FIELDS.length + 1;
  const computed = [
    { header: text.computed.coreSum, formula: (r: number) => `IF(COUNT(${coreParts(r)})=0,"",SUM(${coreParts(r)}))`, numFmt: '#,##0.0' },
    { header: text.computed.securitySum, formula: (r: number) => `IF(COUNT(${securityParts(r)})=0,"",SUM(${securityParts(r)}))`, numFmt: '#,##0.0' },
    { header: text.computed.corePct, formula: (r: number) => `IF(AND(ISNUMBER(${c('gdp')}${r}),ISNUMBER(${c('core.total')}${r}),N(${c('gdp')}${r})>0),${c('core.total')}${r}/${c('gdp')}${r},"")`, numFmt: '0.00%' },
    {
      header: text.computed.securityPct,
      formula: (r: number) => `IF(AND(ISNUMBER(${c('gdp')}${r}),ISNUMBER(${c('security.total')}${r}),N(${c('gdp')}${r})>0),${c('security.total')}${r}/${c('gdp')}${r},"")`,
      numFmt: '0.00%',
    },
    {
      header: text.computed.combinedPct,
      formula: (r: number) => `IF(AND(ISNUMBER(${columnLetters(firstComputed + 2)}${r}),ISNUMBER(${columnLetters(firstComputed + 3)}${r})),${columnLetters(firstComputed + 2)}${r}+${columnLetters(firstComputed + 3)}${r},"")`,
      numFmt: '0.00%',
    },
  ];
  const lastColumn = columnLetters(firstComputed + computed.length - 1);

  ws.getCell('A1').value = text.title(allyName);
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.mergeCells(`A1:${lastColumn}1`);
  ws.getCell('A2').value = text.allyLabel;
  ws.getCell('A2').font = { bold: true };
  ws.getCell('B2').value = allyName;
  ws.getCell('C2').value = ally.iso3;
  ws.getCell('A3').value = text.unitsLine;
  ws.mergeCells(`A3:${lastColumn}3`);

  const banner = (fromField: FieldPath, toField: FieldPath, label: string): void => {
    const range = `${c(fromField)}4:${c(toField)}4`;
    ws.mergeCells(range);
    const cell = ws.getCell(`${c(fromField)}4`);
    cell.value = label;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center' };
  };
  banner(core.total, core.last, text.coreBanner);
  banner(security.total, security.last, text.securityBanner);
  ws.mergeCells(`${columnLetters(firstComputed)}4:${lastColumn}4`);
  ws.getCell(`${columnLetters(firstComputed)}4`).value = text.computedBanner;
  ws.getCell(`${columnLetters(firstComputed)}4`).font = { bold: true, italic: true };

  const unit = text.million(currencies.join('/'));
  for (const f of TEMPLATE_FIELDS) {
    const cell = ws.getCell(`${c(f)}${HEADER_ROW}`);
    const def = fieldDef(f);
    cell.value = def.kind === 'amount' ? `${def.label[lang]} (${unit})` : def.label[lang];
    ws.getColumn(c(f)).width = def.kind === 'amount' ? 18 : f === 'notes' ? 40 : 11;
  }
  computed.forEach((k, i) => {
    ws.getCell(`${columnLetters(firstComputed + i)}${HEADER_ROW}`).value = k.header;
    ws.getColumn(firstComputed + i).width = 18;
  });
  const headerRow = ws.getRow(HEADER_ROW);
  headerRow.font = { bold: true };
  headerRow.alignment = { wrapText: true, vertical: 'top' };
  headerRow.height = 48;
  for (let i = 1; i < firstComputed + computed.length; i += 1) ws.getCell(HEADER_ROW, i).fill = HEADER_FILL;

  const statusList = Object.values(STATUS_CHOICES[lang]);
  years.forEach((year, i) => {
    const r = HEADER_ROW + 1 + i;
    ws.getCell(`${c('year')}${r}`).value = year;
    ws.getCell(`${c('currency')}${r}`).value = currencyOf(ally, year);
    for (const f of TEMPLATE_FIELDS) {
      if (f === 'year') continue;
      const def = fieldDef(f);
      const cell = ws.getCell(`${c(f)}${r}`);
      cell.protection = { locked: false };
      cell.fill = INPUT_FILL;
      // Excel caps an input message's title at 32 characters and its text at 255.
      const prompt = { showInputMessage: true, promptTitle: def.label[lang].slice(0, 32), prompt: def.hint[lang].slice(0, 255) };
      if (def.kind === 'amount') {
        cell.numFmt = '#,##0.0##';
        cell.dataValidation = {
          type: 'decimal',
          operator: 'greaterThanOrEqual',
          formulae: [0],
          allowBlank: true,
          showErrorMessage: true,
          errorStyle: 'stop',
          errorTitle: text.numberError.title,
          error: text.numberError.message,
          ...prompt,
        };
      } else if (def.kind === 'status') {
        cell.dataValidation = {
          type: 'list',
          formulae: [`"${statusList.join(',')}"`],
          allowBlank: true,
          showErrorMessage: true,
          errorStyle: 'stop',
          errorTitle: text.statusError.title,
          error: text.statusError.message,
          ...prompt,
        };
      } else cell.dataValidation = promptOnly(prompt.promptTitle, prompt.prompt);
    }
    ws.getCell(`${c('year')}${r}`).dataValidation = promptOnly(FIELDS.year.label[lang], FIELDS.year.hint[lang]);
    computed.forEach((k, j) => {
      const cell = ws.getCell(`${columnLetters(firstComputed + j)}${r}`);
      cell.value = { formula: k.formula(r) } as ExcelJS.CellFormulaValue;
      cell.numFmt = k.numFmt;
      cell.fill = COMPUTED_FILL;
      cell.dataValidation = promptOnly(k.header, text.computedHint);
    });
  });
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, spinCount: 1 });

  const meta: TemplateMeta = {
    template: TEMPLATE_ID,
    version: TEMPLATE_VERSION,
    ally: ally.iso3,
    lang,
    from,
    to,
    sheet: text.dataSheet,
    headerRow: HEADER_ROW,
    columns: TEMPLATE_COLUMNS,
  };
  const metaSheet = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  metaRows(meta).forEach(([k, v], i) => {
    metaSheet.getCell(i + 1, 1).value = k;
    metaSheet.getCell(i + 1, 2).value = v;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
};

export { buildTemplate, DEFAULT_FROM, DEFAULT_TO, HEADER_ROW };
export type { TemplateOptions };
