// Samples on the project's own submission template: the template builder makes the workbook,
// and this fills one row per year through the column map on its `_meta` sheet, the way an
// officer would type into it.
import ExcelJS from 'exceljs';
import { FIELDS, META_SHEET, STATUS_CHOICES, parseMetaRows } from '../../shared/submission/index.ts';
import type { FieldPath } from '../../shared/submission/index.ts';
import { buildTemplate } from '../../shared/template/index.ts';
import type { Lang } from '../../shared/text/index.ts';
import type { SampleYear } from './figures.ts';
import { NOTES_EN, SOURCE_LINE_FR } from './catalogue.ts';
import { YES_NO } from './layouts.ts';

const NOTES_FR = [
  'À propos de ce fichier',
  'Déclaration d’exemple produite par scripts/build-samples.ts à partir de samples/source/nato-def-exp-2024.json.',
  SOURCE_LINE_FR,
  'Toute ligne marquée Illustratif = oui n’est PAS un chiffre officiel : trajectoires, croissance du PIB et dépenses liées à la sécurité sont inventées pour les essais.',
];

/** The cells of one year, by field; null leaves the cell empty. */
const valuesOf = (y: SampleYear, lang: Lang): Partial<Record<FieldPath, string | number | null>> => ({
  // The words of the template's status drop-down.
  status: STATUS_CHOICES[lang][y.status],
  currency: y.currency,
  gdp: y.gdp,
  'core.total': y.core.total,
  'core.personnel': y.core.personnel,
  'core.equipment': y.core.equipment,
  'core.infrastructure': y.core.infrastructure,
  'core.other': y.core.other,
  'security.total': y.security?.total ?? null,
  'security.criticalInfrastructure': y.security?.criticalInfrastructure ?? null,
  'security.cyber': y.security?.cyber ?? null,
  'security.civilPreparedness': y.security?.civilPreparedness ?? null,
  'security.innovation': y.security?.innovation ?? null,
  'security.industrialBase': y.security?.industrialBase ?? null,
  'security.militaryMobility': y.security?.militaryMobility ?? null,
  notes: y.notes,
});

/**
 * The template has no Illustrative column, so the samples add one right of the computed
 * columns and register it in the `_meta` column map, where the reader looks for its inputs.
 */
const markIllustrative = (wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, headerRow: number, years: SampleYear[], lang: Lang): void => {
  const metaSheet = wb.getWorksheet(META_SHEET);
  if (!metaSheet) throw new Error('The template has no _meta sheet');
  const column = ws.getColumn(ws.getRow(headerRow).cellCount + 1);
  const header = ws.getCell(headerRow, column.number);
  header.value = FIELDS.illustrative.label[lang];
  header.font = { bold: true };
  column.width = 12;
  for (const y of years) {
    const cell = ws.getCell(headerRow + 1 + (y.year - (years[0]?.year ?? y.year)), column.number);
    cell.value = YES_NO[lang][y.illustrative ? 0 : 1];
    cell.protection = { locked: false };
  }
  metaSheet.addRow(['column:illustrative', column.letter]);
};

const templateWorkbook = async (iso3: string, years: SampleYear[], lang: Lang): Promise<Buffer> => {
  const first = years[0]?.year;
  const last = years.at(-1)?.year;
  if (first === undefined || last === undefined) throw new Error(`No years to write for ${iso3}`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await buildTemplate({ ally: iso3, from: first, to: last, lang })) as unknown as ArrayBuffer);
  const metaRows: [string, string][] = [];
  wb.getWorksheet(META_SHEET)?.eachRow((row) => metaRows.push([String(row.getCell(1).value ?? ''), String(row.getCell(2).value ?? '')]));
  const meta = parseMetaRows(metaRows);
  const ws = meta && wb.getWorksheet(meta.sheet);
  if (!meta || !ws) throw new Error(`The template for ${iso3} has no readable column map`);
  for (const y of years) {
    const row = meta.headerRow + 1 + (y.year - meta.from);
    for (const [field, value] of Object.entries(valuesOf(y, lang))) {
      const column = meta.columns[field as FieldPath];
      if (!column) throw new Error(`The template has no column for ${field}`);
      if (value !== null) ws.getCell(`${column}${row}`).value = value;
    }
  }
  markIllustrative(wb, ws, meta.headerRow, years, lang);
  // The source goes at the end of the instructions: the first sheet an officer reads.
  const instructions = wb.worksheets.find((s) => s.name !== meta.sheet && s.name !== META_SHEET);
  if (instructions) {
    instructions.addRow([]);
    for (const line of lang === 'fr' ? NOTES_FR : NOTES_EN) instructions.addRow([line]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
};

export { templateWorkbook };
