import { describe, it, expect } from 'vitest';
import { readSubmission } from '../../../../shared/ingest/read/index.ts';
import { DEFAULT_LIMITS } from '../../../../shared/ingest/limits.ts';
import { buildTemplate } from '../../../../shared/template/index.ts';
import { fillTemplate } from '../../../helpers/workbooks.ts';

const read = (bytes: Buffer) => readSubmission(bytes, 'submission.xlsx', { limits: DEFAULT_LIMITS });

describe('reading the submission template', () => {
  it('reads an English template filled in by hand back to the exact values, with no findings', async () => {
    // Prepare
    const template = await buildTemplate({ ally: 'BEL', from: 2023, to: 2027, lang: 'en' });
    const filled = await fillTemplate(template, {
      2024: {
        status: 'actual',
        gdp: 614_237.5,
        'core.total': 8_121.3,
        'core.personnel': 3_900.1,
        'core.equipment': 1_700.2,
        'core.infrastructure': 300,
        'core.operations': 2_000,
        'core.other': 221,
        'security.total': 410.5,
        'security.criticalInfrastructure': 100,
        'security.cyber': 60.5,
        'security.civilPreparedness': 50,
        'security.innovation': 40,
        'security.industrialBase': 30,
        'security.militaryMobility': 120,
        'security.other': 10,
        notes: 'Outturn from the 2024 accounts',
      },
      2026: { status: 'plan', gdp: 650_000, 'core.total': 16_250 },
    });

    // Act
    const result = await read(filled);

    // Assess
    expect(result.findings).toEqual([]);
    expect(result.layout).toBe('template');
    expect(result.ally).toBe('BEL');
    expect(result.drafts).toEqual([
      {
        ally: 'BEL',
        year: 2024,
        status: 'actual',
        currency: 'EUR',
        sourceCurrency: 'EUR',
        gdp: 614_237.5,
        core: { total: 8_121.3, personnel: 3_900.1, equipment: 1_700.2, infrastructure: 300, operations: 2_000, other: 221 },
        security: {
          total: 410.5,
          criticalInfrastructure: 100,
          cyber: 60.5,
          civilPreparedness: 50,
          innovation: 40,
          industrialBase: 30,
          militaryMobility: 120,
          other: 10,
        },
        notes: 'Outturn from the 2024 accounts',
        sheet: 'Data',
        cells: {
          year: 'A7',
          status: 'B7',
          currency: 'C7',
          gdp: 'D7',
          'core.total': 'E7',
          'core.personnel': 'F7',
          'core.equipment': 'G7',
          'core.infrastructure': 'H7',
          'core.operations': 'I7',
          'core.other': 'J7',
          'security.total': 'K7',
          'security.criticalInfrastructure': 'L7',
          'security.cyber': 'M7',
          'security.civilPreparedness': 'N7',
          'security.innovation': 'O7',
          'security.industrialBase': 'P7',
          'security.militaryMobility': 'Q7',
          'security.other': 'R7',
          notes: 'S7',
        },
      },
      expect.objectContaining({ year: 2026, status: 'plan', gdp: 650_000, core: { total: 16_250 }, security: { total: null } }),
    ]);
  });

  it('reads a French template with its French status words', async () => {
    // Prepare
    const template = await buildTemplate({ ally: 'FRA', from: 2024, to: 2026, lang: 'fr' });
    const filled = await fillTemplate(template, {
      2024: { status: 'réalisé', gdp: 2_900_000, 'core.total': 59_000 },
      2025: { status: 'estimé', gdp: 2_950_000, 'core.total': 61_000 },
      2026: { status: 'prévu', gdp: 3_000_000, 'core.total': 65_000, 'security.militaryMobility': 250 },
    });

    // Act
    const result = await read(filled);

    // Assess
    expect(result.findings).toEqual([]);
    expect(result.drafts.map((d) => [d.sheet, d.year, d.status, d.currency, d.gdp, d.core.total, d.security.militaryMobility])).toEqual([
      ['Données', 2024, 'actual', 'EUR', 2_900_000, 59_000, undefined],
      ['Données', 2025, 'estimate', 'EUR', 2_950_000, 61_000, undefined],
      ['Données', 2026, 'plan', 'EUR', 3_000_000, 65_000, 250],
    ]);
  });

  it('leaves out the years nobody filled in, and never reads the computed columns', async () => {
    // Prepare
    const template = await buildTemplate({ ally: 'CAN', from: 2020, to: 2030, lang: 'en' });
    const filled = await fillTemplate(template, { 2025: { gdp: 3_000_000, 'core.personnel': 10_000, 'core.equipment': 5_000 } });

    // Act
    const result = await read(filled);

    // Assess
    expect(result.drafts).toHaveLength(1);
    expect(result.drafts[0]).toMatchObject({ year: 2025, status: null, currency: 'CAD', core: { total: null, personnel: 10_000, equipment: 5_000 } });
  });

  it('converts the leva years of a Bulgarian template into euros at the irrevocable rate', async () => {
    // Prepare
    const template = await buildTemplate({ ally: 'BGR', from: 2024, to: 2027, lang: 'en' });
    const filled = await fillTemplate(template, {
      2025: { status: 'estimate', gdp: 200_000, 'core.total': 4_000, 'security.cyber': 39.1166 },
      2026: { status: 'plan', gdp: 110_000, 'core.total': 2_500 },
    });

    // Act
    const result = await read(filled);

    // Assess
    expect(result.findings).toEqual([]);
    expect(result.drafts.map((d) => [d.year, d.currency, d.sourceCurrency, d.gdp, d.core.total, d.security.cyber])).toEqual([
      [2025, 'EUR', 'BGN', 200_000 / 1.95583, 4_000 / 1.95583, 39.1166 / 1.95583],
      [2026, 'EUR', 'EUR', 110_000, 2_500, undefined],
    ]);
  });
});
