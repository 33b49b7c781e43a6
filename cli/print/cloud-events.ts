// The local cloud's events as the operator reads them while `serve` runs: one tagged line each
// (upload received, receipt, publish, retry, dead letter, warning, error, and at start what a
// stop left unfinished).
import type { LocalCloudEvent } from '../../local/index.ts';
import { printableKey } from '../../shared/storage/index.ts';
import { formatBytes } from '../../shared/text/index.ts';
import { receiptHeadline } from './receipt.ts';
import type { Terminal } from './terminal.ts';

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

// eslint-disable-next-line no-control-regex -- finding the characters a terminal would act on
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** A key as uploaded, unless it holds a control character: then quoted and escaped, so it stays one harmless line. */
const shownKey = (key: string): string => (CONTROL.test(key) ? printableKey(key) : key);

/** The tag and text of the line that shows `event`. */
const cloudEventLine = (event: LocalCloudEvent): [tag: string, text: string] => {
  switch (event.kind) {
    case 'upload-received':
      return ['upload', `received ${shownKey(event.key)}${event.size === null ? '' : ` (${formatBytes(event.size)})`}`];
    case 'receipt-written':
      return ['receipt', receiptHeadline(event.receipt, { label: shownKey(event.key), duplicate: event.duplicate })];
    case 'receipt-notified':
      return ['notify', `${event.status} for ${event.ally ?? 'no ally'} -> ${event.file}`];
    case 'published': {
      const { outcome } = event;
      const digest = outcome.digest.slice(0, 12);
      if (!outcome.published || outcome.release === null) return ['publish', `nothing new: release ${outcome.release ?? '-'} unchanged (digest ${digest})`];
      return ['publish', `release ${outcome.release}  ${event.alliesWithFigures ?? '?'} allies with figures  digest ${digest}  ${event.reason}  -> ${event.page}`];
    }
    case 'upload-retry':
      return ['retry', `upload ${event.key} (attempt ${event.attempt}/${event.attempts}) again in ${seconds(event.delayMs)}: ${event.error}`];
    case 'publish-retry':
      return ['retry', `publish request (receive ${event.receiveCount}/${event.maxReceiveCount}) again in ${seconds(event.delayMs)}: ${event.error}`];
    case 'dead-letter': {
      const what = event.key === null ? `${event.source} request` : `upload ${event.key}`;
      const tries = event.key === null ? 'receives' : 'attempts';
      return ['dead letter', `${what} after ${event.attempts} ${tries}: ${event.error} -> ${event.file}`];
    }
    case 'handler-warning':
      return ['warning', `${event.fn}: ${event.message} ${JSON.stringify(event.attributes)}`];
    case 'failure':
      return ['error', `${event.what} failed: ${event.error}`];
    case 'store-repaired':
      return ['repair', `put right ${event.files.length} file(s) an interrupted write left in the S3 folder: ${event.files.join(', ')}`];
    case 'upload-redelivered':
      return [
        'upload',
        event.reason === 'interrupted' ? `delivering ${event.key} again: its check was cut short when the cloud stopped` : `delivering ${event.key}: it has no receipt yet`,
      ];
    case 'publish-requeued':
      return ['publish', `${event.count} publish request(s) still queued when the cloud stopped, queued again`];
  }
};

/** An observer for startLocalCloud that prints every event on `say`. */
const printCloudEvents =
  (say: Terminal) =>
  (event: LocalCloudEvent): void =>
    say(...cloudEventLine(event));

export { cloudEventLine, printCloudEvents };
