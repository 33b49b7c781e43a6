import { describe, it, expect } from 'vitest';
import { createHash } from 'node:crypto';
import {
  AllyFileSchema,
  ChangesSchema,
  ComplianceDatasetSchema,
  ALLIANCE_CSV_COLUMNS,
  CSV_COLUMNS,
  RELEASE_FILES,
  ReleaseManifest,
  UnknownAllyError,
  allyFilePath,
  allyPagePath,
  mediaTypeOf,
  releaseEntryOf,
  renderAllyJson,
  renderRelease,
} from '../../../shared/report/index.ts';
import type { ManifestEntry } from '../../../shared/report/index.ts';
import { HAGUE_2025 } from '../../../shared/model/index.ts';
import { makeDataset } from '../../helpers/dataset.ts';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('renderRelease', () => {
  it('renders every release file of the manifest, in its order, one per ally, the data package last', async () => {
    // Prepare
    const dataset = makeDataset();
    // Act
    const files = await renderRelease({ dataset, previous: null, history: [] });
    // Assess
    const perAlly = new Map<ManifestEntry, (iso3: string) => string>([
      [ReleaseManifest.ally, allyFilePath],
      [ReleaseManifest.allyPage, (iso3) => allyPagePath(iso3, 'en')],
      [ReleaseManifest.allyPageFr, (iso3) => allyPagePath(iso3, 'fr')],
    ]);
    const expected = RELEASE_FILES.flatMap((e) => {
      const path = perAlly.get(e);
      return path ? dataset.allies.map((a) => path(a.iso3)) : [e.path];
    });
    expect(files.map((f) => f.path)).toEqual(expected);
    expect(dataset.allies.map((a) => a.iso3)).toEqual(['ALB', 'DEU', 'ISL', 'USA']);
    expect(files.at(-1)?.path).toBe(ReleaseManifest.datapackage.path);
  });

  it('writes compliance.json and changes.json that parse with their schemas', async () => {
    // Prepare
    const dataset = makeDataset();

    // Act
    const files = await renderRelease({ dataset, previous: dataset, history: [] });
    const body = (path: string): unknown => JSON.parse(files.find((f) => f.path === path)!.body.toString('utf8'));

    // Assess
    expect(ComplianceDatasetSchema.parse(body(ReleaseManifest.dataset.path))).toEqual(dataset);
    expect(ChangesSchema.parse(body(ReleaseManifest.changes.path)).summary.total).toBe(0);
  });

  it('lists every other data file in the data package with its size, sha256, media type and description, and no page', async () => {
    // Prepare
    const files = await renderRelease({ dataset: makeDataset(), previous: null, history: [] });
    const pkg = JSON.parse(files.at(-1)!.body.toString('utf8')) as {
      version: string;
      created: string;
      resources: {
        path: string;
        bytes: number;
        hash: string;
        mediatype: string;
        description: string;
        schema?: { fields: { name: string; type: string }[] };
      }[];
    };

    // Act
    const listed = pkg.resources.map((r) => [r.path, r.bytes, r.hash, r.mediatype, r.description]);
    const expected = files.slice(0, -1).flatMap((f) => {
      const entry = releaseEntryOf(f.path);
      if (entry === ReleaseManifest.allyPage || entry === ReleaseManifest.allyPageFr) return [];
      return [[f.path, f.body.length, `sha256:${sha256(f.body)}`, mediaTypeOf(entry?.contentType ?? '-'), entry?.description]];
    });

    // Assess
    expect(listed).toEqual(expected);
    expect(listed.some(([path]) => String(path).endsWith('.html'))).toBe(false);
    expect(pkg.resources.find((r) => r.path === ReleaseManifest.csv.path)?.mediatype).toBe('text/csv');
    expect([pkg.version, pkg.created]).toEqual(['3', '2026-06-01T12:00:00.000Z']);
    const csv = pkg.resources.find((r) => r.path === ReleaseManifest.csv.path)!;
    expect(csv.schema?.fields.map((f) => f.name)).toEqual(CSV_COLUMNS.map((c) => c.name));
    expect(csv.schema?.fields.find((f) => f.name === 'year')?.type).toBe('integer');
    expect(csv.schema?.fields.find((f) => f.name === 'core_pct')?.type).toBe('number');
    const alliance = pkg.resources.find((r) => r.path === ReleaseManifest.allianceCsv.path) as (typeof pkg.resources)[number] & { schema?: { primaryKey: string[] } };
    expect(alliance.schema?.fields.map((f) => f.name)).toEqual(ALLIANCE_CSV_COLUMNS.map((c) => c.name));
    expect(alliance.schema?.primaryKey).toEqual(['year', 'group', 'basis']);
  });
});

