import { describe, expect, it } from 'vitest';
import type { AllyRef } from '../../../shared/reference/index.ts';
import { defaultReportingYear } from '../../../shared/pipeline/index.ts';
import { makeRecord } from '../../helpers/stored-submissions.ts';

const ally = (iso3: string, noArmedForces = false): AllyRef => ({
  iso3,
  iso2: iso3.slice(0, 2),
  nameEn: iso3,
  nameFr: iso3,
  aliases: [],
  accession: 1949,
  group: 'europe',
  europeCanada: true,
  ...(noArmedForces ? { noArmedForces } : {}),
  currencies: [{ currency: 'EUR', from: 1949 }],
});

// Four allies with armed forces (half is two) and Iceland, which has none.
const ALLIES = [ally('AAA'), ally('BBB'), ally('CCC'), ally('DDD'), ally('ISL', true)];

describe('defaultReportingYear', () => {
  it('picks the latest year in which half of the allies with armed forces report actuals or estimates', () => {
    // Prepare: 2025 has two reporters (half of four), 2026 only one; 2027 is plans only.
    const records = [
      makeRecord({ ally: 'AAA', year: 2025, status: 'actual' }),
      makeRecord({ ally: 'BBB', year: 2025, status: 'estimate' }),
      makeRecord({ ally: 'AAA', year: 2026, status: 'estimate' }),
      makeRecord({ ally: 'AAA', year: 2027, status: 'plan' }),
      makeRecord({ ally: 'BBB', year: 2027, status: 'plan' }),
      makeRecord({ ally: 'CCC', year: 2027, status: 'plan' }),
    ];
    // Act, Assess
    expect(defaultReportingYear(records, ALLIES, 2030)).toBe(2025);
  });

  it('does not count an ally without armed forces, nor a record without a core total', () => {
    // Prepare: in 2026 AAA reports, ISL "reports" and BBB gives no core total: one of four.
    const records = [
      makeRecord({ ally: 'AAA', year: 2024 }),
      makeRecord({ ally: 'CCC', year: 2024 }),
      makeRecord({ ally: 'AAA', year: 2026 }),
      makeRecord({ ally: 'ISL', year: 2026 }),
      makeRecord({ ally: 'BBB', year: 2026, core: null }),
    ];
    // Act, Assess
    expect(defaultReportingYear(records, ALLIES, 2030)).toBe(2024);
  });

  it('falls back to the latest reported year when no year reaches half, then to the latest year, then to the fallback', () => {
    expect(defaultReportingYear([makeRecord({ ally: 'AAA', year: 2023 }), makeRecord({ ally: 'BBB', year: 2021 })], ALLIES, 2030)).toBe(2023);
    expect(defaultReportingYear([makeRecord({ ally: 'AAA', year: 2028, status: 'plan' })], ALLIES, 2030)).toBe(2028);
    expect(defaultReportingYear([], ALLIES, 2030)).toBe(2030);
  });
});
