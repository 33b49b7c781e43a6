// The report label tables (pages, workbook, CSV descriptions): every English label has its French,
// with the same placeholders, and French left equal to the English only where listed as rightly so.
import { describe, expect, it } from 'vitest';
import { LABELS_EN, LABELS_FR, SAME_IN_FRENCH, LabelValueMissingError, labelIn } from '../../../shared/report/labels.ts';
import type { LabelKey } from '../../../shared/report/labels.ts';

const placeholders = (text: string) => [...text.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]).sort();
const KEYS = Object.keys(LABELS_EN) as LabelKey[];

describe('the report label tables', () => {
  it('give every English label a French one that is not blank', () => {
    // Act: read through an untyped view, as a table edited by hand could be missing keys
    const fr: Readonly<Record<string, string | undefined>> = LABELS_FR;
    const lacking = KEYS.filter((k) => typeof fr[k] !== 'string' || fr[k]?.trim() === '');
    // Assess
    expect(lacking).toEqual([]);
    expect(Object.keys(LABELS_FR).sort()).toEqual([...KEYS].sort());
  });

  it('keep the English placeholders in French', () => {
    const differing = KEYS.filter((k) => placeholders(LABELS_EN[k]).join() !== placeholders(LABELS_FR[k]).join());
    expect(differing).toEqual([]);
  });

  it('translate every label except those listed as the same in French', () => {
    const same = KEYS.filter((k) => LABELS_EN[k] === LABELS_FR[k] && !SAME_IN_FRENCH.has(k));
    expect(same).toEqual([]);
  });

  it('fill placeholders, give French its no-break spaces, and refuse a missing value', () => {
    // Act
    const en = labelIn('en', 'page.group.coverage', { included: '30', expected: '31' });
    const fr = labelIn('fr', 'page.leftOut.item', { reason: 'pas de PIB', allies: 'ISL' });
    const pct = labelIn('fr', 'page.moneyGap.assumeGdpGrown', { years: '2030–2035', growth: '3,00', from: '2028', to: '2029' });
    // Assess
    expect(en).toBe('30 of 31 allies');
    expect(fr).toBe('pas de PIB\u00a0: ISL');
    expect(pct).toContain('3,00\u202f% par an');
    expect(() => labelIn('en', 'page.group.coverage', { included: '30' })).toThrow(LabelValueMissingError);
  });
});
