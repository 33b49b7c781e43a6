// Cells an .xlsx stores as ISO 8601 dates (`<c t="d"><v>2024-05-01T00:00:00</v></c>`, which
// LibreOffice and some generators write). exceljs reads their text with parseFloat, so a date in
// the GDP column would arrive as the number 2024; the reader asks this scan which cells were
// dates and refuses them as figures. The guard has bounded the package before this runs.
import type { Entry, ZipFile } from 'yauzl';
import yauzl from 'yauzl';
import { isWorksheetPart, sheetNamesByPart } from '../guard/index.ts';

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';

/** A date cell's start tag (not self-closing, so it has a value) and what follows up to its end. */
const DATE_CELL = /<(?:\w+:)?c\b([^>]*?\bt="d"[^>]*?)(?<!\/)>([\s\S]*?)<\/(?:\w+:)?c>/g;
const REF = /\br="([A-Z]{1,3}\d+)"/;
const VALUE = /<(?:\w+:)?v>([^<]*)<\/(?:\w+:)?v>/;

const openZip = (bytes: Buffer): Promise<ZipFile> =>
  new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, autoClose: false }, (err, zip) => (err || !zip ? reject(err ?? new Error('no zip')) : resolve(zip)));
  });

const contentOf = (zip: ZipFile, entry: Entry): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) {
        reject(err ?? new Error('no stream'));
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => resolve(Buffer.concat(chunks)));
      stream.on('error', reject);
    });
  });

/** The parts that name the sheets, and the worksheets that hold a date cell (most hold none). */
const partsOf = async (bytes: Buffer): Promise<Map<string, Buffer>> => {
  const zip = await openZip(bytes);
  const parts = new Map<string, Buffer>();
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: Entry) => {
        const wanted = entry.fileName === WORKBOOK || entry.fileName === WORKBOOK_RELS || isWorksheetPart(entry.fileName);
        if (!wanted) {
          zip.readEntry();
          return;
        }
        contentOf(zip, entry).then((content) => {
          if (!isWorksheetPart(entry.fileName) || content.includes('t="d"')) parts.set(entry.fileName, content);
          zip.readEntry();
        }, reject);
      });
      zip.on('end', resolve);
      zip.on('error', reject);
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  return parts;
};

/** Sheet name → A1 address → the date as written (an ISO 8601 text), for every sheet that has any. */
const dateCellsOf = async (bytes: Buffer): Promise<Map<string, Map<string, string>>> => {
  const parts = await partsOf(bytes);
  const names = sheetNamesByPart(parts.get(WORKBOOK)?.toString('utf8') ?? '', parts.get(WORKBOOK_RELS)?.toString('utf8') ?? '');
  const bySheet = new Map<string, Map<string, string>>();
  for (const [part, content] of parts) {
    const sheet = names.get(part);
    if (!sheet || !isWorksheetPart(part)) continue;
    const cells = new Map<string, string>();
    for (const m of content.toString('utf8').matchAll(DATE_CELL)) {
      const ref = REF.exec(m[1] ?? '')?.[1];
      const value = VALUE.exec(m[2] ?? '')?.[1];
      if (ref && value) cells.set(ref, value.trim());
    }
    if (cells.size > 0) bySheet.set(sheet, cells);
  }
  return bySheet;
};

export { dateCellsOf };
