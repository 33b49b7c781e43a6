// Everything a release folder holds, rendered in one call. The publisher writes these files under
// releases/<n>/ (then copies them to latest/) and writes index.html last, at the bucket root.
import { LANGS } from '../text/index.ts';
import type { ComplianceDataset } from './dataset.ts';
import { renderAllyJson } from './ally-json.ts';
import { computeChanges, renderChanges } from './changes.ts';
import { renderAllianceCsv, renderCsv } from './csv.ts';
import { renderDatapackage } from './datapackage.ts';
import { sha256Hex } from './digest.ts';
import type { ReleaseSummary } from './history.ts';
import { renderSchema } from './json-schema.ts';
import { allyFilePath, allyPagePath, isPageEntry, ReleaseManifest, releaseEntryOf } from './manifest.ts';
import type { RenderedFile } from './manifest.ts';
import { renderAllyPage } from './pages/ally-page.ts';
import { renderWorkbook } from './workbook.ts';

interface RenderReleaseInput {
  dataset: ComplianceDataset;
  /** The previous release's dataset, null for the first release. */
  previous: ComplianceDataset | null;
  /** Earlier releases (not used by the files themselves; the page shows them). */
  history: readonly ReleaseSummary[];
}

/**
 * Every file of a release folder except index.html, datapackage.json last (it lists the other
 * data files with their sizes and sha256; the ally pages are for people and it leaves them out).
 */
const renderRelease = async ({ dataset, previous }: RenderReleaseInput): Promise<RenderedFile[]> => {
  const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
  const files: RenderedFile[] = [
    { path: ReleaseManifest.dataset.path, body: json(dataset) },
    { path: ReleaseManifest.schema.path, body: renderSchema() },
    { path: ReleaseManifest.csv.path, body: renderCsv(dataset) },
    { path: ReleaseManifest.allianceCsv.path, body: renderAllianceCsv(dataset) },
    { path: ReleaseManifest.workbook.path, body: await renderWorkbook(dataset) },
    { path: ReleaseManifest.workbookFr.path, body: await renderWorkbook(dataset, 'fr') },
    { path: ReleaseManifest.changes.path, body: renderChanges(computeChanges(previous, dataset)) },
    ...dataset.allies.map((a) => ({ path: allyFilePath(a.iso3), body: renderAllyJson(dataset, a.iso3) })),
    ...LANGS.flatMap((lang) => dataset.allies.map((a) => ({ path: allyPagePath(a.iso3, lang), body: renderAllyPage(dataset, a, lang) }))),
  ];
  const data = files.filter((f) => {
    const entry = releaseEntryOf(f.path);
    return entry === null || !isPageEntry(entry);
  });
  const listed = data.map((f) => ({ path: f.path, bytes: f.body.length, sha256: sha256Hex(f.body) }));
  return [...files, { path: ReleaseManifest.datapackage.path, body: renderDatapackage(dataset, listed) }];
};

export { renderRelease };
export type { RenderReleaseInput };
