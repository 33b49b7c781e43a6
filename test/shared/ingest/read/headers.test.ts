import { describe, it, expect } from 'vitest';
import { parseHeader } from '../../../../shared/ingest/read/headers.ts';

describe('header cells', () => {
  it.each([
    ['GDP (EUR bn)', 'gdp', false, 3, 'EUR'],
    ['GDP, EUR m', 'gdp', false, 0, 'EUR'],
    ['Defence expenditure in EUR million', 'core.total', false, 0, 'EUR'],
    ['Dépenses de défense en millions d’euros', 'core.total', false, 0, 'EUR'],
    ['Defence expenditure as % of GDP', 'core.total', true, null, null],
    ['Dépenses de défense (% du PIB)', 'core.total', true, null, null],
    ['O&M', 'core.operations', false, null, null],
    ['Major equipment incl. R&D (EUR million)', 'core.equipment', false, 0, 'EUR'],
  ] as const)('reads "%s"', (text, field, percent, scale, currency) => {
    // Act
    const h = parseHeader(text, null);

    // Assess
    expect([h?.field, h?.percent, h?.unit?.scale ?? null, h?.unit?.currency ?? null]).toEqual([field, percent, scale, currency]);
  });

  it('ignores remarks in brackets that are not units', () => {
    // Act
    const h = parseHeader('Personnel (incl. pensions)', null);

    // Assess
    expect([h?.field, h?.unit, h?.unknownUnit]).toEqual(['core.personnel', null, null]);
  });

  it('names no field for headers it does not know', () => {
    // Act / Assess
    expect([parseHeader('Chart label', null), parseHeader('2024', null), parseHeader('Other', null)]).toEqual([null, null, null]);
  });
});
