// Numbers typed as text, in either decimal convention: "1 234,5", "1,234.5", "1.234,5",
// "12.3 %", with non-breaking or thin spaces between digit groups. Markers of a missing value
// are told apart from mistakes, so ".." is absent while "twelve" is an error.

/** Which mark separates decimals, when the file makes it clear; decides "1,234" and "1.234". */
type DecimalMark = '.' | ',';

/**
 * A number with one separator followed by exactly three digits ("39.500", "1,234") reads either
 * way; both readings are kept so the choice made can be reported.
 */
interface Ambiguity {
  asDecimal: number;
  asThousands: number;
}

type ParsedText =
  | { kind: 'number'; value: number; percent: boolean; ambiguous?: Ambiguity }
  | { kind: 'missing' }
  | { kind: 'invalid' };

/** What statistical offices write for "no figure" (Eurostat ":", NATO "..", French "s.o." = sans objet). */
const MISSING_MARKERS = new Set(
  ['', '..', '...', '.', ':', '-', '--', '–', '—', 'n/a', 'na', 'n.a.', 'nd', 'n.d.', 'n/d', 's.o.', 's/o', 'so', 'nc', 'n.c.', 'x', 'none', 'null', 'néant', 'neant', 'sans objet', 'not available', 'non disponible'].map(
    (s) => s.toLowerCase(),
  ),
);

const isMissingMarker = (text: string): boolean => MISSING_MARKERS.has(text.replace(/[\s\u00a0\u2007\u2009\u202f]+/g, ' ').trim().toLowerCase());

const GROUP_SPACES = /[\s\u00a0\u2007\u2009\u202f']/g;

/** "1.234" or "1,234": a single mark followed by exactly three digits could be either. */
const ambiguous = (digits: string, mark: string): boolean => new RegExp(`^\\d{1,3}\\${mark}\\d{3}$`).test(digits);

const toNumber = (body: string, hint: DecimalMark | null): { value: number; ambiguous?: Ambiguity } | null => {
  const lastDot = body.lastIndexOf('.');
  const lastComma = body.lastIndexOf(',');
  let decimal: DecimalMark | null = null;
  if (lastDot >= 0 && lastComma >= 0) decimal = lastDot > lastComma ? '.' : ',';
  else if (lastComma >= 0) {
    if (body.split(',').length > 2) decimal = null;
    else decimal = ambiguous(body, ',') && hint !== ',' ? null : ',';
  } else if (lastDot >= 0) {
    if (body.split('.').length > 2) decimal = null;
    else decimal = ambiguous(body, '.') && hint === ',' ? null : '.';
  }
  const group = decimal === '.' ? ',' : decimal === ',' ? '.' : lastDot >= 0 ? '.' : ',';
  const [intPart = '', fracPart, extra] = decimal ? body.split(decimal) : [body];
  if (extra !== undefined) return null;
  const groups = intPart.split(group);
  // Grouped digits must come in threes after the first group, or the text is not a number.
  if (groups.length > 1 && (!/^\d{1,3}$/.test(groups[0] ?? '') || groups.slice(1).some((g) => !/^\d{3}$/.test(g)))) return null;
  const digits = groups.join('');
  if (!/^\d*$/.test(digits) || (fracPart !== undefined && !/^\d+$/.test(fracPart))) return null;
  if (digits === '' && fracPart === undefined) return null;
  const n = Number(`${digits === '' ? '0' : digits}${fracPart !== undefined ? `.${fracPart}` : ''}`);
  if (!Number.isFinite(n)) return null;
  const mark = lastDot >= 0 ? '.' : ',';
  if (!ambiguous(body, mark)) return { value: n };
  const [int = '', frac = ''] = body.split(mark);
  return { value: n, ambiguous: { asDecimal: Number(`${int}.${frac}`), asThousands: Number(`${int}${frac}`) } };
};

/** Parse a number written as text; `hint` is the decimal mark the rest of the file uses. */
const parseNumberText = (raw: string, hint: DecimalMark | null = null): ParsedText => {
  if (isMissingMarker(raw)) return { kind: 'missing' };
  let s = raw.replace(GROUP_SPACES, '').replace(/\u2212/g, '-');
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1);
  }
  let sign = 1;
  if (/^\(.*\)$/.test(s)) {
    sign = -1;
    s = s.slice(1, -1);
  }
  if (s.startsWith('-')) {
    sign = -sign;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  if (!/^[\d.,]+$/.test(s)) return { kind: 'invalid' };
  const n = toNumber(s, hint);
  if (n === null) return { kind: 'invalid' };
  const reading: ParsedText = { kind: 'number', value: sign * n.value, percent };
  if (n.ambiguous) reading.ambiguous = { asDecimal: sign * n.ambiguous.asDecimal, asThousands: sign * n.ambiguous.asThousands };
  return reading;
};

/** The decimal mark a text number settles beyond doubt ("12,5" → ','; "1,234.5" → '.'); null if it does not. */
const decimalMarkOf = (raw: string): DecimalMark | null => {
  const s = raw.replace(GROUP_SPACES, '').replace(/%$/, '');
  if (!/^[-+(]?[\d.,]+\)?$/.test(s)) return null;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) return lastDot > lastComma ? '.' : ',';
  const mark = lastComma >= 0 ? ',' : lastDot >= 0 ? '.' : null;
  if (!mark) return null;
  // "1.234.567" groups thousands with points, so its decimal mark (if any) is the comma.
  if (s.split(mark).length > 2) return /^[-+(]?\d{1,3}([.,]\d{3})+\)?$/.test(s) ? (mark === '.' ? ',' : '.') : null;
  const digits = s.replace(/^[-+(]/, '').replace(/\)$/, '');
  return ambiguous(digits, mark) ? null : mark;
};

export { parseNumberText, decimalMarkOf, isMissingMarker, MISSING_MARKERS };
export type { DecimalMark, ParsedText, Ambiguity };
