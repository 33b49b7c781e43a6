// Everything a release folder holds, rendered in one call. The publisher writes these files under
// releases/<n>/ (then copies them to latest/) and writes index.html last, at the bucket root.
import type { ComplianceDataset } from './dataset.ts';
import { renderAllyJson } from './ally-json.ts';
import { computeChanges, renderChanges } from './changes.ts';
import { renderCsv } from './csv.ts';
import { renderDatapackage } from './datapackage.ts';
import { sha256Hex } from './digest.ts';
import type { ReleaseSummary } from './history.ts';
import { renderSchema } from './json-schema.ts';
import { renderWorkbook } from './workbook.ts';

interface RenderedFile {
  /** Relative to the release folder: compliance.json, compliance.xlsx, allies/ALB.json, … */
  path: string;
  body: Buffer;
  contentType: string;
  contentDisposition?: string;
}

const CONTENT_TYPES = {
  json: 'application/json',
  schema: 'application/schema+json',
  csv: 'text/csv; charset=utf-8; header=present',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html; charset=utf-8',
} as const;

/** The media type without parameters, as a data package lists it. */
const mediatypeOf = (contentType: string) => contentType.split(';')[0]?.trim() ?? contentType;

const json = (path: string, body: Buffer, contentType: string = CONTENT_TYPES.json): RenderedFile => ({ path, body, contentType });

interface RenderReleaseInput {
  dataset: ComplianceDataset;
  /** The previous release's dataset, null for the first release. */
  previous: ComplianceDataset | null;
  /** Earlier releases (not used by the files themselves; the page shows them). */
  history: readonly ReleaseSummary[];
}

/**
 * Every file of a release folder except index.html, datapackage.json last (it lists the others
 * with their sizes and sha256).
 */
const renderRelease = async ({ dataset, previous }: RenderReleaseInput): Promise<RenderedFile[]> => {
  const files: RenderedFile[] = [
    json('compliance.json', Buffer.from(`${JSON.stringify(dataset, null, 2)}\n`, 'utf8')),
    json('schema.json', renderSchema(), CONTENT_TYPES.schema),
    { path: 'compliance.csv', body: renderCsv(dataset), contentType: CONTENT_TYPES.csv },
    {
      path: 'compliance.xlsx',
      body: await renderWorkbook(dataset),
      contentType: CONTENT_TYPES.xlsx,
      contentDisposition: `attachment; filename="dualtrack-release-${dataset.release.number}.xlsx"`,
    },
    json('changes.json', renderChanges(computeChanges(previous, dataset))),
    ...dataset.allies.map((a) => json(`allies/${a.iso3}.json`, renderAllyJson(dataset, a.iso3))),
  ];
  const listed = files.map((f) => ({ path: f.path, bytes: f.body.length, sha256: sha256Hex(f.body), mediatype: mediatypeOf(f.contentType) }));
  return [...files, json('datapackage.json', renderDatapackage(dataset, listed))];
};

export { renderRelease, CONTENT_TYPES };
export type { RenderedFile, RenderReleaseInput };
