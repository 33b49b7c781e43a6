// A finding: a submitter's mistake as data, with a stable code and a place. Its severity comes
// from the code, and its message is worded from its facts by the codes table, never by the
// caller; the facts it keeps let it be worded again in another language later.
import * as z from 'zod';
import { Iso3Schema, YearSchema } from '../submission/index.ts';
import { parseA1 } from '../text/index.ts';
import type { Lang } from '../text/index.ts';
import { FINDING_CODES, severityOf } from './codes.ts';
import type { FindingCode } from './codes.ts';
import { FindingParamsSchema } from './params.ts';
import type { FindingParams, ParamValue } from './params.ts';
import { Severity } from './severity.ts';
import { wordFinding } from './wording.ts';

const FindingSchema = z.strictObject({
  severity: z.enum(Severity),
  /** Stable machine code, kebab-case (e.g. `negative-value`); wording may change, codes do not. */
  code: z.enum(FINDING_CODES),
  sheet: z.string().nullable(),
  /** A1 address of the cell in question, or null when the finding is about the whole file. */
  cell: z.string().nullable(),
  row: z.number().int().positive().nullable().optional(),
  column: z.number().int().positive().nullable().optional(),
  ally: Iso3Schema.nullable().optional(),
  year: YearSchema.nullable().optional(),
  field: z.string().nullable().optional(),
  /** What was found, as the submitter would recognise it. */
  found: z.string().nullable().optional(),
  /** What was expected instead. */
  expected: z.string().nullable().optional(),
  /**
   * The other facts the sentence is made from (a previous year, a limit, a key naming a kind of
   * file), language-neutral, so that the finding can be worded again in another language.
   * Receipts written before findings kept them have none.
   */
  params: FindingParamsSchema.optional(),
  /** The sentence, in English. */
  message: z.string().min(1),
});

type Finding = z.infer<typeof FindingSchema>;

/** What a check, the reader or the guard knows when it finds something; every fact is optional. */
interface FindingFacts {
  sheet?: string | null;
  cell?: string | null;
  ally?: string | null;
  year?: number | null;
  field?: string | null;
  found?: string | null;
  expected?: string | null;
  /** Extra facts the sentence needs beyond the fields above. */
  params?: FindingParams;
}

/** The facts a finding's sentence is made from: its own fields and its params. */
const factsOf = (f: Pick<Finding, 'sheet' | 'cell' | 'year' | 'field' | 'ally' | 'found' | 'expected' | 'params'>): FindingParams => ({
  sheet: f.sheet,
  cell: f.cell,
  year: f.year,
  field: f.field,
  ally: f.ally,
  found: f.found,
  expected: f.expected,
  ...f.params,
});

/** The params worth keeping: those with a value (null included, as a fact that is known to be missing). */
const keptParams = (params: FindingParams | undefined): Record<string, ParamValue> | null => {
  const kept = Object.entries(params ?? {}).filter((e): e is [string, ParamValue] => e[1] !== undefined);
  return kept.length > 0 ? Object.fromEntries(kept) : null;
};

/** Builds a finding with its severity from its code, its place filled in and its message worded from its facts. */
const findingOf = (code: FindingCode, facts: FindingFacts = {}): Finding => {
  const params = keptParams(facts.params);
  const finding: Finding = { severity: severityOf(code), code, sheet: facts.sheet ?? null, cell: facts.cell ?? null, message: '' };
  const rc = parseA1(finding.cell);
  if (rc) Object.assign(finding, rc);
  if (facts.ally != null) finding.ally = facts.ally;
  if (facts.year != null) finding.year = facts.year;
  if (facts.field != null) finding.field = facts.field;
  if (facts.found != null) finding.found = facts.found;
  if (facts.expected != null) finding.expected = facts.expected;
  if (params) finding.params = params;
  finding.message = wordFinding(code, factsOf(finding));
  return finding;
};

/**
 * The same finding with its message worded in `lang`, from the facts it carries. Findings of
 * receipts written before they kept their params may lack a fact a sentence names; the
 * stored English message is the one to show for those in English.
 */
const rewordFinding = (finding: Finding, lang: Lang): Finding => ({ ...finding, message: wordFinding(finding.code, factsOf(finding), lang) });

export { FindingSchema, findingOf, rewordFinding, factsOf };
export type { Finding, FindingFacts };
