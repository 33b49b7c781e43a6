// The submission's fields, spelt once: each one's path in the record (`core.total`), what it
// holds, its labels and hints in English and French, and the words finance offices actually put
// in their headers. The order is the record's and the template's column order. The field paths,
// the parts of each breakdown, the record schema, the reader's header lookup and the template's
// columns all derive from this table.
import type { Lang } from '../text/index.ts';

/** What a field holds, which decides how its cells are parsed and what the record keeps. */
const FieldKind = { year: 'year', status: 'status', currency: 'currency', amount: 'amount', text: 'text', flag: 'flag' } as const;
type FieldKind = (typeof FieldKind)[keyof typeof FieldKind];

interface FieldDef {
  kind: FieldKind;
  label: Readonly<Record<Lang, string>>;
  /** Short explanation, shown as the template's input message. */
  hint: Readonly<Record<Lang, string>>;
  /** Other ways people write the header, in either language (normalised before lookup). */
  synonyms: readonly string[];
  /**
   * Left out of a record when not given (the parts of a breakdown, notes, the flag). A field
   * that is not optional is always there; an amount that is not given is then null.
   */
  optional?: boolean;
  /** False for the one field the submission template has no input column for. */
  template?: boolean;
}

const FIELDS = {
  year: {
    kind: 'year',
    label: { en: 'Year', fr: 'Année' },
    hint: { en: 'Calendar year of the figures.', fr: 'Année civile des chiffres.' },
    synonyms: ['yr', 'years', 'fiscal year', 'calendar year', 'annee', 'annees', 'exercice', 'annee budgetaire'],
  },
  status: {
    kind: 'status',
    label: { en: 'Status', fr: 'Statut' },
    hint: {
      en: 'actual (outturn), estimate (current year) or plan (future years).',
      fr: 'réalisé (chiffres définitifs), estimé (année en cours) ou prévu (années futures).',
    },
    synonyms: ['statut', 'figure status', 'data status', 'type of figure', 'type of data', 'nature', 'nature des donnees', 'etat'],
  },
  currency: {
    kind: 'currency',
    label: { en: 'Currency', fr: 'Devise' },
    hint: { en: 'ISO 4217 code of the amounts (e.g. EUR).', fr: 'Code ISO 4217 des montants (p. ex. EUR).' },
    synonyms: ['ccy', 'cur', 'curr', 'currency code', 'devise', 'monnaie', 'code devise'],
  },
  gdp: {
    kind: 'amount',
    label: { en: 'GDP', fr: 'PIB' },
    hint: {
      en: 'Gross domestic product at current prices.',
      fr: 'Produit intérieur brut aux prix courants.',
    },
    synonyms: [
      'pib',
      'gross domestic product',
      'nominal gdp',
      'gdp current prices',
      'gdp at current prices',
      'gdp nominal',
      'produit interieur brut',
      'pib nominal',
      'pib aux prix courants',
    ],
  },
  'core.total': {
    kind: 'amount',
    label: { en: 'Core defence expenditure (total)', fr: 'Dépenses de défense de base (total)' },
    hint: {
      en: 'Defence expenditure under the NATO definition: the sum of the breakdown.',
      fr: 'Dépenses de défense selon la définition de l’OTAN : la somme de la ventilation.',
    },
    synonyms: [
      'core defence expenditure',
      'core defense expenditure',
      'core defence expenditure total',
      'core defence',
      'core defense',
      'core total',
      'total core',
      'defence expenditure',
      'defense expenditure',
      'total defence expenditure',
      'total defense expenditure',
      'defence expenditure total',
      'total defence',
      'total defense',
      'defence spending',
      'defense spending',
      'defence budget',
      'nato defence expenditure',
      'def exp',
      'defence exp',
      'def expenditure',
      'tot def exp',
      'total def exp',
      'depenses de defense',
      'depenses de defense de base',
      'depenses de defense totales',
      'total des depenses de defense',
      'depenses de defense de base total',
      'depenses militaires',
      'dep defense',
    ],
  },
  'core.personnel': {
    kind: 'amount',
    optional: true,
    label: { en: 'Personnel', fr: 'Personnel' },
    hint: { en: 'Pay, allowances and pensions.', fr: 'Soldes, indemnités et pensions.' },
    synonyms: [
      'personnel costs',
      'personnel expenditure',
      'personnel expenses',
      'pay and pensions',
      'staff costs',
      'pers',
      'pers costs',
      'depenses de personnel',
      'frais de personnel',
      'remunerations et pensions',
    ],
  },
  'core.equipment': {
    kind: 'amount',
    optional: true,
    label: { en: 'Major equipment incl. R&D', fr: 'Équipements majeurs, y compris R-D' },
    hint: {
      en: 'Major equipment and the research and development for it.',
      fr: 'Équipements majeurs et la recherche-développement correspondante.',
    },
    synonyms: [
      'equipment',
      'major equipment',
      'major equipment incl r d',
      'major equipment including r d',
      'major equipment and r d',
      'equipment incl r d',
      'equipment expenditure',
      'procurement',
      'equip',
      'eqpt',
      'maj equip',
      'major equip',
      'equipements',
      'equipement',
      'equipements majeurs',
      'equipements majeurs y compris r d',
      'equipements majeurs y compris la r d',
      'equipements majeurs et r d',
      'materiel',
      'gros equipements',
    ],
  },
  'core.infrastructure': {
    kind: 'amount',
    optional: true,
    label: { en: 'Infrastructure', fr: 'Infrastructures' },
    hint: { en: 'Military infrastructure.', fr: 'Infrastructures militaires.' },
    synonyms: ['infrastructures', 'infra', 'military infrastructure', 'infrastructures militaires', 'infrastructure militaire'],
  },
  'core.operations': {
    kind: 'amount',
    optional: true,
    label: { en: 'Operations and maintenance', fr: 'Fonctionnement et entretien' },
    hint: { en: 'Operations and maintenance (O&M).', fr: 'Fonctionnement et entretien.' },
    synonyms: [
      'o m',
      'o and m',
      'operations maintenance',
      'operations and maintenance',
      'operation and maintenance',
      'operating and maintenance',
      'operations',
      'ops',
      'om',
      'operating costs',
      'fonctionnement et entretien',
      'fonctionnement',
      'operations et maintenance',
      'exploitation et maintenance',
    ],
  },
  'core.other': {
    kind: 'amount',
    optional: true,
    label: { en: 'Other core expenditure', fr: 'Autres dépenses de base' },
    hint: { en: 'Core defence expenditure not in the four parts before.', fr: 'Dépenses de base hors des quatre postes précédents.' },
    synonyms: [
      'other core',
      'other core expenditure',
      'other defence',
      'other defense',
      'other defence expenditure',
      'other defense expenditure',
      'core other',
      'autres depenses de base',
      'autres depenses de defense',
      'autres defense',
    ],
  },
  'security.total': {
    kind: 'amount',
    label: { en: 'Security-related expenditure (total)', fr: 'Dépenses liées à la sécurité (total)' },
    hint: {
      en: 'Security-related expenditure (the up-to-1.5% track): the sum of its breakdown.',
      fr: 'Dépenses liées à la sécurité (volet jusqu’à 1,5 %) : la somme de leur ventilation.',
    },
    synonyms: [
      'security related',
      'security related expenditure',
      'security related spending',
      'security related total',
      'sec rel',
      'security rel',
      'security related expenditure total',
      'total security related',
      'total security related expenditure',
      'security expenditure',
      'security spending',
      'security total',
      'total security',
      'resilience and security',
      'depenses liees a la securite',
      'depenses liees a la securite total',
      'depenses connexes a la securite',
      'total securite',
      'securite total',
      'depenses de securite',
    ],
  },
  'security.criticalInfrastructure': {
    kind: 'amount',
    optional: true,
    label: { en: 'Critical infrastructure protection', fr: 'Protection des infrastructures critiques' },
    hint: { en: 'Protecting critical infrastructure.', fr: 'Protection des infrastructures critiques.' },
    synonyms: [
      'critical infrastructure',
      'critical infrastructure protection',
      'protection of critical infrastructure',
      'cip',
      'crit infra',
      'critical infra',
      'infrastructures critiques',
      'infrastructure critique',
      'protection des infrastructures critiques',
    ],
  },
  'security.cyber': {
    kind: 'amount',
    optional: true,
    label: { en: 'Cyber defence', fr: 'Cyberdéfense' },
    hint: { en: 'Defending networks (cyber).', fr: 'Défense des réseaux (cyber).' },
    synonyms: [
      'cyber',
      'cyber defense',
      'cyberdefence',
      'cyberdefense',
      'cyber security',
      'cybersecurity',
      'network defence',
      'cyber def',
      'network defense',
      'cybersecurite',
      'defense des reseaux',
    ],
  },
  'security.civilPreparedness': {
    kind: 'amount',
    optional: true,
    label: { en: 'Civil preparedness and resilience', fr: 'Préparation civile et résilience' },
    hint: { en: 'Civil preparedness and resilience.', fr: 'Préparation civile et résilience.' },
    synonyms: [
      'civil preparedness',
      'resilience',
      'civil preparedness resilience',
      'civil defence',
      'civil defense',
      'civ prep',
      'preparation civile',
      'resilience et preparation civile',
      'preparation civile et resilience',
      'protection civile',
    ],
  },
  'security.innovation': {
    kind: 'amount',
    optional: true,
    label: { en: 'Innovation', fr: 'Innovation' },
    hint: { en: 'Defence and security innovation.', fr: 'Innovation de défense et de sécurité.' },
    synonyms: ['defence innovation', 'defense innovation', 'innovation de defense'],
  },
  'security.industrialBase': {
    kind: 'amount',
    optional: true,
    label: { en: 'Defence industrial base', fr: 'Base industrielle de défense' },
    hint: { en: 'Strengthening the defence industrial base.', fr: 'Renforcement de la base industrielle de défense.' },
    synonyms: [
      'industrial base',
      'defense industrial base',
      'dib',
      'dtib',
      'defence industry',
      'base industrielle',
      'base industrielle et technologique de defense',
      'bitd',
    ],
  },
  'security.militaryMobility': {
    kind: 'amount',
    optional: true,
    label: { en: 'Military mobility', fr: 'Mobilité militaire' },
    hint: {
      en: 'Roads, bridges, railways and ports able to carry heavy military transport.',
      fr: 'Routes, ponts, voies ferrées et ports capables de supporter des transports militaires lourds.',
    },
    synonyms: ['mobility', 'mobilite militaire', 'mobilite', 'mil mobility'],
  },
  'security.other': {
    kind: 'amount',
    optional: true,
    label: { en: 'Other security-related expenditure', fr: 'Autres dépenses liées à la sécurité' },
    hint: { en: 'Other security-related expenditure.', fr: 'Autres dépenses liées à la sécurité.' },
    synonyms: [
      'other security',
      'other security related',
      'other security related expenditure',
      'security other',
      'autres depenses liees a la securite',
      'autres securite',
    ],
  },
  notes: {
    kind: 'text',
    optional: true,
    label: { en: 'Notes', fr: 'Remarques' },
    hint: { en: 'Anything a reader of the figures should know.', fr: 'Tout ce qu’un lecteur des chiffres doit savoir.' },
    synonyms: ['note', 'comments', 'comment', 'remarks', 'remarques', 'commentaires', 'observations'],
  },
  // Figures that are not official (e.g. sample plans) say so, and reports flag them. The flag
  // marks sample figures and has no place in an ally's return, so the template has no column for it.
  illustrative: {
    kind: 'flag',
    optional: true,
    template: false,
    label: { en: 'Illustrative', fr: 'Illustratif' },
    hint: {
      en: 'yes when the figures of the row are illustrative, not official; no (or empty) otherwise.',
      fr: 'oui si les chiffres de la ligne sont illustratifs, non officiels ; non (ou vide) sinon.',
    },
    synonyms: ['illustrative figure', 'illustrative figures', 'illustrative only', 'chiffre illustratif', 'chiffres illustratifs', 'illustratifs'],
  },
} as const satisfies Record<string, FieldDef>;

type Fields = typeof FIELDS;
type FieldPath = keyof Fields;

/** Every field path, in the table's order. */
const FIELD_PATHS = Object.keys(FIELDS) as [FieldPath, ...FieldPath[]];

/** A field's definition, seen through the common shape (the table's entries differ in their optional keys). */
const fieldDef = (path: FieldPath): FieldDef => FIELDS[path];

const isFieldPath = (text: string): text is FieldPath => Object.hasOwn(FIELDS, text);

const fieldLabel = (path: FieldPath, lang: Lang = 'en'): string => FIELDS[path].label[lang];

/** The fields whose cells hold amounts (GDP, the totals and every part). */
type AmountPath = { [P in FieldPath]: Fields[P]['kind'] extends 'amount' ? P : never }[FieldPath];
const isAmountPath = (path: FieldPath): path is AmountPath => FIELDS[path].kind === FieldKind.amount;

export { FieldKind, FIELDS, FIELD_PATHS, fieldDef, fieldLabel, isFieldPath, isAmountPath };
export type { FieldDef, FieldPath, Fields, AmountPath };
