// A .csv must be UTF-8 text. Excel's plain "CSV" saves in the machine's code page and
// spreadsheets renamed .csv are binary; both are refused here rather than misread later.

/** Why a .csv is not UTF-8 text: the words for the English message and a key the other languages word. */
type CsvTextProblem =
  | { ok: true }
  | { ok: false; found: string; problem: 'utf16' | 'not-utf8' }
  | { ok: false; found: string; problem: 'control'; charCode: number; position: number };

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const UTF16_BOMS = [Buffer.from([0xff, 0xfe]), Buffer.from([0xfe, 0xff])];

// Tab, LF and CR are the only control characters a CSV has a use for.
const ALLOWED_CONTROLS = new Set([0x09, 0x0a, 0x0d]);

const checkCsvText = (bytes: Buffer): CsvTextProblem => {
  if (UTF16_BOMS.some((bom) => bytes.subarray(0, 2).equals(bom))) {
    return { ok: false, found: 'it is saved as UTF-16 ("Unicode text")', problem: 'utf16' };
  }
  const body = bytes.subarray(0, 3).equals(UTF8_BOM) ? bytes.subarray(3) : bytes;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return { ok: false, found: 'it holds bytes that are not UTF-8, e.g. a Windows code page or a binary file', problem: 'not-utf8' };
  }
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && !ALLOWED_CONTROLS.has(c)) || c === 0x7f) {
      return { ok: false, found: `it holds binary control characters (code ${c} at character ${i + 1})`, problem: 'control', charCode: c, position: i + 1 };
    }
  }
  return { ok: true };
};

export { checkCsvText };
export type { CsvTextProblem };
