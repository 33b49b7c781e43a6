import { describe, expect, expectTypeOf, it } from 'vitest';
import { FindingSchema, findingOf, rewordFinding, severityOf } from '../../../shared/findings/index.ts';
import type { Finding, FindingCode } from '../../../shared/findings/index.ts';
import { ReceiptSchema } from '../../../shared/model/index.ts';

describe('findingOf', () => {
  it('takes the severity from the code, fills row and column from the cell and leaves unknown facts out', () => {
    // Act
    const finding = findingOf('gdp-jump', { sheet: 'Data', cell: 'AB12', year: 2025, params: { previousYear: 2024, threshold: 25, change: 30.5 } });
    // Assess
    expect(FindingSchema.parse(finding)).toEqual({
      severity: 'warning',
      code: 'gdp-jump',
      sheet: 'Data',
      cell: 'AB12',
      row: 12,
      column: 28,
      year: 2025,
      params: { previousYear: 2024, threshold: 25, change: 30.5 },
      message: finding.message,
    });
    expect(finding.message).toContain('from 2024 to 2025 (Data!AB12)');
  });

  it('gives each code the one severity the table gives it', () => {
    // Act
    const severities = (['negative-value', 'gdp-jump', 'ally-missing'] as const).map((code) => [findingOf(code).severity, severityOf(code)]);
    // Assess
    expect(severities).toEqual([
      ['error', 'error'],
      ['warning', 'warning'],
      ['info', 'info'],
    ]);
  });

  it('refuses a code that is not in the table, at compile time and when parsing', () => {
    // Prepare: `npm test` type-checks this file; the directive fails the build if the line compiles.
    // @ts-expect-error: 'negative-amount' is not a finding code.
    const misspelt = (): Finding => findingOf('negative-amount');
    // Assess
    expectTypeOf<'negative-amount'>().not.toExtend<FindingCode>();
    expectTypeOf<Finding['code']>().toEqualTypeOf<FindingCode>();
    expect(misspelt).toThrow('"negative-amount" is not a finding code');
    expect(FindingSchema.safeParse({ ...findingOf('no-years'), code: 'negative-amount' }).success).toBe(false);
  });
});

describe('rewordFinding', () => {
  it('words a stored finding again in French from the code and facts it carries', () => {
    // Prepare: a finding as a stored receipt holds it, read back through the schema.
    const stored = FindingSchema.parse(
      JSON.parse(
        JSON.stringify(
          findingOf('breakdown-mismatch', {
            sheet: 'Data',
            cell: 'E7',
            year: 2024,
            field: 'core.total',
            found: '1234.5',
            expected: '1200 ± 1.2',
            params: { group: 'core', sum: 1234.5, total: 1200, tolerance: 1.2 },
          }),
        ),
      ),
    );
    // Act
    const french = rewordFinding(stored, 'fr');
    const english = rewordFinding(stored, 'en');
    // Assess
    expect(french.message).toBe(
      'La ventilation des dépenses de défense de base pour 2024 totalise 1\u202f234,5, mais le total (Data!E7) est de 1\u202f200 (écart toléré\u00a0: 1,2). Corrigez le total ou les postes pour qu’ils concordent.',
    );
    expect({ ...french, message: stored.message }).toEqual(stored);
    expect(english.message).toBe(stored.message);
  });

  it('reads a receipt written before findings kept their params, and still words it in French', () => {
    // Prepare: a finding of an older receipt, with no params.
    const old = {
      severity: 'error',
      code: 'file-too-large',
      sheet: null,
      cell: null,
      found: '12.0 MB',
      expected: '10.0 MB',
      message:
        'The file is 12.0 MB, more than the 10.0 MB allowed. Remove sheets and pictures that are not part of the submission, or split the years over several uploads.',
    };
    // Act
    const parsed = FindingSchema.safeParse(old);
    const french = parsed.success ? rewordFinding(parsed.data, 'fr').message : '';
    // Assess
    expect(parsed.success).toBe(true);
    expect(french.startsWith('Le fichier pèse 12.0 MB, au-delà des 10.0 MB autorisés.')).toBe(true);
    expect(ReceiptSchema.shape.findings.element).toBe(FindingSchema);
  });
});
