// The committed sample submissions, end to end through the ingest facade and the engine: each is
// accepted under its own ally, its official years reproduce NATO's published shares, and the
// engine counts the allies at 2% that NATO's June 2024 release states.
import { readFile, readdir } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeCompliance } from '../../shared/engine/index.ts';
import { ingestSubmission } from '../../shared/ingest/index.ts';
import { HAGUE_2025 } from '../../shared/model/index.ts';
import type { Receipt, SubmissionRecord } from '../../shared/model/index.ts';
import { ALLIES, legacyEuroRate, loadFxTable, rateYears, usdRate } from '../../shared/reference/index.ts';
import { sampleRows } from '../../scripts/samples/build.ts';
import { SAMPLES_AS_OF_YEAR } from '../../scripts/samples/catalogue.ts';
import { loadSampleSource } from '../../scripts/samples/source.ts';
import type { SampleSource } from '../../scripts/samples/source.ts';

const SAMPLES_DIR = new URL('../../samples/', import.meta.url);
// Uploads dated in the year the samples are dated, so the status checks see them as intended.
const UPLOADED_AT = `${SAMPLES_AS_OF_YEAR}-06-30T12:00:00.000Z`;

interface Ingested {
  file: string;
  iso3: string;
  receipt: Receipt;
}

let source: SampleSource;
let ingested: Ingested[];
const records = (): SubmissionRecord[] => ingested.flatMap((i) => i.receipt.records);
const recordOf = (iso3: string, year: number): SubmissionRecord | undefined =>
  ingested.find((i) => i.iso3 === iso3)?.receipt.records.find((r) => r.year === year);

beforeAll(async () => {
  source = await loadSampleSource();
  const files = (await readdir(SAMPLES_DIR)).filter((f) => /\.(xlsx|csv)$/.test(f)).sort();
  ingested = [];
  for (const file of files) {
    const iso3 = file.slice(0, 3);
    const { receipt } = await ingestSubmission({
      bytes: await readFile(new URL(file, SAMPLES_DIR)),
      fileName: file,
      expectedAlly: iso3,
      submissionId: `sample-${iso3}`,
      uploadedAt: UPLOADED_AT,
      rules: HAGUE_2025,
      now: new Date(UPLOADED_AT),
    });
    ingested.push({ file, iso3, receipt });
  }
});

