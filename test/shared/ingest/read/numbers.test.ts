import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { decimalMarkOf, parseNumberText } from '../../../../shared/ingest/read/numbers.ts';

describe('numbers written as text', () => {
  it.each([
    ['1234.5', null, 1234.5],
    ['1 234,5', null, 1234.5],
    ['1,234.5', null, 1234.5],
    ['1.234,5', null, 1234.5],
    ['1\u00a0234\u202f567,25', null, 1234567.25],
    ['1\u2009000', null, 1000],
    ['1,234,567', null, 1234567],
    ['1.234.567', null, 1234567],
    ['12,5', null, 12.5],
    ['0,75', null, 0.75],
    ['.5', null, 0.5],
    ['-3,5', null, -3.5],
    ['−7', null, -7],
    ['(12)', null, -12],
    ["1'234.5", null, 1234.5],
  ] as const)('reads "%s" (decimal mark %s) as %d', (text, hint, value) => {
    // Act / Assess
    expect(parseNumberText(text, hint)).toEqual({ kind: 'number', value, percent: false });
  });

  it.each([
    ['1,234', null, 1234],
    ['1,234', ',', 1.234],
    ['1.234', null, 1.234],
    ['1.234', ',', 1234],
    ['39.500', ',', 39_500],
    ['-1,500', '.', -1500],
  ] as const)('reads "%s" (decimal mark %s) as %d, and keeps both readings of its one separator', (text, hint, value) => {
    // Prepare
    const [int = '', frac = ''] = text.replace('-', '').split(/[.,]/);
    const sign = text.startsWith('-') ? -1 : 1;

    // Act / Assess
    expect(parseNumberText(text, hint)).toEqual({
      kind: 'number',
      value,
      percent: false,
      ambiguous: { asDecimal: sign * Number(`${int}.${frac}`), asThousands: sign * Number(`${int}${frac}`) },
    });
  });

  it('reads a trailing percent sign as a share in per cent', () => {
    // Act / Assess
    expect(parseNumberText('12.3 %')).toEqual({ kind: 'number', value: 12.3, percent: true });
    expect(parseNumberText('2,05%')).toEqual({ kind: 'number', value: 2.05, percent: true });
  });

  it.each(['..', '...', 'n/a', 'N/A', '-', '–', '—', '', '   ', 'nd', 's.o.', ':', 'x'])('reads "%s" as missing', (text) => {
    // Act / Assess
    expect(parseNumberText(text)).toEqual({ kind: 'missing' });
  });

  it.each(['twelve', '12 apples', '1,23,4', '1.2.3,4,5', '12..5', 'EUR 5', '1e5', '--5'])('refuses "%s" as not a number', (text) => {
    // Act / Assess
    expect(parseNumberText(text)).toEqual({ kind: 'invalid' });
  });

  it('settles the decimal mark only from numbers that leave no doubt', () => {
    // Act / Assess
    expect(['12,5', '1 234,5', '1.234,5', '12.5', '1,234.5', '1,234', '1.234', '1234', 'abc', '1.234.567', '1,234,567', '1.23.4'].map(decimalMarkOf)).toEqual([
      ',',
      ',',
      ',',
      '.',
      '.',
      null,
      null,
      null,
      null,
      ',',
      '.',
      null,
    ]);
  });

  it('reads back any amount written in either convention with any grouping space', () => {
    // Prepare
    const amount = fc.integer({ min: 0, max: 10_000_000_000 }).map((cents) => cents / 100);
    const style = fc.record({
      comma: fc.boolean(),
      grouping: fc.constantFrom('', ' ', '\u00a0', '\u202f', '\u2009', 'mark'),
    });

    // Act / Assess
    fc.assert(
      fc.property(amount, style, (value, { comma, grouping }) => {
        const [int = '', frac = ''] = value.toFixed(2).split('.');
        const group = grouping === 'mark' ? (comma ? '.' : ',') : grouping;
        const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
        const text = `${grouped}${comma ? ',' : '.'}${frac}`;
        const parsed = parseNumberText(text, comma ? ',' : '.');
        return parsed.kind === 'number' && Math.abs(parsed.value - value) < 1e-9;
      }),
    );
  });

  it('never throws and never yields a non-finite number, whatever the text', () => {
    // Act / Assess
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        const parsed = parseNumberText(text);
        return parsed.kind !== 'number' || Number.isFinite(parsed.value);
      }),
    );
  });
});
