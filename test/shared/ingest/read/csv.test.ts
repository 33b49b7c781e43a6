import { describe, it, expect } from 'vitest';
import { MAX_FIELD_CHARS, parseCsv } from '../../../../shared/ingest/read/csv.ts';

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

describe('CSV parsing within bounds', () => {
  it('stops at a quote left open and says on which line and character it opened', () => {
    // Arrange: the quote on line 3 is never closed; the rest of a big file follows it.
    const text = `Year;GDP\n2024;100\n2025;"10${';1\n'.repeat(50_000)}`;

    // Act
    const parsed = parseCsv(text);

    // Assess
    expect(parsed.problem).toEqual({ kind: 'unclosed-quote', line: 3, column: 6 });
    expect(parsed.rows).toEqual([
      ['Year', 'GDP'],
      ['2024', '100'],
    ]);
  });

  it('takes a quoted field as long as a cell may hold, and refuses one character more', () => {
    // Arrange
    const fits = `a;"${'x'.repeat(MAX_FIELD_CHARS)}"\n`;
    const over = `a;"${'x'.repeat(MAX_FIELD_CHARS + 1)}"\n`;

    // Act / Assess
    expect(parseCsv(fits).rows[0]?.[1]).toHaveLength(MAX_FIELD_CHARS);
    expect(parseCsv(over).problem).toEqual({ kind: 'unclosed-quote', line: 1, column: 3 });
  });

  it('counts the lines a quoted field spans when it names a later quote', () => {
    // Act
    const parsed = parseCsv('a;"two\nlines"\nb;"open');

    // Assess
    expect(parsed.problem).toEqual({ kind: 'unclosed-quote', line: 3, column: 3 });
  });

  it('stops reading at the first row past the limit', () => {
    // Act
    const parsed = parseCsv('y;v\n'.repeat(100), 10);

    // Assess
    expect(parsed.problem).toEqual({ kind: 'too-many-rows', rows: 11 });
    expect(parsed.rows).toHaveLength(11);
  });

  it('keeps text written after a closing quote in the same field, and empty lines as empty rows', () => {
    // Act
    const { rows } = parseCsv('"12"a;b\n\nc;\n');

    // Assess
    expect(rows).toEqual([['12a', 'b'], [''], ['c', '']]);
  });
});