describe('the sample submissions', () => {
  it('are one per ally with armed forces, and none for Iceland', () => {
    // Prepare
    const withArmedForces = ALLIES.filter((a) => a.noArmedForces !== true).map((a) => a.iso3).sort();

    // Act
    const sampled = ingested.map((i) => i.iso3);

    // Assess
    expect(sampled).toEqual(withArmedForces);
    expect(sampled).toHaveLength(31);
    expect(sampled).not.toContain('ISL');
    expect(source.allies.map((a) => a.iso3).sort()).toEqual(withArmedForces);
  });

  it('are each accepted under their own ally, with warnings only where NATO-derived GDP jumps', () => {
    // Prepare: GDP is derived as current-price spending over NATO's constant-price share, so it
    // jumps where prices moved fast (Türkiye's inflation 2021-2024, Norway's gas revenue in
    // 2022) or where the share moved unlike spending (Luxembourg 2023: the share doubles while
    // spending rises by a third, so the derived GDP falls 32%). Warnings, as the checks intend.
    const explained = [
      'LUX gdp-jump 2023',
      'NOR gdp-jump 2022',
      'TUR gdp-jump 2021',
      'TUR gdp-jump 2022',
      'TUR gdp-jump 2023',
      'TUR gdp-jump 2024',
    ];

    // Act
    const findings = ingested.flatMap((i) => i.receipt.findings.map((f) => `${i.iso3} ${f.code} ${f.year ?? ''}`));
    const rejected = ingested.filter((i) => i.receipt.status === 'rejected').map((i) => i.file);
    const misfiled = ingested.filter((i) => i.receipt.ally !== i.iso3 || i.receipt.records.some((r) => r.ally !== i.iso3));

    // Assess
    expect(rejected).toEqual([]);
    expect(misfiled.map((i) => i.file)).toEqual([]);
    expect(findings.sort()).toEqual(explained);
  });

  it('hold 2014 to 2035: actuals to 2022, NATO estimates for 2023 and 2024, then illustrative estimates and plans', () => {
    // Prepare
    const expected = [
      ...Array.from({ length: 9 }, (_, i) => `${2014 + i} actual`),
      '2023 estimate',
      '2024 estimate',
      '2025 estimate',
      '2026 estimate',
      ...Array.from({ length: 9 }, (_, i) => `${2027 + i} plan`),
    ];

    // Act
    const statusesByAlly = ingested.map((i) => ({ iso3: i.iso3, statuses: i.receipt.records.map((r) => `${r.year} ${r.status}`).sort() }));

    // Assess
    for (const { statuses } of statusesByAlly) expect(statuses).toEqual(expected);
  });

  it("reproduce NATO's Table 3 share of GDP to 1e-9 for every official year", () => {
    // Act
    const off = source.allies.flatMap((ally) =>
      ally.years.flatMap((y) => {
        const r = recordOf(ally.iso3, y.year);
        const ratio = r?.gdp && r.core.total !== null ? (100 * r.core.total) / r.gdp : null;
        return ratio !== null && Math.abs(ratio - y.gdpSharePct) <= 1e-9 ? [] : [`${ally.iso3} ${y.year}: ${ratio} vs ${y.gdpSharePct}`];
      }),
    );

    // Assess
    expect(off).toEqual([]);
    expect(source.allies.flatMap((a) => a.years)).toHaveLength(31 * 11);
  });

  it("reproduce NATO's Table 8 equipment share to 1e-9 for every official year", () => {
    // Act
    const off = source.allies.flatMap((ally) =>
      ally.years.flatMap((y) => {
        const r = recordOf(ally.iso3, y.year);
        const share = r?.core.total && r.core.equipment !== undefined ? (100 * r.core.equipment) / r.core.total : null;
        return share !== null && Math.abs(share - y.equipmentPct) <= 1e-9 ? [] : [`${ally.iso3} ${y.year}: ${share} vs ${y.equipmentPct}`];
      }),
    );

    // Assess
    expect(off).toEqual([]);
  });

  it('hold exactly the figures the build script derives from the source (the committed files are up to date)', () => {
    // Prepare: amounts compared in the record's currency (Bulgaria's leva years are read into
    // euro); a relative 1e-12 allows for the unit scaling of the billions and thousands files.
    const close = (a: number | null | undefined, b: number | null | undefined) =>
      a !== null && a !== undefined && b !== null && b !== undefined && Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
    const differences: string[] = [];

    // Act
    for (const ally of source.allies) {
      for (const row of sampleRows(ally)) {
        const r = recordOf(ally.iso3, row.year);
        const where = `${ally.iso3} ${row.year}`;
        if (!r) {
          differences.push(`${where}: no record`);
          continue;
        }
        const rate = row.currency === r.currency ? 1 : (legacyEuroRate(row.currency) ?? Number.NaN);
        const amounts: [string, number | null, number | null | undefined][] = [
          ['gdp', row.gdp, r.gdp],
          ...Object.entries(row.core).map(([k, v]): [string, number, number | null | undefined] => [`core.${k}`, v, r.core[k as keyof typeof r.core]]),
          ...Object.entries(row.security ?? {}).map(([k, v]): [string, number, number | null | undefined] => [
            `security.${k}`,
            v,
            r.security[k as keyof typeof r.security],
          ]),
        ];
        for (const [field, expected, found] of amounts)
          if (expected !== null && !close(expected / rate, found)) differences.push(`${where} ${field}: ${found} vs ${expected / rate}`);
        if (row.security === null && r.security.total !== null) differences.push(`${where}: unexpected security figures`);
        if (r.status !== row.status || r.illustrative !== row.illustrative || r.notes !== row.notes) differences.push(`${where}: status, flag or notes`);
      }
    }

    // Assess
    expect(differences).toEqual([]);
  });

  it('mark every year after 2024 illustrative on its record, and every year before not', () => {
    // Act
    const wronglyMarked = records().filter((r) => r.illustrative !== r.year > 2024).map((r) => `${r.ally} ${r.year} ${r.illustrative}`);

    // Assess
    expect(wronglyMarked).toEqual([]);
    expect(records()).toHaveLength(31 * 22);
  });

  it('say in the notes of every year after 2024 that its figures are illustrative, and of none before', () => {
    // Act
    const byKind = (illustrative: boolean) =>
      records().filter((r) => (r.notes ?? '').startsWith('Illustrative: not an official figure;') === illustrative).map((r) => r.year);

    // Assess
    expect(byKind(true).every((y) => y >= 2025)).toBe(true);
    expect(byKind(true)).toHaveLength(31 * 11);
    expect(byKind(false).every((y) => y <= 2024)).toBe(true);
  });

  it('give security-related figures only for the illustrative years', () => {
    // Act
    const withSecurity = records().filter((r) => r.security.total !== null && r.security.total !== undefined);

    // Assess
    expect(withSecurity.every((r) => r.year >= 2025)).toBe(true);
    expect(withSecurity).toHaveLength(31 * 11);
  });
});

