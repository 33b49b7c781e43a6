import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { ALLIES, AlliesFileSchema, allyByIso3 } from '../../../shared/reference/index.ts';

const shippedFile = (): unknown =>
  JSON.parse(readFileSync(new URL('../../../shared/reference/allies.json', import.meta.url), 'utf8'));

describe('the shipped allies file', () => {
  it('validates against its schema and lists the 32 allies once each', () => {
    // Act
    const file = AlliesFileSchema.parse(shippedFile());

    // Assess
    expect(file.allies).toHaveLength(32);
    expect(new Set(file.allies.map((a) => a.iso3)).size).toBe(32);
    expect(ALLIES).toHaveLength(32);
  });

  it('names its source so the data can be checked', () => {
    // Act
    const file = AlliesFileSchema.parse(shippedFile());

    // Assess
    expect(file.source).toMatch(/NATO/);
    expect(file.source).toMatch(/2866\/98/);
  });

  it('puts only the United States and Canada in North America', () => {
    // Act
    const northAmerica = ALLIES.filter((a) => a.group === 'north-america').map((a) => a.iso3);

    // Assess
    expect(northAmerica.sort()).toEqual(['CAN', 'USA']);
    expect(ALLIES.filter((a) => a.group === 'europe')).toHaveLength(30);
  });

  it('counts every ally but the United States in Europe and Canada, as NATO tabulates it', () => {
    // Act
    const outside = ALLIES.filter((a) => !a.europeCanada).map((a) => a.iso3);

    // Assess
    expect(outside).toEqual(['USA']);
    expect(ALLIES.filter((a) => a.europeCanada)).toHaveLength(31);
  });

  it('marks Iceland, and only Iceland, as having no armed forces', () => {
    // Act
    const without = ALLIES.filter((a) => a.noArmedForces === true).map((a) => a.iso3);

    // Assess
    expect(without).toEqual(['ISL']);
  });

  it.each([
    ['USA', 1949],
    ['DEU', 1955],
    ['ESP', 1982],
    ['POL', 1999],
    ['EST', 2004],
    ['HRV', 2009],
    ['MNE', 2017],
    ['MKD', 2020],
    ['FIN', 2023],
    ['SWE', 2024],
  ])('records %s joining in %i', (iso3, year) => {
    // Act
    const ally = allyByIso3(iso3);

    // Assess
    expect(ally?.accession).toBe(year);
  });

  it('finds an ally by ISO3 code whatever the case and returns null for a code that is not an ally', () => {
    // Act
    const lower = allyByIso3('ltu');
    const stranger = allyByIso3('AUT');

    // Assess
    expect(lower?.nameEn).toBe('Lithuania');
    expect(stranger).toBeNull();
  });

  it('rejects a file whose currency history has a gap, naming the field', () => {
    // Prepare
    const file = shippedFile() as { allies: { iso3: string; currencies: { from: number }[] }[] };
    const lithuania = file.allies.find((a) => a.iso3 === 'LTU');
    const euro = lithuania?.currencies[1];
    if (euro) euro.from = 2016;

    // Act
    const result = AlliesFileSchema.safeParse(file);

    // Assess
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path.slice(0, 1)).toEqual(['allies']);
    expect(result.error?.issues[0]?.message).toMatch(/year after/);
  });

  it('rejects a file listing the same ally twice', () => {
    // Prepare
    const file = shippedFile() as { allies: unknown[] };
    file.allies.push(file.allies[0]);

    // Act
    const result = AlliesFileSchema.safeParse(file);

    // Assess
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toContain('duplicate code ALB');
  });
});
