import { describe, expect, it } from 'vitest';
import {
  allyMatches,
  breakdownAddsUp,
  currencyOfAlly,
  defaultStatus,
  duplicateYears,
  figuresComplete,
  gdpJump,
  noYears,
  runChecks,
  statusFitsYear,
} from '../../../../shared/ingest/checks/index.ts';
import type { Finding } from '../../../../shared/model/index.ts';
import { HAGUE_2025, RulesSchema } from '../../../../shared/model/index.ts';
import { sheetCell } from '../../../../shared/text/index.ts';
import { contextOf, draftOf } from '../helpers/drafts.ts';

/** Compact (severity, code, place) triples, the way findings are asserted throughout. */
const brief = (findings: Finding[]) =>
  findings.map((f) => [f.severity, f.code, f.sheet && f.cell ? sheetCell(f.sheet, f.cell) : (f.sheet ?? null)]);

describe('runChecks', () => {
  it('finds nothing in consistent figures for the filed-under ally', () => {
    // Prepare
    const drafts = [draftOf({ year: 2024 }), draftOf({ year: 2025 }), draftOf({ year: 2026, status: 'estimate' }), draftOf({ year: 2027, status: 'plan' })];
    // Act
    const findings = runChecks(drafts, contextOf());
    // Assess
    expect(findings).toEqual([]);
  });

  it('collects the findings of every check rather than stopping at the first', () => {
    const drafts = [draftOf({ year: 2024, ally: 'DEU' }), draftOf({ year: 2024 }), draftOf({ year: 2028, status: 'actual' })];
    expect(runChecks(drafts, contextOf()).map((f) => f.code)).toEqual(['ally-mismatch', 'duplicate-year', 'actual-in-future']);
  });
});

describe('noYears', () => {
  it('rejects a workbook that yields no year', () => {
    expect(brief(noYears([], contextOf()))).toEqual([['error', 'no-years', null]]);
  });
});

describe('duplicateYears', () => {
  it('names both cells of a year given twice', () => {
    // Prepare: 2024 on row 5, and again on row 9.
    const drafts = [draftOf({ year: 2024 }), draftOf({ year: 2025 }), draftOf({ year: 2024, cells: { year: 'A9' } })];
    // Act
    const findings = duplicateYears(drafts, contextOf());
    // Assess
    expect(brief(findings)).toEqual([['error', 'duplicate-year', 'Data!A9']]);
    expect(findings[0]).toMatchObject({ year: 2024, row: 9, column: 1 });
    expect(findings[0]?.message).toContain('Data!A5');
  });
});

describe('breakdownAddsUp', () => {
  it('flags a core breakdown that does not add up, naming the total cell and the sum found', () => {
    // Prepare: parts add up to 59 000, the total says 60 000; tolerance max(0.5% x 60 000, 0.5) = 300.
    const drafts = [draftOf({ core: { total: 60_000, personnel: 24_000, equipment: 15_000, infrastructure: 5_000, operations: 12_000, other: 3_000 } })];
    // Act
    const findings = breakdownAddsUp(drafts, contextOf());
    // Assess
    expect(brief(findings)).toEqual([['error', 'breakdown-mismatch', 'Data!E5']]);
    expect(findings[0]).toMatchObject({ field: 'core.total', year: 2024, found: '59000', expected: '60000 ± 300' });
    expect(findings[0]?.message).toContain('adds up to 59000');
  });

  it('accepts a difference within the relative tolerance', () => {
    // 60 000 x 0.005 = 300; parts sum to 59 750.
    const drafts = [draftOf({ core: { total: 60_000, personnel: 24_750, equipment: 15_000, infrastructure: 5_000, operations: 12_000, other: 3_000 } })];
    expect(breakdownAddsUp(drafts, contextOf())).toEqual([]);
  });

  it('accepts a partial breakdown whose parts stay within the total', () => {
    // Prepare: only equipment given (15 000 of 60 000); the other parts are simply not split out.
    const drafts = [draftOf({ core: { total: 60_000, equipment: 15_000 } })];
    // Act, Assess
    expect(breakdownAddsUp(drafts, contextOf())).toEqual([]);
  });

  it('flags the parts of a partial breakdown that exceed the total', () => {
    // Prepare: personnel 40 000 + equipment 25 000 = 65 000 > 60 000 + 300 tolerance.
    const drafts = [draftOf({ core: { total: 60_000, personnel: 40_000, equipment: 25_000 } })];
    // Act
    const findings = breakdownAddsUp(drafts, contextOf());
    // Assess
    expect(brief(findings)).toEqual([['error', 'breakdown-exceeds-total', 'Data!E5']]);
    expect(findings[0]?.message).toContain('add up to 65000, more than the total');
  });

  it('uses the absolute tolerance for small totals', () => {
    // Total 10: relative tolerance 0.05 < absolute 0.5; parts 10.4 pass, 10.6 fail.
    const ok = draftOf({ security: { total: 10, cyber: 10.4 } });
    const off = draftOf({ year: 2025, security: { total: 10, cyber: 10.6 } });
    expect(brief(breakdownAddsUp([ok, off], contextOf()))).toEqual([['error', 'breakdown-exceeds-total', 'Data!K6']]);
  });

  it('reads its tolerance from the rules', () => {
    // Prepare: same 1 000 gap, tolerated once the rules allow 2%.
    const loose = RulesSchema.parse({ ...HAGUE_2025, validation: { ...HAGUE_2025.validation, breakdownRelativeTolerance: 0.02 } });
    const drafts = [draftOf({ core: { total: 60_000, personnel: 24_000, equipment: 15_000, infrastructure: 5_000, operations: 12_000, other: 3_000 } })];
    expect(breakdownAddsUp(drafts, contextOf({ rules: loose }))).toEqual([]);
  });

  it('does not compare when only the total is given', () => {
    expect(breakdownAddsUp([draftOf({ core: { total: 60_000 }, security: { total: null } })], contextOf())).toEqual([]);
  });
});

