// One table row (a year) → a DraftRecord: values scaled to millions, legacy euro currencies
// converted at their irrevocable rate, shares of GDP turned into amounts with that year's GDP.
import { findingOf } from '../../findings/index.ts';
import type { Finding, FindingCode, FindingParams } from '../../findings/index.ts';
import type { Core, Security } from '../../model/index.ts';
import { groupOf, isAmountPath, statusOf, YearSchema } from '../../submission/index.ts';
import type { AmountPath, FigureStatus } from '../../submission/index.ts';
import { legacyEuroRate } from '../../reference/index.ts';
import type { DraftRecord } from '../draft.ts';
import type { Binding, Table, YearProblem, YearRow } from './table.ts';
import type { TableContext } from './context.ts';
import type { DecimalMark } from './numbers.ts';
import { isMissingMarker } from './numbers.ts';
import { readCurrencyCell, readNumberCell, readTextCell } from './values.ts';
import { textOf as textOfCell } from './grid.ts';
import { EXPECTED_FLAG, flagOf } from './flag.ts';
import { toMillions } from './units.ts';
import { EXPECTED_UNIT } from './context.ts';

interface DraftInputs {
  table: Table;
  context: TableContext;
  /** The ally whose currency amounts are converted to (the one named, else the one expected). */
  canonicalCurrency: string | null;
  decimalMark: DecimalMark | null;
  /** What settled the decimal mark: the table's own numbers, or a CSV's semicolons; null when nothing did. */
  decimalBasis: 'table' | 'delimiter' | null;
  /** Years run across the columns, so a year's figures are a column of the sheet. */
  across: boolean;
}

/** A number whose one separator could have been either mark, and how it was read. */
interface AmbiguousCell {
  cell: string;
  year: number;
  field: string;
  found: string;
  value: number;
  asDecimal: number;
  asThousands: number;
}

const EXPECTED_STATUS = 'actual, estimate or plan (or réalisé, estimé, prévu)';

/**
 * Redenominations that replaced a currency by a new one of the same country: 10 000 old lei
 * made 1 new leu (Romania, 1 July 2005, Law 348/2004) and 1 000 000 old lira 1 new lira
 * (Türkiye, 1 January 2005, Law 5083). Units of the old currency per unit of the new.
 */
const REDENOMINATIONS: Readonly<Record<string, { to: string; rate: number }>> = {
  ROL: { to: 'RON', rate: 10_000 },
  TRL: { to: 'TRY', rate: 1_000_000 },
};

/**
 * How amounts in `from` become amounts in the ally's currency of today: a legacy euro currency
 * at its irrevocable rate (only into the euro), an old currency at its redenomination rate.
 * Null when no conversion applies.
 */
const conversionTo = (from: string | null, canonical: string | null): { to: string; rate: number } | null => {
  if (!from || from === canonical) return null;
  const euro = legacyEuroRate(from);
  if (euro !== null && (canonical === null || canonical === 'EUR')) return { to: 'EUR', rate: euro };
  const renamed = REDENOMINATIONS[from];
  if (renamed && (canonical === null || canonical === renamed.to)) return renamed;
  return null;
};

/** Whether the row holds anything beyond its year and pre-filled currency. */
const rowHasContent = (t: Table, row: number): boolean =>
  t.bindings.some((b) => {
    if (b.field === 'year' || b.field === 'currency') return false;
    const cell = t.grid.at(row, b.column);
    const c = cell.content;
    if (c.kind === 'empty' || (cell.mergedCopy && isAmountPath(b.field))) return false;
    return !(c.kind === 'text' && isMissingMarker(c.value));
  });

const setAmount = (core: Core, security: Security, field: AmountPath, value: number): void => {
  const group = groupOf(field);
  if (group === null) return;
  const amounts: Record<string, number | null | undefined> = group === 'core' ? core : security;
  amounts[field.slice(group.length + 1)] = value;
};

