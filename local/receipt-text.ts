// A receipt as the terminal shows it: the verdict with counts, then every finding with its
// place (sheet and cell), what was found and what was expected.
import type { Finding, Receipt } from '../shared/model/index.ts';

const place = (f: Finding): string => (f.sheet ? ` ${f.sheet}${f.cell ? `!${f.cell}` : ''}` : f.cell ? ` ${f.cell}` : '');

const detail = (f: Finding): string => {
  const parts = [f.found ? `found ${f.found}` : '', f.expected ? `expected ${f.expected}` : ''].filter((p) => p !== '');
  return parts.length > 0 ? ` (${parts.join('; ')})` : '';
};

const yearsText = (years: readonly number[]): string => {
  if (years.length === 0) return 'no years';
  const sorted = [...years].sort((a, b) => a - b);
  return sorted.length === 1 ? String(sorted[0]) : `${sorted[0]}-${sorted.at(-1)}`;
};

const receiptLines = (receipt: Receipt): string[] => {
  const { errors, warnings, infos } = receipt.counts;
  return [
    `${receipt.status}: ${receipt.ally ?? '---'} ${receipt.file}, ${yearsText(receipt.years)}; ${errors} error(s), ${warnings} warning(s), ${infos} note(s)`,
    `  submission ${receipt.submissionId}`,
    ...receipt.findings.map((f) => `  - ${f.severity} ${f.code}${place(f)}: ${f.message}${detail(f)}`),
  ];
};

export { receiptLines };