describe('figuresComplete', () => {
  it('warns when expenditure is given without GDP', () => {
    const findings = figuresComplete([draftOf({ gdp: null })], contextOf());
    expect(brief(findings)).toEqual([['warning', 'gdp-missing', 'Data!D5']]);
  });

  it('warns when a breakdown is given without its total, and says what the parts add up to', () => {
    // Prepare: security parts 4 000 + 2 000 + 1 000, no total.
    const drafts = [draftOf({ security: { total: null, criticalInfrastructure: 4_000, cyber: 2_000, civilPreparedness: 1_000 } })];
    // Act
    const findings = figuresComplete(drafts, contextOf());
    // Assess
    expect(brief(findings)).toEqual([['warning', 'total-missing', 'Data!K5']]);
    expect(findings[0]).toMatchObject({ field: 'security.total', found: 'parts adding up to 7000' });
  });

  it('stays quiet for a year with totals only, or with nothing but GDP', () => {
    const drafts = [draftOf({ core: { total: 60_000 }, security: { total: null } }), draftOf({ year: 2025, core: { total: null }, security: { total: null } })];
    expect(figuresComplete(drafts, contextOf())).toEqual([]);
  });
});

describe('gdpJump', () => {
  it('warns when GDP moves by more than the rules allow from one year to the next', () => {
    // Prepare: 2 900 000 to 3 770 000 is +30% (threshold 25%).
    const drafts = [draftOf({ year: 2024 }), draftOf({ year: 2025, gdp: 3_770_000 })];
    // Act
    const findings = gdpJump(drafts, contextOf());
    // Assess
    expect(brief(findings)).toEqual([['warning', 'gdp-jump', 'Data!D6']]);
    expect(findings[0]).toMatchObject({ year: 2025, found: '+30.0%', field: 'gdp' });
  });

  it('warns about a fall as well, and ignores years that are not consecutive', () => {
    const drafts = [draftOf({ year: 2024 }), draftOf({ year: 2025, gdp: 290_000 }), draftOf({ year: 2027, gdp: 3_000_000 })];
    expect(gdpJump(drafts, contextOf()).map((f) => [f.year, f.found])).toEqual([[2025, '-90.0%']]);
  });

  it('stays quiet for a change within the threshold', () => {
    expect(gdpJump([draftOf({ year: 2024 }), draftOf({ year: 2025, gdp: 3_625_000 })], contextOf())).toEqual([]);
  });
});

