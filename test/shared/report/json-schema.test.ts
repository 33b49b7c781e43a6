import { describe, it, expect } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { renderSchema } from '../../../shared/report/index.ts';
import { makeDataset } from '../../helpers/dataset.ts';

const compile = () => {
  const schema = JSON.parse(renderSchema().toString('utf8')) as Record<string, unknown>;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return { schema, validate: ajv.compile(schema) };
};

describe('renderSchema', () => {
  it('declares JSON Schema draft 2020-12', () => {
    // Prepare / Act
    const { schema } = compile();

    // Assess
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('accepts a rendered dataset, read back from its JSON text', () => {
    // Prepare
    const { validate } = compile();
    const json: unknown = JSON.parse(JSON.stringify(makeDataset()));

    // Act
    const ok = validate(json);

    // Assess
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('rejects a dataset with an unknown field, a bad status and a missing digest', () => {
    // Prepare
    const { validate } = compile();
    const dataset = JSON.parse(JSON.stringify(makeDataset())) as {
      extra?: number;
      release: { digest?: string };
      allies: { years: { status: string }[] }[];
    };
    dataset.extra = 1;
    delete dataset.release.digest;
    dataset.allies[0]!.years[0]!.status = 'guess';

    // Act
    const ok = validate(dataset);
    const paths = (validate.errors ?? []).map((e) => `${e.instancePath} ${e.keyword}`);

    // Assess
    expect(ok).toBe(false);
    expect(paths).toContain(' additionalProperties');
    expect(paths).toContain('/release required');
    expect(paths).toContain('/allies/0/years/0/status enum');
  });
});
