// datapackage.json: a Frictionless Data Package descriptor of the release's files, so data tools
// (frictionless, datapackage-py/js, CKAN) can load and verify the release without reading docs.
// Each file's media type and description come from the release manifest.
import type { License } from '../model/index.ts';
import { LANGS } from '../text/index.ts';
import type { ComplianceDataset } from './dataset.ts';
import { ALLIANCE_CSV_COLUMNS, CSV_COLUMNS } from './csv.ts';
import type { CsvColumn } from './csv.ts';
import { UnlistedFileError } from './errors.ts';
import { mediaTypeOf, ReleaseManifest, releaseEntryOf } from './manifest.ts';

interface PackagedFile {
  /** Path relative to the release folder, as the release manifest names it. */
  path: string;
  /** Size in bytes. */
  bytes: number;
  sha256: string;
}


/** A licence as the Data Package spec lists it: name, path, title. */
const licenseOf = (l: License) => ({ name: l.name, path: l.path, title: l.title });

const resourceName = (path: string) => path.toLowerCase().replace(/[^a-z0-9._-]+/g, '-');
const formatOf = (path: string) => /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';

interface CsvTable {
  columns: readonly Pick<CsvColumn<never[]>, 'name' | 'type' | 'description'>[];
  primaryKey: string[];
}

/** The columns and key of each CSV file of a release. */
// A function, not a table built at load: a bundle that never writes a data package (ingest) then
// leaves the CSV columns and their label tables out.
const csvTableOf = (path: string): CsvTable | undefined => {
  if (path === ReleaseManifest.csv.path) return { columns: CSV_COLUMNS, primaryKey: ['iso3', 'year'] };
  if (path === ReleaseManifest.allianceCsv.path) return { columns: ALLIANCE_CSV_COLUMNS, primaryKey: ['year', 'group', 'basis'] };
  return undefined;
};

const csvSchema = (table: CsvTable) => ({
  fields: table.columns.map((c) => ({
    name: c.name,
    type: c.type,
    description: c.description('en'),
    // Table Schema has one description; every language's is beside it, from the report label table.
    descriptions: Object.fromEntries(LANGS.map((lang) => [lang, c.description(lang)])),
    // ISO 8601 with milliseconds is not the default datetime format of Table Schema.
    ...(c.type === 'datetime' ? { format: 'any' } : {}),
  })),
  primaryKey: table.primaryKey,
  missingValues: [''],
});

const resource = (f: PackagedFile) => {
  const entry = releaseEntryOf(f.path);
  if (!entry) throw new UnlistedFileError(f.path);
  const base = {
    name: resourceName(f.path),
    path: f.path,
    format: formatOf(f.path),
    mediatype: mediaTypeOf(entry.contentType),
    bytes: f.bytes,
    hash: `sha256:${f.sha256}`,
    description: entry.description,
  };
  const table = csvTableOf(f.path);
  if (table === undefined) return { profile: 'data-resource', ...base };
  return {
    profile: 'tabular-data-resource',
    ...base,
    encoding: 'utf-8',
    dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
    schema: csvSchema(table),
  };
};

/**
 * The descriptor (Data Package v1) of a release's files; datapackage.json itself is not listed.
 * Its licence is the one the operator states in the rules; rules without one give no `licenses`.
 */
const datapackage = (dataset: ComplianceDataset, files: readonly PackagedFile[]) => ({
  profile: 'data-package',
  name: 'dualtrack-compliance',
  title: "NATO allies' defence and security-related spending against the dual-track commitment",
  description: `Release ${dataset.release.number} under the rules ${dataset.rules.id} (${dataset.rules.name}), reporting year ${dataset.release.reportingYear}. Digest sha256:${dataset.release.digest}.`,
  version: String(dataset.release.number),
  created: dataset.release.publishedAt,
  keywords: ['defence expenditure', 'NATO', 'GDP', 'Hague 2025', 'Wales 2014'],
  ...(dataset.rules.license ? { licenses: [licenseOf(dataset.rules.license)] } : {}),
  sources: [{ title: `Exchange rates: ${dataset.fxSource}` }, { title: 'Submissions by the allies (see the source of each figure)' }],
  resources: files.map(resource),
});

const renderDatapackage = (dataset: ComplianceDataset, files: readonly PackagedFile[]): Buffer =>
  Buffer.from(`${JSON.stringify(datapackage(dataset, files), null, 2)}\n`, 'utf8');

export { renderDatapackage, datapackage };
export type { PackagedFile, License };
