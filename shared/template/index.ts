// Public surface of the submission template.
export { buildTemplate, DEFAULT_FROM, DEFAULT_TO, HEADER_ROW } from './build.ts';
export type { TemplateOptions } from './build.ts';
export { TemplateError, UnknownAllyError, InvalidYearsError } from './errors.ts';
