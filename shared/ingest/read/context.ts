// What the cells around a table say about it: the ally ("Country: Türkiye", a title naming
// Bulgaria), and the unit and currency ("Units: thousands", "millions d'euros", "EUR bn").
import { findingOf } from '../../findings/index.ts';
import type { Finding } from '../../findings/index.ts';
import type { Grid } from './grid.ts';
import { parseA1 } from '../../text/index.ts';
import { allyMatchInText, allyMatchNamed, isAllyLabel, labelledValue } from './ally.ts';
import type { AllyMatch } from './ally.ts';
import { allyByIso3 } from '../../reference/index.ts';
import { HEADER_SEARCH_COLUMNS, HEADER_SEARCH_ROWS } from './table.ts';
import { parseUnitText, saysUnit } from './units.ts';
import type { Scale } from './units.ts';

/** Where the ally was named: the cell (null for the sheet's name) and the name as matched. */
interface AllyPlace {
  cell: string | null;
  match: AllyMatch;
}

interface TableContext {
  ally: string | null;
  allyAt: AllyPlace | null;
  scale: Scale | null;
  currency: string | null;
  percentOfGdp: boolean;
  /** A unit was declared but not understood: amounts in its scope cannot be trusted. */
  unknownUnit: boolean;
  findings: Finding[];
}

/** "Units: thousands", "Unité : milliers", "Amounts in EUR million", "Montants en milliers d'euros". */
const DECLARATION =
  /^\s*(?:units?|unites?|unit of measure|unite de mesure|currency and units?|currency|devise|monnaie|amounts?(?: are)?(?: expressed)?|montants?(?: exprimes)?|all (?:figures|amounts)(?: are)?|figures(?: are)?|chiffres|values|valeurs|donnees)\s*(?::|\bin\b|\ben\b)\s*(.+)$/iu;

const UNIT_LABEL = /^\s*(?:units?|unites?|unit of measure|unite de mesure|currency|devise|monnaie)\s*:?\s*$/iu;

const EXPECTED_UNIT = 'units, thousands, millions or billions, maybe with a currency (e.g. "EUR million", "en milliers", "bn"), or % of GDP';

/** Rows under a table still read for units and notes. */
const FOOTNOTE_ROWS = 20;

const plain = (text: string): string => text.normalize('NFKD').replace(/\p{M}/gu, '');

/**
 * Scan the cells of a sheet that are not part of its table. Explicit declarations beat bare
 * unit phrases, which beat units read from running text such as a title.
 */
/** The rectangle holding a table's data cells, in sheet coordinates. */
interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

