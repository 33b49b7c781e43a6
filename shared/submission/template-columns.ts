// The submission template's column map: every field the template asks for, one input column
// each from column A, in the field table's order. The template writes it; its hidden marker
// carries it to the reader.
import { columnLetters } from '../text/index.ts';
import { FIELD_PATHS, fieldDef } from './fields.ts';
import type { FieldPath } from './fields.ts';

/** The fields with an input column: all but those the table marks `template: false`. */
const TEMPLATE_FIELDS: readonly FieldPath[] = FIELD_PATHS.filter((path) => fieldDef(path).template !== false);

/** Field → column letters of its input column. */
const TEMPLATE_COLUMNS: Readonly<Partial<Record<FieldPath, string>>> = Object.fromEntries(
  TEMPLATE_FIELDS.map((field, i) => [field, columnLetters(i + 1)]),
);

export { TEMPLATE_FIELDS, TEMPLATE_COLUMNS };
