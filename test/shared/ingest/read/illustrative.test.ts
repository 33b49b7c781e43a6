// The Illustrative column: a yes/no per year that becomes `illustrative` on the draft, so
// reports can flag figures that are not official (e.g. the sample plans).
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../../../shared/ingest/limits.ts';
import { flagOf } from '../../../../shared/ingest/read/flag.ts';
import { readSubmission } from '../../../../shared/ingest/read/index.ts';
import { workbookOf } from '../../../helpers/workbooks.ts';

const table = (header: string, flags: (string | number | null)[]) =>
  workbookOf([
    {
      name: 'Data',
      rows: [
        ['Ally: Estonia'],
        ['EUR million'],
        ['Year', 'GDP', 'Defence expenditure', header],
        ...flags.map((flag, i) => [2030 + i, 50000, 1500, flag]),
      ],
    },
  ]);

describe('the Illustrative column', () => {
  it.each([
    ['yes', true],
    ['Oui', true],
    ['TRUE', true],
    ['x', true],
    ['no', false],
    ['NON', false],
    ['false', false],
    ['banana', null],
  ] as const)('reads "%s" as %s', (text, flag) => {
    // Act / Assess
    expect(flagOf(text)).toBe(flag);
  });

  it('marks each year as its cell says, and leaves an empty cell unmarked', async () => {
    // Prepare
    const bytes = await table('Illustrative', ['yes', 'no', null]);

    // Act
    const result = await readSubmission(bytes, 'est.xlsx', { limits: DEFAULT_LIMITS, expectedAlly: 'EST' });

    // Assess
    expect(result.findings).toEqual([]);
    expect(result.drafts.map((d) => [d.year, d.illustrative])).toEqual([
      [2030, true],
      [2031, false],
      [2032, undefined],
    ]);
  });

  it('understands the French header', async () => {
    // Prepare
    const bytes = await table('Illustratif', ['oui']);

    // Act
    const result = await readSubmission(bytes, 'est.xlsx', { limits: DEFAULT_LIMITS, expectedAlly: 'EST' });

    // Assess
    expect(result.drafts.map((d) => d.illustrative)).toEqual([true]);
  });

  it('reports a cell that says neither yes nor no, by sheet and cell', async () => {
    // Prepare
    const bytes = await table('Illustrative', ['maybe']);

    // Act
    const result = await readSubmission(bytes, 'est.xlsx', { limits: DEFAULT_LIMITS, expectedAlly: 'EST' });

    // Assess
    expect(result.findings.map((f) => [f.code, f.sheet, f.cell, f.found])).toEqual([['unknown-flag', 'Data', 'D4', 'maybe']]);
    expect(result.drafts.map((d) => d.illustrative)).toEqual([undefined]);
  });
});
