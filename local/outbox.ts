// Receipt notifications, locally: what the stack publishes to its SNS topic (a message with the
// attributes `ally` and `status`) and e-mails to the uploader (SES) is written to the runtime's
// outbox folder instead, one `<submission id>.json` (the message and its attributes) and one
// `<submission id>.eml` (the e-mail, RFC 5322, readable by any mail client) per receipt. A
// redelivered upload's receipt rewrites the same two files, so the folder holds one message per
// receipt.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rewordFinding } from '../shared/findings/index.ts';
import type { Receipt } from '../shared/model/index.ts';
import type { Lang } from '../shared/text/index.ts';

/** How many findings the e-mail lists; the page has them all. */
const FIRST_FINDINGS = 5;
const FROM = 'dualtrack local cloud <receipts@dualtrack.localhost>';

interface OutboxMessage {
  attributes: { ally: string; status: Receipt['status'] };
  subject: string;
  receipt: {
    submissionId: string;
    ally: string | null;
    file: string;
    status: Receipt['status'];
    uploadedAt: string;
    counts: Receipt['counts'];
    uploader: string | null;
    firstFindings: { severity: string; sheet: string | null; cell: string | null; message: string }[];
  };
  page: string;
}

const VERDICT: Readonly<Record<Lang, Readonly<Record<Receipt['status'], string>>>> = {
  en: { accepted: 'accepted', accepted_with_warnings: 'accepted with warnings', rejected: 'rejected' },
  fr: { accepted: 'accepté', accepted_with_warnings: 'accepté avec avertissements', rejected: 'refusé' },
};

const uploaderOf = (receipt: Receipt): string | null => {
  const uploader: unknown = (receipt as Receipt & { uploader?: { email?: unknown } }).uploader;
  return typeof uploader === 'object' && uploader !== null && 'email' in uploader && typeof uploader.email === 'string' ? uploader.email : null;
};

/** The message published for a receipt (the JSON file's content). */
const outboxMessage = (receipt: Receipt, page: string): OutboxMessage => ({
  attributes: { ally: receipt.ally ?? '_unfiled', status: receipt.status },
  subject: `dualtrack receipt: ${receipt.file} ${VERDICT.en[receipt.status]} (${receipt.counts.errors} errors, ${receipt.counts.warnings} warnings)`,
  receipt: {
    submissionId: receipt.submissionId,
    ally: receipt.ally,
    file: receipt.file,
    status: receipt.status,
    uploadedAt: receipt.uploadedAt,
    counts: receipt.counts,
    uploader: uploaderOf(receipt),
    firstFindings: receipt.findings.slice(0, FIRST_FINDINGS).map((f) => ({ severity: f.severity, sheet: f.sheet, cell: f.cell, message: f.message })),
  },
  page,
});

/** The e-mail text: headers, then the verdict, the counts, the first findings and the page, in English then French. */
const outboxEmail = (receipt: Receipt, message: OutboxMessage, date: Date): string => {
  const to = message.receipt.uploader ?? 'undisclosed-recipients:;';
  const block = (lang: Lang): string[] => [
    lang === 'en' ? `Your upload ${receipt.file} was ${VERDICT.en[receipt.status]}.` : `Votre dépôt ${receipt.file} a été ${VERDICT.fr[receipt.status]}.`,
    lang === 'en'
      ? `${receipt.counts.errors} errors, ${receipt.counts.warnings} warnings, ${receipt.counts.infos} notes.`
      : `${receipt.counts.errors} erreurs, ${receipt.counts.warnings} avertissements, ${receipt.counts.infos} remarques.`,
    ...receipt.findings.slice(0, FIRST_FINDINGS).map((f) => `- ${[f.sheet, f.cell].filter(Boolean).join('!') || '-'}: ${rewordFinding(f, lang).message}`),
    lang === 'en' ? `The whole receipt: ${message.page}` : `L’accusé complet\u00a0: ${message.page}`,
  ];
  const subject = `=?UTF-8?B?${Buffer.from(message.subject, 'utf8').toString('base64')}?=`;
  return [
    `From: ${FROM}`,
    `To: ${to}`,
    `Subject: ${subject}`,
    `Date: ${date.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${receipt.submissionId}@dualtrack.localhost>`,
    `X-Dualtrack-Ally: ${message.attributes.ally}`,
    `X-Dualtrack-Status: ${message.attributes.status}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    ...block('en'),
    '',
    ...block('fr'),
    '',
  ].join('\r\n');
};

interface Outbox {
  dir: string;
  /** Writes the receipt's message and e-mail; returns the JSON file's path. */
  post: (receipt: Receipt) => string;
}

const writeWhole = (path: string, text: string): void => {
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
};

const createOutbox = (dir: string, page: string, now: () => Date = () => new Date()): Outbox => ({
  dir,
  post: (receipt) => {
    mkdirSync(dir, { recursive: true });
    const message = outboxMessage(receipt, page);
    const base = join(dir, receipt.submissionId);
    writeWhole(`${base}.eml`, outboxEmail(receipt, message, now()));
    writeWhole(`${base}.json`, `${JSON.stringify(message, null, 2)}\n`);
    return `${base}.json`;
  },
});

export { createOutbox, outboxMessage, outboxEmail };
export type { Outbox, OutboxMessage };
