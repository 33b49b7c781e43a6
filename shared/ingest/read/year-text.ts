// A year as written in a header or year cell, with the status some offices tack onto it:
// 2024, "2024e", "2024 (est.)", "2027 plan", and fiscal years such as "2024/25".
import { statusOf } from '../../submission/index.ts';
import type { FigureStatus } from '../../submission/index.ts';

/**
 * Fiscal years that straddle two calendar years ("2024/25", "2024-2025", "FY2024-25") are
 * reported under the year they start in. NATO names a fiscal year after the calendar year that
 * holds most of its months, which is the starting year for the April-March years of Canada and
 * the United Kingdom; the United States writes its October-September years as "FY2024", read
 * as 2024.
 */
const FISCAL_YEAR = /^\s*(?:FY\s*)?(\d{4})\s*[/\-–]\s*(\d{2}|\d{4})\s*$/iu;

/** A year as written in a header or year cell: 2024, "2024", "2024e", "2024 (est.)", "2027 plan", "2024/25". */
const parseYearText = (text: string): { year: number; status: FigureStatus | null } | null => {
  const fiscal = FISCAL_YEAR.exec(text);
  if (fiscal?.[1] && fiscal[2]) {
    const start = Number(fiscal[1]);
    const end = fiscal[2].length === 2 ? Math.floor(start / 100) * 100 + Number(fiscal[2]) : Number(fiscal[2]);
    return end === start + 1 || (fiscal[2] === '00' && start % 100 === 99) ? { year: start, status: null } : null;
  }
  const m = /^\s*(?:FY\s*)?(\d{4})\s*(?:[*†]|\(?\s*([\p{L}.\s]{1,20}?)\s*\)?)?\s*$/u.exec(text);
  if (!m?.[1]) return null;
  const suffix = m[2]?.trim();
  if (!suffix) return { year: Number(m[1]), status: null };
  const status = statusOf(suffix);
  return status ? { year: Number(m[1]), status } : null;
};

export { parseYearText };
