import { describe, expect, it } from 'vitest';
import { readSheetXml } from '../../../../../shared/ingest/read/xlsx/sheet.ts';
import type { SheetContext } from '../../../../../shared/ingest/read/xlsx/sheet.ts';
import { clippedMerges, gridOfSheet } from '../../../../../shared/ingest/read/xlsx/sheet-grid.ts';
import { isDateFormat, numberStylesOf } from '../../../../../shared/ingest/read/xlsx/styles.ts';

const STYLES = numberStylesOf(`<styleSheet><numFmts count="2"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="dd/mm/yyyy"/></numFmts>
<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="14"/><xf numFmtId="10"/></cellXfs></styleSheet>`);
const CONTEXT: SheetContext = { sharedStrings: ['Year', '  ', 'R&D'], styles: STYLES, date1904: false };

const sheet = (data: string, after = ''): string =>
  `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1"/><sheetData>${data}</sheetData>${after}</worksheet>`;

const BOUNDS = { maxRows: 10_000, maxColumns: 500, maxMergedCells: 1000 };

const gridOf = (xml: string, context: SheetContext = CONTEXT) => {
  const cells = readSheetXml(xml, context);
  return gridOfSheet('Data', cells, clippedMerges(cells, BOUNDS));
};

describe('reading a worksheet part', () => {
  it('reads each cell type as a spreadsheet shows it', () => {
    // Arrange
    const xml = sheet(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="inlineStr"><is><t>GDP &amp; more</t></is></c></row>' +
        '<row r="2"><c r="A2"><v>2024</v></c><c r="B2" t="str"><f>A1</f><v>Year</v></c><c r="C2"><f>SUM(A2)</f></c><c r="D2" t="b"><v>1</v></c><c r="E2" t="e"><v>#DIV/0!</v></c></row>' +
        '<row r="3"><c r="A3" s="1"><v>0.035</v></c><c r="B3" s="2"><v>45413</v></c><c r="C3" t="d"><v>2024-05-01T00:00:00</v></c><c r="D3" s="4"><v>1.5E-2</v></c><c r="E3" s="3"/></row>',
    );

    // Act
    const grid = gridOf(xml);

    // Assess
    const content = (a: string) => {
      const column = a.charCodeAt(0) - 64;
      return grid.at(Number(a.slice(1)), column).content;
    };
    expect(content('A1')).toEqual({ kind: 'text', value: 'Year' });
    expect(content('B1')).toEqual({ kind: 'empty' });
    expect(content('C1')).toEqual({ kind: 'text', value: 'R&D' });
    expect(content('D1')).toEqual({ kind: 'text', value: 'GDP & more' });
    expect(content('A2')).toEqual({ kind: 'number', value: 2024, percentFormat: false });
    expect(content('B2')).toEqual({ kind: 'text', value: 'Year' });
    // A formula saved without its result is never a zero.
    expect(content('C2')).toEqual({ kind: 'formula-no-value' });
    expect(content('D2')).toEqual({ kind: 'other', value: 'true' });
    expect(content('E2')).toEqual({ kind: 'error', value: '#DIV/0!' });
    expect(content('A3')).toEqual({ kind: 'number', value: 0.035, percentFormat: true });
    expect(content('B3')).toEqual({ kind: 'date', value: '2024-05-01' });
    expect(content('C3')).toEqual({ kind: 'date', value: '2024-05-01' });
    expect(content('D3')).toEqual({ kind: 'number', value: 0.015, percentFormat: true });
    expect(content('E3')).toEqual({ kind: 'empty' });
    expect([grid.rows, grid.columns]).toEqual([3, 5]);
  });

  it('counts days from 1904 when the workbook says so', () => {
    // Act
    const grid = gridOf(sheet('<row r="1"><c r="A1" s="2"><v>43951</v></c></row>'), { ...CONTEXT, date1904: true });

    // Assess
    expect(grid.at(1, 1).content).toEqual({ kind: 'date', value: '2024-05-01' });
  });

  it('places cells written without addresses, with prefixed tags, and out of order', () => {
    // Arrange: rows and cells without r follow one another; the x: prefix is legal XML.
    const xml = sheet('<x:row><x:c><x:v>1</x:v></x:c><x:c><x:v>2</x:v></x:c></x:row><x:row r="5"><x:c r="C5"><x:v>3</x:v></x:c><x:c r="A5"><x:v>4</x:v></x:c></x:row>');

    // Act
    const grid = gridOf(xml);

    // Assess
    expect(textAt(grid, 1, 2)).toBe('2');
    expect(textAt(grid, 5, 1)).toBe('4');
    expect(textAt(grid, 5, 3)).toBe('3');
    expect([...grid.filled()]).toHaveLength(4);
  });

  it('keeps the last of a cell written twice', () => {
    // Act
    const grid = gridOf(sheet('<row r="1"><c r="B1"><v>1</v></c><c r="A1"><v>2</v></c><c r="B1"><v>3</v></c></row>'));

    // Assess
    expect(textAt(grid, 1, 2)).toBe('3');
    expect([...grid.filled()]).toHaveLength(2);
  });

  it('repeats a merged range’s first cell over the range; one past the sheet limits is clipped to the cells the sheet holds', () => {
    // Arrange: a header merged across B1:C1 (C1 not written) and a merge down the whole column.
    const xml = sheet(
      '<row r="1"><c r="A1"><v>1</v></c><c r="B1" t="s"><v>0</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>',
      '<mergeCells count="2"><mergeCell ref="B1:C1"/><mergeCell ref="A2:A1048576"/></mergeCells>',
    );

    // Act
    const cells = readSheetXml(xml, CONTEXT);
    const { tooLarge, ...layout } = clippedMerges(cells, BOUNDS);
    const grid = gridOfSheet('Data', cells, layout);

    // Assess: B1:C1 widens the sheet to C; A2:A1048576 clipped to A2:A2 is no merge at all.
    expect(tooLarge).toBeNull();
    expect(layout.merges).toEqual([{ top: 1, left: 2, bottom: 1, right: 3 }]);
    expect(grid.at(1, 3)).toMatchObject({ mergedCopy: true, master: { row: 1, column: 2 }, content: { kind: 'text', value: 'Year' } });
    expect([grid.rows, grid.columns]).toEqual([2, 3]);
  });

  it('names the largest merge when the merges cover more cells than allowed', () => {
    // Arrange: a 10×10 sheet merged whole, against a bound of 50 cells.
    const rows = Array.from({ length: 10 }, (_, r) => `<row r="${r + 1}"><c r="J${r + 1}"><v>1</v></c></row>`).join('');
    const cells = readSheetXml(sheet(rows, '<mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells>'), CONTEXT);

    // Act
    const { tooLarge } = clippedMerges(cells, { ...BOUNDS, maxMergedCells: 50 });

    // Assess
    expect(tooLarge).toEqual({ range: { top: 1, left: 1, bottom: 1_048_576, right: 16_384 }, covered: 100 });
  });

  it('never reads validations, conditional formats or hyperlinks', () => {
    // Arrange
    const after =
      '<conditionalFormatting sqref="A1:XFD1048576"><cfRule type="expression" priority="1"><formula>TRUE</formula></cfRule></conditionalFormatting>' +
      '<dataValidations count="1"><dataValidation type="decimal" sqref="C1:K1048576"><formula1>0</formula1></dataValidation></dataValidations>';

    // Act
    const grid = gridOf(sheet('<row r="1"><c r="A1"><v>7</v></c></row>', after));

    // Assess
    expect([grid.rows, grid.columns, [...grid.filled()].length]).toEqual([1, 1, 1]);
  });
});

describe('number formats', () => {
  it('tells dates from other formats by their date letters outside quotes and brackets', () => {
    expect(isDateFormat('dd/mm/yyyy')).toBe(true);
    expect(isDateFormat('[h]:mm:ss')).toBe(true);
    expect(isDateFormat('#,##0.00 "days"')).toBe(false);
    expect(isDateFormat('[$€-x-euro2] #,##0;[Red]-#,##0')).toBe(false);
    expect(isDateFormat('General')).toBe(false);
  });
});

const textAt = (grid: ReturnType<typeof gridOf>, row: number, column: number): string => {
  const c = grid.at(row, column).content;
  return c.kind === 'number' ? String(c.value) : c.kind === 'text' ? c.value : '';
};
