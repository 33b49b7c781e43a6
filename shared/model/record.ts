// The canonical submission record: one ally, one year, amounts in millions of the ally's
// national currency of today (legacy euro currencies already converted). Its fields are the
// submission's field table: each field's kind gives its schema, so a field added there is a
// field of the record, and the record's key order is the table's.
import * as z from 'zod';
import { AmountSchema, CurrencySchema, FIELD_PATHS, FieldGroup, fieldDef, FigureStatus, groupOf, Iso3Schema, YearSchema } from '../submission/index.ts';
import type { FieldKind, FieldPath, Fields, GroupPath } from '../submission/index.ts';
import { valuesOf } from './vocab.ts';

/** The schema of each kind of field value. */
const KIND_SCHEMAS = {
  year: YearSchema,
  status: z.enum(valuesOf(FigureStatus)),
  currency: CurrencySchema,
  amount: AmountSchema,
  text: z.string(),
  flag: z.boolean(),
} as const satisfies Record<FieldKind, z.ZodType>;
type KindSchemas = typeof KIND_SCHEMAS;

/** Optional fields may be left out; an amount that must be there is null when not given. */
type SchemaOf<P extends FieldPath> = Fields[P] extends { optional: true }
  ? z.ZodOptional<KindSchemas[Fields[P]['kind']]>
  : Fields[P]['kind'] extends 'amount'
    ? z.ZodNullable<KindSchemas['amount']>
    : KindSchemas[Fields[P]['kind']];

const schemaOf = <P extends FieldPath>(path: P): SchemaOf<P> => {
  const def = fieldDef(path);
  const base: z.ZodType = KIND_SCHEMAS[def.kind];
  return (def.optional ? base.optional() : def.kind === 'amount' ? base.nullable() : base) as SchemaOf<P>;
};

/** A group's fields by their name inside it (`core.personnel` → `personnel`). */
type GroupShape<G extends FieldGroup> = { [P in GroupPath<G> as P extends `${G}.${infer Name}` ? Name : never]: SchemaOf<P> };

const groupSchema = <G extends FieldGroup>(group: G) =>
  z.strictObject(
    Object.fromEntries(FIELD_PATHS.filter((p) => groupOf(p) === group).map((p) => [p.slice(group.length + 1), schemaOf(p)])) as GroupShape<G>,
  );

const CoreSchema = groupSchema(FieldGroup.core);
const SecuritySchema = groupSchema(FieldGroup.security);

/** Where a record came from: which upload, and which cells held each field. */
const ProvenanceSchema = z.strictObject({
  submissionId: z.string().min(1),
  file: z.string().min(1),
  uploadedAt: z.iso.datetime(),
  sheet: z.string().optional(),
  /** Field path (e.g. `core.total`) to the cell it was read from (e.g. `Data!D7`). */
  cells: z.record(z.string(), z.string()).optional(),
});

type TopPath = Exclude<FieldPath, `${string}.${string}`>;
type FieldsShape = { [P in TopPath]: SchemaOf<P> } & { core: typeof CoreSchema; security: typeof SecuritySchema };

/** The fields in the table's order, each group in place of its first field. */
const fieldsShape = Object.fromEntries(
  FIELD_PATHS.flatMap((path): [string, z.ZodType][] => {
    const group = groupOf(path);
    if (group === null) return [[path, schemaOf(path)]];
    return path === FIELD_PATHS.find((p) => groupOf(p) === group) ? [[group, group === FieldGroup.core ? CoreSchema : SecuritySchema]] : [];
  }),
) as FieldsShape;

const SubmissionRecordSchema = z.strictObject({
  ally: Iso3Schema,
  ...fieldsShape,
  provenance: ProvenanceSchema,
});

type Core = z.infer<typeof CoreSchema>;
type Security = z.infer<typeof SecuritySchema>;
type Provenance = z.infer<typeof ProvenanceSchema>;
type SubmissionRecord = z.infer<typeof SubmissionRecordSchema>;

export {
  Iso3Schema,
  CurrencySchema,
  YearSchema,
  AmountSchema,
  CoreSchema,
  SecuritySchema,
  ProvenanceSchema,
  SubmissionRecordSchema,
};
export type { Core, Security, Provenance, SubmissionRecord };