const draftOfRow = (inputs: DraftInputs, yr: YearRow & { year: number }): { draft: DraftRecord; findings: Finding[]; ambiguous: AmbiguousCell[] } => {
  const { table, context, canonicalCurrency, decimalMark } = inputs;
  const sheet = table.grid.sheet;
  const findings: Finding[] = [];
  const ambiguous: AmbiguousCell[] = [];
  const cells: Record<string, string> = { year: yr.yearCell };
  const at = (b: Binding) => table.grid.at(yr.row, b.column);
  const problem = (code: FindingCode, b: Binding, found: string, expected: string, params?: FindingParams): void => {
    findings.push(findingOf(code, { sheet, cell: at(b).address, year: yr.year, field: b.field, found, expected, ...(params ? { params } : {}) }));
  };

  let status: FigureStatus | null = yr.yearStatus;
  let yearCurrency: string | null = null;
  let notes: string | undefined;
  let illustrative: boolean | undefined;
  for (const b of table.bindings) {
    if (b.field === 'year') continue;
    cells[b.field] = at(b).address;
    if (b.field === 'status') {
      const text = readTextCell(at(b));
      if (text === null || isMissingMarker(text)) continue;
      const s = statusOf(text);
      if (s) status = s;
      else problem('unknown-status', b, text, EXPECTED_STATUS);
    } else if (b.field === 'currency') yearCurrency = readCurrencyCell(at(b));
    else if (b.field === 'notes') notes = readTextCell(at(b)) ?? undefined;
    else if (b.field === 'illustrative') {
      const text = readTextCell(at(b));
      if (text === null || isMissingMarker(text)) continue;
      const flag = flagOf(text);
      if (flag !== null) illustrative = flag;
      else problem('unknown-flag', b, text, EXPECTED_FLAG);
    }
  }

  const currencyOf = (b: Binding): string | null =>
    yearCurrency ?? b.unit?.currency ?? b.unitRowUnit?.currency ?? context.currency;
  const sourceCurrency =
    yearCurrency ?? table.bindings.map((b) => (isAmountPath(b.field) ? (b.unit?.currency ?? b.unitRowUnit?.currency ?? null) : null)).find((c) => c) ?? context.currency;
  const rateOf = (currency: string | null): number => conversionTo(currency, canonicalCurrency)?.rate ?? 1;

  // Amounts first, shares of GDP after, because they need the year's GDP in final form.
  const amounts = new Map<AmountPath, number>();
  const shares: { b: Binding & { field: AmountPath }; pct: number }[] = [];
  for (const b of table.bindings) {
    const field = b.field;
    if (!isAmountPath(field)) continue;
    const cell = at(b);
    if (cell.mergedCopy) continue;
    if (b.unknownUnit !== null || context.unknownUnit) continue;
    const r = readNumberCell(cell, decimalMark);
    if (r.kind === 'missing') continue;
    if (r.kind === 'problem') {
      problem(r.code, b, r.found, r.expected, r.value === undefined ? undefined : { value: r.value });
      continue;
    }
    if (r.ambiguous) ambiguous.push({ cell: cell.address, year: yr.year, field, found: textOfCell(cell), value: r.value, ...r.ambiguous });
    const columnPercent = b.percent || b.unit?.percentOfGdp === true || b.unitRowUnit?.percentOfGdp === true || (context.percentOfGdp && field !== 'gdp');
    if (r.percent || columnPercent) {
      if (field === 'gdp') problem('not-a-number', b, `${r.value} %`, 'GDP as an amount, not a percentage', { share: true });
      else shares.push({ b: { ...b, field }, pct: r.value });
      continue;
    }
    const scale = b.unit?.scale ?? b.unitRowUnit?.scale ?? context.scale ?? 0;
    amounts.set(field, toMillions(r.value, scale) / rateOf(currencyOf(b)));
  }
  const gdp = amounts.get('gdp') ?? null;
  for (const { b, pct } of shares) {
    if (gdp === null) problem('pct-without-gdp', b, `${pct} %`, 'a GDP figure for the same year', { share: pct });
    else amounts.set(b.field, (pct / 100) * gdp);
  }

  const core: Core = { total: null };
  const security: Security = { total: null };
  for (const [field, value] of amounts) setAmount(core, security, field, value);
  const converted = conversionTo(sourceCurrency, canonicalCurrency);
  const draft: DraftRecord = {
    ally: context.ally,
    year: yr.year,
    status,
    currency: canonicalCurrency ?? converted?.to ?? sourceCurrency,
    sourceCurrency,
    gdp,
    core,
    security,
    sheet,
    cells,
  };
  if (notes !== undefined) draft.notes = notes;
  if (illustrative !== undefined) draft.illustrative = illustrative;
  return { draft, findings, ambiguous };
};

