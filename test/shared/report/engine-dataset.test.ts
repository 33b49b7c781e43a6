// The renderers on a real engine result: all 32 allies from the shipped reference, the shipped
// exchange-rate table, a few allies reporting. Guards against the engine and the published
// schema drifting apart.
import { describe, it, expect } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { computeCompliance } from '../../../shared/engine/index.ts';
import { HAGUE_2025 } from '../../../shared/model/index.ts';
import { ALLIES, loadFxTable, rateYears, usdRate } from '../../../shared/reference/index.ts';
import { AllyFileSchema, ComplianceDatasetSchema, allyOfPath, buildDataset, renderRelease, renderSchema } from '../../../shared/report/index.ts';
import { aRecord } from '../../helpers/engine-records.ts';

const fx = loadFxTable();

const engineDataset = () => {
  const records = [
    aRecord({ ally: 'DEU', year: 2025, currency: 'EUR', gdp: 4300000, core: { total: 103200, equipment: 25000 }, security: { total: 21500 } }),
    aRecord({ ally: 'DEU', year: 2026, currency: 'EUR', gdp: 4400000, core: { total: 132000, equipment: 30000 }, security: { total: 44000 } }),
    aRecord({ ally: 'POL', year: 2025, currency: 'PLN', gdp: 3900000, core: { total: 175500, equipment: 70000 }, security: { total: 7800 } }),
    aRecord({ ally: 'USA', year: 2025, currency: 'USD', gdp: 30000000, core: { total: 1020000, equipment: 300000 }, security: { total: 30000 } }),
  ];
  const result = computeCompliance(records, HAGUE_2025, { allies: ALLIES, usdRate: (c, y) => usdRate(fx, c, y), rateYears: rateYears(fx) });
  return buildDataset({
    result,
    rules: HAGUE_2025,
    release: { number: 1, publishedAt: '2026-07-01T00:00:00.000Z', trigger: 'cli', reportingYear: 2025 },
    fxSource: fx.source,
  });
};

describe('the release renderers on an engine result', () => {
  it('builds a dataset of all 32 allies that matches both the zod schema and schema.json', () => {
    // Prepare
    const dataset = engineDataset();
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(renderSchema().toString('utf8')) as Record<string, unknown>);

    // Act
    const ok = validate(JSON.parse(JSON.stringify(dataset)));

    // Assess: POL 2025 core 175500 of GDP 3900000 = 4.5%
    expect(dataset.allies).toHaveLength(32);
    expect(ComplianceDatasetSchema.safeParse(dataset).success).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(dataset.allies.find((a) => a.iso3 === 'POL')?.years[0]?.corePct).toBeCloseTo(4.5, 12);
    expect(dataset.allies.find((a) => a.iso3 === 'ISL')?.noArmedForces).toBe(true);
  });

  it('renders every file, one per ally among them', async () => {
    // Prepare
    const dataset = engineDataset();

    // Act
    const files = await renderRelease({ dataset, previous: null, history: [] });
    const allyFiles = files.filter((f) => allyOfPath(f.path) !== null);

    // Assess
    expect(allyFiles).toHaveLength(32);
    for (const f of allyFiles) expect(AllyFileSchema.safeParse(JSON.parse(f.body.toString('utf8'))).success).toBe(true);
  });
});
