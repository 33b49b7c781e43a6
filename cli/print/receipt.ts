// The one way a receipt is shown on a terminal, by check, upload, process and serve: a headline
// (where, verdict, ally, years, counts), then the findings as an aligned table, each with its
// place (sheet and cell), code, message, and what was found and expected. A list of receipts
// shows the first few findings of each; a single receipt shows them all.
import type { Finding, Receipt } from '../../shared/model/index.ts';
import { ReceiptStatus, Severity } from '../../shared/model/index.ts';
import { sheetCell } from '../../shared/text/index.ts';

/** What the printer needs: a stored receipt, or a refusal made before any receipt existed. */
type ShownReceipt = Pick<Receipt, 'status' | 'ally' | 'years' | 'records' | 'counts' | 'findings'>;

interface ReceiptView {
  /** Where the submission came from: a file name, a path or an object key. */
  label: string;
  /** The receipt was already there: nothing new was written. */
  duplicate?: boolean;
  /** Findings shown (default: all); the rest are counted. */
  maxFindings?: number;
}

const VERDICT: Readonly<Record<ReceiptStatus, string>> = {
  [ReceiptStatus.accepted]: 'ACCEPTED',
  [ReceiptStatus.acceptedWithWarnings]: 'ACCEPTED WITH WARNINGS',
  [ReceiptStatus.rejected]: 'REJECTED',
};

const plural = (n: number, word: string): string => `${n} ${word}(s)`;

const yearsText = (years: readonly number[]): string => {
  if (years.length === 0) return 'no years';
  const sorted = [...years].sort((a, b) => a - b);
  return sorted.length === 1 ? String(sorted[0]) : `${sorted[0]}-${sorted.at(-1)}`;
};

const placeOf = (f: Finding): string => (f.sheet ? (f.cell ? sheetCell(f.sheet, f.cell) : f.sheet) : (f.cell ?? '-'));

const detailOf = (f: Finding): string => {
  const parts = [f.found ? `found ${f.found}` : '', f.expected ? `expected ${f.expected}` : ''].filter((p) => p !== '');
  return parts.length > 0 ? ` (${parts.join('; ')})` : '';
};

/** One line: `budget.xlsx: ACCEPTED WITH WARNINGS (FRA, 2014-2035, 22 record(s); 0 error(s), 2 warning(s), 1 note(s))`. */
const receiptHeadline = (receipt: ShownReceipt, view: ReceiptView): string => {
  const { errors, warnings, infos } = receipt.counts;
  const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'note')}`;
  const again = view.duplicate ? ', already processed' : '';
  const read = `${receipt.ally ?? 'no ally'}, ${yearsText(receipt.years)}, ${plural(receipt.records.length, 'record')}`;
  return `${view.label}: ${VERDICT[receipt.status]} (${read}; ${counts})${again}`;
};

/** The findings as rows of aligned columns: severity, place, code, message with details. */
const findingRows = (findings: readonly Finding[]): string[] => {
  const rows = findings.map((f) => [f.severity, placeOf(f), f.code, `${f.message}${detailOf(f)}`]);
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => `  ${r.map((cell, c) => (c < 3 ? cell.padEnd(widths[c] ?? 0) : cell)).join('  ')}`);
};

/** The headline, then the findings (all, or the first `maxFindings` and how many more). */
const receiptLines = (receipt: ShownReceipt, view: ReceiptView): string[] => {
  const shown = receipt.findings.slice(0, view.maxFindings ?? receipt.findings.length);
  const more = receipt.findings.length - shown.length;
  return [
    receiptHeadline(receipt, view),
    ...findingRows(shown),
    ...(more > 0 ? [`  … and ${more} more finding(s) in the receipt`] : []),
  ];
};

/** A refusal made before any receipt (the file could not be filed): rejected, with its findings. */
const refusal = (findings: readonly Finding[]): ShownReceipt => ({
  status: ReceiptStatus.rejected,
  ally: null,
  years: [],
  records: [],
  counts: {
    errors: findings.filter((f) => f.severity === Severity.error).length,
    warnings: findings.filter((f) => f.severity === Severity.warning).length,
    infos: findings.filter((f) => f.severity === Severity.info).length,
  },
  findings: [...findings],
});

export { receiptLines, receiptHeadline, refusal, yearsText };
export type { ShownReceipt, ReceiptView };
