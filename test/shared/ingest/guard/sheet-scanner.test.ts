import { describe, expect, it } from 'vitest';
import { sheetScanner } from '../../../../shared/ingest/guard/sheets.ts';

/** A worksheet's XML with `rows` numbered rows of cells A..C, as Excel writes it. */
const sheetXml = (rows: number): Buffer => {
  const body = Array.from({ length: rows }, (_, i) => {
    const r = i + 1;
    return `<row r="${r}" spans="1:3"><c r="A${r}"><v>${r}</v></c><c r="B${r}"><v>1</v></c><c r="C${r}" t="s"><v>0</v></c></row>`;
  }).join('');
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`);
};

const scanInChunks = (xml: Buffer, size: number) => {
  const scan = sheetScanner();
  let extent = { rows: 0, columns: 0 };
  for (let at = 0; at < xml.length; at += size) extent = scan(xml.subarray(at, at + size));
  return extent;
};

describe('the guard measuring a worksheet while it is inflated', () => {
  it.each([7, 100, 1000, 16 * 1024, 64 * 1024])('counts each row once, whatever cuts the XML into chunks of %i bytes', (size) => {
    // Act
    const extent = scanInChunks(sheetXml(10_000), size);

    // Assess: exactly the sheet's 10,000 rows and 3 columns, never a cut tag counted twice.
    expect(extent).toEqual({ rows: 10_000, columns: 3 });
  });

  it('counts rows that give no number, one after another, across chunks', () => {
    // Prepare
    const xml = Buffer.from(`<worksheet><sheetData>${'<row><c r="D1"><v>1</v></c></row>'.repeat(500)}</sheetData></worksheet>`);

    // Act
    const extent = scanInChunks(xml, 13);

    // Assess
    expect(extent).toEqual({ rows: 500, columns: 4 });
  });

  it('still reads the number of a row whose start tag is longer than what it holds back', () => {
    // Prepare: one row tag padded with 200 KiB of attribute, then the highest row number a sheet may have.
    const xml = Buffer.from(`<worksheet><sheetData><row r="1048576" x="${'a'.repeat(200 * 1024)}"><c r="A1048576"><v>1</v></c></row></sheetData></worksheet>`);

    // Act
    const extent = scanInChunks(xml, 4096);

    // Assess
    expect(extent.rows).toBe(1_048_576);
  });
});