describe('the engine over every sample', () => {
  const compute = () => {
    const fx = loadFxTable();
    return computeCompliance(records(), HAGUE_2025, { allies: ALLIES, usdRate: (c, y) => usdRate(fx, c, y), rateYears: rateYears(fx) });
  };

  it("counts the allies at 2% of GDP that NATO's June 2024 release states: 3 in 2014, 10 in 2023, 23 in 2024", () => {
    // Act
    const result = compute();
    const twoPercent = (year: number) => result.alliance.years.find((y) => y.year === year)?.counts.twoPercent;

    // Assess
    expect([twoPercent(2014), twoPercent(2023), twoPercent(2024)]).toEqual([3, 10, 23]);
  });

  it("meets 2% in exactly the allies and years NATO's Table 3 puts at 2.00 or more, its three pinned cells included", () => {
    // Prepare: NATO pins France 2020, Lithuania 2019 and Slovakia 2024 at exactly 2.00 although
    // their true ratios are a hair under. The samples carry GDP = expenditure x 100 / 2, whose
    // decimal is exactly 50 times the expenditure's (e.g. 46017.995137 and 2300899.75685); the
    // engine reads numbers as the decimals they print as, so each ratio is exactly 2 and meets 2%.
    const pinned = ['FRA 2020', 'LTU 2019', 'SVK 2024'];

    // Act
    const result = compute();
    const lastOfficial = Math.max(...source.allies.flatMap((a) => a.years.map((y) => y.year)));
    const met = result.allies.flatMap((a) =>
      a.years.filter((y) => y.year <= lastOfficial && y.legacy.twoPercent === true).map((y) => `${a.iso3} ${y.year}`),
    );
    const nato = source.allies.flatMap((a) => a.years.filter((y) => y.gdpSharePct >= 2).map((y) => `${a.iso3} ${y.year}`));
    const pinnedPct = result.allies.flatMap((a) => a.years.filter((y) => pinned.includes(`${a.iso3} ${y.year}`)).map((y) => y.corePct));

    // Assess
    expect(met.sort()).toEqual(nato.sort());
    expect(pinnedPct).toEqual([2, 2, 2]);
  });

  it('judges the illustrative plans as they were designed: steady and early paths credible, late and short ones not', () => {
    // Prepare: see scripts/samples/plans.ts. BEL, ESP, LUX, PRT and SVN stop short of the
    // targets; CAN and ITA climb only in the last three years; TUR's security-related
    // spending stops at 1% so its combined track falls short.
    const notCredible = ['BEL', 'CAN', 'ESP', 'ITA', 'LUX', 'PRT', 'SVN', 'TUR'];

    // Act
    const result = compute();
    const judged = result.allies.filter((a) => a.plan.credible !== null);
    const credible = judged.filter((a) => a.plan.credible === true).map((a) => a.iso3);
    const notCredibleFound = judged.filter((a) => a.plan.credible === false).map((a) => a.iso3);

    // Assess
    expect(notCredibleFound.sort()).toEqual(notCredible);
    expect(credible).toHaveLength(31 - notCredible.length);
    expect(credible).not.toContain('ISL');
  });
});