describe('currencyOfAlly', () => {
  it('accepts a legacy euro currency in its own era', () => {
    // LTL was Lithuania's currency until 2014 (the factory puts year y on row y - 2019).
    const drafts = [draftOf({ ally: 'LTU', year: 2013, sourceCurrency: 'LTL' })];
    expect(currencyOfAlly(drafts, contextOf({ expectedAlly: 'LTU' }))).toEqual([]);
  });

  it('accepts the ally\'s currency of today for a year before the euro', () => {
    expect(currencyOfAlly([draftOf({ ally: 'LTU', year: 2013, sourceCurrency: 'EUR' })], contextOf({ expectedAlly: 'LTU' }))).toEqual([]);
  });

  it('rejects a legacy currency outside its era', () => {
    // Prepare
    const drafts = [draftOf({ ally: 'LTU', year: 2020, sourceCurrency: 'LTL' })];
    // Act
    const findings = currencyOfAlly(drafts, contextOf({ expectedAlly: 'LTU' }));
    // Assess
    expect(brief(findings)).toEqual([['error', 'currency-not-ally', 'Data!C1']]);
    expect(findings[0]).toMatchObject({ found: 'LTL', expected: 'EUR', year: 2020 });
  });

  it('rejects another country\'s currency and says which two were possible', () => {
    const findings = currencyOfAlly([draftOf({ ally: 'LTU', year: 2010, sourceCurrency: 'USD' })], contextOf({ expectedAlly: 'LTU' }));
    expect(findings[0]).toMatchObject({ code: 'currency-not-ally', found: 'USD', expected: 'LTL or EUR' });
  });
});

describe('statusFitsYear', () => {
  it('rejects an actual for a year after the upload year', () => {
    const findings = statusFitsYear([draftOf({ year: 2027, status: 'actual' })], contextOf());
    expect(brief(findings)).toEqual([['error', 'actual-in-future', 'Data!B8']]);
  });

  it('warns about a plan for a past year', () => {
    expect(brief(statusFitsYear([draftOf({ year: 2025, status: 'plan' })], contextOf()))).toEqual([['warning', 'plan-in-past', 'Data!B6']]);
  });

  it('warns about a missing status and says which default it took', () => {
    // Prepare: uploaded in 2026.
    const drafts = [draftOf({ year: 2025, status: null }), draftOf({ year: 2026, status: null }), draftOf({ year: 2027, status: null })];
    // Act
    const findings = statusFitsYear(drafts, contextOf());
    // Assess
    expect(brief(findings)).toEqual([
      ['warning', 'status-missing', 'Data!B6'],
      ['warning', 'status-missing', 'Data!B7'],
      ['warning', 'status-missing', 'Data!B8'],
    ]);
    expect(findings.map((f) => /taken as "(\w+)"/.exec(f.message)?.[1])).toEqual(['actual', 'estimate', 'plan']);
  });

  it('defaults to actual, estimate and plan for past, current and future years', () => {
    expect([2025, 2026, 2027].map((y) => defaultStatus(y, 2026))).toEqual(['actual', 'estimate', 'plan']);
  });
});

describe('allyMatches', () => {
  it('rejects figures for another ally than the one filed under, naming both', () => {
    // Prepare
    const drafts = [draftOf({ ally: 'DEU', cells: { year: 'A5', ally: 'B2' } })];
    // Act
    const findings = allyMatches(drafts, contextOf());
    // Assess
    expect(brief(findings)).toEqual([['error', 'ally-mismatch', 'Data!B2']]);
    expect(findings[0]).toMatchObject({ found: 'DEU', expected: 'FRA' });
    expect(findings[0]?.message).toMatch(/DEU.*FRA/);
  });

  it('takes the filed-under ally when the workbook names none, as information', () => {
    expect(brief(allyMatches([draftOf({ ally: null })], contextOf()))).toEqual([['info', 'ally-missing', 'Data']]);
  });

  it('rejects figures that name no ally when none is filed under either', () => {
    expect(brief(allyMatches([draftOf({ ally: null })], contextOf({ expectedAlly: null })))).toEqual([['error', 'ally-unknown', null]]);
  });

  it('rejects an upload filed under a code that is no ally', () => {
    expect(allyMatches([draftOf()], contextOf({ expectedAlly: 'XYZ' })).map((f) => [f.code, f.found])).toEqual([['ally-not-known', 'XYZ']]);
  });

  it('without a filed-under ally, rejects a workbook naming two allies', () => {
    const drafts = [draftOf({ ally: 'FRA' }), draftOf({ ally: 'BEL', year: 2025 })];
    expect(allyMatches(drafts, contextOf({ expectedAlly: null })).map((f) => [f.code, f.found, f.expected])).toEqual([
      ['ally-mismatch', 'BEL', 'FRA'],
    ]);
  });
});
