// The annotated copy that goes back with a receipt: the submitter's own workbook with every
// cell in question coloured and commented, behind a first sheet listing all findings. Works on
// a parsed copy; the uploaded bytes are never touched.
import ExcelJS from 'exceljs';
import { boundedForCopy } from './copy-bounds.ts';
import type { Finding, Receipt, Severity } from '../model/index.ts';
// The text of findings quotes submitted values, so every string cell of the receipt sheet is neutralised.
import { cellOf, safeText } from '../text/index.ts';
import type { Lang } from '../text/index.ts';

const RECEIPT_SHEET = 'Receipt';

/** Fill colours (ARGB): Excel's own "Bad" red and "Neutral" amber. */
const FILL: Readonly<Record<Severity, string | null>> = {
  error: 'FFFFC7CE',
  warning: 'FFFFEB9C',
  info: null,
};

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** The Receipt sheet's own words, in the language of the template the file came from. */
const WORDS: Readonly<
  Record<Lang, { sheet: string; headers: readonly string[]; summary: readonly string[]; severity: Readonly<Record<Severity, string>>; status: Readonly<Record<Receipt['status'], string>> }>
> = {
  en: {
    sheet: 'Receipt',
    headers: ['Severity', 'Sheet', 'Cell', 'Code', 'Year', 'Field', 'Found', 'Expected', 'Message'],
    summary: ['File', 'Verdict', 'Ally', 'Years', 'Errors', 'Warnings', 'Notes', 'Submission id', 'Uploaded at', 'Checked at'],
    severity: { error: 'error', warning: 'warning', info: 'info' },
    status: { accepted: 'accepted', accepted_with_warnings: 'accepted_with_warnings', rejected: 'rejected' },
  },
  fr: {
    sheet: 'Accusé de réception',
    headers: ['Gravité', 'Feuille', 'Cellule', 'Code', 'Année', 'Champ', 'Trouvé', 'Attendu', 'Message'],
    summary: ['Fichier', 'Verdict', 'Allié', 'Années', 'Erreurs', 'Avertissements', 'Notes', 'Identifiant de la déclaration', 'Déposé le', 'Vérifié le'],
    severity: { error: 'erreur', warning: 'avertissement', info: 'note' },
    status: { accepted: 'acceptée', accepted_with_warnings: 'acceptée avec avertissements', rejected: 'refusée' },
  },
};

const findingRow = (f: Finding, lang: Lang): (string | number)[] => [
  WORDS[lang].severity[f.severity],
  f.sheet ?? '',
  f.cell ?? '',
  f.code,
  f.year ?? '',
  f.field ?? '',
  f.found ?? '',
  f.expected ?? '',
  f.message,
];

/** A sheet name not already used in the workbook (Excel compares names case-insensitively). */
const freeSheetName = (wb: ExcelJS.Workbook, base: string): string => {
  const taken = new Set(wb.worksheets.map((ws) => ws.name.toLowerCase()));
  for (let i = 1; ; i += 1) {
    const name = i === 1 ? base : `${base} ${i}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
};

// exceljs writes sheets sorted by an `orderNo` its typings do not declare.
const orderOf = (ws: ExcelJS.Worksheet): { orderNo: number } => ws as unknown as { orderNo: number };

const writeReceiptSheet = (wb: ExcelJS.Workbook, receipt: Receipt): void => {
  const words = WORDS[receipt.lang ?? 'en'];
  const ws = wb.addWorksheet(freeSheetName(wb, words.sheet));
  // Lowest order number: the receipt is the first sheet the submitter sees.
  orderOf(ws).orderNo = Math.min(0, ...wb.worksheets.map((w) => orderOf(w).orderNo)) - 1;
  const values: (string | number)[] = [
    receipt.file,
    words.status[receipt.status],
    receipt.ally ?? '',
    receipt.years.join(', '),
    receipt.counts.errors,
    receipt.counts.warnings,
    receipt.counts.infos,
    receipt.submissionId,
    receipt.uploadedAt,
    receipt.checkedAt,
  ];
  const summary = values.map((v, i): [string, string | number] => [words.summary[i] ?? '', v]);
  for (const [label, value] of summary) ws.addRow([label, typeof value === 'string' ? safeText(value) : value]);
  ws.addRow([]);
  const header = ws.addRow([...words.headers]);
  header.font = { bold: true };
  for (const f of receipt.findings) {
    const row = ws.addRow(findingRow(f, receipt.lang ?? 'en').map((v) => (typeof v === 'string' ? safeText(v) : v)));
    const fill = FILL[f.severity];
    if (fill) row.getCell(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
  }
  ws.getColumn(1).width = 14;
  ws.getColumn(2).width = 16;
  ws.getColumn(4).width = 22;
  ws.getColumn(9).width = 100;
};

/** Colours each cell a finding names by its most severe finding, and notes all their messages. */
const markCells = (wb: ExcelJS.Workbook, findings: readonly Finding[], lang: Lang): void => {
  const byPlace = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!f.sheet || !f.cell) continue;
    const key = `${f.sheet}\u0000${f.cell}`;
    byPlace.set(key, [...(byPlace.get(key) ?? []), f]);
  }
  for (const group of byPlace.values()) {
    const first = group[0];
    const ws = first?.sheet ? wb.getWorksheet(first.sheet) : undefined;
    if (!first?.cell || !ws) continue;
    let cell: ExcelJS.Cell;
    try {
      cell = ws.getCell(cellOf(first.cell));
    } catch {
      continue;
    }
    const worst = [...group].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity])[0];
    const fill = worst ? FILL[worst.severity] : null;
    if (fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
    cell.note = group.map((f) => `${WORDS[lang].severity[f.severity].toUpperCase()} (${f.code}): ${f.message}`).join('\n\n');
  }
};

const toBuffer = async (wb: ExcelJS.Workbook): Promise<Buffer> => Buffer.from(await wb.xlsx.writeBuffer());

/** A fresh workbook holding only the Receipt sheet (for CSV uploads and unreadable files). */
const receiptWorkbook = async (receipt: Receipt): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  writeReceiptSheet(wb, receipt);
  return toBuffer(wb);
};

/**
 * A marked-up copy of the uploaded workbook, with the Receipt sheet first; the receipt-only
 * workbook when the sheets are too big to rewrite (see copy-bounds.ts).
 */
const annotateWorkbook = async (original: Buffer, receipt: Receipt): Promise<Buffer> => {
  // exceljs reads from its own copy; the original buffer stays as uploaded.
  const bounded = await boundedForCopy(Buffer.from(original));
  if (!bounded) return receiptWorkbook(receipt);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bounded as unknown as ArrayBuffer);
  markCells(wb, receipt.findings, receipt.lang ?? 'en');
  writeReceiptSheet(wb, receipt);
  return toBuffer(wb);
};

export { annotateWorkbook, receiptWorkbook, RECEIPT_SHEET };
