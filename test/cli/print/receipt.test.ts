// The one receipt printer: the headline every command shows, the aligned findings, the cut of
// a long list, and a refusal made before any receipt.
import { describe, expect, it } from 'vitest';
import { receiptLines, refusal } from '../../../cli/print/receipt.ts';
import type { ShownReceipt } from '../../../cli/print/receipt.ts';
import type { Finding } from '../../../shared/model/index.ts';

const finding = (over: Partial<Finding>): Finding => ({ severity: 'warning', code: 'gdp-jump', sheet: null, cell: null, message: 'GDP jumps.', ...over });

const receipt = (findings: Finding[]): ShownReceipt => ({
  status: 'accepted_with_warnings',
  ally: 'FRA',
  years: [2027, 2024, 2025],
  records: [],
  counts: { errors: 0, warnings: findings.length, infos: 0 },
  findings,
});

describe('the receipt printer', () => {
  it('heads with where, verdict, ally, years and counts, then one aligned row per finding with its details', () => {
    // Prepare
    const shown = receipt([
      finding({ sheet: 'Data', cell: 'D6', found: '-5', expected: 'a positive amount' }),
      finding({ code: 'plan-in-past', message: 'No plan.' }),
    ]);
    // Act
    const lines = receiptLines(shown, { label: 'france.xlsx' });
    // Assess
    expect(lines).toEqual([
      'france.xlsx: ACCEPTED WITH WARNINGS (FRA, 2024-2027, 0 record(s); 0 error(s), 2 warning(s), 0 note(s))',
      '  warning  Data!D6  gdp-jump      GDP jumps. (found -5; expected a positive amount)',
      '  warning  -        plan-in-past  No plan.',
    ]);
  });

  it('shows the first findings of a list and counts the rest, and marks a duplicate', () => {
    // Prepare
    const shown = receipt([finding({}), finding({}), finding({}), finding({})]);
    // Act
    const lines = receiptLines(shown, { label: 'submissions/FRA/x.xlsx', duplicate: true, maxFindings: 3 });
    // Assess
    expect(lines[0]).toMatch(/^submissions\/FRA\/x\.xlsx: ACCEPTED WITH WARNINGS \(.*\), already processed$/);
    expect(lines).toHaveLength(1 + 3 + 1);
    expect(lines.at(-1)).toBe('  … and 1 more finding(s) in the receipt');
  });

  it('shows a refusal made before any receipt as rejected, with its errors counted', () => {
    // Act
    const lines = receiptLines(refusal([finding({ severity: 'error', code: 'legacy-xls', message: 'Save it as .xlsx.' })]), { label: 'old.xls' });
    // Assess
    expect(lines).toEqual([
      'old.xls: REJECTED (no ally, no years, 0 record(s); 1 error(s), 0 warning(s), 0 note(s))',
      '  error  -  legacy-xls  Save it as .xlsx.',
    ]);
  });
});
