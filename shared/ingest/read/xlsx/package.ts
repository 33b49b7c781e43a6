// Opens an .xlsx package (already bounded by the guard) and reads its worksheets one at a time
// into flat cell arrays: the text of a sheet part is dropped as soon as its cells are read, so
// a workbook's peak memory is one sheet's XML plus the cells, not a spreadsheet library's
// object per cell for every sheet.
import type { Entry, ZipFile } from 'yauzl';
import yauzl from 'yauzl';
import { isWorksheetPart, sheetNamesByPart } from '../../guard/index.ts';
import { readSheetXml } from './sheet.ts';
import type { SheetCells, SheetContext } from './sheet.ts';
import { NO_STYLES, numberStylesOf } from './styles.ts';
import { attr, textRuns } from './xml.ts';

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const STYLES = 'xl/styles.xml';
const SHARED_STRINGS = 'xl/sharedstrings.xml';

interface WorkbookSheet {
  name: string;
  cells: SheetCells;
}

const openZip = (bytes: Buffer): Promise<ZipFile> =>
  new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, autoClose: false }, (err, zip) => (err || !zip ? reject(err ?? new Error('no zip')) : resolve(zip)));
  });

const entriesOf = (zip: ZipFile): Promise<Entry[]> =>
  new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });

const textOf = (zip: ZipFile, entry: Entry): Promise<string> =>
  new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) {
        reject(err ?? new Error('no stream'));
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      stream.on('error', reject);
    });
  });

const sharedStringsOf = (xml: string): string[] => [...xml.matchAll(/<(?:\w+:)?si\b[^>]*>([\s\S]*?)<\/(?:\w+:)?si>|<(?:\w+:)?si\s*\/>/g)].map((m) => textRuns(m[1] ?? ''));

/** The worksheets of a workbook, in the workbook's order, each read into flat cell arrays. */
const readWorkbookPackage = async (bytes: Buffer): Promise<WorkbookSheet[]> => {
  const zip = await openZip(bytes);
  try {
    const entries = await entriesOf(zip);
    // Part names are matched without case, as Excel does ("xl/SharedStrings.xml" happens).
    const byName = new Map(entries.map((e) => [e.fileName.toLowerCase(), e]));
    const read = async (name: string): Promise<string> => {
      const entry = byName.get(name.toLowerCase());
      return entry ? textOf(zip, entry) : '';
    };
    const workbookXml = await read(WORKBOOK);
    const names = sheetNamesByPart(workbookXml, await read(WORKBOOK_RELS));
    const stylesXml = await read(STYLES);
    const context: SheetContext = {
      sharedStrings: sharedStringsOf(await read(SHARED_STRINGS)),
      styles: stylesXml ? numberStylesOf(stylesXml) : NO_STYLES,
      date1904: /^(1|true)$/.test(attr(/<(?:\w+:)?workbookPr\b[^>]*>/.exec(workbookXml)?.[0] ?? '', 'date1904') ?? ''),
    };
    const sheets: WorkbookSheet[] = [];
    for (const [part, name] of names) {
      if (!isWorksheetPart(part)) continue;
      const entry = byName.get(part.toLowerCase());
      if (!entry) continue;
      sheets.push({ name, cells: readSheetXml(await textOf(zip, entry), context) });
    }
    // Excel cannot open a workbook without a sheet either; the caller words it as unreadable.
    if (sheets.length === 0) throw new Error('the workbook lists no worksheet that its package holds');
    return sheets;
  } finally {
    zip.close();
  }
};

export { readWorkbookPackage };
export type { WorkbookSheet };
