// Opens a workbook's zip with bounds, before any spreadsheet parser sees it: entry count,
// declared sizes and ratios first, then every entry is actually inflated while its bytes are
// counted, because the sizes a zip declares can lie.
import type { Entry, ZipFile } from 'yauzl';
import yauzl from 'yauzl';
import type { IngestLimits } from '../limits.ts';
import { isWorksheetPart, sheetNamesByPart, sheetScanner } from './sheets.ts';
import type { SheetExtent } from './sheets.ts';

/** Why a zip was refused; the guard turns each into a finding. */
type ZipProblem =
  | { kind: 'corrupt'; detail: string }
  | { kind: 'too-many-entries'; count: number }
  | { kind: 'too-large'; bytes: number }
  | { kind: 'bomb'; entry: string; bytes: number; compressed: number; allowed: number }
  | { kind: 'encrypted'; entry: string }
  | { kind: 'too-many-rows'; sheet: string; rows: number }
  | { kind: 'too-many-columns'; sheet: string; columns: number };

interface ZipInspection {
  /** Every entry name, in central-directory order. */
  names: string[];
  /** Text of the small parts whose content the guard needs (mimetype, [Content_Types].xml). */
  texts: Record<string, string>;
}

type ZipResult = { ok: true; inspection: ZipInspection } | { ok: false; problem: ZipProblem };

// Parts whose content tells what the package is. Read whole, but they are tiny in any real file
// and still subject to the same inflate bounds.
const WORKBOOK_PART = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const TEXT_PARTS = new Set(['mimetype', '[Content_Types].xml', WORKBOOK_PART, WORKBOOK_RELS]);

// Below this many bytes a high ratio cannot hurt (a run of blank cells compresses very well),
// so the ratio bound only applies to entries that unpack to more.
const RATIO_FLOOR_BYTES = 1024 * 1024;

const allowedFor = (compressed: number, remaining: number, limits: IngestLimits): number =>
  Math.min(remaining, Math.max(RATIO_FLOOR_BYTES, Math.floor(compressed * limits.maxCompressionRatio)));

const openZip = (bytes: Buffer): Promise<ZipFile> =>
  new Promise((resolve, reject) => {
    // validateEntrySizes off: the bytes are counted here instead, against our own bounds.
    yauzl.fromBuffer(
      bytes,
      { lazyEntries: true, autoClose: false, validateEntrySizes: false, strictFileNames: true, decodeStrings: true },
      (err, zip) => (err || !zip ? reject(err ?? new Error('no zip')) : resolve(zip)),
    );
  });

/** Inflates one entry, stopping as soon as it exceeds `allowed`; returns bytes seen and content if kept. */
const inflateEntry = (
  zip: ZipFile,
  entry: Entry,
  allowed: number,
  keep: boolean,
  /** Called with each inflated chunk; returning true stops inflating (the caller has seen enough). */
  stopAfter: (chunk: Buffer) => boolean = () => false,
): Promise<{ bytes: number; exceeded: boolean; stopped: boolean; content: Buffer | null }> =>
  new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) {
        reject(err ?? new Error('no stream'));
        return;
      }
      let seen = 0;
      let settled = false;
      const chunks: Buffer[] = [];
      const finish = (exceeded: boolean, stopped = false) => {
        if (settled) return;
        settled = true;
        resolve({ bytes: seen, exceeded, stopped, content: keep && !exceeded ? Buffer.concat(chunks) : null });
      };
      stream.on('data', (chunk: Buffer) => {
        seen += chunk.length;
        if (seen > allowed) {
          finish(true);
          stream.destroy();
          return;
        }
        if (keep) chunks.push(chunk);
        if (stopAfter(chunk)) {
          finish(false, true);
          stream.destroy();
        }
      });
      stream.on('end', () => finish(false));
      stream.on('error', (e) => {
        if (!settled) {
          settled = true;
          reject(e);
        }
      });
    });
  });

const nextEntry = (zip: ZipFile): Promise<Entry | null> =>
  new Promise((resolve, reject) => {
    const onEntry = (entry: Entry) => {
      cleanup();
      resolve(entry);
    };
    const onEnd = () => {
      cleanup();
      resolve(null);
    };
    const onError = (e: Error) => {
      cleanup();
      reject(e);
    };
    const cleanup = () => {
      zip.off('entry', onEntry);
      zip.off('end', onEnd);
      zip.off('error', onError);
    };
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });

