import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeSubmissions } from '../../../shared/pipeline/index.ts';
import { makeStoredSubmission } from '../../helpers/stored-submissions.ts';

describe('mergeSubmissions', () => {
  const older = makeStoredSubmission({
    ally: 'POL',
    submissionId: 'b-older',
    uploadedAt: '2026-03-01T10:00:00Z',
    records: [
      { year: 2024, core: 1_000 },
      { year: 2025, core: 1_100 },
    ],
  });
  const newer = makeStoredSubmission({
    ally: 'POL',
    submissionId: 'a-newer',
    uploadedAt: '2026-03-02T09:00:00.000Z',
    records: [{ year: 2025, core: 1_500 }],
  });

  it('takes each year from the most recently uploaded submission that has it, whatever the order given', () => {
    // Act
    const forward = mergeSubmissions([older, newer]);
    const backward = mergeSubmissions([newer, older]);
    // Assess
    const expected = [
      { year: 2024, core: 1_000, from: 'b-older' },
      { year: 2025, core: 1_500, from: 'a-newer' },
    ];
    for (const merged of [forward, backward]) {
      expect(merged.map((r) => ({ year: r.year, core: r.core.total, from: r.provenance.submissionId }))).toEqual(expected);
    }
  });

  it('breaks a tie in upload time by submission id, so the result is stable', () => {
    // Prepare
    const x = makeStoredSubmission({ ally: 'EST', submissionId: 'x', uploadedAt: '2026-01-01T00:00:00Z', records: [{ year: 2025, core: 1 }] });
    const y = makeStoredSubmission({ ally: 'EST', submissionId: 'y', uploadedAt: '2026-01-01T00:00:00.000Z', records: [{ year: 2025, core: 2 }] });
    // Act, Assess
    expect(mergeSubmissions([y, x]).map((r) => r.core.total)).toEqual([2]);
    expect(mergeSubmissions([x, y]).map((r) => r.core.total)).toEqual([2]);
  });

  it('keeps allies apart and sorts by ally then year', () => {
    const fra = makeStoredSubmission({ ally: 'FRA', submissionId: 'f', uploadedAt: '2026-05-01T00:00:00Z', records: [{ year: 2025 }, { year: 2023 }] });
    expect(mergeSubmissions([older, fra]).map((r) => `${r.ally}${r.year}`)).toEqual(['FRA2023', 'FRA2025', 'POL2024', 'POL2025']);
  });

  it('drops records naming an ally other than the one the submission is filed under', () => {
    // Prepare
    const intruder = makeStoredSubmission({ ally: 'DEU', submissionId: 'd', uploadedAt: '2026-06-01T00:00:00Z', records: [{ year: 2025 }] });
    const first = intruder.records[0];
    if (!first) throw new Error('factory gave no record');
    intruder.records = [{ ...first, ally: 'POL' }];
    // Act, Assess
    expect(mergeSubmissions([older, intruder]).map((r) => `${r.ally}${r.year}:${r.core.total}`)).toEqual(['POL2024:1000', 'POL2025:1100']);
  });

  it('gives the same result whatever order the submissions are processed in', () => {
    // Prepare: submissions of two allies over three years at a handful of upload times.
    const submission = fc.record({
      ally: fc.constantFrom('POL', 'EST'),
      id: fc.constantFrom('s1', 's2', 's3', 's4'),
      day: fc.integer({ min: 1, max: 3 }),
      years: fc.subarray([2024, 2025, 2026], { minLength: 1 }),
      core: fc.integer({ min: 0, max: 1_000 }),
    });
    const batch = fc.uniqueArray(submission, { selector: (s) => `${s.ally}${s.id}`, minLength: 1, maxLength: 8 });
    const inTwoOrders = batch.chain((specs) => fc.tuple(fc.constant(specs), fc.shuffledSubarray(specs, { minLength: specs.length })));
    const stored = (specs: readonly { ally: string; id: string; day: number; years: number[]; core: number }[]) =>
      specs.map((s) =>
        makeStoredSubmission({
          ally: s.ally,
          submissionId: `${s.ally}-${s.id}`,
          uploadedAt: `2026-03-0${s.day}T00:00:00Z`,
          records: s.years.map((year) => ({ year, core: s.core })),
        }),
      );
    // Act, Assess
    fc.assert(
      fc.property(inTwoOrders, ([specs, shuffled]) => {
        expect(mergeSubmissions(stored(shuffled))).toEqual(mergeSubmissions(stored(specs)));
      }),
      { numRuns: 200 },
    );
  });
});

