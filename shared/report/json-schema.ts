// schema.json: the JSON Schema of compliance.json, generated from the zod schema so the two can
// never drift apart.
import * as z from 'zod';
import { ComplianceDatasetSchema } from './dataset.ts';

const datasetJsonSchema = (): Record<string, unknown> =>
  z.toJSONSchema(ComplianceDatasetSchema, { target: 'draft-2020-12', unrepresentable: 'throw' }) as Record<string, unknown>;

/** The JSON Schema (draft 2020-12) of compliance.json, pretty-printed UTF-8. */
const renderSchema = (): Buffer => Buffer.from(`${JSON.stringify(datasetJsonSchema(), null, 2)}\n`, 'utf8');

export { renderSchema, datasetJsonSchema };
