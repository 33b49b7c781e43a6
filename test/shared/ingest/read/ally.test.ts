import { describe, it, expect } from 'vitest';
import { allyInText, allyNamed, isAllyLabel, labelledValue } from '../../../../shared/ingest/read/ally.ts';

describe('allies named in cells', () => {
  it('takes the value after an ally label in either language', () => {
    // Act / Assess
    expect([labelledValue('Country: Türkiye'), labelledValue('Pays : Turquie'), labelledValue('Note: none')]).toEqual(['Türkiye', 'Turquie', null]);
    expect([isAllyLabel('Ally'), isAllyLabel('Allié :'), isAllyLabel('GDP')]).toEqual([true, true, false]);
  });

  it('names the ally from a code, a name in English or French, or an older name', () => {
    // Act / Assess
    expect(['TUR', 'Turkey', 'Turquie', 'Czech Republic', 'FYROM', 'Royaume-Uni'].map(allyNamed)).toEqual(['TUR', 'TUR', 'TUR', 'CZE', 'MKD', 'GBR']);
  });

  it('finds an ally inside a title but not in short words that only look like codes', () => {
    // Act / Assess
    expect(allyInText('Dépenses de défense – Macédoine du Nord, 2014-2024')).toBe('MKD');
    expect(allyInText('United Kingdom defence budget')).toBe('GBR');
    expect(allyInText('Figures for NOR (NOK million)')).toBe('NOR');
    expect(allyInText('IT and cyber spending we can report')).toBeNull();
  });
});
