import { describe, it, expect } from 'vitest';
import { escapeHtml, safeText } from '../../../shared/report/index.ts';

describe('safeText', () => {
  it.each([
    ['=1+2', "'=1+2"],
    ['+SUM(A1)', "'+SUM(A1)"],
    ['-2+3', "'-2+3"],
    ['@cmd', "'@cmd"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
  ])('neutralises %j as %j', (input, expected) => {
    // Prepare / Act / Assess
    expect(safeText(input)).toBe(expected);
  });

  it('leaves ordinary text alone, including a formula character after the start', () => {
    // Prepare / Act / Assess
    expect(['Türkiye', 'a=b', 'plan 2026-2035', '', ' =1'].map(safeText)).toEqual(['Türkiye', 'a=b', 'plan 2026-2035', '', ' =1']);
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that can open markup or close an attribute', () => {
    // Prepare / Act / Assess
    expect(escapeHtml(`<script>alert("x") & 'y'</script>`)).toBe('&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;');
  });
});
