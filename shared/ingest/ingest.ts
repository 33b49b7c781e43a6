// The ingest facade: bytes of one upload in, a receipt (and an annotated copy) out. Guard,
// reader and checks run in turn, every finding is collected before answering, and a hostile or
// broken file always ends in a receipt rather than an exception.
import * as z from 'zod';
import { findingOf } from '../findings/index.ts';
import type { Finding } from '../findings/index.ts';
import { Severity } from '../model/index.ts';
import type { Receipt, Rules } from '../model/index.ts';
import { annotateWorkbook, receiptWorkbook } from './annotate.ts';
import { runChecks, SHIPPED_REFERENCE, uploadYear } from './checks/index.ts';
import type { CheckContext, CheckReference } from './checks/index.ts';
import type { DraftRecord } from './draft.ts';
import { IngestInputError, WorkbookUnreadableError } from './errors.ts';
import { guardUpload, UploadKind } from './guard/index.ts';
import type { UploadKind as UploadKindType } from './guard/index.ts';
import type { IngestLimits } from './limits.ts';
import { IngestLimitsSchema } from './limits.ts';
import { readSubmission } from './read/index.ts';
import { buildReceipt, recordsOf, rewordReceipt } from './receipt.ts';
import { sheetCell } from '../text/index.ts';
import type { Lang } from '../text/index.ts';

interface IngestInput {
  bytes: Buffer;
  fileName: string;
  /** ISO3 the upload is filed under (submissions/<ISO3>/), or null for a dry run without one. */
  expectedAlly: string | null;
  submissionId: string;
  uploadedAt: string;
  source?: { key: string; versionId?: string | null; etag?: string | null };
  rules: Rules;
  now: Date;
  limits?: Partial<IngestLimits>;
  /** Reference data for the checks; the shipped tables by default. */
  reference?: CheckReference;
}

interface IngestOutcome {
  receipt: Receipt;
  /** The annotated copy (or a receipt-only workbook) when there are findings; null otherwise. */
  annotated: Buffer | null;
}

interface ReadOutcome {
  drafts: DraftRecord[];
  findings: Finding[];
  ally: string | null;
  /** The template's language, when the file is a dualtrack template. */
  lang: Lang | null;
  /** False when the reader could not open the file at all. */
  readable: boolean;
}

const describe = (error: unknown): string => {
  const cause = error instanceof WorkbookUnreadableError ? error.cause : error;
  const text = cause instanceof Error ? cause.message : String(cause);
  return text.replace(/\s+/g, ' ').slice(0, 200) || 'unknown error';
};

const placeKey = (f: Finding): string | null => (f.sheet && f.cell ? sheetCell(f.sheet, f.cell) : null);

/** Reads the upload; a crash of the parser on a file that passed the guard is a finding. */
const read = async (input: IngestInput, limits: IngestLimits): Promise<ReadOutcome> => {
  try {
    const result = await readSubmission(input.bytes, input.fileName, { limits, expectedAlly: input.expectedAlly });
    return { drafts: result.drafts, findings: result.findings, ally: result.ally, lang: result.lang, readable: true };
  } catch (error) {
    const unreadable = new WorkbookUnreadableError(input.fileName, { cause: error });
    return {
      drafts: [],
      findings: [findingOf('workbook-unreadable', { found: describe(unreadable) })],
      ally: null,
      lang: null,
      readable: false,
    };
  }
};

const parseLimits = (limits: Partial<IngestLimits> | undefined): IngestLimits => {
  const parsed = IngestLimitsSchema.safeParse(limits ?? {});
  if (!parsed.success) throw new IngestInputError('limits', parsed.error.message, { cause: parsed.error });
  return parsed.data;
};

const annotatedCopy = async (input: IngestInput, receipt: Receipt, kind: UploadKindType | null, readable: boolean) => {
  if (receipt.findings.length === 0) return null;
  // Worded in the template's language; the stored receipt keeps English (it can be reworded).
  const worded = receipt.lang ? rewordReceipt(receipt, receipt.lang) : receipt;
  if (kind === UploadKind.xlsx && readable) {
    try {
      return await annotateWorkbook(input.bytes, worded);
    } catch {
      // The reader managed but the copy could not be rewritten: the findings still go back.
    }
  }
  return receiptWorkbook(worded);
};

/** Checks one upload end to end. Throws only on a caller's contract breach or a bug of ours. */
const ingestSubmission = async (input: IngestInput): Promise<IngestOutcome> => {
  const limits = parseLimits(input.limits);
  if (!z.iso.datetime().safeParse(input.uploadedAt).success) {
    throw new IngestInputError('uploadedAt', `not an ISO date-time: "${input.uploadedAt}"`);
  }
  const base = {
    submissionId: input.submissionId,
    fileName: input.fileName,
    uploadedAt: input.uploadedAt,
    checkedAt: input.now.toISOString(),
    ...(input.source ? { source: input.source } : {}),
  };

  const guard = await guardUpload(input.bytes, input.fileName, limits);
  if (!guard.ok) {
    const receipt = buildReceipt({ ...base, ally: input.expectedAlly, years: [], findings: guard.findings, records: [] });
    return { receipt, annotated: await annotatedCopy(input, receipt, null, false) };
  }

  const readOutcome = await read(input, limits);
  const context: CheckContext = {
    expectedAlly: input.expectedAlly,
    rules: input.rules,
    // Past, current and future are judged from the upload, not from when it is (re)checked, so
    // a retry in January gives the receipt a December upload got.
    now: new Date(input.uploadedAt),
    reference: input.reference ?? SHIPPED_REFERENCE,
  };
  // What the reader already refused is not reported twice: no "no years" after it said why it
  // found no table, and nothing more about a cell whose content it rejected.
  const readerErrors = readOutcome.findings.filter((f) => f.severity === Severity.error);
  const refusedCells = new Set(readerErrors.map(placeKey).filter((k) => k !== null));
  const checkFindings = runChecks(readOutcome.drafts, context).filter(
    (f) => !(readerErrors.length > 0 && f.code === 'no-years') && !refusedCells.has(placeKey(f) ?? ''),
  );
  const ally = input.expectedAlly ?? readOutcome.ally ?? readOutcome.drafts.find((d) => d.ally !== null)?.ally ?? null;
  const built = recordsOf(readOutcome.drafts, {
    submissionId: input.submissionId,
    fileName: input.fileName,
    uploadedAt: input.uploadedAt,
    ally,
    currentYear: uploadYear(context),
    currencyOf: context.reference.currentCurrency,
  });

  const findings = [...readOutcome.findings, ...checkFindings];
  // A record that fails its schema matters only when nothing else rejected the upload already.
  if (!findings.some((f) => f.severity === Severity.error)) findings.push(...built.findings);
  const receipt = buildReceipt({
    ...base,
    ally,
    lang: readOutcome.lang,
    years: readOutcome.drafts.map((d) => d.year),
    findings,
    records: built.records,
  });
  return { receipt, annotated: await annotatedCopy(input, receipt, guard.kind, readOutcome.readable) };
};

export { ingestSubmission };
export type { IngestInput, IngestOutcome };
