// The text of a .csv, whatever Excel or LibreOffice saved it as: "CSV UTF-8" (UTF-8 with a
// byte-order mark), plain "CSV" on Windows (the machine's code page, Windows-1252 in Western
// Europe and the Americas), ISO-8859-1 from older tools, and "Unicode text" (UTF-16 with a
// byte-order mark). The guard refuses what cannot be decoded; the reader decodes the same way and
// says which encoding it used when that was not UTF-8.

type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'iso-8859-1';

/**
 * Windows-1252 is ISO-8859-1 but for 0x80-0x9F, where it has printable signs (WHATWG
 * Encoding, index-windows-1252). Node 20's TextDecoder reads 'windows-1252' as ISO-8859-1
 * (nodejs/node#56542), and iconv-lite's tables would add a megabyte to the Lambda bundle, so
 * the 32 differences are here. The five bytes 1252 leaves undefined never reach this.
 */
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

const decodeAs = (bytes: Buffer, encoding: Exclude<CsvEncoding, 'utf-8'>): string => {
  // TextDecoder, unlike Buffer, turns an unpaired surrogate into U+FFFD, which utf16() looks for.
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
  const latin1 = bytes.toString('latin1');
  return encoding === 'iso-8859-1' ? latin1 : latin1.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
};

type CsvText =
  | { ok: true; text: string; encoding: CsvEncoding; bom: boolean }
  /** Bytes no encoding we accept makes text of: `offset` is the first such byte (0-based). */
  | { ok: false; problem: 'undecodable'; offset: number; byte: number }
  /**
   * Bytes that decode as Windows-1252 but read as letters of another code page would (Cyrillic,
   * Greek, Central European): guessing would put garbled labels in the receipt.
   */
  | { ok: false; problem: 'other-code-page'; offset: number; word: string }
  /** A control character no text file holds (NUL, …): a binary file named .csv. */
  | { ok: false; problem: 'control'; offset: number; charCode: number; position: number };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** Offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, no surrogates), or -1. */
const firstInvalidUtf8 = (bytes: Uint8Array): number => {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let length: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [length, min] = [2, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [length, min] = [3, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [length, min] = [4, 0x10000];
    else return i;
    let code = b & (0xff >> (length + 1));
    for (let k = 1; k < length; k += 1) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += length;
  }
  return -1;
};

/** Bytes Windows-1252 leaves undefined; ISO-8859-1 makes them C1 controls, which no text holds. */
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/** Tab, LF and CR are the only control characters a CSV has a use for. */
const isForbiddenControl = (c: number): boolean => (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f || (c >= 0x80 && c <= 0x9f);

/**
 * Signs that single bytes were written in another code page. In a Western European language a
 * word is mostly ASCII letters with a few accented ones, so a word of three letters or more
 * made mostly of accented letters ("Áþäæåò" is Cyrillic "Бюджет" in Windows-1251) is not one;
 * nor is a word broken by a sign that only another code page makes a letter ("z³otych" is
 * Polish "złotych" in Windows-1250).
 */
const SIGNS_INSIDE_WORDS = /\p{L}[\u00a1-\u00b6\u00b8-\u00bf\u00d7\u00f7\u2020\u2021\u2030\u0192]\p{L}/u;

const foreignWord = (text: string): { index: number; word: string } | null => {
  for (const m of text.matchAll(/[\p{L}\u00a1-\u00bf\u00d7\u00f7\u2020\u2021\u2030\u0192’‘]+/gu)) {
    const word = m[0];
    const letters = [...word].filter((ch) => /\p{L}/u.test(ch));
    const accented = letters.filter((ch) => ch.charCodeAt(0) > 0x7f).length;
    if ((letters.length >= 3 && accented * 2 > letters.length) || SIGNS_INSIDE_WORDS.test(word)) return { index: m.index ?? 0, word };
  }
  return null;
};

/** Byte offset of the character at `index` of a single-byte decoding: the same number. */
const singleByte = (bytes: Buffer): CsvText => {
  const undefinedByte = bytes.findIndex((b) => CP1252_UNDEFINED.has(b));
  if (undefinedByte >= 0) return { ok: false, problem: 'undecodable', offset: undefinedByte, byte: bytes[undefinedByte] ?? 0 };
  // Windows-1252 and ISO-8859-1 differ only on 0x80-0x9F; where none occurs they agree.
  const encoding: CsvEncoding = bytes.some((b) => b >= 0x80 && b <= 0x9f) ? 'windows-1252' : 'iso-8859-1';
  const text = decodeAs(bytes, encoding);
  const foreign = foreignWord(text);
  if (foreign) return { ok: false, problem: 'other-code-page', offset: foreign.index, word: foreign.word };
  return { ok: true, text, encoding, bom: false };
};

const utf16 = (bytes: Buffer, encoding: 'utf-16le' | 'utf-16be'): CsvText => {
  const body = bytes.subarray(2);
  if (body.length % 2 !== 0) return { ok: false, problem: 'undecodable', offset: bytes.length - 1, byte: bytes[bytes.length - 1] ?? 0 };
  const text = decodeAs(body, encoding);
  // An unpaired surrogate decodes to U+FFFD: the bytes were not UTF-16 after all.
  const broken = text.indexOf('\ufffd');
  if (broken >= 0) return { ok: false, problem: 'undecodable', offset: 2 + broken * 2, byte: body[broken * 2] ?? 0 };
  return { ok: true, text, encoding, bom: true };
};

/** Where a character of decoded text sits in the bytes it came from. */
const byteOffsetOf = (decoded: CsvText & { ok: true }, index: number, bytes: Buffer): number => {
  const before = decoded.text.slice(0, index);
  switch (decoded.encoding) {
    case 'utf-8':
      return Buffer.byteLength(before, 'utf8') + (decoded.bom ? 3 : 0);
    case 'utf-16le':
    case 'utf-16be':
      return 2 + before.length * 2;
    default:
      return Math.min(index, bytes.length - 1);
  }
};

/** Refuses a decoded text that holds binary control characters. */
const withoutControls = (decoded: CsvText & { ok: true }, bytes: Buffer): CsvText => {
  const text = decoded.text;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (isForbiddenControl(c)) return { ok: false, problem: 'control', offset: byteOffsetOf(decoded, i, bytes), charCode: c, position: i + 1 };
  }
  return decoded;
};

/** Decodes a .csv's bytes, or says why they are not text. Never throws. */
const decodeCsv = (bytes: Buffer): CsvText => {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes, 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes, 'utf-16be');
  const bom = UTF8_BOM.every((b, i) => bytes[i] === b);
  const body = bom ? bytes.subarray(3) : bytes;
  const invalid = firstInvalidUtf8(body);
  if (invalid < 0) return withoutControls({ ok: true, text: body.toString('utf8'), encoding: 'utf-8', bom }, bytes);
  // A byte-order mark promised UTF-8: nothing else to try.
  if (bom) return { ok: false, problem: 'undecodable', offset: invalid + 3, byte: body[invalid] ?? 0 };
  const single = singleByte(bytes);
  return single.ok ? withoutControls(single, bytes) : single;
};

/** How the finding names an encoding: "Windows-1252", "ISO-8859-1". */
const ENCODING_NAMES: Readonly<Record<CsvEncoding, string>> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 (little-endian)',
  'utf-16be': 'UTF-16 (big-endian)',
  'windows-1252': 'Windows-1252',
  'iso-8859-1': 'ISO-8859-1',
};

export { decodeCsv, firstInvalidUtf8, ENCODING_NAMES };
export type { CsvText, CsvEncoding };
