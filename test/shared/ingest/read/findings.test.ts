import { describe, it, expect } from 'vitest';
import { readSubmission } from '../../../../shared/ingest/read/index.ts';
import type { ReadResult } from '../../../../shared/ingest/read/index.ts';
import { DEFAULT_LIMITS, IngestLimitsSchema } from '../../../../shared/ingest/limits.ts';
import type { IngestLimits } from '../../../../shared/ingest/limits.ts';
import { csvOf, workbookOf, yearsDown } from '../../../helpers/workbooks.ts';
import type { CellInput } from '../../../helpers/workbooks.ts';

const read = (bytes: Buffer, limits: IngestLimits = DEFAULT_LIMITS) => readSubmission(bytes, 'figures.xlsx', { limits, expectedAlly: 'BEL' });

const places = (r: ReadResult) => r.findings.map((f) => [f.code, f.sheet, f.cell]);

const sheetWith = (rows: CellInput[][]) => workbookOf([{ name: 'Figures', rows }]);

describe('cell-level findings of the reader', () => {
  it('reports text in a number cell as not-a-number and leaves the value out', async () => {
    // Prepare
    const bytes = await sheetWith(yearsDown(['Year', 'GDP', 'Defence expenditure'], [[2024, 100, 'twelve']]));

    // Act
    const result = await read(bytes);

    // Assess
    expect(places(result)).toEqual([['not-a-number', 'Figures', 'C2']]);
    expect(result.findings[0]).toMatchObject({ severity: 'error', year: 2024, field: 'core.total', found: 'twelve', row: 2, column: 3 });
    expect(result.drafts[0]?.core.total).toBeNull();
  });

  it('reports a negative amount and leaves it out', async () => {
    // Prepare
    const bytes = await sheetWith(yearsDown(['Year', 'GDP', 'Defence expenditure', 'Personnel'], [[2024, 100, 5, '-3,5']]));

    // Act
    const result = await read(bytes);

    // Assess
    expect(places(result)).toEqual([['negative-value', 'Figures', 'D2']]);
    expect(result.findings[0]?.found).toBe('-3.5');
    expect(result.drafts[0]?.core).toEqual({ total: 5 });
  });

  it('reports a formula without a cached result and tells the submitter to recalculate', async () => {
    // Prepare
    const bytes = await sheetWith(yearsDown(['Year', 'GDP', 'Defence expenditure'], [[2024, 100, { formula: 'B2*0.02' }]]));

    // Act
    const result = await read(bytes);

    // Assess
    expect(places(result)).toEqual([['formula-without-value', 'Figures', 'C2']]);
    expect(result.findings[0]?.message).toContain('open and save the file in Excel/LibreOffice so values are calculated');
    expect(result.drafts[0]?.core.total).toBeNull();
  });

  it('reports a declared unit it does not know, and reads no amount in its scope', async () => {
    // Prepare
    const bytes = await sheetWith([['Units: lakhs'], ...yearsDown(['Year', 'GDP', 'Defence expenditure'], [[2024, 100, 2]])]);

    // Act
    const result = await read(bytes);

    // Assess
    expect(places(result)).toEqual([['unknown-unit', 'Figures', 'A1']]);
    expect(result.findings[0]?.found).toBe('lakhs');
    expect([result.drafts[0]?.gdp, result.drafts[0]?.core.total]).toEqual([null, null]);
  });

  it('reports an unknown unit in a header and leaves that column out only', async () => {
    // Prepare
    const bytes = await sheetWith(yearsDown(['Year', 'GDP (EUR lakh)', 'Defence expenditure (EUR million)'], [[2024, 100, 2]]));

    // Act
    const result = await read(bytes);

    // Assess
    expect(places(result)).toEqual([['unknown-unit', 'Figures', 'B1']]);
    expect([result.drafts[0]?.gdp, result.drafts[0]?.core.total]).toEqual([null, 2]);
  });

  it('reports a share of GDP for a year without GDP', async () => {
    // Prepare
    const bytes = await sheetWith(yearsDown(['Year', 'GDP', 'Defence expenditure', 'Cyber'], [[2024, '..', '2 %', 1]]));

    // Act
    const result = await read(bytes);

    // Assess
    expect(places(result)).toEqual([['pct-without-gdp', 'Figures', 'C2']]);
    expect(result.drafts[0]).toMatchObject({ gdp: null, core: { total: null }, security: { cyber: 1 } });
  });

  it('refuses a sheet with more rows or columns than the limits, before reading its cells', async () => {
    // Prepare
    const limits = IngestLimitsSchema.parse({ maxRows: 5, maxColumns: 4 });
    const tall = yearsDown(['Year', 'GDP', 'Defence expenditure'], [2019, 2020, 2021, 2022, 2023, 2024].map((y) => [y, 100, 2]));
    const wide = yearsDown(['Year', 'GDP', 'Defence expenditure', 'Personnel', 'Equipment'], [[2024, 100, 2, 1, 1]]);
    const bytes = await workbookOf([
      { name: 'Tall', rows: tall },
      { name: 'Wide', rows: wide },
    ]);

    // Act
    const result = await read(bytes, limits);

    // Assess
    expect(places(result)).toEqual([
      ['too-many-rows', 'Tall', 'A6'],
      ['too-many-columns', 'Wide', 'E1'],
    ]);
    expect(result.findings.map((f) => [f.found, f.expected])).toEqual([
      ['7', '5'],
      ['5', '4'],
    ]);
    expect(result.drafts).toEqual([]);
  });

  it('applies the row limit to CSV files too', async () => {
    // Prepare
    const limits = IngestLimitsSchema.parse({ maxRows: 2 });
    const bytes = csvOf([['Year', 'GDP', 'Defence expenditure'], [2023, 1, 1], [2024, 1, 1]]);

    // Act
    const result = await readSubmission(bytes, 'big.csv', { limits });

    // Assess
    expect(places(result)).toEqual([['too-many-rows', 'big', 'A3']]);
  });

  it('reports no-table, naming the headers it expected, when no sheet holds a table', async () => {
    // Prepare
    const bytes = await workbookOf([
      { name: 'Letter', rows: [['Dear colleagues,'], ['please find our figures attached.']] },
      { name: 'Numbers', rows: [['a', 'b'], [1, 2]] },
    ]);

    // Act
    const result = await read(bytes);

    // Assess
    expect(places(result)).toEqual([['no-table', null, null]]);
    expect(result.findings[0]?.message).toContain('GDP');
    expect(result.findings[0]?.message).toContain('Core defence expenditure');
    expect(result.layout).toBeNull();
  });

  it('reports a year outside the accepted range and drops that row', async () => {
    // Prepare
    const bytes = await sheetWith(yearsDown(['Year', 'GDP', 'Defence expenditure'], [[1890, 100, 2], [2024, 100, 2], ['2150', 100, 2]]));

    // Act
    const result = await read(bytes);

    // Assess
    expect(places(result)).toEqual([
      ['year-out-of-range', 'Figures', 'A2'],
      ['year-out-of-range', 'Figures', 'A4'],
    ]);
    expect(result.drafts.map((d) => d.year)).toEqual([2024]);
  });

  it('reports a status word it does not know and leaves the status unset', async () => {
    // Prepare
    const bytes = await sheetWith(yearsDown(['Year', 'Status', 'GDP', 'Defence expenditure'], [[2024, 'maybe', 100, 2]]));

    // Act
    const result = await read(bytes);

    // Assess
    expect(places(result)).toEqual([['unknown-status', 'Figures', 'B2']]);
    expect(result.findings[0]?.found).toBe('maybe');
    expect(result.drafts[0]?.status).toBeNull();
  });

  it('collects every problem of a file in one reading', async () => {
    // Prepare
    const bytes = await sheetWith(
      yearsDown(['Year', 'Status', 'GDP', 'Defence expenditure', 'Personnel'], [
        [2023, 'actual', 'abc', 5, -1],
        [2024, 'soon', 100, { formula: 'C3*2' }, 1],
      ]),
    );

    // Act
    const result = await read(bytes);

    // Assess
    expect(places(result)).toEqual([
      ['not-a-number', 'Figures', 'C2'],
      ['negative-value', 'Figures', 'E2'],
      ['unknown-status', 'Figures', 'B3'],
      ['formula-without-value', 'Figures', 'D3'],
    ]);
  });
});
