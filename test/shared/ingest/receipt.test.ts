import { describe, expect, it } from 'vitest';
import { findingOf } from '../../../shared/ingest/messages.ts';
import { buildReceipt, receiptStatusOf, recordsOf, sortFindings, submissionIdFor } from '../../../shared/ingest/receipt.ts';
import { IngestInputError } from '../../../shared/ingest/errors.ts';
import { draftOf } from './helpers/drafts.ts';

const error = (code: string, sheet: string | null = null, cell: string | null = null) => findingOf({ severity: 'error', code, sheet, cell });
const warning = (code: string) => findingOf({ severity: 'warning', code });
const info = (code: string) => findingOf({ severity: 'info', code });

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
    [[error('a'), warning('b')], 'rejected'],
    [[warning('b'), info('c')], 'accepted_with_warnings'],
    [[info('c')], 'accepted'],
    [[], 'accepted'],
  ] as const)('judges %j as %s', (findings, status) => {
    expect(receiptStatusOf([...findings])).toBe(status);
  });
});

describe('sortFindings', () => {
  it('puts errors first, then orders by sheet, row and column', () => {
    const sorted = sortFindings([warning('w'), error('b', 'Data', 'C9'), error('a', 'Data', 'B10'), error('f'), error('c', 'Data', 'A9')]);
    expect(sorted.map((f) => f.code)).toEqual(['f', 'c', 'b', 'a', 'w']);
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
    const receipt = buildReceipt({ ...base, findings: [error('no-years')], records });
    expect([receipt.status, receipt.records, receipt.years, receipt.counts]).toEqual(['rejected', [], [2024, 2025], { errors: 1, warnings: 0, infos: 0 }]);
  });

  it('keeps the records of an accepted upload and counts each sheet', () => {
    const receipt = buildReceipt({ ...base, findings: [warning('w'), info('i')], records });
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
