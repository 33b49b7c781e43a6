// Public surface of the submission vocabulary: the fields of a record and their labels, the
// parts of each breakdown, figure statuses, the values a field may hold, the reader's header
// lookup, and the template's column map and marker. Ingest and the template both build on it.
export { FieldKind, FIELDS, FIELD_PATHS, fieldDef, fieldLabel, isFieldPath, isAmountPath } from './fields.ts';
export type { FieldDef, FieldPath, Fields, AmountPath } from './fields.ts';
export { FieldGroup, groupOf, groupPaths, partsOf, pathInGroup, CORE_PARTS, SECURITY_PARTS } from './parts.ts';
export type { GroupPath, PartOf, CorePart, SecurityPart, SharedName } from './parts.ts';
export { FigureStatus, STATUS_WORDS, STATUS_CHOICES, statusOf } from './statuses.ts';
export { Iso3Schema, CurrencySchema, YearSchema, AmountSchema } from './field-schemas.ts';
export { CONTEXTUAL_LABELS, DERIVED_LABEL_WORDS, fieldForLabel, isDerivedLabel } from './labels.ts';
export { OF_WHICH, withoutOfWhich } from './of-which.ts';
export { TEMPLATE_FIELDS, TEMPLATE_COLUMNS } from './template-columns.ts';
export { META_SHEET, TEMPLATE_ID, TEMPLATE_VERSION, TemplateMetaSchema, metaRows, parseMetaRows } from './template-meta.ts';
export type { TemplateMeta } from './template-meta.ts';
