import { describe, it, expect } from 'vitest';
import iconv from 'iconv-lite';
import { readSubmission } from '../../../../shared/ingest/read/index.ts';
import { DEFAULT_LIMITS } from '../../../../shared/ingest/limits.ts';
import { guardUpload } from '../../../../shared/ingest/index.ts';
import { convertWithSoffice } from '../../../helpers/soffice.ts';
import { csvOf, workbookOf } from '../../../helpers/workbooks.ts';
import { ingest } from '../helpers/submissions.ts';

const read = (bytes: Buffer, fileName = 'retour.csv') => readSubmission(bytes, fileName, { limits: DEFAULT_LIMITS, expectedAlly: 'FRA' });

/** A French return whose labels hold what single-byte code pages write differently: é, ’, —, « ». */
const FRENCH_RETURN = [
  ['Pays : France'],
  ['Montants en millions d’euros — données « réalisées »'],
  [],
  ['Année', 'PIB', 'Dépenses de défense', 'dont équipements majeurs (y compris R&D)'],
  [2023, 2_800_000.5, 56_000.25, 14_000],
  [2024, 2_900_000, 59_000, 15_000],
];

const FIGURES = [
  [2023, 2_800_000.5, 56_000.25, 14_000],
  [2024, 2_900_000, 59_000, 15_000],
];

const figures = (r: Awaited<ReturnType<typeof read>>) => r.drafts.map((d) => [d.year, d.gdp, d.core.total, d.core.equipment]);
const decodedAs = (r: Awaited<ReturnType<typeof read>>) => r.findings.filter((f) => f.code === 'csv-decoded').map((f) => [f.severity, f.params?.encoding]);

/** The return saved by LibreOffice as CSV with the given filter options (separator, quote, character set). */
const savedAsCsv = async (options: string): Promise<Buffer> =>
  convertWithSoffice(await workbookOf([{ name: 'Données', rows: FRENCH_RETURN }]), 'retour.xlsx', `csv:Text - txt - csv (StarCalc):${options}`);

describe('CSV files in the encodings spreadsheet programs write', () => {
  it('reads Windows-1252, what Excel\'s plain "CSV" writes on Windows, and says so', async () => {
    // Prepare: character set 1 is LibreOffice's Windows-1252 (’ is the byte 0x92, — 0x97).
    const bytes = await savedAsCsv('59,34,1');
    expect(bytes.includes(0x92) && bytes.includes(0x97) && bytes.includes(0xe9)).toBe(true);

    // Act
    const result = await read(bytes);

    // Assess
    expect(result.ally).toBe('FRA');
    expect(figures(result)).toEqual(FIGURES);
    expect(decodedAs(result)).toEqual([['info', 'windows-1252']]);
    expect(result.findings.filter((f) => f.code !== 'csv-decoded')).toEqual([]);
  });

  it('reads ISO-8859-1 and says so', async () => {
    // Prepare: character set 12 is LibreOffice's ISO-8859-1 (no bytes 0x80-0x9F: ’ and — become ' and -).
    const bytes = await savedAsCsv('59,34,12');
    expect(bytes.some((b) => b >= 0x80 && b <= 0x9f)).toBe(false);
    expect(bytes.includes(0xe9)).toBe(true);

    // Act
    const result = await read(bytes);

    // Assess
    expect(figures(result)).toEqual(FIGURES);
    expect(decodedAs(result)).toEqual([['info', 'iso-8859-1']]);
  });

  it('reads UTF-16 with a byte-order mark and tabs, what Excel\'s "Unicode text" writes', async () => {
    // Prepare: character set 65535 is LibreOffice's UTF-16, separator 9 a tab.
    const bytes = await savedAsCsv('9,34,65535');
    expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);

    // Act
    const result = await read(bytes);

    // Assess
    expect(figures(result)).toEqual(FIGURES);
    expect(decodedAs(result)).toEqual([['info', 'utf-16le']]);
  });

  it('reads "CSV UTF-8", with its byte-order mark, without a word about the encoding', async () => {
    // Prepare
    const bytes = csvOf(
      FRENCH_RETURN.map((r) => r.map((v) => (v === undefined ? null : v))),
      ',',
      true,
    );

    // Act
    const result = await read(bytes);

    // Assess
    expect(figures(result)).toEqual(FIGURES);
    expect(result.findings).toEqual([]);
  });

  it('takes a Windows-1252 upload through the guard and ingest to an accepted receipt that names the encoding', async () => {
    // Prepare
    const text = 'Pays;France\r\nAnnée;Statut;PIB;Dépenses de défense\r\n2025;réalisé;2950000;61000\r\n';
    const bytes = iconv.encode(text, 'windows-1252');

    // Act
    const guarded = await guardUpload(bytes, 'retour.csv', DEFAULT_LIMITS);
    const { receipt } = await ingest(bytes, 'retour.csv');

    // Assess
    expect(guarded.ok).toBe(true);
    expect(receipt.status).not.toBe('rejected');
    expect(receipt.records.map((r) => [r.year, r.status, r.gdp, r.core.total])).toEqual([[2025, 'actual', 2_950_000, 61_000]]);
    expect(receipt.findings.find((f) => f.code === 'csv-decoded')?.message).toContain('Windows-1252');
  });
});
