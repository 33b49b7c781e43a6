import { describe, expect, it } from 'vitest';
import { coreAmount, equipmentAmount, securityEligibleAmount } from '../../../shared/engine/amounts.ts';
import { toNumber } from '../../../shared/engine/exact.ts';
import { SECURITY_PARTS } from '../../../shared/model/index.ts';
import type { Measured } from '../../../shared/engine/amounts.ts';

const value = (m: Measured) => (m.value === null ? null : toNumber(m.value));

describe('core amount', () => {
  it('is the reported total when there is one', () => {
    // Prepare / Act
    const c = coreAmount({ total: 35, personnel: 10 });

    // Assess
    expect(value(c)).toBe(35);
    expect(c.reason).toBeUndefined();
  });

  it('is the sum of the breakdown when the total is missing but every part is given', () => {
    // Prepare / Act: 10 + 7 + 5 + 8 + 0.5 = 30.5
    const c = coreAmount({ total: null, personnel: 10, equipment: 7, infrastructure: 5, operations: 8, other: 0.5 });

    // Assess
    expect(value(c)).toBe(30.5);
  });

  it('is unknown, with a reason, when the total and part of the breakdown are missing', () => {
    // Prepare / Act
    const c = coreAmount({ total: null, personnel: 10 });

    // Assess
    expect(c.value).toBeNull();
    expect(c.reason).toMatch(/core defence expenditure not reported/);
  });
});

describe('security-related amount in the eligible categories', () => {
  it('is the total when every category is eligible', () => {
    // Prepare / Act
    const s = securityEligibleAmount({ total: 15, cyber: 2 }, SECURITY_PARTS);

    // Assess
    expect(value(s)).toBe(15);
  });

  it('sums only the eligible parts when the rules name a subset', () => {
    // Prepare / Act: cyber 2 + militaryMobility 3.5 = 5.5; criticalInfrastructure 9 not eligible
    const s = securityEligibleAmount({ total: 14.5, cyber: 2, militaryMobility: 3.5, criticalInfrastructure: 9 }, [
      'cyber',
      'militaryMobility',
    ]);

    // Assess
    expect(value(s)).toBe(5.5);
    expect(s.reason).toBeUndefined();
  });

  it('sums the eligible parts given and says which are missing', () => {
    // Prepare / Act: cyber 2 given, militaryMobility not given
    const s = securityEligibleAmount({ total: 14.5, cyber: 2 }, ['cyber', 'militaryMobility']);

    // Assess
    expect(value(s)).toBe(2);
    expect(s.reason).toMatch(/lacks eligible categories militaryMobility/);
  });

  it('is unknown when none of the eligible parts is given', () => {
    // Prepare / Act
    const s = securityEligibleAmount({ total: 14.5 }, ['cyber']);

    // Assess
    expect(s.value).toBeNull();
    expect(s.reason).toMatch(/breakdown not reported for the eligible categories \(cyber\)/);
  });

  it('is zero when the total is zero, whatever the eligible categories', () => {
    // Prepare / Act
    const s = securityEligibleAmount({ total: 0 }, ['cyber']);

    // Assess
    expect(value(s)).toBe(0);
  });

  it('is unknown when no total and no full breakdown is reported', () => {
    // Prepare / Act
    const s = securityEligibleAmount({ total: null, cyber: 1 }, SECURITY_PARTS);

    // Assess
    expect(s.value).toBeNull();
    expect(s.reason).toMatch(/security-related expenditure not reported/);
  });
});

describe('equipment amount', () => {
  it('is unknown, with a reason, when the breakdown leaves it out', () => {
    // Prepare / Act
    const e = equipmentAmount({ total: 35 });

    // Assess
    expect(e.value).toBeNull();
    expect(e.reason).toMatch(/equipment/);
  });
});
