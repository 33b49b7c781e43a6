// changes.json: what moved since the previous release, per ally and year, so a reader can see
// at a glance which figures and statuses changed without diffing two datasets.
import * as z from 'zod';
import { Iso3Schema, YearSchema, valuesOf } from '../model/index.ts';
import type { ComplianceDataset, DatasetAlly } from './dataset.ts';
import { canonicalJson } from './digest.ts';

const ChangeKind = {
  figure: 'figure',
  status: 'status',
  source: 'source',
  rule: 'rule',
  other: 'other',
} as const;
type ChangeKind = (typeof ChangeKind)[keyof typeof ChangeKind];

const ScalarSchema = z.union([z.number(), z.string(), z.boolean(), z.null()]);

const ChangeSchema = z.strictObject({
  /** null for a change of the rules, which concerns every ally. */
  iso3: Iso3Schema.nullable(),
  /** null for a change to the ally as a whole (plan credibility, baseline) or to the rules. */
  year: YearSchema.nullable(),
  /** Dotted path of the field inside the year (e.g. `corePct`, `tracks.core.status`), the ally or the rules. */
  field: z.string().min(1),
  kind: z.enum(valuesOf(ChangeKind)),
  /** Lists are shown as their canonical JSON text. */
  before: ScalarSchema,
  after: ScalarSchema,
});

const ReleaseRefSchema = z.strictObject({
  number: z.number().int().positive(),
  publishedAt: z.iso.datetime(),
  digest: z.string(),
});

const AllyYearRefSchema = z.strictObject({ iso3: Iso3Schema, year: YearSchema });

const ChangesSchema = z.strictObject({
  changesVersion: z.literal(1),
  release: ReleaseRefSchema,
  /** null for the first release: everything is new. */
  previous: ReleaseRefSchema.nullable(),
  reportingYear: z.strictObject({ before: YearSchema.nullable(), after: YearSchema }),
  rulesChanged: z.boolean(),
  alliesAdded: z.array(Iso3Schema),
  alliesRemoved: z.array(Iso3Schema),
  /** Years added to or removed from allies present in both releases. */
  yearsAdded: z.array(AllyYearRefSchema),
  yearsRemoved: z.array(AllyYearRefSchema),
  changes: z.array(ChangeSchema),
  summary: z.strictObject({
    figures: z.number().int().nonnegative(),
    statuses: z.number().int().nonnegative(),
    sources: z.number().int().nonnegative(),
    rules: z.number().int().nonnegative(),
    other: z.number().int().nonnegative(),
    alliesAdded: z.number().int().nonnegative(),
    alliesRemoved: z.number().int().nonnegative(),
    yearsAdded: z.number().int().nonnegative(),
    yearsRemoved: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
  }),
});

type Change = z.infer<typeof ChangeSchema>;
type Changes = z.infer<typeof ChangesSchema>;
type Scalar = z.infer<typeof ScalarSchema>;

/** Leaf values of an object by dotted path; lists become their canonical JSON text. */
const flatten = (value: unknown, prefix = '', out = new Map<string, Scalar>()): Map<string, Scalar> => {
  if (value === undefined) return out;
  if (value === null || typeof value !== 'object') {
    out.set(prefix, value as Scalar);
  } else if (Array.isArray(value)) {
    out.set(prefix, canonicalJson(value));
  } else {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  }
  return out;
};

const kindOf = (field: string, before: Scalar, after: Scalar): ChangeKind => {
  if (/(^|\.)status$/.test(field) || field.startsWith('legacy.') || field === 'plan.credible') return ChangeKind.status;
  if (field.startsWith('source.')) return ChangeKind.source;
  const numeric = (v: Scalar) => v === null || typeof v === 'number';
  return numeric(before) && numeric(after) ? ChangeKind.figure : ChangeKind.other;
};

const diff = (before: unknown, after: unknown, at: { iso3: string | null; year: number | null }, kind?: ChangeKind): Change[] => {
  const a = flatten(before);
  const b = flatten(after);
  const fields = [...new Set([...a.keys(), ...b.keys()])].sort();
  return fields
    .filter((f) => !Object.is(a.get(f) ?? null, b.get(f) ?? null))
    .map((field) => {
      const was = a.get(field) ?? null;
      const now = b.get(field) ?? null;
      return { ...at, field, kind: kind ?? kindOf(field, was, now), before: was, after: now };
    });
};

