// Plans against outturn: what earlier accepted submissions planned or estimated for a year,
// beside the latest figure, and the delivery summary over plans made 1 and 2 years ahead.
import { describe, expect, it } from 'vitest';
import { computeCompliance } from '../../../shared/engine/index.ts';
import type { FigureVintage } from '../../../shared/engine/index.ts';
import type { ComplianceResult, FigureStatus, SubmissionRecord } from '../../../shared/model/index.ts';
import { ComplianceResultSchema, HAGUE_2025 } from '../../../shared/model/index.ts';
import { aReference, anAlly } from '../../helpers/engine-records.ts';

type Row = readonly [year: number, status: FigureStatus, core: number, security: number];

interface Submission {
  id: string;
  uploadedAt: string;
  rows: readonly Row[];
}

/** Every figure of every submission, GDP 1000 throughout (so 21.5 is 2.15% of GDP). */
const vintagesOf = (ally: string, submissions: readonly Submission[]): FigureVintage[] =>
  submissions.flatMap((s) =>
    s.rows.map(([year, status, core, security]) => ({
      ally,
      year,
      status,
      gdp: 1000,
      core: { total: core },
      security: { total: security },
      submissionId: s.id,
      file: `${s.id}.xlsx`,
      uploadedAt: s.uploadedAt,
    })),
  );

/** The merge's winners: per year the figure of the latest upload. */
const latestOf = (vintages: readonly FigureVintage[]): SubmissionRecord[] => {
  const winners = new Map<number, FigureVintage>();
  for (const v of [...vintages].sort((a, b) => Date.parse(a.uploadedAt) - Date.parse(b.uploadedAt))) winners.set(v.year, v);
  return [...winners.values()].map((v) => ({
    ally: v.ally,
    year: v.year,
    status: v.status,
    currency: 'EUR',
    gdp: v.gdp,
    core: v.core,
    security: v.security,
    provenance: { submissionId: v.submissionId, file: v.file, uploadedAt: v.uploadedAt },
  }));
};

const compute = (submissions: readonly Submission[]): ComplianceResult => {
  const vintages = vintagesOf('AAA', submissions);
  return computeCompliance(latestOf(vintages), HAGUE_2025, aReference([anAlly('AAA')], { 'EUR:2024': 0.9 }), { vintages });
};

const yearOf = (result: ComplianceResult, year: number) => {
  const y = result.allies[0]?.years.find((r) => r.year === year);
  if (!y) throw new Error(`no ${year}`);
  return y;
};

// Three submissions, one a year. Core and security-related in millions out of a GDP of 1000.
const S1: Submission = {
  id: 'S1',
  uploadedAt: '2024-04-01T09:00:00.000Z',
  rows: [
    [2023, 'actual', 18, 4],
    [2024, 'estimate', 19, 5],
    [2025, 'plan', 22, 6],
    [2026, 'plan', 25, 8],
  ],
};
const S2: Submission = {
  id: 'S2',
  uploadedAt: '2025-04-01T09:00:00.000Z',
  rows: [
    [2024, 'actual', 20, 5],
    [2025, 'estimate', 21, 6],
    [2026, 'plan', 22, 9],
    [2027, 'plan', 28, 10],
  ],
};
const S3: Submission = {
  id: 'S3',
  uploadedAt: '2026-04-01T09:00:00.000Z',
  rows: [
    [2025, 'actual', 21.5, 6],
    [2026, 'estimate', 23, 8],
    [2027, 'plan', 27, 12],
  ],
};

