import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import { ALLIES, allyFinder, findAlly, nameKey } from '../../../shared/reference/index.ts';
import type { AllyRef } from '../../../shared/reference/index.ts';

describe('findAlly', () => {
  it.each([
    ['Turkey', 'TUR'],
    ['Türkiye', 'TUR'],
    ['Turkiye', 'TUR'],
    ['Turquie', 'TUR'],
    ['Czech Republic', 'CZE'],
    ['Czechia', 'CZE'],
    ['Tchéquie', 'CZE'],
    ['République tchèque', 'CZE'],
    ['FYROM', 'MKD'],
    ['Former Yugoslav Republic of Macedonia', 'MKD'],
    ['Macedonia', 'MKD'],
    ['North Macedonia', 'MKD'],
    ['Macédoine du Nord', 'MKD'],
    ['UK', 'GBR'],
    ['U.K.', 'GBR'],
    ['Great Britain', 'GBR'],
    ['Britain', 'GBR'],
    ['United Kingdom of Great Britain and Northern Ireland', 'GBR'],
    ['Royaume-Uni', 'GBR'],
    ['US', 'USA'],
    ['U.S.', 'USA'],
    ['USA', 'USA'],
    ['United States of America', 'USA'],
    ['America', 'USA'],
    ['États-Unis', 'USA'],
    ['Holland', 'NLD'],
    ['the Netherlands', 'NLD'],
    ['Pays-Bas', 'NLD'],
    ['Slovak Republic', 'SVK'],
    ['Allemagne', 'DEU'],
  ])('reads "%s" as %s', (text, iso3) => {
    // Act
    const ally = findAlly(text);

    // Assess
    expect(ally?.iso3).toBe(iso3);
  });

  it.each([
    ['  the   NETHERLANDS ', 'NLD'],
    ['etats unis', 'USA'],
    ['TURQUIE', 'TUR'],
    ['royaume uni', 'GBR'],
    ['u. s. a.', 'USA'],
    ["l'Allemagne", 'DEU'],
    ['les Pays-Bas', 'NLD'],
    ['MACEDOINE-DU-NORD', 'MKD'],
  ])('ignores case, accents, punctuation, spacing and a leading article in "%s"', (text, iso3) => {
    // Act
    const ally = findAlly(text);

    // Assess
    expect(ally?.iso3).toBe(iso3);
  });

  it('finds every ally by its ISO3 code, ISO2 code, English name and French name', () => {
    // Act
    const misses = ALLIES.flatMap((a) =>
      [a.iso3, a.iso2, a.nameEn, a.nameFr].filter((name) => findAlly(name)?.iso3 !== a.iso3).map((n) => `${a.iso3}:${n}`),
    );

    // Assess
    expect(misses).toEqual([]);
  });

  it.each(['Austria', 'Ireland', 'Switzerland', 'XX', 'Europe', '', '   ', '...'])('returns null for "%s", which names no ally', (text) => {
    // Act
    const ally = findAlly(text);

    // Assess
    expect(ally).toBeNull();
  });

  it('returns null for a name two allies share rather than guessing', () => {
    // Prepare
    const ally = (iso3: string, iso2: string, nameEn: string, aliases: string[]): AllyRef => ({
      iso3,
      iso2,
      nameEn,
      nameFr: nameEn,
      aliases,
      accession: 1949,
      group: 'europe',
      europeCanada: true,
      currencies: [{ currency: 'EUR', from: 1999 }],
    });
    const find = allyFinder([ally('AAA', 'AA', 'Alpha', ['Lowlands']), ally('BBB', 'BB', 'Beta', ['Low Lands'])]);

    // Act
    const shared = find('lowlands');
    const own = find('beta');

    // Assess
    expect(shared).toBeNull();
    expect(own?.iso3).toBe('BBB');
  });

  it('finds an ally whatever the case and spacing of any of its names', () => {
    // Prepare
    const names = ALLIES.flatMap((a) => [a.nameEn, a.nameFr, ...a.aliases].map((name) => ({ name, iso3: a.iso3 })));

    // Act and Assess
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
        fc.constantFrom(' ', '  ', '\t', '-', '.'),
        ({ name, iso3 }, upper, pad) => {
          const scrambled = [...name].map((ch, i) => (upper[i % 64] ? ch.toUpperCase() : ch.toLowerCase())).join('');
          expect(findAlly(`${pad}${scrambled.replace(/ /g, pad)}${pad}`)?.iso3).toBe(iso3);
        },
      ),
    );
  });
});

describe('nameKey', () => {
  it('reduces spelling variants of one name to the same key', () => {
    // Act
    const keys = new Set(['Türkiye', 'TURKIYE', 'tür-ki-ye', ' Turkiye. '].map(nameKey));

    // Assess
    expect([...keys]).toEqual(['turkiye']);
  });
});
