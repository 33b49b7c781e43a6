import { describe, expect, it } from 'vitest';
import { cmp, fromNumber, toNumber } from '../../../shared/engine/exact.ts';
import type { Measured } from '../../../shared/engine/amounts.ts';
import { yearAmounts, yearRatios } from '../../../shared/engine/ratios.ts';
import { SECURITY_PARTS } from '../../../shared/model/index.ts';
import { aRecord } from '../../helpers/engine-records.ts';

const CAP = fromNumber(1.5);
const value = (m: Measured) => (m.value === null ? null : toNumber(m.value));
const ratiosOf = (record: ReturnType<typeof aRecord>, cap = CAP) => {
  const amounts = yearAmounts(record, cap, SECURITY_PARTS);
  return { amounts, ratios: yearRatios(amounts, cap) };
};

describe('year ratios', () => {
  it('computes 35 of a GDP of 1000 as exactly 3.5%', () => {
    // Prepare: 100·35/1000 = 3.5
    const record = aRecord({ gdp: 1000, core: { total: 35, equipment: 7 }, security: { total: 15 } });

    // Act
    const { ratios } = ratiosOf(record);

    // Assess
    expect(ratios.corePct.value && cmp(ratios.corePct.value, fromNumber(3.5))).toBe(0);
    expect(value(ratios.securityPct)).toBe(1.5); // 100·15/1000
    expect(value(ratios.combinedPct)).toBe(5); // 3.5 + 1.5
    expect(value(ratios.equipmentSharePct)).toBe(20); // 100·7/35
  });

  it('keeps a ratio whose float division would be off by one ulp exact', () => {
    // Prepare: 100·0.07/2 = 3.5 exactly; (0.07/2)·100 in floats is 3.5000000000000004
    const record = aRecord({ gdp: 2, core: { total: 0.07 } });

    // Act
    const { ratios } = ratiosOf(record);

    // Assess
    expect(ratios.corePct.value && cmp(ratios.corePct.value, fromNumber(3.5))).toBe(0);
  });

  it('counts at most the cap of security-related spending: 2.0% submitted counts 1.5', () => {
    // Prepare: S = 20 of 1000 = 2.0%; cap 1.5% of 1000 = 15
    const record = aRecord({ gdp: 1000, core: { total: 30 }, security: { total: 20 } });

    // Act
    const { amounts, ratios } = ratiosOf(record);

    // Assess
    expect(value(ratios.securityPct)).toBe(2);
    expect(value(ratios.securityCountedPct)).toBe(1.5);
    expect(value(ratios.combinedPct)).toBe(4.5); // 3.0 + 1.5
    expect(value(amounts.securityCounted)).toBe(15);
  });

  it('applies a lower cap when the rules give one', () => {
    // Prepare: S = 12 of 1000 = 1.2%, cap 1.0
    const record = aRecord({ gdp: 1000, security: { total: 12 } });

    // Act
    const { amounts, ratios } = ratiosOf(record, fromNumber(1));

    // Assess
    expect(value(ratios.securityCountedPct)).toBe(1);
    expect(value(amounts.securityCounted)).toBe(10); // 1.0% of 1000
  });

  it('gives no ratio, with a reason, when GDP is zero', () => {
    // Prepare
    const record = aRecord({ gdp: 0 });

    // Act
    const { ratios } = ratiosOf(record);

    // Assess
    for (const r of [ratios.corePct, ratios.securityPct, ratios.securityCountedPct, ratios.combinedPct]) {
      expect(r.value).toBeNull();
      expect(r.reason).toMatch(/GDP is zero/);
    }
    expect(value(ratios.equipmentSharePct)).toBe(20); // 100·7/35 needs no GDP
  });

  it('gives no ratio, with a reason, when GDP is missing', () => {
    // Prepare
    const record = aRecord({ gdp: null });

    // Act
    const { ratios } = ratiosOf(record);

    // Assess
    expect(ratios.corePct).toEqual({ value: null, reason: 'GDP not reported' });
    expect(ratios.combinedPct).toEqual({ value: null, reason: 'GDP not reported' });
  });

  it('leaves the equipment share unknown when equipment is not broken out', () => {
    // Prepare
    const record = aRecord({ core: { total: 35, equipment: undefined } });

    // Act
    const { ratios } = ratiosOf(record);

    // Assess
    expect(ratios.equipmentSharePct.value).toBeNull();
    expect(ratios.equipmentSharePct.reason).toMatch(/equipment/);
    expect(value(ratios.corePct)).toBe(3.5);
  });

  it('leaves the equipment share unknown when core spending is zero', () => {
    // Prepare
    const record = aRecord({ core: { total: 0, equipment: 0 } });

    // Act
    const { ratios } = ratiosOf(record);

    // Assess
    expect(ratios.equipmentSharePct).toEqual({ value: null, reason: 'core defence expenditure is zero' });
    expect(value(ratios.corePct)).toBe(0);
  });

  it('leaves the combined ratio unknown when the security-related total is missing', () => {
    // Prepare
    const record = aRecord({ security: { total: null } });

    // Act
    const { ratios } = ratiosOf(record);

    // Assess
    expect(value(ratios.corePct)).toBe(3.5);
    expect(ratios.combinedPct.value).toBeNull();
    expect(ratios.combinedPct.reason).toMatch(/security-related expenditure not reported/);
  });
});
