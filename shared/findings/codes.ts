// Every finding code, spelt once: its severity and its sentence in each language. A sentence is
// a function of the finding's facts (see params.ts), like a locale of zod's error map; the
// guard, the reader and the checks only pick a code and fill in facts. `FindingCode` derives
// from this table, so a code that is not here does not compile, and a language added to `Lang`
// must be given to every entry.
import type { Lang } from '../text/index.ts';
import type { FindingParams } from './params.ts';
import { en, fr, placeIn, str } from './phrasing.ts';
import { Severity } from './severity.ts';

type Sentence = (p: FindingParams) => string;
type FindingEntry = { severity: Severity } & Readonly<Record<Lang, Sentence>>;

const { q, NB } = fr;

// The guard refuses the whole file over an oversized sheet; the reader only skips that sheet
// (its findings say `refused: 'sheet'`).
const sheetRefused = (p: FindingParams): boolean => p.refused === 'sheet';

const SAVE_AS_STEPS = 'use File > Save As in Excel and choose "Excel Workbook (*.xlsx)", then upload that file.';
const SAVE_AS_XLSX = `To convert it, ${SAVE_AS_STEPS}`;
const SAVE_AS_STEPS_FR = `dans Excel, choisissez Fichier > Enregistrer sous, puis le type ${q('Classeur Excel (*.xlsx)')}, et déposez ce fichier.`;
const SAVE_AS_XLSX_FR = `Pour le convertir, ${SAVE_AS_STEPS_FR}`;
const CSV_TYPE_FR = q('CSV UTF-8 (délimité par des virgules) (*.csv)');

// What to do instead, for the wrong file types officers most often send.
const UNSUPPORTED_HINTS: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  en: {
    '.xlsb': SAVE_AS_XLSX,
    '.xltx': SAVE_AS_XLSX,
    '.numbers': 'In Numbers use File > Export To > Excel, then upload the .xlsx file.',
    '.txt': 'Save the table from Excel as "CSV UTF-8 (Comma delimited) (*.csv)" or as .xlsx and upload that file.',
    '.tsv': 'Save the table from Excel as "CSV UTF-8 (Comma delimited) (*.csv)" or as .xlsx and upload that file.',
    '.pdf': 'A PDF cannot be read; upload the workbook the PDF was made from, saved as .xlsx.',
    '.zip': 'Upload the workbook itself (.xlsx), not a zip archive of it.',
  },
  fr: {
    '.xlsb': SAVE_AS_XLSX_FR,
    '.xltx': SAVE_AS_XLSX_FR,
    '.numbers': 'Dans Numbers, choisissez Fichier > Exporter vers > Excel, puis déposez le fichier .xlsx.',
    '.txt': `Enregistrez le tableau depuis Excel au format ${CSV_TYPE_FR} ou au format .xlsx, et déposez ce fichier.`,
    '.tsv': `Enregistrez le tableau depuis Excel au format ${CSV_TYPE_FR} ou au format .xlsx, et déposez ce fichier.`,
    '.pdf': 'Un PDF ne peut pas être lu : déposez le classeur dont il est issu, enregistré au format .xlsx.'.replace(' :', `${NB}:`),
    '.zip': 'Déposez le classeur lui-même (.xlsx), et non une archive zip qui le contient.',
  },
};

/** The CSV problems the guard names by key (csv.ts), in French. */
const csvProblemFr = (p: FindingParams): string => {
  switch (p.problem) {
    case 'utf16':
      return `il est enregistré en UTF-16, dit ${q('Texte Unicode')}`;
    case 'not-utf8':
      return 'il contient des octets qui ne sont pas de l’UTF-8, par exemple une page de code Windows ou un fichier binaire';
    case 'control':
      return `il contient des caractères de contrôle binaires, dont le code ${str(p.charCode)} au caractère ${str(p.position)}`;
    case 'undecodable':
      return `l’octet ${hexByte(p.byte)} à la position ${str(p.offset)} n’est du texte ni en UTF-8, ni en Windows-1252, ni en ISO-8859-1`;
    case 'other-code-page':
      return `le mot ${q(str(p.word))} à l’octet ${str(p.offset)} se lit comme les lettres d’une autre page de code (cyrillique, grecque ou d’Europe centrale)`;
    default: {
      const kind = fr.fileKind(p.problem);
      return kind ? `c’est ${kind}` : 'ce n’est pas du texte';
    }
  }
};

/** Where a year first appeared (a receipt written before `firstSheet` kept the place as text). */
const firstPlace = (p: FindingParams, lang: Lang): string =>
  placeIn(p.firstSheet, p.firstCell, lang) || `${lang === 'en' ? 'in' : 'dans'} ${str(p.firstPlace)}`;

const GROUPS_EN: Readonly<Record<string, string>> = { core: 'core defence expenditure', security: 'security-related expenditure' };
const groupEn = (p: FindingParams): string => GROUPS_EN[str(p.group)] ?? str(p.part);

/** "LTL or EUR": the currencies the ally may use for that year. */
const currenciesFr = (p: FindingParams): string => {
  const ofYear = str(p.yearCurrency);
  const ofToday = str(p.todayCurrency);
  if (!ofYear || !ofToday) return str(p.expected);
  return ofYear === ofToday ? ofToday : `${ofYear} ou ${ofToday}`;
};

/** The encodings a .csv may be read in (csv-text.ts), named for a submitter. */
const ENCODINGS: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  en: {
    'windows-1252': `Windows-1252 (what Excel's plain "CSV" writes on Windows in Western Europe and the Americas)`,
    'iso-8859-1': 'ISO-8859-1 (Latin-1; Windows-1252 reads this file the same way)',
    'utf-16le': 'UTF-16 (what Excel calls "Unicode text")',
    'utf-16be': 'UTF-16 (what Excel calls "Unicode text")',
  },
  fr: {
    'windows-1252': `Windows-1252 (ce qu’écrit le format ${q('CSV')} simple d’Excel sous Windows en Europe occidentale et aux Amériques)`,
    'iso-8859-1': 'ISO-8859-1 (Latin-1, que Windows-1252 lit de la même façon pour ce fichier)',
    'utf-16le': `UTF-16 (ce qu’Excel appelle ${q('Texte Unicode')})`,
    'utf-16be': `UTF-16 (ce qu’Excel appelle ${q('Texte Unicode')})`,
  },
};

