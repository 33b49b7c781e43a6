// Submissions for facade and CLI tests: a filled template with consistent figures, and a
// one-call wrapper around ingestSubmission with the fixed clock and ally the tests assume.
import { ingestSubmission } from '../../../../shared/ingest/index.ts';
import type { IngestInput, IngestOutcome } from '../../../../shared/ingest/index.ts';
import { HAGUE_2025 } from '../../../../shared/model/index.ts';
import { buildTemplate } from '../../../../shared/template/index.ts';
import { fillTemplate } from '../../../helpers/workbooks.ts';
import type { TemplateValues } from '../../../helpers/workbooks.ts';

/** The template puts its header on row 5 and `from` on row 6: year y sits on row 6 + (y - from). */
const TEMPLATE_FROM = 2024;
const templateRow = (year: number): number => 6 + (year - TEMPLATE_FROM);

/** One year whose breakdowns add up exactly, GDP growing 50 000 (under 2%) a year. */
const consistentYear = (year: number, status: 'actual' | 'estimate' | 'plan'): TemplateValues => ({
  status,
  gdp: 2_900_000 + (year - TEMPLATE_FROM) * 50_000,
  'core.total': 60_000,
  'core.personnel': 25_000,
  'core.equipment': 15_000,
  'core.infrastructure': 5_000,
  'core.operations': 12_000,
  'core.other': 3_000,
  'security.total': 10_000,
  'security.criticalInfrastructure': 4_000,
  'security.cyber': 2_000,
  'security.civilPreparedness': 1_000,
  'security.innovation': 1_000,
  'security.industrialBase': 1_000,
  'security.militaryMobility': 1_000,
  'security.other': 0,
});

/** 2024-2025 actuals, the 2026 estimate and a 2027 plan: right for an upload in November 2026. */
const consistentYears = (): Record<number, TemplateValues> => ({
  2024: consistentYear(2024, 'actual'),
  2025: consistentYear(2025, 'actual'),
  2026: consistentYear(2026, 'estimate'),
  2027: consistentYear(2027, 'plan'),
});

/** The ally's template for 2024-2027, filled with `values` (consistent years by default). */
const filledTemplate = async (ally = 'FRA', values: Record<number, TemplateValues> = consistentYears()): Promise<Buffer> =>
  fillTemplate(await buildTemplate({ ally, from: TEMPLATE_FROM, to: 2027, lang: 'en' }), values);

const NOW = new Date('2026-11-27T03:15:00Z');

/** ingestSubmission filed under France, checked on 27 November 2026 under the default rules. */
const ingest = (bytes: Buffer, fileName: string, overrides: Partial<IngestInput> = {}): Promise<IngestOutcome> =>
  ingestSubmission({
    bytes,
    fileName,
    expectedAlly: 'FRA',
    submissionId: '20261127T030000000Z-0123456789ab',
    uploadedAt: '2026-11-27T03:00:00.000Z',
    rules: HAGUE_2025,
    now: NOW,
    ...overrides,
  });

export { TEMPLATE_FROM, templateRow, consistentYear, consistentYears, filledTemplate, ingest, NOW };
