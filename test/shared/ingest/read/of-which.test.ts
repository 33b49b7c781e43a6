import { afterAll, describe, it, expect } from 'vitest';
import { computeCompliance } from '../../../../shared/engine/index.ts';
import { readSubmission } from '../../../../shared/ingest/read/index.ts';
import { DEFAULT_LIMITS } from '../../../../shared/ingest/limits.ts';
import { HAGUE_2025 } from '../../../../shared/model/index.ts';
import { referenceFromFx } from '../../../../shared/pipeline/index.ts';
import { loadFxTable } from '../../../../shared/reference/index.ts';
import { withoutOfWhich } from '../../../../shared/submission/index.ts';
import { convertWithLibreOffice, csvOf, releaseLibreOffice, workbookOf, yearsAcross } from '../../../helpers/workbooks.ts';
import { ingest } from '../helpers/submissions.ts';

afterAll(releaseLibreOffice);

const read = (bytes: Buffer, fileName = 'return.xlsx', expectedAlly: string | null = 'FRA') =>
  readSubmission(bytes, fileName, { limits: DEFAULT_LIMITS, expectedAlly });

/**
 * A return laid out as NATO's tables are: years across, a total, then its breakdown on rows
 * whose labels start with a national "of which" phrase.
 */
const returnWithBreakdown = (labels: { total: string; personnel: string; equipment: string; infrastructure: string; other: string }) =>
  workbookOf([
    {
      name: 'Return',
      rows: [
        ['Defence expenditure return (EUR million)'],
        [],
        ...yearsAcross(['Year', 'GDP', labels.total, labels.personnel, labels.equipment, labels.infrastructure, labels.other], [
          [2023, 2_800_000, 56_000, 25_000, 14_000, 4_000, 13_000],
          [2024, 2_900_000, 59_000, 26_000, 15_000, 4_500, 13_500],
        ]),
      ],
    },
  ]);

const breakdown = (r: Awaited<ReturnType<typeof read>>) =>
  r.drafts.map((d) => [d.year, d.core.total, d.core.personnel, d.core.equipment, d.core.infrastructure, d.core.other]);

const READ_BREAKDOWN = [
  [2023, 56_000, 25_000, 14_000, 4_000, 13_000],
  [2024, 59_000, 26_000, 15_000, 4_500, 13_500],
];