/** "0x81": a byte as people look it up. */
const hexByte = (v: FindingParams[string]): string => (typeof v === 'number' ? `0x${v.toString(16).toUpperCase().padStart(2, '0')}` : str(v));

/** The scripts whose letters imitate Latin ones (read/confusables.ts), as adjectives of "letter". */
const SCRIPTS_EN: Readonly<Record<string, string>> = {
  Cyrillic: 'Cyrillic',
  Greek: 'Greek',
  Armenian: 'Armenian',
  Cherokee: 'Cherokee',
  Coptic: 'Coptic',
  Georgian: 'Georgian',
  Hebrew: 'Hebrew',
  Arabic: 'Arabic',
};
const SCRIPTS_FR: Readonly<Record<string, string>> = {
  Cyrillic: 'cyrillique',
  Greek: 'grecque',
  Armenian: 'arménienne',
  Cherokee: 'cherokee',
  Coptic: 'copte',
  Georgian: 'géorgienne',
  Hebrew: 'hébraïque',
  Arabic: 'arabe',
};
const letterEn = (p: FindingParams): string => (SCRIPTS_EN[str(p.script)] ? `the ${SCRIPTS_EN[str(p.script)]} letter` : 'a letter of another script');
const letterFr = (p: FindingParams): string => (SCRIPTS_FR[str(p.script)] ? `la lettre ${SCRIPTS_FR[str(p.script)]}` : 'une lettre d’une autre écriture');

/** A row or a column of the sheet, as the unread-figures findings name it. */
const lineEn = (p: FindingParams): string => (p.line === 'row' ? 'row' : 'column');
const lineFr = (p: FindingParams): string => (p.line === 'row' ? 'la ligne' : 'la colonne');

/** Why a number with one separator and three digits was read the way it was. */
const separatorBasisEn = (p: FindingParams): string => {
  switch (p.basis) {
    case 'delimiter':
      return 'the file is separated by semicolons, as files that write decimals with a comma are';
    case 'table':
      return `the other numbers of the table write decimals with a ${p.decimalMark === ',' ? 'comma' : 'point'}`;
    default:
      return 'nothing else in the file settles which mark separates decimals';
  }
};
const separatorBasisFr = (p: FindingParams): string => {
  switch (p.basis) {
    case 'delimiter':
      return 'le fichier est séparé par des points-virgules, comme ceux qui écrivent les décimales avec une virgule';
    case 'table':
      return `les autres nombres du tableau écrivent les décimales avec ${p.decimalMark === ',' ? 'une virgule' : 'un point'}`;
    default:
      return 'rien d’autre dans le fichier n’indique quel signe sépare les décimales';
  }
};

/** What makes an upload's key unsafe to file, by the key the pipeline gives it. */
const KEY_PROBLEMS: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  en: {
    'dot-segment': 'has a "." or ".." folder',
    control: 'contains a control character (such as a line break)',
    'empty-segment': 'has an empty folder name',
  },
  fr: {
    'dot-segment': `contient un dossier ${q('.')} ou ${q('..')}`,
    control: 'contient un caractère de contrôle (un saut de ligne, par exemple)',
    'empty-segment': 'contient un nom de dossier vide',
  },
};

/** An upload time as people read it in either language: "2026-03-01 10:00 UTC". */
const moment = (v: FindingParams[string]): string => {
  const t = typeof v === 'string' ? new Date(v) : null;
  return t && !Number.isNaN(t.getTime()) ? `${t.toISOString().slice(0, 16).replace('T', ' ')} UTC` : str(v);
};

/** "that year" or "those years", by how many years a finding names. */
const yearsWord = (p: FindingParams, lang: Lang): string => {
  const several = str(p.years).includes(',');
  if (lang === 'en') return several ? 'those years' : 'that year';
  return several ? 'pour ces années' : 'pour cette année';
};

