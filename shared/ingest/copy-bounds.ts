// Before the annotated copy is made with a spreadsheet library (which expands every merged,
// validated or formatted range into its cells), each range is clipped to the cells the sheet
// really holds: a validation Excel wrote on C1:K1048576 becomes C1:K27. A workbook whose sheets
// are too big to rewrite within the ingest function's memory gets no marked-up copy; its
// receipt (and the receipt-only workbook) still names every finding.
import JSZip from 'jszip';
import { isWorksheetPart, sheetScanner } from './guard/sheets.ts';
import type { SheetExtent } from './guard/sheets.ts';
import { a1, columnNumber } from '../text/index.ts';

/**
 * Most bytes of worksheet XML the annotated copy is made from. exceljs holds about 100 times a
 * sheet's XML size in memory while it rewrites it, so this keeps the copy under ~1 GB at worst;
 * the template and any sheet an office fills by hand are a few hundred kilobytes.
 */
const MAX_ANNOTATED_SHEET_BYTES = 8 * 1024 * 1024;

const RANGE = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/;

/** One A1 range clipped to the extent, or null when none of it is within. */
const clipRange = (ref: string, extent: SheetExtent): string | null => {
  const m = RANGE.exec(ref);
  if (!m?.[1] || !m[2]) return ref;
  const top = Number(m[2]);
  const left = columnNumber(m[1].toUpperCase());
  const bottom = m[4] ? Number(m[4]) : top;
  const right = m[3] ? columnNumber(m[3].toUpperCase()) : left;
  const rows = Math.max(extent.rows, 1);
  const columns = Math.max(extent.columns, 1);
  if (Math.min(top, bottom) > rows || Math.min(left, right) > columns) return null;
  const from = a1(Math.min(top, bottom), Math.min(left, right));
  const to = a1(Math.min(Math.max(top, bottom), rows), Math.min(Math.max(left, right), columns));
  return from === to ? from : `${from}:${to}`;
};

/** A space-separated range list (`sqref`) clipped; null when nothing is left. */
const clipRangeList = (list: string, extent: SheetExtent): string | null => {
  const kept = list
    .trim()
    .split(/\s+/)
    .map((r) => clipRange(r, extent))
    .filter((r): r is string => r !== null);
  return kept.length > 0 ? kept.join(' ') : null;
};

/**
 * The sheet XML with every merged, validated and conditionally formatted range clipped to the
 * extent; a merge clipped to one cell and a rule clipped to nothing are removed.
 */
const clipSheetRanges = (xml: string, extent: SheetExtent): string =>
  xml
    .replace(/<((?:\w+:)?)mergeCell\b([^>]*?)\sref="([^"]*)"([^>]*?)\/>/g, (whole, p: string, before: string, ref: string, after: string) => {
      const clipped = clipRange(ref, extent);
      return clipped && clipped.includes(':') ? `<${p}mergeCell${before} ref="${clipped}"${after}/>` : '';
    })
    .replace(
      /<((?:\w+:)?)(dataValidation|conditionalFormatting)\b([^>]*?)\ssqref="([^"]*)"([^>]*?)(\/>|>[\s\S]*?<\/\1\2>)/g,
      (whole, p: string, tag: string, before: string, sqref: string, after: string, rest: string) => {
        const clipped = clipRangeList(sqref, extent);
        return clipped ? `<${p}${tag}${before} sqref="${clipped}"${after}${rest}` : '';
      },
    );

const extentOf = (xml: string): SheetExtent => sheetScanner()(Buffer.from(xml.slice(0, xml.search(/<\/(?:\w+:)?sheetData>/) + 1 || xml.length), 'latin1'));

/**
 * The package with its sheets' ranges clipped (the same bytes when nothing needed it), or null
 * when its sheets are too big to make an annotated copy of.
 */
const boundedForCopy = async (bytes: Buffer): Promise<Buffer | null> => {
  const zip = await JSZip.loadAsync(bytes);
  const sheets = Object.values(zip.files).filter((f) => !f.dir && isWorksheetPart(f.name));
  const texts = new Map<string, string>();
  let total = 0;
  for (const f of sheets) {
    const xml = await f.async('string');
    total += xml.length;
    if (total > MAX_ANNOTATED_SHEET_BYTES) return null;
    texts.set(f.name, xml);
  }
  let changed = false;
  for (const [name, xml] of texts) {
    const clipped = clipSheetRanges(xml, extentOf(xml));
    if (clipped !== xml) {
      zip.file(name, clipped);
      changed = true;
    }
  }
  return changed ? zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 1 } }) : bytes;
};

export { boundedForCopy, clipSheetRanges, clipRange, MAX_ANNOTATED_SHEET_BYTES };
