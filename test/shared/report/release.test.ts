import { describe, it, expect } from 'vitest';
import { createHash } from 'node:crypto';
import {
  AllyFileSchema,
  ChangesSchema,
  ComplianceDatasetSchema,
  CSV_COLUMNS,
  UnknownAllyError,
  renderAllyJson,
  renderRelease,
} from '../../../shared/report/index.ts';
import { makeDataset } from '../../helpers/dataset.ts';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('renderRelease', () => {
  it('renders every file of a release folder with its content type, the data package last', async () => {
    // Prepare / Act
    const files = await renderRelease({ dataset: makeDataset(), previous: null, history: [] });

    // Assess
    expect(files.map((f) => [f.path, f.contentType])).toEqual([
      ['compliance.json', 'application/json'],
      ['schema.json', 'application/schema+json'],
      ['compliance.csv', 'text/csv; charset=utf-8; header=present'],
      ['compliance.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['changes.json', 'application/json'],
      ['allies/ALB.json', 'application/json'],
      ['allies/DEU.json', 'application/json'],
      ['allies/ISL.json', 'application/json'],
      ['allies/USA.json', 'application/json'],
      ['datapackage.json', 'application/json'],
    ]);
    expect(files.find((f) => f.path === 'compliance.xlsx')?.contentDisposition).toBe('attachment; filename="dualtrack-release-3.xlsx"');
  });

  it('writes compliance.json and changes.json that parse with their schemas', async () => {
    // Prepare
    const dataset = makeDataset();

    // Act
    const files = await renderRelease({ dataset, previous: dataset, history: [] });
    const body = (path: string): unknown => JSON.parse(files.find((f) => f.path === path)!.body.toString('utf8'));

    // Assess
    expect(ComplianceDatasetSchema.parse(body('compliance.json'))).toEqual(dataset);
    expect(ChangesSchema.parse(body('changes.json')).summary.total).toBe(0);
  });

  it('lists every other file in the data package with its size and sha256', async () => {
    // Prepare
    const files = await renderRelease({ dataset: makeDataset(), previous: null, history: [] });
    const pkg = JSON.parse(files.at(-1)!.body.toString('utf8')) as {
      version: string;
      created: string;
      resources: { path: string; bytes: number; hash: string; mediatype: string; schema?: { fields: { name: string; type: string }[] } }[];
    };

    // Act
    const listed = pkg.resources.map((r) => [r.path, r.bytes, r.hash, r.mediatype]);
    const expected = files.slice(0, -1).map((f) => [f.path, f.body.length, `sha256:${sha256(f.body)}`, f.contentType.split(';')[0]]);

    // Assess
    expect(listed).toEqual(expected);
    expect([pkg.version, pkg.created]).toEqual(['3', '2026-06-01T12:00:00.000Z']);
    const csv = pkg.resources.find((r) => r.path === 'compliance.csv')!;
    expect(csv.schema?.fields.map((f) => f.name)).toEqual(CSV_COLUMNS.map((c) => c.name));
    expect(csv.schema?.fields.find((f) => f.name === 'year')?.type).toBe('integer');
    expect(csv.schema?.fields.find((f) => f.name === 'core_pct')?.type).toBe('number');
  });
});

describe('renderAllyJson', () => {
  it("holds one ally's history and the release header", () => {
    // Prepare
    const dataset = makeDataset();

    // Act
    const file = AllyFileSchema.parse(JSON.parse(renderAllyJson(dataset, 'DEU').toString('utf8')));

    // Assess
    expect(file.ally.iso3).toBe('DEU');
    expect(file.ally.years.map((y) => y.year)).toEqual([2025, 2026]);
    expect(file.release).toEqual(dataset.release);
  });

  it('refuses an ally the dataset does not hold', () => {
    // Prepare / Act / Assess
    expect(() => renderAllyJson(makeDataset(), 'FRA')).toThrow(UnknownAllyError);
  });
});
