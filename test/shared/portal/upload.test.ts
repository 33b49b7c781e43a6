// What an upload may be: a safe name, under the caller's ally, of one signed size within the limit.
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../../shared/ingest/limits.ts';
import { safeFileName, uploadKeyFor, uploadTerms } from '../../../shared/portal/index.ts';

describe('safeFileName', () => {
  it.each([
    ['estonia.xlsx', 'estonia.xlsx'],
    ['Ūkio biudžetas 2026.XLSX', 'Ukio-biudzetas-2026.XLSX'],
    ['../../POL/evil.xlsx', 'evil.xlsx'],
    ['C:\\Users\\me\\Desktop\\est.csv', 'est.csv'],
    ['.hidden.csv', 'hidden.csv'],
    ['line\nbreak\u0000.xlsx', 'line-break.xlsx'],
    ['ÉTAT; "final" (v2).xlsx', 'ETAT-final-v2.xlsx'],
    ['.xlsx', 'upload.xlsx'],
    ['README', 'README'],
    ['日本.xlsx', 'upload.xlsx'],
  ])('%j → %j', (name, safe) => {
    expect(safeFileName(name)).toBe(safe);
  });

  it('keeps the suffix of a long name within 100 characters', () => {
    const safe = safeFileName(`${'a'.repeat(300)}.xlsx`);
    expect([safe.length, safe.endsWith('.xlsx')]).toEqual([100, true]);
  });
});

describe('uploadKeyFor', () => {
  it('puts every name, however it climbs, under the given ally', () => {
    expect(uploadKeyFor('EST', 'ID', '../POL/x.xlsx')).toBe('submissions/EST/ID-x.xlsx');
    expect(uploadKeyFor('EST', 'ID', 'submissions/POL/x.csv')).toBe('submissions/EST/ID-x.csv');
  });
});

describe('uploadTerms', () => {
  const max = DEFAULT_LIMITS.maxBytes;

  it('signs the declared size exactly, up to and including the ingest limit', () => {
    expect(uploadTerms({ fileName: 'a.xlsx', size: max }, max)).toEqual({
      ok: true,
      terms: { fileName: 'a.xlsx', size: max, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    });
    expect(uploadTerms({ fileName: 'a.xlsx', size: max + 1 }, max)).toMatchObject({ ok: false, refusal: { code: 'too-large' } });
    expect(uploadTerms({ fileName: 'a.xlsx', size: 0 }, max)).toMatchObject({ ok: false, refusal: { code: 'empty-file' } });
  });

  it('names both sizes in a too-large refusal', () => {
    const outcome = uploadTerms({ fileName: 'a.xlsx', size: 11 * 1024 * 1024 }, max);
    expect(!outcome.ok && outcome.refusal.message).toBe('"a.xlsx" is 11.0 MB, more than the 10.0 MB an upload may be.');
  });

  it('takes .xlsx and .csv in any letter case, signed with their own type', () => {
    expect(uploadTerms({ fileName: 'A.CSV', size: 10, contentType: 'application/vnd.ms-excel' }, max)).toMatchObject({ ok: true, terms: { contentType: 'text/csv' } });
    expect(uploadTerms({ fileName: 'a.csv', size: 10, contentType: '' }, max)).toMatchObject({ ok: true, terms: { contentType: 'text/csv' } });
  });

  it('refuses other suffixes, and a type that contradicts the suffix', () => {
    for (const fileName of ['a.xls', 'a.xlsm', 'a.ods', 'a.pdf', 'noext']) {
      expect(uploadTerms({ fileName, size: 10 }, max)).toMatchObject({ ok: false, refusal: { code: 'unsupported-type' } });
    }
    expect(uploadTerms({ fileName: 'a.xlsx', size: 10, contentType: 'text/html' }, max)).toMatchObject({ ok: false, refusal: { code: 'unsupported-type' } });
  });
});
