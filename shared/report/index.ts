// Public surface of the report renderers: dataset in, bytes out.
export { ComplianceDatasetSchema, ReleaseHeaderSchema, DatasetAllySchema, DATASET_SCHEMA_VERSION, buildDataset } from './dataset.ts';
export type { ComplianceDataset, ReleaseHeader, DatasetAlly, BuildDatasetInput } from './dataset.ts';
export { NoteSchema } from './notes.ts';
export type { Note } from './notes.ts';
export { canonicalJson, datasetDigest, sha256Hex } from './digest.ts';
export type { DatasetContent } from './digest.ts';
export { ReleaseFileSchema, ReleaseSummarySchema, ReleasesIndexSchema } from './history.ts';
export type { ReleaseFile, ReleaseSummary, ReleasesIndex } from './history.ts';
export { escapeHtml } from './escape-html.ts';
export { renderSchema } from './json-schema.ts';
export { ReportError, DatasetInvalidError, UnknownAllyError, UnlistedFileError } from './errors.ts';
export { renderCsv, renderAllianceCsv, CSV_COLUMNS, ALLIANCE_CSV_COLUMNS } from './csv.ts';
export type { CsvColumn, CsvFieldType } from './csv.ts';
export { AllyFileSchema, renderAllyJson } from './ally-json.ts';
export type { AllyFile } from './ally-json.ts';
export { ChangeKind, ChangeSchema, ChangesSchema, computeChanges, changedAllies, renderChanges } from './changes.ts';
export type { Change, Changes } from './changes.ts';
export { renderDatapackage } from './datapackage.ts';
export type { PackagedFile, License } from './datapackage.ts';
export { renderWorkbook } from './workbook.ts';
export { STATUS_STYLE, formatPct } from './presentation.ts';
export { headline, standings } from './standings.ts';
export type { Headline, Standing } from './standings.ts';
export {
  CacheClass,
  CACHE_CONTROL,
  FileScope,
  ISO3_PLACEHOLDER,
  ReleaseManifest,
  RELEASE_FILES,
  releaseEntryOf,
  siteEntryOf,
  allyFeedKey,
  allyFilePath,
  allyPagePath,
  allyOfPath,
  isPageEntry,
  cacheClassOf,
  cacheControlOf,
  contentDispositionOf,
  storedHeadersOf,
  mediaTypeOf,
} from './manifest.ts';
export type { ManifestEntry, ManifestName, RenderedFile, ReleaseCopy } from './manifest.ts';
export { renderRelease } from './release.ts';
export type { RenderReleaseInput } from './release.ts';
export { renderIndexHtml, renderSitePages } from './index-html.ts';
export type { IndexHtmlInput } from './index-html.ts';
