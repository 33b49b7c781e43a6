import { describe, it, expect } from 'vitest';
import { parseCsv } from '../../../../shared/ingest/read/csv.ts';

describe('CSV parsing', () => {
  it('splits on commas, honouring quotes, doubled quotes and line breaks inside quotes', () => {
    // Act
    const { rows, delimiter } = parseCsv('a,"b,c","say ""hi""","two\nlines"\r\n1,2,3,4\r\n');

    // Assess
    expect(delimiter).toBe(',');
    expect(rows).toEqual([
      ['a', 'b,c', 'say "hi"', 'two\nlines'],
      ['1', '2', '3', '4'],
    ]);
  });

  it('prefers semicolons when they split the lines, and drops a byte-order mark', () => {
    // Act
    const { rows, delimiter } = parseCsv('\ufeffAnnée;PIB;Dépenses\n2024;1 234,5;12,5');

    // Assess
    expect(delimiter).toBe(';');
    expect(rows).toEqual([
      ['Année', 'PIB', 'Dépenses'],
      ['2024', '1 234,5', '12,5'],
    ]);
  });
});