describe('plans against outturn', () => {
  it('lists, for each year, what every earlier submission planned or estimated, and the difference in points', () => {
    // Act
    const result = compute([S3, S1, S2]);

    // Assess. The latest figures: 2023 S1, 2024 S2, 2025–2027 S3.
    expect(ComplianceResultSchema.safeParse(result).success).toBe(true);
    // 2023: S1 is the latest; nothing earlier.
    expect(yearOf(result, 2023).earlierFigures).toEqual([]);
    // 2024 reported by S2 (actual): core 20/1000 = 2.0%, combined 2.0 + 0.5 = 2.5%.
    //   S1's estimate (uploaded 2024, so 0 years ahead): core 1.9, combined 1.9 + 0.5 = 2.4 → +0.1 and +0.1.
    // (S2's own actual is the latest figure, not an earlier one.)
    const y2024 = yearOf(result, 2024);
    expect(y2024.earlierFigures).toHaveLength(1);
    expect(y2024.earlierFigures[0]).toMatchObject({ submissionId: 'S1', file: 'S1.xlsx', uploadedAt: S1.uploadedAt, status: 'estimate', aheadYears: 0 });
    expect(y2024.earlierFigures[0]).toMatchObject({ corePct: 1.9, combinedPct: 2.4 });
    expect(y2024.earlierFigures[0]?.coreDiffPct).toBeCloseTo(0.1, 12);
    expect(y2024.earlierFigures[0]?.combinedDiffPct).toBeCloseTo(0.1, 12);
    // 2025 reported by S3 (actual): core 2.15, combined 2.15 + 0.6 = 2.75.
    //   S1 plan (2025 − 2024 = 1 year ahead): 2.2 and 2.8 → −0.05 and −0.05;
    //   S2 estimate (0 years ahead): 2.1 and 2.7 → +0.05 and +0.05. In upload order.
    expect(yearOf(result, 2025).earlierFigures.map((e) => [e.submissionId, e.status, e.aheadYears, e.corePct, e.combinedPct, e.coreDiffPct, e.combinedDiffPct])).toEqual([
      ['S1', 'plan', 1, 2.2, 2.8, -0.05, -0.05],
      ['S2', 'estimate', 0, 2.1, 2.7, 0.05, 0.05],
    ]);
    // 2026 reported by S3 (estimate): core 2.3, combined 2.3 + 0.8 = 3.1.
    //   S1 plan, 2 years ahead: 2.5 and 3.3 → −0.2 and −0.2;
    //   S2 plan, 1 year ahead: 2.2 and 2.2 + 0.9 = 3.1 → +0.1 and 0.
    const y2026 = yearOf(result, 2026).earlierFigures;
    expect(y2026.map((e) => [e.submissionId, e.aheadYears, e.corePct, e.combinedPct])).toEqual([
      ['S1', 2, 2.5, 3.3],
      ['S2', 1, 2.2, 3.1],
    ]);
    expect(y2026[0]?.coreDiffPct).toBeCloseTo(-0.2, 12);
    expect(y2026[0]?.combinedDiffPct).toBeCloseTo(-0.2, 12);
    expect(y2026[1]?.coreDiffPct).toBeCloseTo(0.1, 12);
    expect(y2026[1]?.combinedDiffPct).toBe(0);
    // 2027 (S3's plan, 2.7 and 2.7 + 1.2 = 3.9) against S2's plan 2 years ahead (2.8 and 3.8): −0.1 and +0.1.
    const y2027 = yearOf(result, 2027).earlierFigures;
    expect(y2027.map((e) => [e.submissionId, e.aheadYears])).toEqual([['S2', 2]]);
    expect(y2027[0]?.coreDiffPct).toBeCloseTo(-0.1, 12);
    expect(y2027[0]?.combinedDiffPct).toBeCloseTo(0.1, 12);
  });

  it('averages how far plans made 1 and 2 years ahead missed an outturn (actual or estimate), signed and absolute', () => {
    // Act
    const { delivery } = compute([S1, S2, S3]).allies[0]!;

    // Assess. Outturns are 2024 (actual), 2025 (actual) and 2026 (estimate); 2027 is a plan, so its
    // comparison is listed but not averaged.
    //   1 year ahead: 2025 from S1 (core −0.05, combined −0.05) and 2026 from S2 (core +0.1, combined 0):
    //     core mean (−0.05 + 0.1)/2 = 0.025, mean |·| (0.05 + 0.1)/2 = 0.075;
    //     combined mean (−0.05 + 0)/2 = −0.025, mean |·| 0.025.
    //   2 years ahead: 2026 from S1 (−0.2, −0.2) only.
    const [one, two] = delivery.leads;
    expect(one).toMatchObject({ aheadYears: 1, core: { comparisons: 2 }, combined: { comparisons: 2 } });
    expect(one?.core.meanDiffPct).toBeCloseTo(0.025, 12);
    expect(one?.core.meanAbsDiffPct).toBeCloseTo(0.075, 12);
    expect(one?.combined.meanDiffPct).toBeCloseTo(-0.025, 12);
    expect(one?.combined.meanAbsDiffPct).toBeCloseTo(0.025, 12);
    expect(two).toMatchObject({ aheadYears: 2, core: { comparisons: 1 }, combined: { comparisons: 1 } });
    expect(two?.core.meanDiffPct).toBeCloseTo(-0.2, 12);
    expect(two?.core.meanAbsDiffPct).toBeCloseTo(0.2, 12);
    expect(delivery.leads).toHaveLength(2);
  });

  it('counts only the last plan of an upload year, so a correction filed the same year is not counted twice', () => {
    // Prepare: S2b, later in 2025 than S2, corrects the 2026 plan to core 23 (2.3%), security 9.
    const S2b: Submission = { id: 'S2b', uploadedAt: '2025-09-15T09:00:00.000Z', rows: [[2026, 'plan', 23, 9]] };

    // Act
    const result = compute([S1, S2, S2b, S3]);

    // Assess: 2026 lists S1, S2 and S2b; only S2b is the last of 2025 and counts:
    // 1 year ahead is then 2025 from S1 (−0.05) and 2026 from S2b (2.3 − 2.3 = 0): mean −0.025, |·| 0.025.
    expect(yearOf(result, 2026).earlierFigures.map((e) => [e.submissionId, e.lastOfUploadYear])).toEqual([
      ['S1', true],
      ['S2', false],
      ['S2b', true],
    ]);
    const one = result.allies[0]?.delivery.leads[0];
    expect(one?.core).toMatchObject({ comparisons: 2 });
    expect(one?.core.meanDiffPct).toBeCloseTo(-0.025, 12);
    expect(one?.core.meanAbsDiffPct).toBeCloseTo(0.025, 12);
  });

  it('leaves earlier actuals out (revisions, not plans) and says why a planned ratio is unknown', () => {
    // Prepare: S0 gave 2024 as an actual; S1 later gave it again. S1's 2026 plan has no security figure.
    const S0: Submission = { id: 'S0', uploadedAt: '2023-05-01T00:00:00.000Z', rows: [[2024, 'actual', 30, 5]] };
    const vintages = vintagesOf('AAA', [S0, S1]).map((v) =>
      v.submissionId === 'S1' && v.year === 2026 ? { ...v, security: { total: null } } : v,
    );
    const withLater = [...vintages, ...vintagesOf('AAA', [{ id: 'S9', uploadedAt: '2027-01-10T00:00:00.000Z', rows: [[2026, 'actual', 24, 8]] }])];

    // Act
    const result = computeCompliance(latestOf(withLater), HAGUE_2025, aReference([anAlly('AAA')], { 'EUR:2024': 0.9 }), { vintages: withLater });

    // Assess: 2024's latest is S1's estimate (uploaded after S0's actual): S0's actual is not listed.
    expect(yearOf(result, 2024).earlierFigures).toEqual([]);
    const [planned] = yearOf(result, 2026).earlierFigures;
    expect(planned).toMatchObject({ submissionId: 'S1', corePct: 2.5, combinedPct: null, combinedDiffPct: null });
    expect(planned?.coreDiffPct).toBeCloseTo(-0.1, 12);
    expect(planned?.reasons).toEqual(['security-related expenditure not reported']);
  });

  it('knows no earlier figures when given only the merged records', () => {
    // Act
    const vintages = vintagesOf('AAA', [S1, S2, S3]);
    const result = computeCompliance(latestOf(vintages), HAGUE_2025, aReference([anAlly('AAA')], { 'EUR:2024': 0.9 }));

    // Assess
    expect(result.allies[0]?.years.every((y) => y.earlierFigures.length === 0)).toBe(true);
    expect(result.allies[0]?.delivery.leads.map((l) => l.core.comparisons)).toEqual([0, 0]);
    expect(result.allies[0]?.delivery.leads[0]?.core).toEqual({ comparisons: 0, meanDiffPct: null, meanAbsDiffPct: null });
  });
});
