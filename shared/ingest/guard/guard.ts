// The first thing an upload meets: size, then what the file really is, then the bounds of its
// zip. Pure over the bytes; nothing here parses a spreadsheet. Every refusal is a finding.
import { findingOf } from '../../findings/index.ts';
import type { Finding, FindingCode, FindingParams } from '../../findings/index.ts';
import type { IngestLimits } from '../limits.ts';
import { columnLetters, formatBytes } from '../../text/index.ts';
import { checkCsvText } from './csv.ts';
import { isEncryptedOfficeFile, sniff, Sniffed, SNIFFED_DESCRIPTION } from './sniff.ts';
import type { ZipInspection, ZipProblem } from './zip.ts';
import { inspectZip } from './zip.ts';

const UploadKind = { xlsx: 'xlsx', csv: 'csv' } as const;
type UploadKind = (typeof UploadKind)[keyof typeof UploadKind];

type GuardResult = { ok: true; kind: UploadKind } | { ok: false; findings: Finding[] };

/** What each file extension means before the content is looked at. */
type ExtensionRule = { accept: UploadKind } | { refuse: FindingCode };

const EXTENSIONS: Readonly<Record<string, ExtensionRule>> = {
  xlsx: { accept: UploadKind.xlsx },
  csv: { accept: UploadKind.csv },
  xls: { refuse: 'legacy-xls' },
  xlt: { refuse: 'legacy-xls' },
  xlsm: { refuse: 'macro-enabled' },
  xltm: { refuse: 'macro-enabled' },
  xlam: { refuse: 'macro-enabled' },
  ods: { refuse: 'ods-not-supported' },
  fods: { refuse: 'ods-not-supported' },
};

const refuse = (code: FindingCode, found?: string | null, expected?: string | null, params: FindingParams = {}): GuardResult => ({
  ok: false,
  findings: [findingOf(code, { found: found ?? null, expected: expected ?? null, params })],
});

/**
 * The size rule, on its own: the pipeline applies it to an object's listed size before
 * downloading it, the guard to the bytes it is given, and both answer with this finding.
 */
const tooLargeFinding = (size: number, limits: IngestLimits): Finding | null =>
  size > limits.maxBytes
    ? findingOf('file-too-large', { found: formatBytes(size), expected: formatBytes(limits.maxBytes), params: { size, maxSize: limits.maxBytes } })
    : null;

const extensionOf = (fileName: string): string => {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).trim().toLowerCase() : '';
};

const refuseZipProblem = (problem: ZipProblem, limits: IngestLimits): GuardResult => {
  switch (problem.kind) {
    case 'corrupt':
      return refuse('corrupt-zip', problem.detail);
    case 'encrypted':
      return refuse('encrypted-workbook', `encrypted part "${problem.entry}"`);
    case 'too-many-entries':
      return refuse('zip-too-many-entries', String(problem.count), String(limits.maxZipEntries), { count: problem.count, max: limits.maxZipEntries });
    case 'too-large':
      return refuse('zip-too-large', formatBytes(problem.bytes), formatBytes(limits.maxUncompressedBytes), {
        size: problem.bytes,
        maxSize: limits.maxUncompressedBytes,
      });
    case 'too-many-rows':
      return {
        ok: false,
        findings: [
          findingOf('too-many-rows', {
            sheet: problem.sheet,
            cell: `A${limits.maxRows + 1}`,
            found: `${problem.rows} or more`,
            expected: String(limits.maxRows),
            params: { count: problem.rows, orMore: true, max: limits.maxRows },
          }),
        ],
      };
    case 'too-many-columns':
      return {
        ok: false,
        findings: [
          findingOf('too-many-columns', {
            sheet: problem.sheet,
            cell: `${columnLetters(limits.maxColumns + 1)}1`,
            found: `${problem.columns} or more`,
            expected: String(limits.maxColumns),
            params: { count: problem.columns, orMore: true, max: limits.maxColumns },
          }),
        ],
      };
    case 'bomb':
      return refuse(
        'zip-bomb',
        `${formatBytes(problem.bytes)} or more from ${formatBytes(problem.compressed)}`,
        formatBytes(problem.allowed),
        { entry: problem.entry, size: problem.bytes, compressed: problem.compressed, maxSize: problem.allowed },
      );
  }
};

