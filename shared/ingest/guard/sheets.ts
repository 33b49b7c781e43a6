// How far each worksheet reaches, measured while its XML is being inflated, so that a sheet with
// 200 000 rows is refused after reading the first rows over the limit, long before a spreadsheet
// parser would load them all.
import { columnNumber } from '../../text/index.ts';

/** Worksheet parts of a workbook package (xl/worksheets/sheet1.xml, …). */
const isWorksheetPart = (name: string): boolean => /^xl\/worksheets\/[^/]+\.xml$/i.test(name);

interface SheetExtent {
  rows: number;
  columns: number;
}

const ROW_TAG = /<(?:\w+:)?row\b[^>]*?\sr="(\d+)"|<(?:\w+:)?row[\s>/]/g;
const CELL_REF = /<(?:\w+:)?c\b[^>]*?\sr="([A-Z]{1,3})\d+"/g;

// A tag cut by a chunk boundary is found again in the next chunk; this much of the previous
// chunk is kept in front of it (a row or cell start tag's attributes fit in it).
const OVERLAP = 256;

/** Feeds chunks of one worksheet's XML; returns the extent seen so far after each. */
const sheetScanner = (): ((chunk: Buffer) => SheetExtent) => {
  let tail = '';
  let rowsCounted = 0;
  const extent: SheetExtent = { rows: 0, columns: 0 };
  return (chunk) => {
    const text = tail + chunk.toString('latin1');
    const fresh = (end: number) => end > tail.length;
    for (const m of text.matchAll(ROW_TAG)) {
      const end = (m.index ?? 0) + m[0].length;
      if (!fresh(end)) continue;
      rowsCounted += 1;
      // Rows may omit their number; then they follow one another.
      extent.rows = Math.max(extent.rows, m[1] ? Number(m[1]) : rowsCounted, rowsCounted);
    }
    for (const m of text.matchAll(CELL_REF)) {
      if (m[1] && fresh((m.index ?? 0) + m[0].length)) extent.columns = Math.max(extent.columns, columnNumber(m[1]));
    }
    tail = text.slice(-OVERLAP);
    return extent;
  };
};

const attribute = (tag: string, name: string): string | null => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? null;

const unescapeXml = (s: string): string =>
  s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e] ?? _);

/** Sheet names by worksheet part, from xl/workbook.xml and its relationships; parts it cannot place are absent. */
const sheetNamesByPart = (workbookXml: string, relsXml: string): Map<string, string> => {
  const targets = new Map<string, string>();
  for (const [tag] of relsXml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const names = new Map<string, string>();
  for (const [tag] of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attribute(tag, 'name');
    const id = attribute(tag, 'r:id') ?? /\s\w+:id="([^"]*)"/.exec(tag)?.[1] ?? null;
    const part = id ? targets.get(id) : undefined;
    if (name && part) names.set(part, unescapeXml(name));
  }
  return names;
};

export { isWorksheetPart, sheetScanner, sheetNamesByPart };
export type { SheetExtent };
