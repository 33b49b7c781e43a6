// The message each receipt becomes: attributes a subscriber filters on (`ally`, `status`), and
// a subject and text for the person who uploaded. SNS and SES carry it in AWS; locally `serve`
// writes it to its outbox. Pure, so both say the same thing.
import { rewordFinding } from '../findings/index.ts';
import type { Receipt, ReceiptStatus } from '../model/index.ts';
import { allyByIso3 } from '../reference/index.ts';
import { UNFILED } from '../storage/keys.ts';
import { Lang } from '../text/index.ts';
import { summaryOf } from './receipts.ts';

/** How many findings an e-mail lists before it sends the reader to the page. */
const FINDINGS_IN_MESSAGE = 5;
/** SNS refuses a longer subject. */
const MAX_SUBJECT = 100;

interface ReceiptNotification {
  /** Message attributes: `ally` (ISO3, or `_unfiled` for a key that named none) and `status`. */
  attributes: { ally: string; status: ReceiptStatus };
  subject: string;
  text: string;
  /** Whom to e-mail: the uploader the receipt names, or null. */
  to: string | null;
  /** The receipt's submission id (a subscriber's de-duplication key: S3 events come at least once). */
  submissionId: string;
}

const WORDS = {
  en: {
    status: { accepted: 'accepted', accepted_with_warnings: 'accepted with warnings', rejected: 'rejected' },
    upload: (file: string, ally: string, verdict: string) => `Your upload "${file}" for ${ally} was ${verdict}.`,
    counts: (e: number, w: number, i: number) => `Errors: ${e}, warnings: ${w}, notes: ${i}.`,
    first: 'First findings:',
    more: (n: number) => `… and ${n} more on the page.`,
    link: 'The receipt, its findings and the annotated workbook:',
    unknownAlly: 'no ally',
  },
  fr: {
    status: { accepted: 'accepté', accepted_with_warnings: 'accepté avec avertissements', rejected: 'refusé' },
    upload: (file: string, ally: string, verdict: string) => `Votre envoi « ${file} » pour ${ally} a été ${verdict}.`,
    counts: (e: number, w: number, i: number) => `Erreurs : ${e}, avertissements : ${w}, notes : ${i}.`,
    first: 'Premières constatations :',
    more: (n: number) => `… et ${n} autres sur la page.`,
    link: 'Le reçu, ses constatations et le classeur annoté :',
    unknownAlly: 'aucun Allié',
  },
} as const;

const place = (sheet: string | null, cell: string | null): string => [sheet, cell].filter((p) => p !== null && p !== '').join('!');

/** The notification of one receipt, in `lang` (by default the template's, else English), linking to the page (`?receipt=<submission id>`). */
const receiptNotification = (receipt: Receipt, options: { pageUrl: string | null; lang?: Lang }): ReceiptNotification => {
  const lang = options.lang ?? receipt.lang ?? Lang.en;
  const w = WORDS[lang];
  const ally = receipt.ally === null ? null : allyByIso3(receipt.ally);
  const allyName = ally === null ? (receipt.ally ?? w.unknownAlly) : lang === Lang.fr ? ally.nameFr : ally.nameEn;
  const { fileName } = summaryOf(receipt);
  const verdict = w.status[receipt.status];
  const { errors, warnings, infos } = receipt.counts;
  const findings = receipt.findings.slice(0, FINDINGS_IN_MESSAGE).map((f) => {
    const where = place(f.sheet, f.cell);
    return `- ${where === '' ? '' : `${where}: `}${rewordFinding(f, lang).message}`;
  });
  const rest = receipt.findings.length - findings.length;
  const link = options.pageUrl === null ? [] : ['', w.link, `${options.pageUrl}?receipt=${encodeURIComponent(receipt.submissionId)}`];
  const text = [
    w.upload(fileName, allyName, verdict),
    w.counts(errors, warnings, infos),
    ...(findings.length > 0 ? ['', w.first, ...findings, ...(rest > 0 ? [w.more(rest)] : [])] : []),
    ...link,
  ].join('\n');
  const subject = `dualtrack: ${fileName} ${verdict}`;
  return {
    attributes: { ally: receipt.ally ?? UNFILED, status: receipt.status },
    subject: subject.length > MAX_SUBJECT ? `${subject.slice(0, MAX_SUBJECT - 1)}…` : subject,
    text,
    to: receipt.uploader?.email ?? null,
    submissionId: receipt.submissionId,
  };
};

export { receiptNotification, FINDINGS_IN_MESSAGE };
export type { ReceiptNotification };