/**
 * One warning for each way ambiguous numbers were read ("39.500" as 39 500, or as 39.5),
 * naming the first such cell and how many more there are, unless the table's other numbers
 * settled which mark is the decimal one.
 */
const ambiguityFindings = (inputs: DraftInputs, cells: readonly AmbiguousCell[]): Finding[] =>
  // Where the table's own numbers settle the decimal mark, the other mark can only group thousands.
  (inputs.decimalBasis === 'table' ? [] : (['thousands', 'decimal'] as const)).flatMap((reading) => {
    const read = cells.filter((c) => (reading === 'thousands' ? c.value === c.asThousands : c.value !== c.asThousands));
    const first = read[0];
    if (!first) return [];
    return [
      findingOf('ambiguous-separator', {
        sheet: inputs.table.grid.sheet,
        cell: first.cell,
        year: first.year,
        field: first.field,
        found: first.found,
        expected: reading === 'thousands' ? 'a point or comma as thousands separator' : 'a point or comma as decimal separator',
        params: {
          value: first.value,
          asDecimal: first.asDecimal,
          asThousands: first.asThousands,
          basis: inputs.decimalBasis ?? 'default',
          decimalMark: inputs.decimalMark,
          count: read.length,
        },
      }),
    ];
  });

/** Drafts for every row of a table that carries figures, and the findings met on the way. */
const draftsOfTable = (inputs: DraftInputs): { drafts: DraftRecord[]; findings: Finding[] } => {
  const drafts: DraftRecord[] = [];
  const findings: Finding[] = inputs.table.bindings.flatMap((b) =>
    b.unknownUnit === null
      ? []
      : [findingOf('unknown-unit', { sheet: inputs.table.grid.sheet, cell: b.headerCell, field: b.field, found: b.unknownUnit, expected: EXPECTED_UNIT })],
  );
  const ambiguous: AmbiguousCell[] = [];
  for (const yr of inputs.table.rows) {
    if (!rowHasContent(inputs.table, yr.row)) continue;
    if (yr.year === null) {
      if (yr.problem) findings.push(yearProblemFinding(inputs, yr.yearCell, yr.problem));
      continue;
    }
    const out = draftOfRow(inputs, { ...yr, year: yr.year });
    drafts.push(out.draft);
    findings.push(...out.findings);
    ambiguous.push(...out.ambiguous);
  }
  findings.push(...ambiguityFindings(inputs, ambiguous));
  return { drafts, findings };
};

/** Why the figures of a row (or column) of the table with no usable year were not read. */
const yearProblemFinding = (inputs: DraftInputs, cell: string, problem: YearProblem): Finding => {
  const sheet = inputs.table.grid.sheet;
  switch (problem.code) {
    case 'year-out-of-range':
      return findingOf('year-out-of-range', {
        sheet,
        cell,
        found: problem.found,
        expected: `a year from ${YearSchema.minValue ?? ''} to ${YearSchema.maxValue ?? ''}`,
        params: { min: YearSchema.minValue, max: YearSchema.maxValue },
      });
    case 'year-not-whole':
      return findingOf('year-not-whole', { sheet, cell, found: problem.found, expected: 'a calendar year such as 2024', params: { line: inputs.across ? 'column' : 'row' } });
    case 'date-not-number':
      return findingOf('date-not-number', { sheet, cell, field: 'year', found: problem.found, expected: 'a calendar year such as 2024' });
  }
};

export { draftsOfTable };
export type { DraftInputs };
