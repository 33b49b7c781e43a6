import { describe, expect, it } from 'vitest';
import { findingOf } from '../../../shared/findings/index.ts';
import type { FindingCode } from '../../../shared/findings/index.ts';
import { buildReceipt, receiptStatusOf, recordsOf, sortFindings, submissionIdFor } from '../../../shared/ingest/receipt.ts';
import { IngestInputError } from '../../../shared/ingest/errors.ts';
import { draftOf } from './helpers/drafts.ts';

// A code of each severity, and a few errors to sort.
const finding = (code: FindingCode, sheet: string | null = null, cell: string | null = null) => findingOf(code, { sheet, cell });
const WARNING = 'gdp-jump';
const INFO = 'ally-missing';

describe('submissionIdFor', () => {
  it('gives the same id for the same object version, however often it is delivered', () => {
    const object = { key: 'submissions/FRA/a b.xlsx', versionId: 'v1', etag: '"abc"', uploadedAt: '2026-11-27T03:15:00.123Z' };
    expect(submissionIdFor(object)).toBe(submissionIdFor({ ...object, etag: 'abc' }));
  });

  it('starts with the compact upload time, so ids sort by upload', () => {
    // Prepare
    const early = submissionIdFor({ key: 'k', uploadedAt: '2026-11-27T03:15:00.123Z' });
    const late = submissionIdFor({ key: 'k', uploadedAt: '2026-11-27T03:15:01Z' });
    // Assess
    expect(early).toMatch(/^20261127T031500123Z-[0-9a-f]{12}$/);
    expect(late.startsWith('20261127T031501000Z-')).toBe(true);
    expect([late, early].sort()).toEqual([early, late]);
  });

  it('differs between versions of the same key', () => {
    const a = submissionIdFor({ key: 'k', versionId: 'v1', uploadedAt: '2026-11-27T03:15:00Z' });
    const b = submissionIdFor({ key: 'k', versionId: 'v2', uploadedAt: '2026-11-27T03:15:00Z' });
    expect(a).not.toBe(b);
  });

  it('refuses an upload time that is not a date', () => {
    expect(() => submissionIdFor({ key: 'k', uploadedAt: 'yesterday' })).toThrow(IngestInputError);
  });
});

describe('receiptStatusOf', () => {
  it.each([
    [[finding('no-years'), finding(WARNING)], 'rejected'],
    [[finding(WARNING), finding(INFO)], 'accepted_with_warnings'],
    [[finding(INFO)], 'accepted'],
    [[], 'accepted'],
  ] as const)('judges %j as %s', (findings, status) => {
    expect(receiptStatusOf([...findings])).toBe(status);
  });
});

describe('sortFindings', () => {
  it('puts errors first, then orders by sheet, row and column', () => {
    const sorted = sortFindings([
      finding(WARNING),
      finding('not-a-number', 'Data', 'C9'),
      finding('unknown-flag', 'Data', 'B10'),
      finding('empty-file'),
      finding('negative-value', 'Data', 'A9'),
    ]);
    expect(sorted.map((f) => f.code)).toEqual(['empty-file', 'negative-value', 'not-a-number', 'unknown-flag', WARNING]);
  });
});

describe('buildReceipt', () => {
  const base = {
    submissionId: 's-1',
    fileName: 'france.xlsx',
    uploadedAt: '2026-11-27T03:00:00.000Z',
    checkedAt: '2026-11-27T03:15:00.000Z',
    ally: 'FRA',
    years: [2025, 2024, 2025],
  };
  const { records } = recordsOf([draftOf({ year: 2024 })], { submissionId: 's-1', fileName: 'france.xlsx', uploadedAt: base.uploadedAt, ally: 'FRA', currentYear: 2026, currencyOf: () => 'EUR' });

  it('drops the records of a rejected upload', () => {
    const receipt = buildReceipt({ ...base, findings: [finding('no-years')], records });
    expect([receipt.status, receipt.records, receipt.years, receipt.counts]).toEqual(['rejected', [], [2024, 2025], { errors: 1, warnings: 0, infos: 0 }]);
  });

  it('keeps the records of an accepted upload and counts each sheet', () => {
    const receipt = buildReceipt({ ...base, findings: [finding(WARNING), finding(INFO)], records });
    expect(receipt.records).toHaveLength(1);
    expect(receipt.sheets).toEqual([{ sheet: null, counts: { errors: 0, warnings: 1, infos: 1 } }]);
  });
});

describe('recordsOf', () => {
  it('fills a missing status with its default and qualifies every cell with its sheet', () => {
    // Act
    const { records, findings } = recordsOf([draftOf({ year: 2026, status: null, ally: null, currency: null })], {
      submissionId: 's-1',
      fileName: 'france.xlsx',
      uploadedAt: '2026-11-27T03:00:00.000Z',
      ally: 'FRA',
      currentYear: 2026,
      currencyOf: () => 'EUR',
    });
    // Assess
    expect(findings).toEqual([]);
    expect(records[0]).toMatchObject({ ally: 'FRA', year: 2026, status: 'estimate', currency: 'EUR' });
    expect(records[0]?.provenance.cells).toMatchObject({ year: 'Data!A7', gdp: 'Data!D7' });
  });

  it('reports a draft that cannot become a record as a finding at its cell', () => {
    const { records, findings } = recordsOf([draftOf({ gdp: -1 })], {
      submissionId: 's-1',
      fileName: 'f.xlsx',
      uploadedAt: '2026-11-27T03:00:00.000Z',
      ally: 'FRA',
      currentYear: 2026,
      currencyOf: () => 'EUR',
    });
    expect(records).toEqual([]);
    expect(findings.map((f) => [f.code, f.sheet, f.cell, f.field])).toEqual([['invalid-record', 'Data', 'D5', 'gdp']]);
  });
});
