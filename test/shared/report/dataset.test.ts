import { describe, it, expect } from 'vitest';
import { HAGUE_2025 } from '../../../shared/model/index.ts';
import { ComplianceDatasetSchema, DatasetInvalidError, buildDataset } from '../../../shared/report/index.ts';
import { makeDataset, makeResult } from '../../helpers/dataset.ts';

describe('buildDataset', () => {
  it('produces a dataset that validates against its zod schema', () => {
    // Prepare / Act
    const dataset = makeDataset();

    // Assess
    expect(ComplianceDatasetSchema.safeParse(dataset).success).toBe(true);
    expect(dataset.schemaVersion).toBe(3);
    expect(dataset.release).toMatchObject({ number: 3, trigger: 'upload', rulesId: 'hague-2025', reportingYear: 2026 });
    expect(dataset.release.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('sorts allies by ISO3 and years ascending whatever order the result lists them in', () => {
    // Prepare / Act
    const dataset = makeDataset();

    // Assess
    expect(dataset.allies.map((a) => a.iso3)).toEqual(['ALB', 'DEU', 'ISL', 'USA']);
    expect(dataset.allies[0]?.years.map((y) => y.year)).toEqual([2024, 2025, 2026]);
    expect(dataset.alliance.years.map((y) => y.year)).toEqual([2024, 2025, 2026]);
  });

  it('keeps percentages at full precision', () => {
    // Prepare
    const dataset = makeDataset();

    // Act
    const alb2026 = dataset.allies[0]?.years[2];

    // Assess: 50600 / 2200000 = 2.3% exactly; 8800 / 2200000 = 0.4%; DEU 2026 core 157500/4500000 = 3.5%
    expect(alb2026?.corePct).toBeCloseTo(2.3, 12);
    expect(dataset.allies[1]?.years[0]?.corePct).toBe((100 * 107777.7) / 4400000);
  });

  it('names the illustrative figures, the FX source and the ally without armed forces in its notes', () => {
    // Prepare / Act
    const dataset = makeDataset({ fxSource: 'Test FX table, 2026' });
    const byCode = new Map(dataset.notes.map((n) => [n.code, n.text]));

    // Assess
    expect(byCode.get('illustrative')).toContain('Albania (ALB) 2026');
    expect(byCode.get('fx-source')).toContain('Test FX table, 2026');
    expect(byCode.get('ally-isl')).toContain('Iceland');
    expect(byCode.get('security-cap')).toContain(`${HAGUE_2025.tracks.security.cap}%`);
  });

  it('refuses an engine result that breaks the schema, naming the path', () => {
    // Prepare
    const result = makeResult();
    const broken = { ...result, allies: [{ ...result.allies[0]!, iso3: 'usa' }] };

    // Act
    const act = () =>
      buildDataset({
        result: broken,
        rules: HAGUE_2025,
        release: { number: 1, publishedAt: '2026-06-01T12:00:00.000Z', trigger: 'cli', reportingYear: 2026 },
        fxSource: 'x',
      });

    // Assess
    expect(act).toThrow(DatasetInvalidError);
    expect(act).toThrow(/allies\.0\.iso3/);
  });
});
