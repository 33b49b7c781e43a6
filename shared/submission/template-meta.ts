// The hidden marker that makes a workbook recognisable as our template, and which version of
// it. The template writes it and the reader trusts the column map it holds, so computed
// columns are never read as inputs.
import * as z from 'zod';
import { COLUMN_LETTERS, LANGS } from '../text/index.ts';
import { Iso3Schema, YearSchema } from './field-schemas.ts';
import { FIELD_PATHS } from './fields.ts';

const META_SHEET = '_meta';
const TEMPLATE_ID = 'dualtrack-submission';
const TEMPLATE_VERSION = 1;

const TemplateMetaSchema = z.strictObject({
  template: z.literal(TEMPLATE_ID),
  version: z.coerce.number().int().positive(),
  ally: Iso3Schema,
  lang: z.enum(LANGS),
  from: z.coerce.number().pipe(YearSchema),
  to: z.coerce.number().pipe(YearSchema),
  sheet: z.string().min(1),
  headerRow: z.coerce.number().int().positive(),
  /** Field path → column letters of its input column on the data sheet. */
  columns: z.partialRecord(z.enum(FIELD_PATHS), z.string().regex(COLUMN_LETTERS)),
});

type TemplateMeta = z.infer<typeof TemplateMetaSchema>;

/** Key/value rows as written on the `_meta` sheet; columns go as `column:<field>` keys. */
const metaRows = (meta: TemplateMeta): [string, string][] => [
  ['template', meta.template],
  ['version', String(meta.version)],
  ['ally', meta.ally],
  ['lang', meta.lang],
  ['from', String(meta.from)],
  ['to', String(meta.to)],
  ['sheet', meta.sheet],
  ['headerRow', String(meta.headerRow)],
  ...Object.entries(meta.columns).map(([field, column]): [string, string] => [`column:${field}`, column]),
];

/** Parse the `_meta` sheet's key/value rows; null when they are not a template marker we know. */
const parseMetaRows = (rows: readonly (readonly [string, string])[]): TemplateMeta | null => {
  const columns: Record<string, string> = {};
  const flat: Record<string, unknown> = { columns };
  for (const [key, value] of rows) {
    if (key.startsWith('column:')) columns[key.slice('column:'.length)] = value;
    else flat[key] = value;
  }
  const parsed = TemplateMetaSchema.safeParse(flat);
  return parsed.success ? parsed.data : null;
};

export { META_SHEET, TEMPLATE_ID, TEMPLATE_VERSION, TemplateMetaSchema, metaRows, parseMetaRows };
export type { TemplateMeta };