describe('the CSV columns in the data package', () => {
  interface Field {
    name: string;
    description: string;
    descriptions: Record<string, string>;
  }
  const fieldsOf = async () => {
    const files = await renderRelease({ dataset: makeDataset(), previous: null, history: [] });
    const pkg = JSON.parse(files.at(-1)!.body.toString('utf8')) as { resources: { path: string; schema?: { fields: Field[] } }[] };
    return pkg.resources.flatMap((r) => (r.schema ? r.schema.fields.map((f) => ({ ...f, file: r.path })) : []));
  };

  it('describes every column in English and in French, from the one label table', async () => {
    // Act
    const fields = await fieldsOf();
    const untranslated = fields.filter((f) => f.descriptions.fr === f.descriptions.en && f.name !== 'coverage_pct').map((f) => `${f.file} ${f.name}`);

    // Assess
    expect(fields).toHaveLength(CSV_COLUMNS.length + ALLIANCE_CSV_COLUMNS.length);
    expect(fields.every((f) => f.description === f.descriptions.en && Object.keys(f.descriptions).join() === 'en,fr')).toBe(true);
    expect(untranslated).toEqual([]);
    const byName = (file: string, name: string) => fields.find((f) => f.file === file && f.name === name)?.descriptions;
    expect(byName(ReleaseManifest.csv.path, 'core_pct')).toEqual({ en: 'Core defence expenditure, % of GDP', fr: 'Dépenses de défense de base,\u202f% du PIB' });
    expect(byName(ReleaseManifest.csv.path, 'security_status')).toEqual({ en: 'Status on the security-related track', fr: 'Statut sur le volet sécurité' });
    expect(byName(ReleaseManifest.allianceCsv.path, 'core_pct')?.en).toBe('Core defence expenditure, % of GDP (sum over sum)');
  });
});

describe('the licence the rules state', () => {
  const pageText = (files: { path: string; body: Buffer }[], path: string) => files.find((f) => f.path === path)!.body.toString('utf8');
  const packageOf = (files: { path: string; body: Buffer }[]) => JSON.parse(files.at(-1)!.body.toString('utf8')) as { licenses?: unknown };

  it('is in the data package and linked from every ally page, in both languages', async () => {
    // Prepare: hague-2025 states CC BY 4.0
    const dataset = makeDataset();

    // Act
    const files = await renderRelease({ dataset, previous: null, history: [] });

    // Assess
    expect(packageOf(files).licenses).toEqual([
      { name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/', title: 'Creative Commons Attribution 4.0 International' },
    ]);
    expect(pageText(files, allyPagePath('DEU', 'en'))).toContain(
      '<p class="license" data-license="CC-BY-4.0">Licence: <a rel="license" href="https://creativecommons.org/licenses/by/4.0/">Creative Commons Attribution 4.0 International</a> (CC-BY-4.0), stated by the operator in the rules hague-2025.</p>',
    );
    expect(pageText(files, allyPagePath('DEU', 'fr'))).toContain('Licence\u00a0: <a rel="license" href="https://creativecommons.org/licenses/by/4.0/">');
  });

  it('is absent from the data package, and the pages say none is stated, when the rules give none', async () => {
    // Prepare
    const { license: _stated, ...rules } = HAGUE_2025;
    const dataset = makeDataset({ rules });

    // Act
    const files = await renderRelease({ dataset, previous: null, history: [] });

    // Assess
    expect(packageOf(files)).not.toHaveProperty('licenses');
    expect(pageText(files, allyPagePath('DEU', 'en'))).toContain('No licence is stated in the rules hague-2025: ask the publisher before reusing the data.');
    expect(pageText(files, allyPagePath('DEU', 'en'))).not.toContain('rel="license"');
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
