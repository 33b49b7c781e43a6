// Receipt notifications, locally: what the stack publishes to its SNS topic (a message with the
// attributes `ally` and `status`) and e-mails to the uploader (SES) is written to the runtime's
// outbox folder instead, one `<submission id>.json` (the message, its attributes and recipient)
// and one `<submission id>.eml` (the e-mail, RFC 5322, readable by any mail client) per receipt.
// The words are the portal core's (receiptNotification), so both clouds say the same thing. A
// redelivered upload's receipt would rewrite the same two files, so the folder holds one message
// per receipt.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Receipt } from '../shared/model/index.ts';
import { receiptNotification } from '../shared/portal/index.ts';
import type { ReceiptNotification } from '../shared/portal/index.ts';

const FROM = 'dualtrack local cloud <receipts@dualtrack.localhost>';

/** A header value outside ASCII, as RFC 2047 encodes it. */
const encodedWord = (text: string): string => (/^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`);

/** The e-mail of a notification: headers (the attributes as X- headers too), then its text. */
const outboxEmail = (n: ReceiptNotification, date: Date): string =>
  [
    `From: ${FROM}`,
    `To: ${n.to ?? 'undisclosed-recipients:;'}`,
    `Subject: ${encodedWord(n.subject)}`,
    `Date: ${date.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${n.submissionId}@dualtrack.localhost>`,
    `X-Dualtrack-Ally: ${n.attributes.ally}`,
    `X-Dualtrack-Status: ${n.attributes.status}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    ...n.text.split('\n'),
    '',
  ].join('\r\n');

interface Outbox {
  dir: string;
  /** Writes the receipt's message and e-mail; returns the JSON file's path. */
  post: (receipt: Receipt) => string;
}

const writeWhole = (path: string, text: string): void => {
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
};

const createOutbox = (dir: string, pageUrl: string, now: () => Date = () => new Date()): Outbox => ({
  dir,
  post: (receipt) => {
    mkdirSync(dir, { recursive: true });
    const notification = receiptNotification(receipt, { pageUrl });
    const base = join(dir, receipt.submissionId);
    writeWhole(`${base}.eml`, outboxEmail(notification, now()));
    writeWhole(`${base}.json`, `${JSON.stringify(notification, null, 2)}\n`);
    return `${base}.json`;
  },
});

export { createOutbox, outboxEmail };
export type { Outbox };