describe('"of which" breakdown rows and columns', () => {
  it.each([
    ['English', 'Defence expenditure', 'of which personnel', '- of which: major equipment incl. R&D', '(of which) infrastructure', 'of which other'],
    ['French', 'Dépenses de défense', 'dont personnel', 'dont équipements majeurs (y compris R&D)', 'dont : infrastructures', 'dont autres'],
    ['German', 'Defence expenditure', 'davon Personnel', 'davon: Equipment', 'darunter Infrastructure', 'davon Other'],
    ['Polish', 'Defence expenditure', 'w tym personnel', 'w tym: equipment', 'w tym – infrastructure', 'w tym other'],
    ['Italian', 'Defence expenditure', 'di cui personnel', 'di cui: major equipment', 'di cui infrastructure', 'di cui: other'],
    ['Dutch', 'Defence expenditure', 'waarvan personnel', 'hiervan: equipment', 'waarvan infrastructure', 'waarvan other'],
    ['Danish and Norwegian', 'Defence expenditure', 'heraf personnel', 'herav equipment', 'heraf: infrastructure', 'herav other'],
    ['Czech', 'Defence expenditure', 'z toho personnel', 'z toho: equipment', 'z toho infrastructure', 'z toho other'],
    ['Hungarian', 'Defence expenditure', 'ebből personnel', 'ebből: equipment', 'ebből infrastructure', 'ebből other'],
    ['Latvian', 'Defence expenditure', 'tai skaitā personnel', 't.sk. equipment', 'tai skaitā: infrastructure', 't. sk. other'],
    ['Bulgarian', 'Defence expenditure', 'от които personnel', 'в т.ч. equipment', 'от които: infrastructure', 'в т.ч. other'],
    ['Greek', 'Defence expenditure', 'εκ των οποίων personnel', 'εκ των οποίων: equipment', 'εκ των οποίων infrastructure', 'εκ των οποίων other'],
  ])('reads %s "of which" rows as the parts of the total above them', async (_language, total, personnel, equipment, infrastructure, other) => {
    // Prepare
    const bytes = await returnWithBreakdown({ total, personnel, equipment, infrastructure, other });

    // Act
    const result = await read(bytes);

    // Assess
    expect(result.findings).toEqual([]);
    expect(breakdown(result)).toEqual(READ_BREAKDOWN);
  });

  it('reads "of which" columns of a table with years down the rows, in a semicolon CSV', async () => {
    // Prepare
    const bytes = csvOf(
      [
        ['Année', 'PIB', 'Dépenses de défense', 'dont personnel', 'dont équipements majeurs (y compris R&D)', 'dont infrastructures', 'dont autres'],
        ['2023', '2 800 000', '56 000', '25 000', '14 000', '4 000', '13 000'],
        ['2024', '2 900 000', '59 000', '26 000', '15 000', '4 500', '13 500'],
      ],
      ';',
    );

    // Act
    const result = await read(bytes, 'retour.csv');

    // Assess
    expect(result.findings).toEqual([]);
    expect(breakdown(result)).toEqual(READ_BREAKDOWN);
    expect(result.drafts[0]?.cells['core.equipment']).toBe('E2');
  });

  it('keeps the "of which" rows of a security-related block in that block', async () => {
    // Prepare
    const bytes = await workbookOf([
      {
        name: 'Return',
        rows: yearsAcross(['Year', 'GDP', 'Defence expenditure', 'of which equipment', 'Security-related expenditure', 'of which cyber defence', 'of which other'], [
          [2025, 3_000_000, 70_000, 17_000, 12_000, 3_000, 1_000],
        ]),
      },
    ]);

    // Act
    const result = await read(bytes);

    // Assess
    expect(result.findings).toEqual([]);
    expect(result.drafts[0]).toMatchObject({ core: { total: 70_000, equipment: 17_000 }, security: { total: 12_000, cyber: 3_000, other: 1_000 } });
  });

  it('still reads the rows after LibreOffice saved the return again', async () => {
    // Prepare
    const original = await returnWithBreakdown({
      total: 'Dépenses de défense',
      personnel: 'dont personnel',
      equipment: 'dont équipements majeurs (y compris R&D)',
      infrastructure: 'dont infrastructures',
      other: 'dont autres',
    });

    // Act
    const result = await read(convertWithLibreOffice(original, 'xlsx'));

    // Assess
    expect(breakdown(result)).toEqual(READ_BREAKDOWN);
  });

  it('publishes the equipment share and the 20% guideline of a French return whose breakdown says "dont"', async () => {
    // Prepare
    const bytes = await returnWithBreakdown({
      total: 'Dépenses de défense',
      personnel: 'dont personnel',
      equipment: 'dont équipements majeurs (y compris R&D)',
      infrastructure: 'dont infrastructures',
      other: 'dont autres',
    });

    // Act
    const { receipt } = await ingest(bytes, 'retour-2024.xlsx');
    const result = computeCompliance(receipt.records, HAGUE_2025, referenceFromFx(loadFxTable()));

    // Assess
    expect(receipt.status).not.toBe('rejected');
    const france2024 = result.allies.find((a) => a.iso3 === 'FRA')?.years.find((y) => y.year === 2024);
    // 15 000 of 59 000 is 25.42% on major equipment: over the 20% guideline.
    expect(france2024?.equipmentSharePct).toBeCloseTo((100 * 15_000) / 59_000, 9);
    expect(france2024?.legacy.equipment20).toBe(true);
  });

  it('does not take a word that merely starts like a phrase, nor a phrase with nothing after it', () => {
    expect(withoutOfWhich('dontaine personnel')).toBeNull();
    expect(withoutOfWhich('Of which')).toBeNull();
    expect(withoutOfWhich('Personnel, of which pensions')).toBeNull();
    expect(withoutOfWhich('– of which: personnel')).toBe('personnel');
  });
});