const allyChanges = (before: DatasetAlly, after: DatasetAlly) => {
  const { years: yearsBefore, ...restBefore } = before;
  const { years: yearsAfter, ...restAfter } = after;
  const was = new Map(yearsBefore.map((y) => [y.year, y]));
  const now = new Map(yearsAfter.map((y) => [y.year, y]));
  const changes = diff(restBefore, restAfter, { iso3: after.iso3, year: null });
  for (const y of yearsAfter) {
    const prior = was.get(y.year);
    if (prior) changes.push(...diff(prior, y, { iso3: after.iso3, year: y.year }));
  }
  return {
    changes,
    added: yearsAfter.filter((y) => !was.has(y.year)).map((y) => ({ iso3: after.iso3, year: y.year })),
    removed: yearsBefore.filter((y) => !now.has(y.year)).map((y) => ({ iso3: after.iso3, year: y.year })),
  };
};

const ref = (d: ComplianceDataset) => ({ number: d.release.number, publishedAt: d.release.publishedAt, digest: d.release.digest });

/** What changed between two releases (previous null: the first release, every ally is new). */
const computeChanges = (previous: ComplianceDataset | null, current: ComplianceDataset): Changes => {
  const before = new Map((previous?.allies ?? []).map((a) => [a.iso3, a]));
  const after = new Map(current.allies.map((a) => [a.iso3, a]));
  const ruleChanges = previous ? diff(previous.rules, current.rules, { iso3: null, year: null }, ChangeKind.rule) : [];
  const changes: Change[] = [...ruleChanges];
  const yearsAdded: { iso3: string; year: number }[] = [];
  const yearsRemoved: { iso3: string; year: number }[] = [];
  for (const ally of current.allies) {
    const prior = before.get(ally.iso3);
    if (!prior) continue;
    const d = allyChanges(prior, ally);
    changes.push(...d.changes);
    yearsAdded.push(...d.added);
    yearsRemoved.push(...d.removed);
  }
  const alliesAdded = current.allies.filter((a) => !before.has(a.iso3)).map((a) => a.iso3);
  const alliesRemoved = [...before.keys()].filter((iso3) => !after.has(iso3)).sort();
  const count = (k: ChangeKind) => changes.filter((c) => c.kind === k).length;
  return {
    changesVersion: 1,
    release: ref(current),
    previous: previous ? ref(previous) : null,
    reportingYear: { before: previous?.release.reportingYear ?? null, after: current.release.reportingYear },
    rulesChanged: ruleChanges.length > 0,
    alliesAdded,
    alliesRemoved,
    yearsAdded,
    yearsRemoved,
    changes,
    summary: {
      figures: count(ChangeKind.figure),
      statuses: count(ChangeKind.status),
      sources: count(ChangeKind.source),
      rules: count(ChangeKind.rule),
      other: count(ChangeKind.other),
      alliesAdded: alliesAdded.length,
      alliesRemoved: alliesRemoved.length,
      yearsAdded: yearsAdded.length,
      yearsRemoved: yearsRemoved.length,
      total: changes.length + alliesAdded.length + alliesRemoved.length + yearsAdded.length + yearsRemoved.length,
    },
  };
};

/**
 * The allies a release changed: any figure, status, source or other field of theirs, a year
 * added or removed, or the ally itself added (with figures) or removed. The release index keeps
 * them, so each ally's feed lists the releases that concern it.
 */
const changedAllies = (previous: ComplianceDataset | null, current: ComplianceDataset): string[] => {
  const c = computeChanges(previous, current);
  const withFigures = new Set(current.allies.filter((a) => a.years.length > 0).map((a) => a.iso3));
  const touched = [
    ...c.changes.flatMap((change) => (change.iso3 === null ? [] : [change.iso3])),
    ...c.yearsAdded.map((y) => y.iso3),
    ...c.yearsRemoved.map((y) => y.iso3),
    ...c.alliesAdded.filter((iso3) => withFigures.has(iso3)),
    ...c.alliesRemoved,
  ];
  return [...new Set(touched)].sort();
};

const renderChanges = (changes: Changes): Buffer => Buffer.from(`${JSON.stringify(changes, null, 2)}\n`, 'utf8');

export { ChangeKind, ChangeSchema, ChangesSchema, computeChanges, changedAllies, renderChanges };
export type { Change, Changes };
