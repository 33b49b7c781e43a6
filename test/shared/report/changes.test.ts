import { describe, it, expect } from 'vitest';
import type { ComplianceResult } from '../../../shared/model/index.ts';
import { ChangesSchema, computeChanges } from '../../../shared/report/index.ts';
import { allyYear, makeDataset, makeResult } from '../../helpers/dataset.ts';

const release = (number: number) => ({ number, publishedAt: `2026-0${number}-01T00:00:00.000Z`, trigger: 'upload' as const, reportingYear: 2026 });

const withAlly = (result: ComplianceResult, iso3: string, edit: (a: ComplianceResult['allies'][number]) => ComplianceResult['allies'][number]) => ({
  ...result,
  allies: result.allies.map((a) => (a.iso3 === iso3 ? edit(a) : a)),
});

describe('computeChanges', () => {
  it('lists every ally as added for the first release', () => {
    // Prepare / Act
    const changes = computeChanges(null, makeDataset({ release: release(1) }));

    // Assess
    expect(ChangesSchema.safeParse(changes).success).toBe(true);
    expect(changes.previous).toBeNull();
    expect(changes.alliesAdded).toEqual(['ALB', 'DEU', 'ISL', 'USA']);
    expect(changes.summary).toMatchObject({ alliesAdded: 4, figures: 0, total: 4 });
  });

  it('finds nothing between two releases of the same inputs', () => {
    // Prepare / Act
    const changes = computeChanges(makeDataset({ release: release(1) }), makeDataset({ release: release(2) }));

    // Assess
    expect(changes.summary.total).toBe(0);
    expect(changes.previous?.number).toBe(1);
  });

  it('reports a changed figure and the statuses it moved', () => {
    // Prepare: USA 2026 core raised from 1085000 to 1100000 (3.548...%), security 155000 unchanged
    const before = makeDataset({ release: release(1) });
    const result = withAlly(makeResult(), 'USA', (a) => ({
      ...a,
      years: a.years.map((y) =>
        y.year === 2026 ? allyYear({ year: 2026, status: 'estimate', gdp: 31000000, core: 1100000, security: 155000, equipment: 310000, rate: 1 }) : y,
      ),
    }));
    const after = makeDataset({ result, release: release(2) });

    // Act
    const changes = computeChanges(before, after);
    const at = (field: string) => changes.changes.find((c) => c.iso3 === 'USA' && c.year === 2026 && c.field === field);

    // Assess
    expect(at('core.total')).toMatchObject({ kind: 'figure', before: 1085000, after: 1100000 });
    expect(at('corePct')).toMatchObject({ kind: 'figure', before: (100 * 1085000) / 31000000, after: (100 * 1100000) / 31000000 });
    expect(at('securityPct')).toBeUndefined();
    expect(changes.changes.every((c) => c.iso3 === 'USA' && c.year === 2026)).toBe(true);
  });

  it('reports a changed status', () => {
    // Prepare: ALB 2025 core 42000 -> 73500 of GDP 2100000 = 3.5%, so the core track turns met
    const before = makeDataset({ release: release(1) });
    const result = withAlly(makeResult(), 'ALB', (a) => ({
      ...a,
      years: a.years.map((y) =>
        y.year === 2025 ? allyYear({ year: 2025, gdp: 2100000, core: 73500, security: 4200, equipment: 10500, rate: 92.4 }) : y,
      ),
    }));

    // Act
    const changes = computeChanges(before, makeDataset({ result, release: release(2) }));

    // Assess
    expect(changes.changes.find((c) => c.field === 'tracks.core.status')).toMatchObject({
      iso3: 'ALB', year: 2025, kind: 'status', before: 'off_track', after: 'met',
    });
    expect(changes.summary.statuses).toBeGreaterThanOrEqual(1);
  });

  it('reports an added ally, an added year and a removed year', () => {
    // Prepare
    const base = makeResult();
    const before = makeDataset({ result: base, release: release(1) });
    const grown = withAlly(base, 'DEU', (a) => ({
      ...a,
      years: [...a.years.filter((y) => y.year !== 2025), allyYear({ year: 2027, status: 'plan', gdp: 4600000, core: 161000, security: 69000, equipment: 36800, rate: 0.88 })],
    }));
    const after = makeDataset({
      result: {
        ...grown,
        allies: [...grown.allies, { ...grown.allies[0]!, iso3: 'FRA', name: 'France', currency: 'EUR' }],
      },
      release: release(2),
    });

    // Act
    const changes = computeChanges(before, after);

    // Assess
    expect(changes.alliesAdded).toEqual(['FRA']);
    expect(changes.yearsAdded).toEqual([{ iso3: 'DEU', year: 2027 }]);
    expect(changes.yearsRemoved).toEqual([{ iso3: 'DEU', year: 2025 }]);
    expect(changes.summary).toMatchObject({ alliesAdded: 1, yearsAdded: 1, yearsRemoved: 1 });
  });

  it('reports a change of the rules', () => {
    // Prepare
    const before = makeDataset({ release: release(1) });
    const after = makeDataset({ release: release(2), rules: { ...before.rules, planTolerancePct: 0.25 } });

    // Act
    const changes = computeChanges(before, after);

    // Assess
    expect(changes.rulesChanged).toBe(true);
    expect(changes.changes).toContainEqual({ iso3: null, year: null, field: 'planTolerancePct', kind: 'rule', before: 0.1, after: 0.25 });
  });
});
