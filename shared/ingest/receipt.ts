// The receipt an upload gets: a verdict, counts, every finding (sorted by place), a section per
// sheet, and the canonical records when accepted. Also the deterministic submission id.
import { createHash } from 'node:crypto';
import { findingOf, rewordFinding } from '../findings/index.ts';
import type { Finding } from '../findings/index.ts';
import { Iso3Schema, ReceiptSchema, ReceiptStatus, Severity, SubmissionRecordSchema } from '../model/index.ts';
import type { Receipt, SubmissionRecord } from '../model/index.ts';
import { defaultStatus } from './checks/status.ts';
import type { DraftRecord } from './draft.ts';
import { IngestInputError } from './errors.ts';
import { sheetCell } from '../text/index.ts';
import type { Lang } from '../text/index.ts';

interface Counts {
  errors: number;
  warnings: number;
  infos: number;
}

const countFindings = (findings: readonly Finding[]): Counts => ({
  errors: findings.filter((f) => f.severity === Severity.error).length,
  warnings: findings.filter((f) => f.severity === Severity.warning).length,
  infos: findings.filter((f) => f.severity === Severity.info).length,
});

/** Rejected on any error, accepted with warnings on any warning, else accepted (infos do not count). */
const receiptStatusOf = (findings: readonly Finding[]): ReceiptStatus => {
  const c = countFindings(findings);
  if (c.errors > 0) return ReceiptStatus.rejected;
  return c.warnings > 0 ? ReceiptStatus.acceptedWithWarnings : ReceiptStatus.accepted;
};

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** Errors first, then by sheet, row and column; file-level findings lead each severity. */
const sortFindings = (findings: readonly Finding[]): Finding[] =>
  findings
    .map((f, i) => ({ f, i }))
    .sort(
      (a, b) =>
        SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] ||
        (a.f.sheet ?? '').localeCompare(b.f.sheet ?? '') ||
        (a.f.row ?? 0) - (b.f.row ?? 0) ||
        (a.f.column ?? 0) - (b.f.column ?? 0) ||
        a.i - b.i,
    )
    .map(({ f }) => f);

const sheetSections = (findings: readonly Finding[]): NonNullable<Receipt['sheets']> => {
  const sheets = [...new Set(findings.map((f) => f.sheet))];
  return sheets.map((sheet) => ({ sheet, counts: countFindings(findings.filter((f) => f.sheet === sheet)) }));
};

interface ReceiptInput {
  submissionId: string;
  fileName: string;
  uploadedAt: string;
  checkedAt: string;
  source?: Receipt['source'];
  ally: string | null;
  /** The template's language, when the file is a dualtrack template. */
  lang?: Lang | null;
  years: readonly number[];
  findings: readonly Finding[];
  /** Canonical records; kept only when the verdict is not a rejection. */
  records: readonly SubmissionRecord[];
}

/** Assembles and validates a receipt; a receipt that fails its own schema is a bug, so it throws. */
const buildReceipt = (input: ReceiptInput): Receipt => {
  const findings = sortFindings(input.findings);
  const status = receiptStatusOf(findings);
  const receipt: Receipt = {
    receiptVersion: 1,
    submissionId: input.submissionId,
    status,
    ally: input.ally !== null && Iso3Schema.safeParse(input.ally).success ? input.ally : null,
    file: input.fileName,
    ...(input.source ? { source: input.source } : {}),
    ...(input.lang ? { lang: input.lang } : {}),
    uploadedAt: input.uploadedAt,
    checkedAt: input.checkedAt,
    years: [...new Set(input.years)].sort((a, b) => a - b),
    counts: countFindings(findings),
    findings,
    sheets: sheetSections(findings),
    records: status === ReceiptStatus.rejected ? [] : [...input.records],
  };
  return ReceiptSchema.parse(receipt);
};

/** "2026-11-27T03:15:00.123Z" → "20261127T031500123Z": sortable and safe in a key. */
const compactTime = (iso: string): string => {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) throw new IngestInputError('uploadedAt', `not a date-time: "${iso}"`);
  return t.toISOString().replace(/[-:.]/g, '');
};

/**
 * A submission id that is the same for every delivery of the same object version (S3 events
 * come at least once) and sorts by upload time: `20261127T031500123Z-<12 hex of sha256>`.
 */
const submissionIdFor = (object: { key: string; versionId?: string | null; etag?: string | null; uploadedAt: string }): string => {
  const time = compactTime(object.uploadedAt);
  // Listings quote ETags and events do not; the same object must hash the same either way.
  const etag = object.etag?.replaceAll('"', '') ?? null;
  const digest = createHash('sha256')
    .update(JSON.stringify([object.key, object.versionId ?? null, etag, time]))
    .digest('hex');
  return `${time}-${digest.slice(0, 12)}`;
};

interface RecordProvenance {
  submissionId: string;
  fileName: string;
  uploadedAt: string;
}

/**
 * Canonical records from checked drafts. The ally and status defaults are the ones the checks
 * reported; a draft that still fails the record schema becomes an `invalid-record` finding.
 */
const recordsOf = (
  drafts: readonly DraftRecord[],
  options: RecordProvenance & { ally: string | null; currentYear: number; currencyOf: (iso3: string) => string | null },
): { records: SubmissionRecord[]; findings: Finding[] } => {
  const records: SubmissionRecord[] = [];
  const findings: Finding[] = [];
  for (const d of drafts) {
    const ally = d.ally ?? options.ally;
    const candidate = {
      ally,
      year: d.year,
      status: d.status ?? defaultStatus(d.year, options.currentYear),
      currency: d.currency ?? (ally ? options.currencyOf(ally) : null),
      gdp: d.gdp,
      core: d.core,
      security: d.security,
      ...(d.notes !== undefined ? { notes: d.notes } : {}),
      ...(d.illustrative !== undefined ? { illustrative: d.illustrative } : {}),
      provenance: {
        submissionId: options.submissionId,
        file: options.fileName,
        uploadedAt: options.uploadedAt,
        sheet: d.sheet,
        cells: Object.fromEntries(Object.entries(d.cells).map(([field, cell]) => [field, sheetCell(d.sheet, cell)])),
      },
    };
    const parsed = SubmissionRecordSchema.safeParse(candidate);
    if (parsed.success) {
      records.push(parsed.data);
      continue;
    }
    const issue = parsed.error.issues[0];
    const field = issue ? issue.path.map(String).join('.') : null;
    findings.push(
      findingOf('invalid-record', {
        sheet: d.sheet,
        cell: field ? (d.cells[field] ?? d.cells.year ?? null) : (d.cells.year ?? null),
        ally,
        year: d.year,
        field,
        found: issue ? `${field || 'record'}: ${issue.message}` : 'an invalid record',
      }),
    );
  }
  return { records: records.sort((a, b) => a.year - b.year), findings };
};

/**
 * The receipt with every finding worded in `lang`, from the code and facts each one carries.
 * Stored receipts keep English messages; a receipt, annotated copy or page in another language
 * is rendered from this. Findings written before they kept their params may name fewer facts.
 */
const rewordReceipt = (receipt: Receipt, lang: Lang): Receipt => ({ ...receipt, findings: receipt.findings.map((f) => rewordFinding(f, lang)) });

export { buildReceipt, countFindings, receiptStatusOf, sortFindings, submissionIdFor, recordsOf, rewordReceipt };
export type { ReceiptInput, Counts, RecordProvenance };