// Other Office packages share the zip shape; naming them helps the officer see the mix-up. The
// kind is the key other languages word the package by.
const OTHER_PACKAGES: readonly { part: string; found: string; kind: string }[] = [
  { part: 'word/document.xml', found: 'a Word document', kind: 'word' },
  { part: 'ppt/presentation.xml', found: 'a PowerPoint presentation', kind: 'powerpoint' },
  { part: 'xl/workbook.bin', found: 'a binary Excel workbook (.xlsb)', kind: 'xlsb' },
];

const judgeWorkbookPackage = ({ names, texts }: ZipInspection): GuardResult => {
  const mimetype = texts.mimetype?.trim() ?? '';
  if (mimetype.startsWith('application/vnd.oasis.opendocument.spreadsheet')) return refuse('ods-not-supported', mimetype);
  if (mimetype.startsWith('application/vnd.oasis.opendocument')) return refuse('not-a-workbook', 'an OpenDocument file', null, { kind: 'opendocument' });
  const contentTypes = texts['[Content_Types].xml'] ?? '';
  if (names.some((n) => n.toLowerCase() === 'xl/vbaproject.bin')) return refuse('macro-enabled', 'xl/vbaProject.bin');
  if (/macroEnabled|vbaProject/i.test(contentTypes)) return refuse('macro-enabled', 'a macro-enabled content type');
  if (contentTypes === '' || !names.includes('xl/workbook.xml')) {
    const other = OTHER_PACKAGES.find((p) => names.includes(p.part));
    return refuse('not-a-workbook', other?.found ?? 'a zip archive that is not an Excel workbook', null, { kind: other?.kind ?? 'zip-other' });
  }
  return { ok: true, kind: UploadKind.xlsx };
};

const guardXlsx = async (bytes: Buffer, limits: IngestLimits): Promise<GuardResult> => {
  const kind = sniff(bytes);
  if (kind === Sniffed.ole2) {
    return isEncryptedOfficeFile(bytes) ? refuse('encrypted-workbook') : refuse('legacy-xls', SNIFFED_DESCRIPTION.ole2);
  }
  if (kind !== Sniffed.zip) return refuse('not-a-workbook', SNIFFED_DESCRIPTION[kind], null, { kind });
  const zip = await inspectZip(bytes, limits);
  return zip.ok ? judgeWorkbookPackage(zip.inspection) : refuseZipProblem(zip.problem, limits);
};

const guardCsv = (bytes: Buffer): GuardResult => {
  const kind = sniff(bytes);
  if (kind !== Sniffed.unknown) return refuse('csv-not-text', `it is ${SNIFFED_DESCRIPTION[kind]}`, null, { problem: kind });
  const text = checkCsvText(bytes);
  if (text.ok) return { ok: true, kind: UploadKind.csv };
  const { ok: _ok, found, ...params } = text;
  return refuse('csv-not-text', found, null, params);
};

/**
 * Decides whether an upload may be parsed at all. Never throws on hostile bytes: a refusal is
 * a result with findings that say what to do instead.
 */
const guardUpload = async (bytes: Buffer, fileName: string, limits: IngestLimits): Promise<GuardResult> => {
  if (bytes.length === 0) return refuse('empty-file', '0 bytes');
  const tooLarge = tooLargeFinding(bytes.length, limits);
  if (tooLarge) return { ok: false, findings: [tooLarge] };
  const extension = extensionOf(fileName);
  const rule = EXTENSIONS[extension];
  if (!rule) {
    return refuse('unsupported-type', extension ? `.${extension}` : 'a file without extension', '.xlsx or .csv', { extension: extension ? `.${extension}` : '' });
  }
  if ('refuse' in rule) {
    // An encrypted file keeps its name; telling the officer to drop the password comes first.
    if (isEncryptedOfficeFile(bytes)) return refuse('encrypted-workbook');
    return refuse(rule.refuse, `.${extension}`);
  }
  return rule.accept === UploadKind.xlsx ? guardXlsx(bytes, limits) : guardCsv(bytes);
};

export { guardUpload, tooLargeFinding, UploadKind };
export type { GuardResult };