const readContext = (grid: Grid, tableCells: ReadonlySet<string>, body: Box): TableContext => {
  // Only titles above the table may name the ally in running text; a footnote naming another
  // country ("as agreed with Germany") must not.
  let tableTop = Infinity;
  let tableBottom = 0;
  for (const a of tableCells) {
    const row = parseA1(a)?.row ?? tableTop;
    tableTop = Math.min(tableTop, row);
    tableBottom = Math.max(tableBottom, row);
  }
  // Cells inside the table's body (unbound columns' data) say nothing about the table.
  const inBody = (row: number, column: number): boolean =>
    row >= body.top && row <= body.bottom && column >= body.left && column <= body.right;
  const ctx: TableContext = { ally: null, allyAt: null, scale: null, currency: null, percentOfGdp: false, unknownUnit: false, findings: [] };
  let labelledAlly: AllyPlace | null = null;
  let textAlly: AllyPlace | null = null;
  const placed = (cell: string, match: AllyMatch | null): AllyPlace | null => (match ? { cell, match } : null);
  const phrase = { scale: null as Scale | null, currency: null as string | null, percentOfGdp: false };
  const title = { scale: null as Scale | null, currency: null as string | null };
  const declared = { scale: null as Scale | null, currency: null as string | null, percentOfGdp: false };
  // Titles sit above a table and footnotes just below it; text further down is someone else's.
  const rows = Math.min(grid.rows, tableBottom + FOOTNOTE_ROWS, HEADER_SEARCH_ROWS * 2);
  const columns = Math.min(grid.columns, HEADER_SEARCH_COLUMNS);
  const nextCell = (row: number, column: number): { text: string; address: string } | null => {
    for (let c = column + 1; c <= Math.min(columns, column + 3); c += 1) {
      const cell = grid.at(row, c);
      if (cell.content.kind === 'text' && !cell.mergedCopy) return { text: cell.content.value, address: cell.address };
    }
    return null;
  };
  const nextText = (row: number, column: number): string | null => nextCell(row, column)?.text ?? null;
  const declare = (body: string, address: string): void => {
    const u = parseUnitText(body, true);
    if (!saysUnit(u)) {
      ctx.unknownUnit = true;
      ctx.findings.push(findingOf('unknown-unit', { sheet: grid.sheet, cell: address, found: body.trim(), expected: EXPECTED_UNIT }));
      return;
    }
    declared.scale ??= u.scale;
    declared.currency ??= u.currency;
    declared.percentOfGdp ||= u.percentOfGdp;
  };
  for (let row = 1; row <= rows; row += 1) {
    for (let column = 1; column <= columns; column += 1) {
      if (inBody(row, column)) continue;
      const cell = grid.at(row, column);
      if (cell.content.kind !== 'text' || cell.mergedCopy || tableCells.has(cell.address)) continue;
      const text = cell.content.value;
      const labelled = labelledValue(text);
      if (labelled !== null) {
        labelledAlly ??= placed(cell.address, allyMatchNamed(labelled) ?? allyMatchInText(labelled));
        continue;
      }
      if (isAllyLabel(text)) {
        const value = nextCell(row, column);
        if (value) labelledAlly ??= placed(value.address, allyMatchNamed(value.text));
        continue;
      }
      const declaration = DECLARATION.exec(plain(text));
      if (declaration?.[1]) {
        declare(declaration[1], cell.address);
        continue;
      }
      if (UNIT_LABEL.test(plain(text))) {
        const value = nextText(row, column);
        if (value) declare(value, cell.address);
        continue;
      }
      const strict = parseUnitText(text, true);
      if (saysUnit(strict) && strict.unknown.length === 0) {
        phrase.scale ??= strict.scale;
        phrase.currency ??= strict.currency;
        phrase.percentOfGdp ||= strict.percentOfGdp;
        continue;
      }
      const loose = parseUnitText(text, false);
      title.scale ??= loose.scale;
      title.currency ??= loose.currency;
      if (row < tableTop) textAlly ??= placed(cell.address, allyMatchInText(text));
    }
  }
  const fromSheetName = allyMatchInText(grid.sheet);
  ctx.allyAt = labelledAlly ?? textAlly ?? (fromSheetName ? { cell: null, match: fromSheetName } : null);
  ctx.ally = ctx.allyAt?.match.iso3 ?? null;
  const first = ctx.allyAt?.match.swaps[0];
  if (ctx.allyAt && first) {
    const ally = allyByIso3(ctx.allyAt.match.iso3);
    ctx.findings.push(
      findingOf('ally-confusable', {
        sheet: grid.sheet,
        cell: ctx.allyAt.cell,
        ally: ctx.allyAt.match.iso3,
        found: ctx.allyAt.match.text,
        expected: ally?.nameEn ?? ctx.allyAt.match.iso3,
        params: {
          char: first.char,
          codePoint: first.codePoint,
          position: first.position,
          script: first.script,
          latin: first.latin,
          count: ctx.allyAt.match.swaps.length,
          allyName: ally?.nameEn ?? null,
          allyNameFr: ally?.nameFr ?? null,
        },
      }),
    );
  }
  ctx.scale = declared.scale ?? phrase.scale ?? title.scale;
  ctx.currency = declared.currency ?? phrase.currency ?? title.currency;
  ctx.percentOfGdp = declared.percentOfGdp || phrase.percentOfGdp;
  return ctx;
};

export { readContext, EXPECTED_UNIT };
export type { TableContext, Box, AllyPlace };
