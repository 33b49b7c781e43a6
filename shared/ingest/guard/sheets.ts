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

// A tag cut by a chunk boundary is held back whole and read with the next chunk, so every tag
// is read exactly once: reading the cut half too counted `<row r="9` as a row of its own, and a
// legal sheet of 10,000 rows was refused as one of 10,002. What is held back is bounded: of an
// unclosed "tag" longer than this only its head (name and first attributes) is kept.
const HELD_BACK_MAX = 64 * 1024;
const HELD_BACK_HEAD = 1024;

/** Feeds chunks of one worksheet's XML; returns the extent seen so far after each. */
const sheetScanner = (): ((chunk: Buffer) => SheetExtent) => {
  let heldBack = '';
  let rowsCounted = 0;
  const extent: SheetExtent = { rows: 0, columns: 0 };
  return (chunk) => {
    const text = heldBack + chunk.toString('latin1');
    const lastOpen = text.lastIndexOf('<');
    const cut = lastOpen >= 0 && text.indexOf('>', lastOpen) === -1 ? lastOpen : text.length;
    const complete = text.slice(0, cut);
    for (const m of complete.matchAll(ROW_TAG)) {
      rowsCounted += 1;
      // Rows may omit their number; then they follow one another.
      extent.rows = Math.max(extent.rows, m[1] ? Number(m[1]) : rowsCounted, rowsCounted);
    }
    for (const m of complete.matchAll(CELL_REF)) {
      if (m[1]) extent.columns = Math.max(extent.columns, columnNumber(m[1]));
    }
    heldBack = text.slice(cut);
    if (heldBack.length > HELD_BACK_MAX) heldBack = heldBack.slice(0, HELD_BACK_HEAD);
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
