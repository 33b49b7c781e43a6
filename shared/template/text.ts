// The template's own wording, per language. Field labels come from the submission's field
// table; this holds the sentences around them.
import type { Rules } from '../model/index.ts';
import type { Lang } from '../text/index.ts';

interface TemplateText {
  dataSheet: string;
  instructionsSheet: string;
  title: (allyName: string) => string;
  allyLabel: string;
  unitsLine: string;
  million: (currencies: string) => string;
  coreBanner: string;
  securityBanner: string;
  computedBanner: string;
  computed: { coreSum: string; securitySum: string; corePct: string; securityPct: string; combinedPct: string };
  computedHint: string;
  numberError: { title: string; message: string };
  statusError: { title: string; message: string };
  instructions: (allyName: string, from: number, to: number, rules: Rules) => string[];
}

/** 3.5 → "3,5 %" (French decimal comma and spacing). */
const frPct = (n: number): string => `${String(n).replace('.', ',')}\u00a0%`;

const TEXT: Record<Lang, TemplateText> = {
  en: {
    dataSheet: 'Data',
    instructionsSheet: 'Instructions',
    title: (ally) => `Defence expenditure submission — ${ally}`,
    allyLabel: 'Ally',
    unitsLine: 'Units: million (of the currency in the Currency column), current prices',
    million: (c) => `${c} million`,
    coreBanner: 'Core defence expenditure (NATO definition)',
    securityBanner: 'Security-related expenditure',
    computedBanner: 'Computed — do not fill',
    computed: {
      coreSum: 'Core: sum of breakdown',
      securitySum: 'Security-related: sum of breakdown',
      corePct: 'Core, share of GDP',
      securityPct: 'Security-related, share of GDP',
      combinedPct: 'Core + security-related, share of GDP',
    },
    computedHint: 'Calculated from the figures you enter; it cannot be edited.',
    numberError: { title: 'Amount expected', message: 'Enter an amount of zero or more, as a number (in millions). Leave the cell empty when there is no figure.' },
    statusError: { title: 'Status expected', message: 'Choose actual, estimate or plan from the list.' },
    instructions: (ally, from, to, rules) => [
      `Defence expenditure submission for ${ally}, years ${from} to ${to}.`,
      '',
      'What to fill in',
      'On the "Data" sheet, one row per year: the status, GDP, core defence expenditure (the total and its breakdown) and security-related expenditure (the total and its breakdown). Leave a cell empty when there is no figure.',
      'Status: actual for years with final figures, estimate for the current year, plan for future years. Choose from the list.',
      'Units: every amount is in millions of the currency named in the Currency column of its row, at current prices. The currency is filled in for you; change it only if your figures are in another currency.',
      'Grey columns are computed from your figures (sums of the breakdowns and shares of GDP) so you can check them; they cannot be edited.',
      '',
      `The tracks (${rules.name})`,
      `Core defence expenditure under the NATO definition: at least ${rules.tracks.core.target}% of GDP by ${rules.targetYear}.`,
      `Security-related expenditure (protecting critical infrastructure, cyber defence, civil preparedness and resilience, innovation, the defence industrial base, military mobility): up to ${rules.tracks.security.cap}% of GDP.`,
      'The targets applied are those of the rules published with each release.',
      '',
      'How to upload',
      `Save this workbook as .xlsx (do not rename it to another format) and upload it under submissions/<ISO3>/ for ${ally}. You will get a receipt: accepted, accepted with warnings, or rejected with every problem named by sheet and cell. To correct figures, upload a corrected file: for each year the most recent accepted upload wins.`,
    ],
  },
  fr: {
    dataSheet: 'Données',
    instructionsSheet: 'Instructions',
    title: (ally) => `Déclaration des dépenses de défense — ${ally}`,
    allyLabel: 'Allié',
    unitsLine: 'Unités : millions (de la devise de la colonne Devise), prix courants',
    million: (c) => `millions ${c}`,
    coreBanner: 'Dépenses de défense de base (définition OTAN)',
    securityBanner: 'Dépenses liées à la sécurité',
    computedBanner: 'Calculé — ne pas remplir',
    computed: {
      coreSum: 'Base : somme de la ventilation',
      securitySum: 'Sécurité : somme de la ventilation',
      corePct: 'Base, part du PIB',
      securityPct: 'Sécurité, part du PIB',
      combinedPct: 'Base + sécurité, part du PIB',
    },
    computedHint: 'Calculé à partir de vos chiffres ; non modifiable.',
    numberError: { title: 'Montant attendu', message: 'Saisissez un montant positif ou nul, en chiffres (en millions). Laissez la cellule vide s’il n’y a pas de chiffre.' },
    statusError: { title: 'Statut attendu', message: 'Choisissez réalisé, estimé ou prévu dans la liste.' },
    instructions: (ally, from, to, rules) => [
      `Déclaration des dépenses de défense : ${ally}, années ${from} à ${to}.`,
      '',
      'Que remplir',
      'Dans la feuille « Données », une ligne par année : le statut, le PIB, les dépenses de défense de base (total et ventilation) et les dépenses liées à la sécurité (total et ventilation). Laissez une cellule vide s’il n’y a pas de chiffre.',
      'Statut : réalisé pour les années aux chiffres définitifs, estimé pour l’année en cours, prévu pour les années futures. Choisissez dans la liste.',
      'Unités : tous les montants sont en millions de la devise indiquée dans la colonne Devise de la ligne, aux prix courants. La devise est pré-remplie ; ne la changez que si vos chiffres sont dans une autre devise.',
      'Les colonnes grises sont calculées à partir de vos chiffres (sommes des ventilations et parts du PIB) pour vérification ; elles ne sont pas modifiables.',
      '',
      `Les volets (${rules.name})`,
      `Dépenses de défense de base selon la définition de l’OTAN : au moins ${frPct(rules.tracks.core.target)} du PIB d’ici ${rules.targetYear}.`,
      `Dépenses liées à la sécurité (protection des infrastructures critiques, cyberdéfense, préparation civile et résilience, innovation, base industrielle de défense, mobilité militaire) : jusqu’à ${frPct(rules.tracks.security.cap)} du PIB.`,
      'Les objectifs appliqués sont ceux des règles publiées avec chaque édition.',
      '',
      'Comment déposer le fichier',
      `Enregistrez ce classeur au format .xlsx et déposez-le sous submissions/<ISO3>/ pour ${ally}. Vous recevrez un accusé : accepté, accepté avec avertissements, ou refusé avec chaque problème désigné par feuille et cellule. Pour corriger des chiffres, déposez un fichier corrigé : pour chaque année, le dernier dépôt accepté l’emporte.`,
    ],
  },
};

export { TEXT };
export type { TemplateText };