const FINDINGS = {
  // The file as a whole (guard).
  'empty-file': {
    severity: Severity.error,
    en: () => 'The file is empty (0 bytes). Save the workbook again and upload the saved file.',
    fr: () => 'Le fichier est vide (0 octet). Enregistrez de nouveau le classeur et déposez le fichier enregistré.',
  },
  'file-too-large': {
    severity: Severity.error,
    en: (p) =>
      `The file is ${en.bytes(p.size, p.found)}, more than the ${en.bytes(p.maxSize, p.expected)} allowed. Remove sheets and pictures that are not part of the submission, or split the years over several uploads.`,
    fr: (p) =>
      `Le fichier pèse ${fr.bytes(p.size, p.found)}, au-delà des ${fr.bytes(p.maxSize, p.expected)} autorisés. Supprimez les feuilles et les images qui ne font pas partie de la déclaration, ou répartissez les années sur plusieurs dépôts.`,
  },
  'legacy-xls': {
    severity: Severity.error,
    en: () => `This is an old-format Excel file (.xls), which is not accepted. ${SAVE_AS_XLSX}`,
    fr: () => `Ce fichier est un classeur Excel d’ancien format (.xls), qui n’est pas accepté. ${SAVE_AS_XLSX_FR}`,
  },
  'macro-enabled': {
    severity: Severity.error,
    en: (p) => `The workbook contains macros (${str(p.found)}), which are not accepted. To save a copy without them, ${SAVE_AS_STEPS}`,
    fr: () => `Le classeur contient des macros, qui ne sont pas acceptées. Pour en enregistrer une copie sans macros, ${SAVE_AS_STEPS_FR}`,
  },
  'ods-not-supported': {
    severity: Severity.error,
    en: () =>
      'This is an OpenDocument spreadsheet (.ods), which is not accepted. In LibreOffice use File > Save As and choose "Excel 2007-365 (.xlsx)", then upload that file.',
    fr: () =>
      `Ce fichier est un classeur OpenDocument (.ods), qui n’est pas accepté. Dans LibreOffice, choisissez Fichier > Enregistrer sous, puis le type ${q('Excel 2007-365 (.xlsx)')}, et déposez ce fichier.`,
  },
  'encrypted-workbook': {
    severity: Severity.error,
    en: () =>
      'The workbook is protected with a password, so it cannot be read. Remove the password (in Excel: File > Info > Protect Workbook > Encrypt with Password, clear it), save, and upload again.',
    fr: () =>
      `Le classeur est protégé par un mot de passe et ne peut donc pas être lu. Retirez le mot de passe (dans Excel${NB}: Fichier > Informations > Protéger le classeur > Chiffrer avec mot de passe, puis effacez-le), enregistrez et déposez-le de nouveau.`,
  },
  'not-a-workbook': {
    severity: Severity.error,
    en: (p) =>
      `The file is named like an Excel workbook but is ${str(p.found) || 'not one'}. Upload the submission itself, saved as an Excel workbook (.xlsx) or as CSV UTF-8 (.csv).`,
    fr: (p) => {
      const kind = fr.fileKind(p.kind);
      return `Le fichier porte le nom d’un classeur Excel, mais ${kind ? `c’est ${kind}` : 'n’en est pas un'}. Déposez la déclaration elle-même, enregistrée en classeur Excel (.xlsx) ou en CSV UTF-8 (.csv).`;
    },
  },
  'corrupt-zip': {
    severity: Severity.error,
    en: (p) =>
      `The workbook is damaged and cannot be opened (${str(p.found) || 'its zip structure is broken'}). Open it in Excel, save it again as .xlsx, and upload the saved file.`,
    fr: (p) =>
      `Le classeur est endommagé et ne peut pas être ouvert (${str(p.found) ? `détail technique${NB}: ${str(p.found)}` : 'sa structure zip est rompue'}). Ouvrez-le dans Excel, enregistrez-le de nouveau au format .xlsx et déposez le fichier enregistré.`,
  },
  'zip-too-many-entries': {
    severity: Severity.error,
    en: (p) =>
      `The workbook is made of ${str(p.found)} parts, more than the ${str(p.expected)} a submission can have. Remove extra sheets, pictures and embedded objects, save as .xlsx and upload again.`,
    fr: (p) =>
      `Le classeur se compose de ${fr.count(p.count, p.found)} éléments, plus que les ${fr.count(p.max, p.expected)} qu’une déclaration peut compter. Supprimez les feuilles, images et objets incorporés superflus, enregistrez au format .xlsx et déposez-le de nouveau.`,
  },
  'zip-too-large': {
    severity: Severity.error,
    en: (p) =>
      `Unpacked, the workbook would take ${en.bytes(p.size, p.found)}, more than the ${en.bytes(p.maxSize, p.expected)} allowed. Remove sheets and objects that are not part of the submission and upload again.`,
    fr: (p) =>
      `Décompressé, le classeur occuperait ${fr.bytes(p.size, p.found)}, au-delà des ${fr.bytes(p.maxSize, p.expected)} autorisés. Supprimez les feuilles et les objets qui ne font pas partie de la déclaration, et déposez-le de nouveau.`,
  },
  'zip-bomb': {
    severity: Severity.error,
    en: (p) =>
      `Part "${str(p.entry)}" of the workbook unpacks to far more than its size suggests (${str(p.found)}; at most ${str(p.expected)} allowed), so the file was not opened. Save the submission again from Excel as .xlsx and upload that file.`,
    fr: (p) =>
      `L’élément ${q(str(p.entry))} du classeur se décompresse en bien plus que sa taille ne le laisse supposer (au moins ${fr.bytes(p.size, p.found)} à partir de ${fr.bytes(p.compressed, '?')}${NB}; ${fr.bytes(p.maxSize, p.expected)} au plus autorisés)${NB}: le fichier n’a donc pas été ouvert. Enregistrez de nouveau la déclaration depuis Excel au format .xlsx et déposez ce fichier.`,
  },
  'too-many-rows': {
    severity: Severity.error,
    en: (p) =>
      `Sheet "${str(p.sheet)}" uses ${en.or(p.found, 'too many')} rows, more than the ${str(p.expected)} a submission may have, so ${sheetRefused(p) ? 'it' : 'the file'} was not read. Delete the unused rows below the table and save again.`,
    fr: (p) =>
      `La feuille ${q(str(p.sheet))} utilise ${p.orMore === true ? 'au moins ' : ''}${fr.count(p.count, p.found) || 'trop de'} lignes, plus que les ${fr.count(p.max, p.expected)} qu’une déclaration peut compter${NB}: ${sheetRefused(p) ? 'elle n’a donc pas été lue' : 'le fichier n’a donc pas été lu'}. Supprimez les lignes inutilisées sous le tableau et enregistrez de nouveau.`,
  },
  'too-many-columns': {
    severity: Severity.error,
    en: (p) =>
      `Sheet "${str(p.sheet)}" uses ${en.or(p.found, 'too many')} columns, more than the ${str(p.expected)} a submission may have, so ${sheetRefused(p) ? 'it' : 'the file'} was not read. Delete the unused columns right of the table and save again.`,
    fr: (p) =>
      `La feuille ${q(str(p.sheet))} utilise ${p.orMore === true ? 'au moins ' : ''}${fr.count(p.count, p.found) || 'trop de'} colonnes, plus que les ${fr.count(p.max, p.expected)} qu’une déclaration peut compter${NB}: ${sheetRefused(p) ? 'elle n’a donc pas été lue' : 'le fichier n’a donc pas été lu'}. Supprimez les colonnes inutilisées à droite du tableau et enregistrez de nouveau.`,
  },
  'unsupported-type': {
    severity: Severity.error,
    en: (p) =>
      `Files of type "${str(p.found) || 'unknown'}" are not accepted. ${UNSUPPORTED_HINTS.en[str(p.found).toLowerCase()] ?? 'Upload an Excel workbook (.xlsx) or a CSV file saved as "CSV UTF-8" (.csv).'}`,
    fr: (p) => {
      const extension = str(p.extension).toLowerCase();
      const what = extension ? `Les fichiers de type ${q(extension)} ne sont pas acceptés.` : 'Les fichiers sans extension ne sont pas acceptés.';
      return `${what} ${UNSUPPORTED_HINTS.fr[extension] ?? `Déposez un classeur Excel (.xlsx) ou un fichier CSV enregistré au format ${q('CSV UTF-8')} (.csv).`}`;
    },
  },
  'merged-range-too-large': {
    severity: Severity.error,
    en: (p) =>
      `Sheet "${str(p.sheet)}" has merged cells (the largest ${str(p.found)}) covering ${str(p.count)} cells in all, more than the ${str(p.expected)} a sheet may merge, so it was not read. Unmerge the cells outside the table and save again.`,
    fr: (p) =>
      `La feuille ${q(str(p.sheet))} a des cellules fusionnées (la plus grande plage${NB}: ${str(p.found)}) qui couvrent ${fr.count(p.count, p.found)} cellules en tout, plus que les ${fr.count(p.max, p.expected)} qu’une feuille peut fusionner${NB}: elle n’a donc pas été lue. Annulez la fusion des cellules hors du tableau et enregistrez de nouveau.`,
  },
  'csv-not-text': {
    severity: Severity.error,
    en: (p) =>
      `The .csv file cannot be read as text (${str(p.found)}). In Excel use File > Save As and choose "CSV UTF-8 (Comma delimited) (*.csv)", or upload the workbook as .xlsx.`,
    fr: (p) =>
      `Le fichier .csv ne peut pas être lu comme du texte (${csvProblemFr(p)}). Dans Excel, choisissez Fichier > Enregistrer sous, puis le type ${CSV_TYPE_FR}, ou déposez le classeur au format .xlsx.`,
  },
  'csv-unclosed-quote': {
    severity: Severity.error,
    en: (p) =>
      `A quote opens a field at line ${str(p.line)}, character ${str(p.column)} of the .csv file and is not closed within the ${str(p.expected)} characters a cell may hold, so the file was not read. Close the quote (or remove it) and save again.`,
    fr: (p) =>
      `Un guillemet ouvre un champ à la ligne ${str(p.line)}, caractère ${str(p.column)}, du fichier .csv et n’est pas refermé dans les ${fr.count(p.max, p.expected)} caractères qu’une cellule peut contenir${NB}: le fichier n’a donc pas été lu. Fermez le guillemet (ou supprimez-le) et enregistrez de nouveau.`,
  },
  'csv-decoded': {
    severity: Severity.info,
    en: (p) =>
      `The .csv file is not UTF-8; it was read as ${ENCODINGS.en[str(p.encoding)] ?? str(p.encoding)}. If a name or label quoted in this receipt looks garbled, save the file from Excel as "CSV UTF-8 (Comma delimited) (*.csv)" and upload it again.`,
    fr: (p) =>
      `Le fichier .csv n’est pas en UTF-8${NB}; il a été lu comme ${ENCODINGS.fr[str(p.encoding)] ?? str(p.encoding)}. Si un nom ou un libellé cité dans cet accusé paraît altéré, enregistrez le fichier depuis Excel au format ${CSV_TYPE_FR} et déposez-le de nouveau.`,
  },
  'workbook-unreadable': {
    severity: Severity.error,
    en: (p) =>
      `The workbook could not be read (${str(p.found) || 'it is damaged or not a spreadsheet'}). Open it in Excel, save it again as .xlsx, and upload the saved file.`,
    fr: (p) =>
      `Le classeur n’a pas pu être lu (${str(p.found) ? `détail technique${NB}: ${str(p.found)}` : 'il est endommagé ou ce n’est pas un tableur'}). Ouvrez-le dans Excel, enregistrez-le de nouveau au format .xlsx et déposez le fichier enregistré.`,
  },

  // Cells and tables (reader).
  'not-a-number': {
    severity: Severity.error,
    en: (p) =>
      `${en.subject(p)}${en.forYear(p)}${en.inPlace(p)} is "${str(p.found)}", which is not a number. Expected ${en.or(p.expected, 'a number such as 1234.5 or 1 234,5, or ".." if there is no figure')}.`,
    fr: (p) =>
      p.share === true
        ? `${fr.cell(p)} contient ${q(str(p.found))}${NB}: le PIB doit être donné en montant, et non en pourcentage.`
        : `${fr.cell(p)} contient ${q(str(p.found))}, qui n’est pas un nombre. Attendu${NB}: un nombre tel que 1234,5 ou 1 234,5 (ou ${q('..')}, ${q('n/a')} ou une cellule vide s’il n’y a pas de chiffre).`,
  },
  'negative-value': {
    severity: Severity.error,
    en: (p) => `${en.subject(p)}${en.forYear(p)}${en.inPlace(p)} is negative (${str(p.found)}). Expected ${en.or(p.expected, 'an amount of zero or more')}.`,
    fr: (p) => `${fr.cell(p)} contient un montant négatif (${fr.amount(p.value, p.found)}). Attendu${NB}: un montant positif ou nul.`,
  },
  'formula-without-value': {
    severity: Severity.error,
    en: (p) =>
      `${en.subject(p)}${en.forYear(p)}${en.inPlace(p)} is a formula whose result was never calculated, so it has no value: open and save the file in Excel/LibreOffice so values are calculated, then upload it again.`,
    fr: (p) =>
      `${fr.cell(p)} contient une formule dont le résultat n’a jamais été calculé${NB}: elle n’a donc pas de valeur. Ouvrez et enregistrez le fichier dans Excel ou LibreOffice pour que les valeurs soient calculées, puis déposez-le de nouveau.`,
  },
  'unknown-unit': {
    severity: Severity.error,
    en: (p) =>
      `The unit "${str(p.found)}"${en.inPlace(p)} is not one the reader knows. Expected ${en.or(p.expected, 'units, thousands, millions or billions (e.g. "EUR million", "en milliers", "bn"), or % of GDP')}.`,
    fr: (p) =>
      `L’unité ${q(str(p.found))}${fr.inPlace(p)} n’est pas reconnue. Attendu${NB}: unités, milliers, millions ou milliards, éventuellement avec une devise (p.${NB}ex. ${q('millions EUR')}, ${q('en milliers')}, ${q('Md')}), ou un pourcentage du PIB.`,
  },
  'pct-without-gdp': {
    severity: Severity.error,
    en: (p) =>
      `${en.subject(p)}${en.forYear(p)}${en.inPlace(p)} is given as ${en.or(p.found, 'a share')} of GDP, but there is no GDP${en.forYear(p)} to turn it into an amount. Expected a GDP figure for the same year.`,
    fr: (p) =>
      `${fr.cell(p)} donne une part du PIB (${fr.percent(p.share, p.found)}), mais aucun PIB n’est indiqué${fr.forYear(p)} pour la convertir en montant. Attendu${NB}: le PIB de la même année.`,
  },
  'no-table': {
    severity: Severity.error,
    en: (p) => `No table of figures was found${str(p.found) ? ` (${str(p.found)})` : ''}. Expected ${en.or(p.expected, 'a table')}.`,
    fr: (p) =>
      `Aucun tableau de chiffres n’a été trouvé${str(p.sheets) ? ` (feuilles lues${NB}: ${str(p.sheets)})` : ''}. Attendu${NB}: un tableau avec une ligne (ou une colonne) par année et des en-têtes qui nomment les chiffres, en français ou en anglais${NB}: Année, Statut, PIB, Dépenses de défense de base, Personnel, Équipements majeurs, Infrastructures, Fonctionnement et entretien, Dépenses liées à la sécurité, Cyberdéfense, Mobilité militaire… (le modèle de déclaration les contient tous).`,
  },
  'year-out-of-range': {
    severity: Severity.error,
    en: (p) => `The year ${str(p.found)}${en.inPlace(p)} is outside the years a submission can cover. Expected ${en.or(p.expected, 'a year')}.`,
    fr: (p) =>
      `L’année ${str(p.found)}${fr.inPlace(p)} est en dehors de la période qu’une déclaration peut couvrir. Attendu${NB}: ${
        p.min != null && p.max != null ? `une année comprise entre ${str(p.min)} et ${str(p.max)}` : 'une année plausible'
      }.`,
  },
  'unknown-status': {
    severity: Severity.error,
    en: (p) =>
      `The status "${str(p.found)}"${en.forYear(p)}${en.inPlace(p)} is not one the reader knows. Expected ${en.or(p.expected, 'actual, estimate or plan')}.`,
    fr: (p) =>
      `Le statut ${q(str(p.found))}${fr.forYear(p)}${fr.inPlace(p)} n’est pas reconnu. Attendu${NB}: réalisé, estimé ou prévu (ou actual, estimate, plan).`,
  },
  'unknown-flag': {
    severity: Severity.error,
    en: (p) => `${en.subject(p)}${en.forYear(p)}${en.inPlace(p)} is "${str(p.found)}", which is neither yes nor no. Expected ${en.or(p.expected, 'yes or no')}.`,
    fr: (p) => `${fr.cell(p)} contient ${q(str(p.found))}, qui n’est ni oui ni non. Attendu${NB}: oui ou non (ou vrai, faux, x, yes, no).`,
  },

  'date-not-number': {
    severity: Severity.error,
    en: (p) =>
      `${en.subject(p)}${en.forYear(p)}${en.inPlace(p)} is a date (${str(p.found)}), not a number, so it was not read. Enter the figure as a number, in a cell formatted as a number rather than a date.`,
    fr: (p) =>
      `${fr.cell(p)} contient une date (${str(p.found)}) et non un nombre${NB}: elle n’a donc pas été lue. Saisissez le chiffre comme un nombre, dans une cellule au format nombre et non date.`,
  },
  'year-not-whole': {
    severity: Severity.error,
    en: (p) =>
      `The year "${str(p.found)}"${en.inPlace(p)} is not a whole year, so the figures of its ${lineEn(p)} were not read. Write the calendar year, e.g. 2024.`,
    fr: (p) =>
      `L’année ${q(str(p.found))}${fr.inPlace(p)} n’est pas une année entière${NB}: les chiffres de ${lineFr(p)} correspondante n’ont donc pas été lus. Indiquez l’année civile, p.${NB}ex. 2024.`,
  },
  'ambiguous-separator': {
    severity: Severity.warning,
    en: (p) =>
      `"${str(p.found)}"${en.inPlace(p)} could be ${en.amount(p.asDecimal)} or ${en.amount(p.asThousands)}; it was read as ${en.amount(p.value)} because ${separatorBasisEn(p)}${
        typeof p.count === 'number' && p.count > 1 ? ` (${p.count - 1} more cell${p.count > 2 ? 's' : ''} of the table read the same way)` : ''
      }. If that is wrong, write the numbers without a thousands separator.`,
    fr: (p) =>
      `${q(str(p.found))}${fr.inPlace(p)} peut valoir ${fr.amount(p.asDecimal)} ou ${fr.amount(p.asThousands)}${NB}; il a été lu comme ${fr.amount(p.value)}, car ${separatorBasisFr(p)}${
        typeof p.count === 'number' && p.count > 1 ? ` (${fr.count(p.count - 1)} autre${p.count > 2 ? 's' : ''} cellule${p.count > 2 ? 's' : ''} du tableau lue${p.count > 2 ? 's' : ''} de la même façon)` : ''
      }. Si ce n’est pas le cas, écrivez les nombres sans séparateur de milliers.`,
  },
  'unread-in-table': {
    severity: Severity.warning,
    en: (p) => {
      const what = str(p.label) ? `The ${lineEn(p)} "${str(p.label)}"` : `A ${lineEn(p)} without a label`;
      const why =
        p.reason === 'duplicate'
          ? `${en.fieldName(p)} is already read from ${str(p.readFrom)}. Keep one ${lineEn(p)} per figure`
          : p.reason === 'no-year'
            ? `it has no year, and figures are read only from the ${p.line === 'row' ? 'rows' : 'columns'} of a year. If they belong to the submission, give them their year`
            : p.reason === 'template'
              ? `it is not one of the template's columns. Enter the figures in the template's own columns`
              : `the reader does not know what ${str(p.label) ? `"${str(p.label)}"` : 'it'} is. If they belong to the submission, name the ${lineEn(p)} after a field of the template (e.g. "Personnel", "Cyber defence"); if not, move them out of the table`;
      return `${what}${en.inPlace(p)} holds figures that were not read: ${why}.`;
    },
    fr: (p) => {
      const what = str(p.label) ? `${lineFr(p).replace(/^l/, 'L')} ${q(str(p.label))}` : `${lineFr(p) === 'la ligne' ? 'Une ligne' : 'Une colonne'} sans libellé`;
      const why =
        p.reason === 'duplicate'
          ? `le champ ${fr.fieldName(p)} est déjà lu dans ${str(p.readFrom)}. Ne gardez qu’une ${p.line === 'row' ? 'ligne' : 'colonne'} par chiffre`
          : p.reason === 'no-year'
            ? `elle n’a pas d’année, et seuls les chiffres d’une ${p.line === 'row' ? 'ligne' : 'colonne'} d’année sont lus. S’ils font partie de la déclaration, indiquez leur année`
            : p.reason === 'template'
              ? `ce n’est pas une colonne du modèle. Saisissez les chiffres dans les colonnes du modèle`
              : `le lecteur ne sait pas ce ${str(p.label) ? `qu’est ${q(str(p.label))}` : 'qu’elle contient'}. S’ils font partie de la déclaration, nommez la ${p.line === 'row' ? 'ligne' : 'colonne'} d’après un champ du modèle (p.${NB}ex. ${q('Personnel')}, ${q('Cyberdéfense')})${NB}; sinon, sortez-les du tableau`;
      return `${what}${fr.inPlace(p)} contient des chiffres qui n’ont pas été lus${NB}: ${why}.`;
    },
  },
  'unread-outside-table': {
    severity: Severity.info,
    en: (p) => {
      const more = typeof p.more === 'number' && p.more > 0 ? `, and ${p.more} more row${p.more > 1 ? 's' : ''} of this sheet hold figures too` : '';
      const what = str(p.label) ? `the figures of "${str(p.label)}"${en.inPlace(p)}` : `the figures${en.inPlace(p)}`;
      return `Figures outside the table of years were not read: ${what}${more}. If they belong to the submission, put them in the table.`;
    },
    fr: (p) => {
      const more =
        typeof p.more === 'number' && p.more > 0 ? `, ainsi que ${fr.count(p.more)} autre${p.more > 1 ? 's' : ''} ligne${p.more > 1 ? 's' : ''} chiffrée${p.more > 1 ? 's' : ''} de cette feuille` : '';
      const what = str(p.label) ? `les chiffres de ${q(str(p.label))}${fr.inPlace(p)}` : `les chiffres${fr.inPlace(p)}`;
      return `Des chiffres hors du tableau des années n’ont pas été lus${NB}: ${what}${more}. S’ils font partie de la déclaration, placez-les dans le tableau.`;
    },
  },
  'second-table': {
    severity: Severity.warning,
    en: (p) => {
      const why =
        p.reason === 'overlap'
          ? `its years (${str(p.years)}) are already given by the table read ${placeIn(p.readSheet, p.readCell, 'en')}. Keep each year in one table, or upload the tables separately`
          : `its headers are not those of the table read ${placeIn(p.readSheet, p.readCell, 'en')}. Put all figures of a year in one row (or column) of one table`;
      return `A second table${en.inPlace({ ...p, cell: p.range ?? p.cell })} was not read: ${why}.`;
    },
    fr: (p) => {
      const why =
        p.reason === 'overlap'
          ? `ses années (${str(p.years)}) sont déjà données par le tableau lu ${placeIn(p.readSheet, p.readCell, 'fr')}. Ne donnez chaque année que dans un tableau, ou déposez les tableaux séparément`
          : `ses en-têtes ne sont pas ceux du tableau lu ${placeIn(p.readSheet, p.readCell, 'fr')}. Placez tous les chiffres d’une année dans une ligne (ou une colonne) d’un seul tableau`;
      return `Un deuxième tableau${fr.inPlace({ ...p, cell: p.range ?? p.cell })} n’a pas été lu${NB}: ${why}.`;
    },
  },
  'sheet-other-ally': {
    severity: Severity.warning,
    en: (p) =>
      `Sheet "${str(p.sheet)}" names ${en.named(p.foundName, p.found)}${str(p.cell) ? en.inPlace(p) : ''}, but the upload is for ${en.named(p.expectedName, p.expected)}, so its figures were not read. Upload ${str(p.foundName) || str(p.found)}'s figures under submissions/${str(p.found)}/.`,
    fr: (p) =>
      `La feuille ${q(str(p.sheet))} désigne ${fr.ally(p.foundNameFr, p.found)}${str(p.cell) ? fr.inPlace(p) : ''}, alors que le dépôt concerne ${fr.ally(p.expectedNameFr, p.expected)}${NB}: ses chiffres n’ont donc pas été lus. Déposez les chiffres de ${fr.ally(p.foundNameFr, p.found)} sous submissions/${str(p.found)}/.`,
  },
  'ally-confusable': {
    severity: Severity.warning,
    en: (p) =>
      `The ally name "${str(p.found)}"${en.inPlace(p)} holds ${letterEn(p)} "${str(p.char)}" (${str(p.codePoint)}) at position ${str(p.position)}, which looks like the Latin "${str(p.latin)}"${
        typeof p.count === 'number' && p.count > 1 ? `, and ${p.count - 1} more such letter${p.count > 2 ? 's' : ''}` : ''
      }; it was read as ${en.named(p.allyName, p.ally)}. Retype the name in Latin letters.`,
    fr: (p) =>
      `Le nom d’Allié ${q(str(p.found))}${fr.inPlace(p)} contient ${letterFr(p)} ${q(str(p.char))} (${str(p.codePoint)}) en position ${str(p.position)}, semblable au ${q(str(p.latin))} latin${
        typeof p.count === 'number' && p.count > 1 ? `, et ${fr.count(p.count - 1)} autre${p.count > 2 ? 's' : ''} lettre${p.count > 2 ? 's' : ''} de ce genre` : ''
      }${NB}; il a été lu comme ${fr.ally(p.allyNameFr, p.ally)}. Ressaisissez le nom en lettres latines.`,
  },

  // Records (checks).
  'no-years': {
    severity: Severity.error,
    en: () =>
      'No year with figures was found. Put the years in the first column (or across the first row) of the table, next to GDP and expenditure figures, and upload again.',
    fr: () =>
      'Aucune année chiffrée n’a été trouvée. Placez les années dans la première colonne (ou sur la première ligne) du tableau, à côté des chiffres du PIB et des dépenses, puis déposez de nouveau le fichier.',
  },
  'duplicate-year': {
    severity: Severity.error,
    en: (p) => `The year ${str(p.year)} appears twice${en.at(p)}, first ${firstPlace(p, 'en')}. Keep one row (or column) per year and remove the other.`,
    fr: (p) =>
      `L’année ${str(p.year)} apparaît deux fois${fr.at(p)}, la première fois ${firstPlace(p, 'fr')}. Ne gardez qu’une ligne (ou une colonne) par année et supprimez l’autre.`,
  },
  'breakdown-mismatch': {
    severity: Severity.error,
    en: (p) =>
      `The ${groupEn(p)} breakdown${en.forYear(p)} adds up to ${str(p.found)}, but the total${en.at(p)} is ${en.amount(p.total)} (allowed difference ${en.amount(p.tolerance)}). Correct the total or the parts so they agree.`,
    fr: (p) =>
      `La ventilation des ${fr.group(p.group)}${fr.forYear(p)} totalise ${fr.amount(p.sum, p.found)}, mais le total${fr.at(p)} est de ${fr.amount(p.total)} (écart toléré${NB}: ${fr.amount(p.tolerance)}). Corrigez le total ou les postes pour qu’ils concordent.`,
  },
  'breakdown-exceeds-total': {
    severity: Severity.error,
    en: (p) =>
      `The parts given of the ${groupEn(p)} breakdown${en.forYear(p)} add up to ${str(p.found)}, more than the total${en.at(p)} of ${en.amount(p.total)} (allowed difference ${en.amount(p.tolerance)}). Correct the total or the parts; parts left empty are fine.`,
    fr: (p) =>
      `Les postes renseignés de la ventilation des ${fr.group(p.group)}${fr.forYear(p)} totalisent ${fr.amount(p.sum, p.found)}, plus que le total${fr.at(p)} de ${fr.amount(p.total)} (écart toléré${NB}: ${fr.amount(p.tolerance)}). Corrigez le total ou les postes${NB}; des postes laissés vides ne posent pas de problème.`,
  },
  'gdp-jump': {
    severity: Severity.warning,
    en: (p) =>
      `GDP changes by ${str(p.found)} from ${str(p.previousYear)} to ${str(p.year)}${en.at(p)}; a change of more than ${en.amount(p.threshold)}% in a year is unusual. Check the figure and its unit (millions, not thousands); if it is right, no action is needed.`,
    fr: (p) => {
      const change = typeof p.change === 'number' ? `${p.change > 0 ? '+' : ''}${fr.percent(p.change)}` : str(p.found);
      return `Le PIB varie de ${change} entre ${str(p.previousYear)} et ${str(p.year)}${fr.at(p)}${NB}; une variation de plus de ${fr.percent(p.threshold)} en un an est inhabituelle. Vérifiez le chiffre et son unité (des millions, pas des milliers)${NB}; s’il est juste, aucune action n’est nécessaire.`;
    },
  },
  'currency-not-ally': {
    severity: Severity.error,
    en: (p) =>
      `The figures${en.forYear(p)}${en.at(p)} are in ${str(p.found)}, but ${str(p.allyName)} used ${str(p.expected)} that year. Give the amounts in ${str(p.expected)}, or declare the right currency next to the table.`,
    fr: (p) =>
      `Les chiffres${fr.forYear(p)}${fr.at(p)} sont en ${str(p.found)}, alors que ${fr.ally(p.allyNameFr, p.ally)} utilisait ${currenciesFr(p)} cette année-là. Indiquez les montants en ${currenciesFr(p)}, ou déclarez la bonne devise à côté du tableau.`,
  },
  'actual-in-future': {
    severity: Severity.error,
    en: (p) => `Year ${str(p.year)}${en.at(p)} is marked "actual", but it is after ${str(p.currentYear)}, the year of this upload. Mark it "estimate" or "plan".`,
    fr: (p) =>
      `L’année ${str(p.year)}${fr.at(p)} est marquée ${q('réalisé')}, alors qu’elle est postérieure à ${str(p.currentYear)}, l’année de ce dépôt. Marquez-la ${q('estimé')} ou ${q('prévu')}.`,
  },
  'plan-in-past': {
    severity: Severity.warning,
    en: (p) =>
      `Year ${str(p.year)}${en.at(p)} is marked "plan", but it is before ${str(p.currentYear)}, the year of this upload. If the figures are final, mark it "actual".`,
    fr: (p) =>
      `L’année ${str(p.year)}${fr.at(p)} est marquée ${q('prévu')}, alors qu’elle est antérieure à ${str(p.currentYear)}, l’année de ce dépôt. Si les chiffres sont définitifs, marquez-la ${q('réalisé')}.`,
  },
  'status-missing': {
    severity: Severity.warning,
    en: (p) =>
      `No status is given for ${str(p.year)}${en.at(p)}; it was taken as "${str(p.assumed)}" (years before the upload year are actuals, the upload year an estimate, later years plans). Add a status to say otherwise.`,
    fr: (p) =>
      `Aucun statut n’est indiqué pour ${str(p.year)}${fr.at(p)}${NB}; l’année a été considérée comme ${q(fr.status(p.assumed))} (les années antérieures à celle du dépôt sont des réalisations, l’année du dépôt une estimation, les années suivantes des prévisions). Indiquez un statut s’il en va autrement.`,
  },
  'ally-mismatch': {
    severity: Severity.error,
    en: (p) =>
      `The workbook${en.at(p)} gives figures for ${en.named(p.foundName, p.found)}, but it was uploaded under ${en.named(p.expectedName, p.expected)}. An upload may only carry figures for the ally it is filed under: upload it to submissions/${str(p.found)}/, or correct the ally named in the workbook.`,
    fr: (p) =>
      `Le classeur${fr.at(p)} donne des chiffres pour ${fr.ally(p.foundNameFr, p.found)}, mais il a été déposé pour ${fr.ally(p.expectedNameFr, p.expected)}. Un dépôt ne peut contenir que les chiffres de l’Allié sous lequel il est classé${NB}: déposez-le sous submissions/${str(p.found)}/, ou corrigez l’Allié indiqué dans le classeur.`,
  },
  'ally-missing': {
    severity: Severity.info,
    en: (p) => `The workbook does not say which ally it is for; the figures were taken as ${str(p.expected)}'s, the ally it was uploaded under.`,
    fr: (p) =>
      `Le classeur n’indique pas à quel Allié il se rapporte${NB}; les chiffres ont été attribués à ${fr.ally(p.expectedNameFr, p.expected)}, sous lequel il a été déposé.`,
  },
  'ally-not-known': {
    severity: Severity.error,
    en: (p) =>
      `The upload is filed under "${str(p.found)}", which is not the ISO3 code of an ally. Upload it under submissions/<ISO3>/ with the ally's three-letter code (e.g. FRA).`,
    fr: (p) =>
      `Le dépôt est classé sous ${q(str(p.found))}, qui n’est pas le code ISO3 d’un Allié. Déposez-le sous submissions/<ISO3>/ avec le code à trois lettres de l’Allié (p.${NB}ex. FRA).`,
  },
  'ally-unknown': {
    severity: Severity.error,
    en: () =>
      "No ally was named in the workbook and none was given for the upload, so the figures cannot be filed. Put the ally's name or ISO3 code above the table.",
    fr: () =>
      `Aucun Allié n’est indiqué dans le classeur et aucun n’a été précisé lors du dépôt${NB}: les chiffres ne peuvent donc pas être classés. Indiquez le nom ou le code ISO3 de l’Allié au-dessus du tableau.`,
  },
  'gdp-missing': {
    severity: Severity.warning,
    en: (p) =>
      `No GDP is given${en.forYear(p)}${en.at(p)}, so that year's shares of GDP cannot be computed; it is kept but reported as "no data". Add the GDP figure.`,
    fr: (p) =>
      `Aucun PIB n’est indiqué${fr.forYear(p)}${fr.at(p)}${NB}: les parts du PIB de cette année ne peuvent pas être calculées. L’année est conservée, mais publiée comme ${q('sans données')}. Ajoutez le PIB.`,
  },
  'total-missing': {
    severity: Severity.warning,
    en: (p) =>
      `${en.fieldName(p)}${en.forYear(p)}${en.at(p)} is empty although its breakdown is given (${str(p.found)}), so that year's share cannot be computed. Enter the total.`,
    fr: (p) =>
      `Le champ ${fr.fieldName(p)}${fr.forYear(p)}${fr.at(p)} est vide alors que sa ventilation est renseignée (postes totalisant ${fr.amount(p.partsSum, p.found)})${NB}: la part de cette année ne peut pas être calculée. Saisissez le total.`,
  },
  'invalid-record': {
    severity: Severity.error,
    en: (p) => `The figures${en.forYear(p)}${en.at(p)} could not be turned into a record: ${str(p.found)}. Check ${en.fieldName(p)}.`,
    fr: (p) =>
      `Les chiffres${fr.forYear(p)}${fr.at(p)} n’ont pas pu être convertis en enregistrement (détail technique${NB}: ${str(p.found)}). Vérifiez le champ ${fr.fieldName(p)}.`,
  },
  // Where the upload was put (the key), before any byte is read.
  'upload-not-filed': {
    severity: Severity.error,
    en: (p) =>
      `The file was uploaded as ${str(p.found)}, outside any ally's folder, so it cannot be filed. Upload it under submissions/<ISO3>/ with the ally's three-letter code (e.g. submissions/FRA/).`,
    fr: (p) =>
      `Le fichier a été déposé sous ${str(p.found)}, hors du dossier d’un Allié${NB}: il ne peut donc pas être classé. Déposez-le sous submissions/<ISO3>/ avec le code à trois lettres de l’Allié (p.${NB}ex. submissions/FRA/).`,
  },
  'upload-key-unsafe': {
    severity: Severity.error,
    en: (p) =>
      `The file was uploaded as ${str(p.found)}, a name that ${KEY_PROBLEMS.en[str(p.problem)] ?? 'cannot be used as a file name'}, so it cannot be filed safely. Upload it again under submissions/<ISO3>/ with a plain file name.`,
    fr: (p) =>
      `Le fichier a été déposé sous ${str(p.found)}, un nom qui ${KEY_PROBLEMS.fr[str(p.problem)] ?? 'ne peut pas servir de nom de fichier'}${NB}: il ne peut donc pas être classé sans risque. Déposez-le de nouveau sous submissions/<ISO3>/ avec un nom de fichier simple.`,
  },

  // The upload against the ally's earlier submissions (the merge).
  'identical-upload': {
    severity: Severity.info,
    en: (p) =>
      `This file is identical to submission ${str(p.duplicateOf)}, uploaded ${moment(p.duplicateUploadedAt)}; its figures are unchanged, so nothing new is published.`,
    fr: (p) =>
      `Ce fichier est identique à la déclaration ${str(p.duplicateOf)}, déposée le ${moment(p.duplicateUploadedAt)}${NB}; ses chiffres sont inchangés, rien de nouveau n’est donc publié.`,
  },
  'status-downgrade': {
    severity: Severity.warning,
    en: (p) =>
      `For ${str(p.year)}${en.at(p)}, this upload's "${str(p.status)}" figures replace the "${str(p.replacedStatus)}" figures of submission ${str(p.replaced)}: the most recently uploaded figures win, so ${str(p.year)} is now published as "${str(p.status)}". If the "${str(p.replacedStatus)}" figures still stand, upload them again.`,
    fr: (p) =>
      `Pour ${str(p.year)}${fr.at(p)}, les chiffres ${q(fr.status(p.status))} de ce dépôt remplacent les chiffres ${q(fr.status(p.replacedStatus))} de la déclaration ${str(p.replaced)}${NB}: les chiffres déposés en dernier l’emportent, l’année ${str(p.year)} est donc désormais publiée comme ${q(fr.status(p.status))}. Si les chiffres ${q(fr.status(p.replacedStatus))} restent valables, déposez-les de nouveau.`,
  },
  'newer-figures-kept': {
    severity: Severity.info,
    en: (p) =>
      `Submission ${str(p.newer)}, uploaded ${moment(p.newerUploadedAt)}, after this file, gives figures for ${str(p.years)}; for ${yearsWord(p, 'en')} its figures are kept, since the most recently uploaded figures win.`,
    fr: (p) =>
      `La déclaration ${str(p.newer)}, déposée le ${moment(p.newerUploadedAt)}, après ce fichier, donne des chiffres pour ${str(p.years)}${NB}; ${yearsWord(p, 'fr')}, ce sont ses chiffres qui sont retenus, car les chiffres déposés en dernier l’emportent.`,
  },
} as const satisfies Record<string, FindingEntry>;

type FindingCode = keyof typeof FINDINGS;

/** Every finding code, in the table's order (guard, reader, checks). */
const FINDING_CODES = Object.keys(FINDINGS) as [FindingCode, ...FindingCode[]];

const isFindingCode = (text: string): text is FindingCode => Object.hasOwn(FINDINGS, text);

/** The severity a code always has. */
const severityOf = (code: FindingCode): Severity => {
  // Only a cast can bring another code; say which rather than fail on an undefined entry.
  if (!isFindingCode(code)) throw new TypeError(`"${String(code)}" is not a finding code`);
  return FINDINGS[code].severity;
};

export { FINDINGS, FINDING_CODES, isFindingCode, severityOf };
export type { FindingCode, FindingEntry, Sentence };
