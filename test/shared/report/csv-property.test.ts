import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { renderCsv } from '../../../shared/report/index.ts';
import { safeText } from '../../../shared/text/index.ts';
import { parseCsv } from '../../helpers/csv-parse.ts';
import { makeDataset, makeResult } from '../../helpers/dataset.ts';

describe('renderCsv on arbitrary text', () => {
  it('always parses back to the neutralised text, whatever a file name or ally name holds', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ maxLength: 40 }), (file, name) => {
        // Prepare
        const result = makeResult();
        const alb = result.allies.find((a) => a.iso3 === 'ALB')!;
        const edited = {
          ...result,
          allies: result.allies.map((a) => (a !== alb ? a : { ...a, name, years: a.years.map((y) => ({ ...y, source: { ...y.source, file } })) })),
        };

        // Act
        const [header, first] = parseCsv(renderCsv(makeDataset({ result: edited })).toString('utf8'));

        // Assess
        expect(first?.[header!.indexOf('file')]).toBe(safeText(file));
        expect(first?.[header!.indexOf('name')]).toBe(safeText(name));
        expect(/^[=+\-@\t\r]/.test(first?.[header!.indexOf('file')] ?? '')).toBe(false);
      }),
      { numRuns: 150 },
    );
  });
});
