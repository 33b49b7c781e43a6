// A .csv must be text: UTF-8 (with or without a byte-order mark), UTF-16 with one, or a
// Western European single-byte code page (csv-text.ts decides). Spreadsheets renamed .csv and
// bytes no accepted encoding reads are refused here rather than misread later.
import { decodeCsv } from '../csv-text.ts';

/** Why a .csv is not text: the words for the English message and the facts the other languages word. */
type CsvTextProblem =
  | { ok: true }
  | { ok: false; found: string; problem: 'undecodable'; offset: number; byte: number }
  | { ok: false; found: string; problem: 'other-code-page'; offset: number; word: string }
  | { ok: false; found: string; problem: 'control'; charCode: number; position: number; offset: number };

const hex = (byte: number): string => `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;

const checkCsvText = (bytes: Buffer): CsvTextProblem => {
  const decoded = decodeCsv(bytes);
  if (decoded.ok) return { ok: true };
  switch (decoded.problem) {
    case 'undecodable':
      return {
        ok: false,
        found: `byte ${hex(decoded.byte)} at offset ${decoded.offset} is not text in UTF-8, Windows-1252 or ISO-8859-1`,
        problem: 'undecodable',
        offset: decoded.offset,
        byte: decoded.byte,
      };
    case 'other-code-page':
      return {
        ok: false,
        found: `"${decoded.word}" at byte ${decoded.offset} reads as letters of another code page (Cyrillic, Greek or Central European)`,
        problem: 'other-code-page',
        offset: decoded.offset,
        word: decoded.word,
      };
    case 'control':
      return {
        ok: false,
        found: `it holds binary control characters (code ${decoded.charCode} at character ${decoded.position}, byte ${decoded.offset})`,
        problem: 'control',
        charCode: decoded.charCode,
        position: decoded.position,
        offset: decoded.offset,
      };
  }
};

export { checkCsvText };
export type { CsvTextProblem };
