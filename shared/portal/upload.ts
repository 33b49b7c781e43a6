// What a browser upload may be: its key (under the caller's ally only), a file name safe in a key,
// the one size it declared (signed exactly, at most the ingest limit) and an accepted type. The
// presigned POST carries all of it as conditions, so S3 refuses any other object.
import * as z from 'zod';
import { uploadsKeys } from '../storage/keys.ts';
import { formatBytes } from '../text/index.ts';
import { refusal } from './refusals.ts';
import type { Refusal } from './refusals.ts';

/** The accepted uploads, by suffix (any letter case), with the content type the upload is signed for. */
const ACCEPTED_TYPES = {
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', also: [] },
  // Windows browsers report a .csv as Excel's old type; both are taken, the signed one is text/csv.
  csv: { contentType: 'text/csv', also: ['application/vnd.ms-excel', 'text/plain', 'application/csv'] },
} as const;
type AcceptedSuffix = keyof typeof ACCEPTED_TYPES;

/** The longest file name kept in a key (the id and the ally folder come on top). */
const MAX_NAME_LENGTH = 100;

/** The body of `POST /uploads`. Unknown fields (an `ally`, a `key`) are ignored: never used. */
const UploadRequestSchema = z.object({
  fileName: z.string().min(1).max(1024),
  size: z.number().int(),
  contentType: z.string().max(200).optional(),
});
type UploadRequest = z.infer<typeof UploadRequestSchema>;

/**
 * A file name as it may stand in a key: the last segment of any path, letters stripped of their
 * accents, every character outside `A-Z a-z 0-9 . _ -` made `-`, no dot or dash leading or
 * ending the stem (`upload` when nothing is left of it), at most 100 characters with the suffix
 * kept. "Ūkio biudžetas 2026.xlsx" → "Ukio-biudzetas-2026.xlsx".
 */
const safeFileName = (name: string): string => {
  const plain = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/-{2,}/g, '-');
  const last = name.split(/[/\\]/).at(-1) ?? '';
  const dot = last.lastIndexOf('.');
  const suffix = dot >= 0 ? plain(last.slice(dot + 1)).replace(/[.-]/g, '') : '';
  const stem = plain(dot >= 0 ? last.slice(0, dot) : last).replace(/^[.-]+|[.-]+$/g, '');
  const tail = suffix === '' ? '' : `.${suffix}`.slice(0, 10);
  return `${stem.slice(0, MAX_NAME_LENGTH - tail.length) || 'upload'}${tail}`;
};

/** The one key an upload may use: `submissions/<ally>/<id>-<safe name>`. The ally is the caller's. */
const uploadKeyFor = (ally: string, uploadId: string, fileName: string): string =>
  uploadsKeys.submission(ally, `${uploadId}-${safeFileName(fileName)}`);

/** The folder prefix of every object of one upload id (the receipt's source key starts with it). */
const uploadKeyPrefix = (ally: string, uploadId: string): string => uploadsKeys.submission(ally, `${uploadId}-`);

interface UploadTerms {
  fileName: string;
  size: number;
  /** The content type signed into the upload (the browser must send this one). */
  contentType: string;
}

const suffixOf = (fileName: string): AcceptedSuffix | null => {
  const suffix = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  return Object.hasOwn(ACCEPTED_TYPES, suffix) ? (suffix as AcceptedSuffix) : null;
};

/** The terms an upload is signed on, or why it cannot be signed. */
const uploadTerms = (request: UploadRequest, maxBytes: number): { ok: true; terms: UploadTerms } | { ok: false; refusal: Refusal } => {
  const name = safeFileName(request.fileName);
  const suffix = suffixOf(name);
  if (suffix === null) {
    return {
      ok: false,
      refusal: refusal('unsupported-type', `"${name}" is neither .xlsx nor .csv; save it from Excel as an .xlsx workbook and upload that.`),
    };
  }
  const accepted = ACCEPTED_TYPES[suffix];
  const given = request.contentType?.split(';')[0]?.trim().toLowerCase();
  // An empty type is what a browser reports when it does not know the suffix; the suffix decides.
  if (given !== undefined && given !== '' && given !== accepted.contentType && !(accepted.also as readonly string[]).includes(given)) {
    return { ok: false, refusal: refusal('unsupported-type', `A .${suffix} file cannot be uploaded as "${given}"; send it as ${accepted.contentType}.`) };
  }
  if (request.size <= 0) return { ok: false, refusal: refusal('empty-file', `"${name}" is empty (size ${request.size}); choose the saved file.`) };
  if (request.size > maxBytes) {
    return {
      ok: false,
      refusal: refusal('too-large', `"${name}" is ${formatBytes(request.size)}, more than the ${formatBytes(maxBytes)} an upload may be.`),
    };
  }
  return { ok: true, terms: { fileName: name, size: request.size, contentType: accepted.contentType } };
};

export { ACCEPTED_TYPES, MAX_NAME_LENGTH, UploadRequestSchema, safeFileName, uploadKeyFor, uploadKeyPrefix, uploadTerms };
export type { UploadRequest, UploadTerms };
