// Public surface of the submission template.
export { buildTemplate, INPUT_FIELDS, DEFAULT_FROM, DEFAULT_TO, HEADER_ROW } from './build.ts';
export type { TemplateOptions } from './build.ts';
export { META_SHEET, TEMPLATE_ID, TEMPLATE_VERSION, TemplateMetaSchema, parseMetaRows } from './meta.ts';
export type { TemplateMeta } from './meta.ts';
export { TemplateError, UnknownAllyError, InvalidYearsError } from './errors.ts';