const detailOf = (error: unknown): string => (error instanceof Error ? error.message : String(error)).slice(0, 200);

/** Walks every entry of the zip within `limits`; never throws on a hostile or broken file. */
const inspectZip = async (bytes: Buffer, limits: IngestLimits): Promise<ZipResult> => {
  let zip: ZipFile;
  try {
    zip = await openZip(bytes);
  } catch (error) {
    return { ok: false, problem: { kind: 'corrupt', detail: detailOf(error) } };
  }
  try {
    if (zip.entryCount > limits.maxZipEntries) {
      return { ok: false, problem: { kind: 'too-many-entries', count: zip.entryCount } };
    }
    // First the central directory alone: count and declared sizes, before inflating anything.
    const entries: Entry[] = [];
    const seen = new Set<string>();
    let declaredTotal = 0;
    for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip)) {
      // Two parts of one name: the guard might inspect one while the parser reads the other.
      if (seen.has(entry.fileName)) {
        return { ok: false, problem: { kind: 'corrupt', detail: `part "${entry.fileName}" appears twice` } };
      }
      seen.add(entry.fileName);
      entries.push(entry);
      if (entries.length > limits.maxZipEntries) {
        return { ok: false, problem: { kind: 'too-many-entries', count: zip.entryCount } };
      }
      if (entry.isEncrypted()) return { ok: false, problem: { kind: 'encrypted', entry: entry.fileName } };
      declaredTotal += entry.uncompressedSize;
    }
    if (declaredTotal > limits.maxUncompressedBytes) {
      return { ok: false, problem: { kind: 'too-large', bytes: declaredTotal } };
    }
    // Then every entry for real, counting bytes, since the declared sizes may lie. The parts
    // that name the sheets come first, so a sheet over the limits can be named when it is met.
    const texts: Record<string, string> = {};
    let inflatedTotal = 0;
    const ordered = [...entries.filter((e) => TEXT_PARTS.has(e.fileName)), ...entries.filter((e) => !TEXT_PARTS.has(e.fileName))];
    for (const entry of ordered) {
      if (entry.fileName.endsWith('/')) continue;
      const allowed = allowedFor(entry.compressedSize, limits.maxUncompressedBytes - inflatedTotal, limits);
      const bomb = (bytes: number): ZipResult => ({
        ok: false,
        problem: { kind: 'bomb', entry: entry.fileName, bytes, compressed: entry.compressedSize, allowed },
      });
      if (entry.uncompressedSize > allowed) return bomb(entry.uncompressedSize);
      const scan = isWorksheetPart(entry.fileName) ? sheetScanner() : null;
      let extent: SheetExtent = { rows: 0, columns: 0 };
      const overLimits = (chunk: Buffer): boolean => {
        if (!scan) return false;
        extent = scan(chunk);
        return extent.rows > limits.maxRows || extent.columns > limits.maxColumns;
      };
      const inflated = await inflateEntry(zip, entry, allowed, TEXT_PARTS.has(entry.fileName), overLimits);
      if (inflated.exceeded) return bomb(inflated.bytes);
      if (inflated.stopped) {
        const sheet =
          sheetNamesByPart(texts[WORKBOOK_PART] ?? '', texts[WORKBOOK_RELS] ?? '').get(entry.fileName) ?? entry.fileName;
        return {
          ok: false,
          problem:
            extent.rows > limits.maxRows
              ? { kind: 'too-many-rows', sheet, rows: extent.rows }
              : { kind: 'too-many-columns', sheet, columns: extent.columns },
        };
      }
      if (inflated.bytes !== entry.uncompressedSize) {
        return {
          ok: false,
          problem: {
            kind: 'corrupt',
            detail: `part "${entry.fileName}" declares ${entry.uncompressedSize} bytes but holds ${inflated.bytes}`,
          },
        };
      }
      inflatedTotal += inflated.bytes;
      if (inflated.content) texts[entry.fileName] = inflated.content.toString('utf8');
    }
    const names = entries.map((e) => e.fileName);
    return { ok: true, inspection: { names, texts } };
  } catch (error) {
    return { ok: false, problem: { kind: 'corrupt', detail: detailOf(error) } };
  } finally {
    zip.close();
  }
};

export { inspectZip };
export type { ZipProblem, ZipInspection, ZipResult };
