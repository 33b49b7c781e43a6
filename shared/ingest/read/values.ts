// One data cell → a number (or share of GDP), "missing", or the reason it cannot be used.
// Reasons become findings; a cell with a reason is left out of the draft, never guessed.
import type { GridCell } from './grid.ts';
import { parseNumberText } from './numbers.ts';
import type { Ambiguity, DecimalMark } from './numbers.ts';
import type { FindingCode } from '../../findings/index.ts';
import { CURRENCY_CODES, CURRENCY_NAMES } from './units.ts';
import { normaliseLabel } from '../../text/index.ts';

type CellReading =
  | { kind: 'number'; value: number; percent: boolean; ambiguous?: Ambiguity }
  | { kind: 'missing' }
  | { kind: 'problem'; code: FindingCode; found: string; expected: string; value?: number };

const EXPECTED_NUMBER = 'a number such as 1234.5 or 1 234,5 (or "..", "n/a" or an empty cell when there is no figure)';

/** Read a number cell. A percent-formatted number is a share in per cent (0.021 shown as 2.1% → 2.1). */
const readNumberCell = (cell: GridCell, decimalMark: DecimalMark | null): CellReading => {
  const c = cell.content;
  let reading: CellReading;
  switch (c.kind) {
    case 'empty':
      return { kind: 'missing' };
    case 'number':
      reading = { kind: 'number', value: c.percentFormat ? c.value * 100 : c.value, percent: c.percentFormat };
      break;
    case 'text': {
      const parsed = parseNumberText(c.value, decimalMark);
      if (parsed.kind === 'missing') return parsed;
      if (parsed.kind === 'invalid') return { kind: 'problem', code: 'not-a-number', found: c.value.trim(), expected: EXPECTED_NUMBER };
      reading = parsed;
      break;
    }
    case 'date':
      return { kind: 'problem', code: 'date-not-number', found: c.value, expected: 'a number, in a cell formatted as a number rather than a date' };
    case 'formula-no-value':
      return {
        kind: 'problem',
        code: 'formula-without-value',
        found: 'a formula without a calculated value',
        expected: 'a calculated value (open and save the file in Excel/LibreOffice so values are calculated)',
      };
    default:
      return { kind: 'problem', code: 'not-a-number', found: c.value, expected: EXPECTED_NUMBER };
  }
  if (reading.value < 0)
    return { kind: 'problem', code: 'negative-value', found: String(reading.value), expected: 'an amount of zero or more', value: reading.value };
  return reading;
};

/** The text of a text-ish cell (notes, status, currency), or null when empty or not usable. */
const readTextCell = (cell: GridCell): string | null => {
  const c = cell.content;
  if (c.kind === 'text' || c.kind === 'other' || c.kind === 'date') return c.value.trim() || null;
  if (c.kind === 'number') return String(c.value);
  return null;
};

/** A currency cell: an ISO code or a currency's name; an unknown three-letter code passes through for the checks to judge. */
const readCurrencyCell = (cell: GridCell): string | null => {
  const text = readTextCell(cell);
  if (!text) return null;
  const code = text.trim().toUpperCase();
  if (CURRENCY_CODES.has(code)) return code;
  const named = CURRENCY_NAMES[normaliseLabel(text)];
  if (named) return named;
  return /^[A-Z]{3}$/.test(code) ? code : null;
};

export { readNumberCell, readTextCell, readCurrencyCell, EXPECTED_NUMBER };
export type { CellReading };
