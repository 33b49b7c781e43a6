import { describe, it, expect } from 'vitest';
import { FIELD_PATHS, FIELDS, fieldForLabel, fieldLabel } from '../../../shared/submission/index.ts';
import { normaliseLabel } from '../../../shared/text/index.ts';

describe('fields', () => {
  it('finds every field by its English label, its French label and its path', () => {
    // Prepare / Act
    const found = FIELD_PATHS.map((p) => [fieldForLabel(FIELDS[p].label.en), fieldForLabel(FIELDS[p].label.fr), fieldForLabel(p)]);
    // Assess
    expect(found).toEqual(FIELD_PATHS.map((p) => [p, p, p]));
  });

  it('gives no synonym to two different fields', () => {
    // Prepare
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    // Act
    for (const p of FIELD_PATHS) {
      for (const s of [FIELDS[p].label.en, FIELDS[p].label.fr, ...FIELDS[p].synonyms]) {
        const k = normaliseLabel(s);
        const prev = owner.get(k);
        if (prev && prev !== p) clashes.push(`${s}: ${prev} and ${p}`);
        owner.set(k, p);
      }
    }
    // Assess
    expect(clashes).toEqual([]);
  });

  it('ignores case, accents and punctuation in headers', () => {
    // Act / Assess
    expect(fieldForLabel('  PRODUIT INTÉRIEUR BRUT ')).toBe('gdp');
    expect(fieldForLabel('O&M')).toBe('core.operations');
    expect(fieldForLabel('Major equipment incl. R&D')).toBe('core.equipment');
    expect(fieldForLabel('Équipements majeurs')).toBe('core.equipment');
    expect(fieldForLabel('Cyberdéfense')).toBe('security.cyber');
    expect(fieldForLabel('Mobilité militaire')).toBe('security.militaryMobility');
    expect(fieldForLabel('Dépenses de défense')).toBe('core.total');
    expect(fieldForLabel('Personnel costs')).toBe('core.personnel');
  });

  it('knows the abbreviations finance offices use', () => {
    // Act
    const found = ['Def. exp.', 'Pers.', 'Equip.', 'Infra', 'O&M', 'CIP', 'Cyber def.', 'Civ. prep.', 'DIB', 'Mil. mobility', 'Sec. rel.'].map((t) => fieldForLabel(t));

    // Assess
    expect(found).toEqual([
      'core.total',
      'core.personnel',
      'core.equipment',
      'core.infrastructure',
      'core.operations',
      'security.criticalInfrastructure',
      'security.cyber',
      'security.civilPreparedness',
      'security.industrialBase',
      'security.militaryMobility',
      'security.total',
    ]);
  });

  it('resolves "Other" and "Total" only from the block they sit in', () => {
    // Act / Assess
    expect(fieldForLabel('Other')).toBeNull();
    expect(fieldForLabel('Other', 'core')).toBe('core.other');
    expect(fieldForLabel('Autres', 'security')).toBe('security.other');
    expect(fieldForLabel('Total', 'security')).toBe('security.total');
  });

  it('labels fields in the language asked for', () => {
    // Act / Assess
    expect(fieldLabel('gdp', 'fr')).toBe('PIB');
    expect(fieldLabel('security.militaryMobility')).toBe('Military mobility');
  });
});
