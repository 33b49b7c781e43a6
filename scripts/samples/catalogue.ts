// Which layout each ally's sample uses. Most are on our template (a few in French); at least
// five are in "foreign" layouts, the way finance offices send their own tables.
import type { ForeignLayout } from './layouts.ts';

/** The year the samples are dated: illustrative years up to it are estimates, later ones plans. */
const SAMPLES_AS_OF_YEAR = 2026;

const SOURCE_LINE_EN =
  'Source: 2014-2024 from NATO, "Defence Expenditure of NATO Countries (2014-2024)", 17 June 2024, Tables 1, 3 and 8 (GDP derived as expenditure x 100 / share of GDP). 2025-2035: illustrative, not official figures.';
const SOURCE_LINE_FR =
  'Source : 2014-2024 d’après l’OTAN, « Dépenses de défense des pays de l’OTAN (2014-2024) », 17 juin 2024, tableaux 1, 3 et 8 (PIB déduit : dépenses x 100 / part du PIB). 2025-2035 : chiffres illustratifs, non officiels.';

const NOTES_EN = [
  'About this file',
  'A sample submission built by scripts/build-samples.ts from samples/source/nato-def-exp-2024.json.',
  SOURCE_LINE_EN,
  'GDP: NATO publishes no GDP in national currency; GDP = expenditure x 100 / NATO share of GDP (Table 3), which reproduces the published share.',
  'Breakdown: Table 8 shares of expenditure; "Other" holds operations & maintenance and other expenditure, as NATO groups them.',
  'Every row marked Illustrative = yes is NOT an official figure: plan paths, GDP growth and security-related spending were made up for testing.',
];

type SampleLayout =
  | { kind: 'template'; lang: 'en' | 'fr' }
  | { kind: 'xlsx'; layout: ForeignLayout }
  | { kind: 'csv'; layout: ForeignLayout };

const foreign: Record<string, SampleLayout> = {
  // Years across the columns, title rows and a notes sheet after the data.
  DEU: {
    kind: 'xlsx',
    layout: {
      lang: 'en',
      orientation: 'columns',
      scale: 1,
      sheetName: 'Defence expenditure',
      statusOnYear: true,
      preamble: ['Germany: defence and security-related expenditure, 2014-2035', 'Ally: Germany', 'EUR million, current prices', SOURCE_LINE_EN],
      sheetsAfter: { Notes: NOTES_EN },
    },
  },
  // French headers, years across.
  BEL: {
    kind: 'xlsx',
    layout: {
      lang: 'fr',
      orientation: 'columns',
      scale: 1,
      sheetName: 'Dépenses',
      preamble: ['Belgique : dépenses de défense et dépenses liées à la sécurité', 'Pays : Belgique', 'En millions EUR, prix courants', SOURCE_LINE_FR],
    },
  },
  // French headers, years down, a notes sheet in front.
  FRA: {
    kind: 'xlsx',
    layout: {
      lang: 'fr',
      orientation: 'rows',
      scale: 1,
      sheetName: 'Données',
      preamble: ['France : dépenses de défense 2014-2035', 'Pays : France', 'Montants en millions d’euros (EUR), prix courants', SOURCE_LINE_FR],
      sheetsBefore: { 'Lisez-moi': ['Fichier d’exemple : voir la feuille Données.', SOURCE_LINE_FR] },
    },
  },
  // Billions; fiscal years; a merged title.
  GBR: {
    kind: 'xlsx',
    layout: {
      lang: 'en',
      orientation: 'rows',
      scale: 0.001,
      sheetName: 'UK',
      preamble: [
        'United Kingdom: defence expenditure (NATO definition), FY2014/15 to FY2035/36',
        'Ally: United Kingdom',
        'GBP billion, current prices; year 2024 = FY2024/25',
        SOURCE_LINE_EN,
      ],
      mergeTitle: true,
    },
  },
  // Thousands; a cover sheet before the data.
  USA: {
    kind: 'xlsx',
    layout: {
      lang: 'en',
      orientation: 'rows',
      scale: 1000,
      sheetName: 'Data',
      preamble: ['United States: national defense and security-related spending', 'Ally: United States', 'USD thousands, current prices; year 2024 = FY2024 (October 2023 to September 2024)', SOURCE_LINE_EN],
      sheetsBefore: { Cover: NOTES_EN },
    },
  },
  // A semicolon CSV with decimal commas.
  NOR: {
    kind: 'csv',
    layout: {
      lang: 'en',
      orientation: 'rows',
      scale: 1,
      sheetName: 'NOR',
      preamble: ['Norway: defence expenditure', 'Ally: Norway', 'NOK million, current prices', SOURCE_LINE_EN],
    },
  },
};

/** Template allies whose sample is in French. */
const FRENCH_TEMPLATE = new Set(['CAN', 'LUX']);

const layoutFor = (iso3: string): SampleLayout =>
  foreign[iso3] ?? { kind: 'template', lang: FRENCH_TEMPLATE.has(iso3) ? 'fr' : 'en' };

/** samples/<ISO3>-<name>.<ext>, the name in lower-case ASCII words. */
const sampleFileName = (iso3: string, nameEn: string, layout: SampleLayout): string => {
  const slug = nameEn
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${iso3}-${slug}.${layout.kind === 'csv' ? 'csv' : 'xlsx'}`;
};

export { SAMPLES_AS_OF_YEAR, layoutFor, sampleFileName, SOURCE_LINE_EN, SOURCE_LINE_FR, NOTES_EN };
export type { SampleLayout };
