import { describe, expect, expectTypeOf, it } from 'vitest';
import { CoreSchema, SecuritySchema, SubmissionRecordSchema } from '../../../shared/model/index.ts';
import type { Core, Security, SubmissionRecord } from '../../../shared/model/index.ts';
import { CORE_PARTS, FIELD_PATHS, SECURITY_PARTS } from '../../../shared/submission/index.ts';

describe('the record schema, derived from the field table', () => {
  it('has the table fields in the table order, each breakdown in place of its first field', () => {
    // Act
    const keys = Object.keys(SubmissionRecordSchema.shape);
    // Assess
    expect(keys).toEqual(['ally', 'year', 'status', 'currency', 'gdp', 'core', 'security', 'notes', 'illustrative', 'provenance']);
    expect(Object.keys(CoreSchema.shape)).toEqual(['total', ...CORE_PARTS]);
    expect(Object.keys(SecuritySchema.shape)).toEqual(['total', ...SECURITY_PARTS]);
    expect(FIELD_PATHS.filter((p) => p.includes('.'))).toEqual([
      ...['total', ...CORE_PARTS].map((p) => `core.${p}`),
      ...['total', ...SECURITY_PARTS].map((p) => `security.${p}`),
    ]);
  });

  it('lists the parts of each breakdown in the order NATO tabulates them', () => {
    // Act / Assess
    expect(CORE_PARTS).toEqual(['personnel', 'equipment', 'infrastructure', 'operations', 'other']);
    expect(SECURITY_PARTS).toEqual(['criticalInfrastructure', 'cyber', 'civilPreparedness', 'innovation', 'industrialBase', 'militaryMobility', 'other']);
  });

  it('keeps totals and GDP as null when not given, and leaves parts, notes and the flag out', () => {
    // Prepare
    const record = {
      ally: 'FRA',
      year: 2024,
      status: 'actual',
      currency: 'EUR',
      gdp: null,
      core: { total: null },
      security: { total: 1.5, cyber: 1.5 },
      provenance: { submissionId: 's', file: 'f.xlsx', uploadedAt: '2025-01-01T00:00:00.000Z' },
    };
    // Act
    const results = [
      SubmissionRecordSchema.safeParse(record).success,
      SubmissionRecordSchema.safeParse({ ...record, gdp: undefined }).success,
      SubmissionRecordSchema.safeParse({ ...record, core: { total: null, personnel: null } }).success,
      SubmissionRecordSchema.safeParse({ ...record, core: { total: null, drones: 1 } }).success,
      SubmissionRecordSchema.safeParse({ ...record, core: { total: -1 } }).success,
    ];
    // Assess
    expect(results).toEqual([true, false, false, false, false]);
  });

  it('types the record as the shape the engine and reports read', () => {
    // Assess
    expectTypeOf<Core>().toEqualTypeOf<{
      total: number | null;
      personnel?: number | undefined;
      equipment?: number | undefined;
      infrastructure?: number | undefined;
      operations?: number | undefined;
      other?: number | undefined;
    }>();
    expectTypeOf<Security['militaryMobility']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<SubmissionRecord['gdp']>().toEqualTypeOf<number | null>();
    expectTypeOf<SubmissionRecord['status']>().toEqualTypeOf<'actual' | 'estimate' | 'plan'>();
    expectTypeOf<SubmissionRecord['notes']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<SubmissionRecord['illustrative']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<SubmissionRecord['year']>().toEqualTypeOf<number>();
  });
});
