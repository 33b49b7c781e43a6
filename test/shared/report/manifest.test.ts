// The release manifest is the one place that names the published files. This pins what readers
// and their links depend on (DESIGN §7): renaming a published file must be a deliberate change
// here, never a side effect.
import { describe, expect, it } from 'vitest';
import {
  CACHE_CONTROL,
  RELEASE_FILES,
  ReleaseManifest,
  allyFilePath,
  allyOfPath,
  allyPagePath,
  cacheControlOf,
  contentDispositionOf,
  releaseEntryOf,
  storedHeadersOf,
} from '../../../shared/report/index.ts';
import { publicKeys } from '../../../shared/storage/index.ts';

describe('the release manifest', () => {
  it('names the files the design promises, with their content types', () => {
    // Act
    const table = Object.values(ReleaseManifest).map((e) => [e.scope, e.path, e.contentType]);
    // Assess
    expect(table).toEqual([
      ['release', 'compliance.json', 'application/json'],
      ['release', 'schema.json', 'application/schema+json'],
      ['release', 'compliance.csv', 'text/csv; charset=utf-8; header=present'],
      ['release', 'alliance.csv', 'text/csv; charset=utf-8; header=present'],
      ['release', 'compliance.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['release', 'compliance.fr.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['release', 'changes.json', 'application/json'],
      ['release', 'allies/<ISO3>.json', 'application/json'],
      ['release', 'allies/<ISO3>.html', 'text/html; charset=utf-8'],
      ['release', 'allies/<ISO3>.fr.html', 'text/html; charset=utf-8'],
      ['release', 'datapackage.json', 'application/json'],
      ['site', 'releases/index.json', 'application/json; charset=utf-8'],
      ['site', 'releases/feed.xml', 'application/atom+xml; charset=utf-8'],
      ['site', 'releases/feeds/<ISO3>.xml', 'application/atom+xml; charset=utf-8'],
      ['site', 'index.fr.html', 'text/html; charset=utf-8'],
      ['site', 'index.html', 'text/html; charset=utf-8'],
    ]);
  });

  it('describes every file, and its site files are the storage layout’s keys', () => {
    expect(Object.values(ReleaseManifest).every((e) => e.description.length > 10)).toBe(true);
    expect([ReleaseManifest.releasesIndex.path, ReleaseManifest.page.path, ReleaseManifest.pageFr.path]).toEqual([
      publicKeys.releasesIndex,
      publicKeys.indexHtml,
      publicKeys.indexHtmlFr,
    ]);
  });

  it('caches versioned files for good and latest/ copies and site files for a minute', () => {
    // Act
    const versioned = RELEASE_FILES.map((e) => cacheControlOf(e, 'versioned'));
    const latest = RELEASE_FILES.map((e) => cacheControlOf(e, 'latest'));
    const site = [ReleaseManifest.releasesIndex, ReleaseManifest.page, ReleaseManifest.pageFr].map((e) => [cacheControlOf(e, 'versioned'), cacheControlOf(e, 'latest')]);
    // Assess
    expect(new Set(versioned)).toEqual(new Set(['public, max-age=31536000, immutable']));
    expect(new Set(latest)).toEqual(new Set(['public, max-age=60']));
    expect(site.flat().every((c) => c === CACHE_CONTROL.short)).toBe(true);
  });

  it('gives the workbooks of release n a download name, and no other file one', () => {
    // Act
    const named = Object.values(ReleaseManifest).flatMap((e) => {
      const disposition = contentDispositionOf(e, 7);
      return disposition === undefined ? [] : [[e.path, disposition]];
    });
    // Assess
    expect(named).toEqual([
      [ReleaseManifest.workbook.path, 'attachment; filename="dualtrack-release-7.xlsx"'],
      [ReleaseManifest.workbookFr.path, 'attachment; filename="dualtrack-release-7.fr.xlsx"'],
    ]);
    expect(storedHeadersOf(ReleaseManifest.workbook, 7, 'latest')).toEqual({
      contentType: ReleaseManifest.workbook.contentType,
      cacheControl: CACHE_CONTROL.short,
      contentDisposition: 'attachment; filename="dualtrack-release-7.xlsx"',
    });
  });

  it('knows each release path, ally files and pages by their pattern, and nothing else', () => {
    // Act
    const found = [
      'compliance.json',
      allyFilePath('POL'),
      allyPagePath('POL', 'en'),
      allyPagePath('POL', 'fr'),
      'allies/pol.json',
      'allies/POLX.json',
      'allies/POL.de.html',
      'compliance.json.bak',
      'other.txt',
      'index.html',
    ].map((p) => releaseEntryOf(p));
    // Assess
    expect(found).toEqual([ReleaseManifest.dataset, ReleaseManifest.ally, ReleaseManifest.allyPage, ReleaseManifest.allyPageFr, null, null, null, null, null, null]);
    expect([allyPagePath('POL', 'en'), allyPagePath('POL', 'fr')]).toEqual(['allies/POL.html', 'allies/POL.fr.html']);
    expect(allyFilePath('POL')).toBe('allies/POL.json');
    expect([allyOfPath('allies/POL.json'), allyOfPath('compliance.json'), allyOfPath('allies/POL.json/x')]).toEqual(['POL', null, null]);
  });
});
