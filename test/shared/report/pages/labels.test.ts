// The pages' label tables: every English label has its French, with the same placeholders, and
// French left equal to the English only where listed as rightly so.
import { describe, expect, it } from 'vitest';
import { PAGE_EN, PAGE_FR, PAGE_SAME_IN_FRENCH, PageLabelValueMissingError, pageLabel } from '../../../../shared/report/pages/labels.ts';
import type { PageLabelKey } from '../../../../shared/report/pages/labels.ts';

const placeholders = (text: string) => [...text.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]).sort();
const KEYS = Object.keys(PAGE_EN) as PageLabelKey[];

describe('the page label tables', () => {
  it('give every English label a French one that is not blank', () => {
    // Act: read through an untyped view, as a table edited by hand could be missing keys
    const fr: Readonly<Record<string, string | undefined>> = PAGE_FR;
    const lacking = KEYS.filter((k) => typeof fr[k] !== 'string' || fr[k]?.trim() === '');
    // Assess
    expect(lacking).toEqual([]);
    expect(Object.keys(PAGE_FR).sort()).toEqual([...KEYS].sort());
  });

  it('keep the English placeholders in French', () => {
    const differing = KEYS.filter((k) => placeholders(PAGE_EN[k]).join() !== placeholders(PAGE_FR[k]).join());
    expect(differing).toEqual([]);
  });

  it('translate every label except those listed as the same in French', () => {
    const same = KEYS.filter((k) => PAGE_EN[k] === PAGE_FR[k] && !PAGE_SAME_IN_FRENCH.has(k));
    expect(same).toEqual([]);
  });

  it('fill placeholders, give French its no-break spaces, and refuse a missing value', () => {
    // Act
    const en = pageLabel('en', 'page.group.coverage', { included: '30', expected: '31' });
    const fr = pageLabel('fr', 'page.leftOut.item', { reason: 'pas de PIB', allies: 'ISL' });
    const pct = pageLabel('fr', 'page.moneyGap.assumeGdpGrown', { years: '2030–2035', growth: '3,00', from: '2028', to: '2029' });
    // Assess
    expect(en).toBe('30 of 31 allies');
    expect(fr).toBe('pas de PIB\u00a0: ISL');
    expect(pct).toContain('3,00\u202f% par an');
    expect(() => pageLabel('en', 'page.group.coverage', { included: '30' })).toThrow(PageLabelValueMissingError);
  });
});
