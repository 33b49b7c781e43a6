// Pieces the sentences of findings are built from, per language: where a finding is, which
// year and field it is about, and the few closed lists a sentence names (file kinds, the two
// breakdowns). French follows French typography: « guillemets » and a no-break space before
// the high punctuation.
import { fieldLabel, isFieldPath, STATUS_CHOICES } from '../submission/index.ts';
import type { FigureStatus } from '../submission/index.ts';
import { formatAmount, formatBytes, formatPercent, sheetCell } from '../text/index.ts';
import type { Lang } from '../text/index.ts';
import type { FindingParams } from './params.ts';

type P = FindingParams;

/** A fact as text; '' when it is not known. */
const str = (v: P[string]): string => (v === null || v === undefined ? '' : String(v));
/** A number fact, or null when the finding does not carry it. */
const num = (v: P[string]): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
/** The value as given, or the fallback when it was not given at all (an empty text stays empty). */
const or = (v: P[string], fallback: string): string => (v === null || v === undefined ? fallback : String(v));

/** "Data!D7" when both are known, else whichever is. */
const place = (p: P): string => {
  const sheet = str(p.sheet);
  const cell = str(p.cell);
  return sheet && cell ? sheetCell(sheet, cell) : sheet || cell;
};
/** " (Data!D7)", empty when the place is unknown. */
const at = (p: P): string => (place(p) ? ` (${place(p)})` : '');

/** French quotation marks around a text. */
const q = (text: string): string => `«\u00a0${text}\u00a0»`;
/** The no-break space French puts before : ; ? ! */
const NB = '\u00a0';

/**
 * The reader's way of placing a cell: "in Data!D7", or 'in sheet "Data"' when only the sheet
 * is known ("dans Data!D7", "dans la feuille « Data »"); empty when neither is.
 */
const placeIn = (sheetFact: P[string], cellFact: P[string], lang: Lang): string => {
  const sheet = str(sheetFact);
  const cell = str(cellFact);
  const [word, sheetOnly] = lang === 'en' ? ['in', `sheet "${sheet}"`] : ['dans', `la feuille ${q(sheet)}`];
  if (sheet && cell) return `${word} ${sheetCell(sheet, cell)}`;
  return sheet ? `${word} ${sheetOnly}` : '';
};
/** A place as the tail of a sentence: " in Data!D7", or nothing. */
const tail = (text: string): string => (text ? ` ${text}` : '');

const en = {
  str,
  or,
  at,
  place,
  forYear: (p: P): string => (p.year !== null && p.year !== undefined ? ` for ${p.year}` : ''),
  inPlace: (p: P): string => tail(placeIn(p.sheet, p.cell, 'en')),
  /** The field a cell holds, as the subject of a sentence. */
  subject: (p: P): string => {
    const field = str(p.field);
    return isFieldPath(field) ? fieldLabel(field) : field || 'The value';
  },
  fieldName: (p: P): string => {
    const field = str(p.field);
    return isFieldPath(field) ? fieldLabel(field) : field || 'this value';
  },
  /** "Germany (DEU)" when the name is known, else the code alone. */
  named: (name: P[string], code: P[string]): string => (str(name) ? `${str(name)} (${str(code)})` : str(code)),
  /** A number param in English, or the stored text when the finding predates the param. */
  amount: (v: P[string], stored: P[string] = null): string => {
    const n = num(v);
    return n === null ? str(stored) : formatAmount(n);
  },
  bytes: (v: P[string], stored: P[string]): string => {
    const n = num(v);
    return n === null ? str(stored) : formatBytes(n);
  },
};

/** What a file that is not a workbook really is, by the key the guard gives it. */
const FILE_KINDS_FR: Readonly<Record<string, string>> = {
  word: 'un document Word',
  powerpoint: 'une présentation PowerPoint',
  xlsb: 'un classeur Excel binaire (.xlsb)',
  opendocument: 'un fichier OpenDocument',
  'zip-other': 'une archive zip qui n’est pas un classeur Excel',
  zip: 'une archive zip',
  ole2: 'un fichier Office d’ancien format',
  pdf: 'un document PDF',
  png: 'une image PNG',
  jpeg: 'une image JPEG',
  gif: 'une image GIF',
};

/** The two breakdowns, as the object of "la ventilation des …". */
const GROUPS_FR: Readonly<Record<string, string>> = {
  core: 'dépenses de défense de base',
  security: 'dépenses liées à la sécurité',
};

const fr = {
  q,
  NB,
  or,
  at,
  place,
  forYear: (p: P): string => (p.year !== null && p.year !== undefined ? ` pour ${p.year}` : ''),
  inPlace: (p: P): string => tail(placeIn(p.sheet, p.cell, 'fr')),
  /** "La cellule Données!C5 (PIB, 2024)": the subject of a sentence about one cell. */
  cell: (p: P): string => {
    const field = str(p.field);
    const label = isFieldPath(field) ? fieldLabel(field, 'fr') : field;
    // A label with its own brackets is quoted, so the brackets do not nest bare.
    const facts = [label.includes('(') ? q(label) : label, str(p.year)].filter((s) => s !== '').join(', ');
    const about = facts ? ` (${facts})` : '';
    const sheet = str(p.sheet);
    const cell = str(p.cell);
    if (sheet && cell) return `La cellule ${sheetCell(sheet, cell)}${about}`;
    if (sheet) return `Une cellule de la feuille ${q(sheet)}${about}`;
    return `La valeur${about}`;
  },
  /** « Dépenses de défense de base (total) », or « cette valeur ». */
  fieldName: (p: P): string => {
    const field = str(p.field);
    return isFieldPath(field) ? q(fieldLabel(field, 'fr')) : field ? q(field) : 'cette valeur';
  },
  /** "l’Allié Allemagne (DEU)": French names of countries take articles, so the name follows a noun. */
  ally: (name: P[string], code: P[string]): string => (str(name) ? `l’Allié ${str(name)} (${str(code)})` : `l’Allié ${str(code)}`),
  amount: (v: P[string], stored: P[string] = null): string => {
    const n = num(v);
    return n === null ? str(stored) : formatAmount(n, 'fr');
  },
  /** A whole number with French digit grouping ("100 000"), or the stored text. */
  count: (v: P[string], stored: P[string] = null): string => {
    const n = num(v);
    return n === null ? str(stored) : formatAmount(n, 'fr');
  },
  bytes: (v: P[string], stored: P[string]): string => {
    const n = num(v);
    return n === null ? str(stored) : formatBytes(n, 'fr');
  },
  percent: (v: P[string], stored: P[string] = null): string => {
    const n = num(v);
    return n === null ? str(stored) : formatPercent(n, 'fr');
  },
  /** A figure status as the French template writes it (réalisé, estimé, prévu). */
  status: (v: P[string]): string => {
    const s = str(v);
    return s in STATUS_CHOICES.fr ? STATUS_CHOICES.fr[s as FigureStatus] : s;
  },
  fileKind: (v: P[string]): string | null => FILE_KINDS_FR[str(v)] ?? null,
  group: (v: P[string]): string => GROUPS_FR[str(v)] ?? 'dépenses',
};

export { str, num, placeIn, en, fr };
