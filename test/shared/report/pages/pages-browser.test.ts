// The public pages as a reader meets them: a release written by the real writer to a folder,
// served over plain HTTP, opened in Chromium. The ally page's chart, the links between the main
// page, the ally pages and their translations, the sort control and the 400 px layout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { EarlierFigure } from '../../../../shared/model/index.ts';
import { readIndexVersion, writeRelease } from '../../../../shared/pipeline/index.ts';
import { allyFeedKey, allyPagePath, renderRelease, renderSitePages } from '../../../../shared/report/index.ts';
import type { ComplianceDataset } from '../../../../shared/report/index.ts';
import { createFolderStorage, publicKeys } from '../../../../shared/storage/index.ts';
import { launchChromium } from '../../../helpers/chromium.ts';
import type { LaunchedChromium } from '../../../helpers/chromium.ts';
import { makeDataset, makeResult } from '../../../helpers/dataset.ts';
import { serveFolder } from '../../../helpers/static-server.ts';
import type { StaticServer } from '../../../helpers/static-server.ts';
import { tempDirs } from '../../../helpers/temp.ts';
import { join } from 'node:path';

/** Germany's 2026 as planned in 2025 (one year ahead) and in 2024 (two years ahead). */
const earlier = (aheadYears: number, corePct: number, combinedPct: number, reported: { core: number; combined: number }): EarlierFigure => ({
  submissionId: `deu-${2026 - aheadYears}`,
  file: `DEU plan ${2026 - aheadYears}.xlsx`,
  uploadedAt: `${2026 - aheadYears}-04-01T09:00:00.000Z`,
  status: 'plan',
  aheadYears,
  lastOfUploadYear: true,
  corePct,
  combinedPct,
  coreDiffPct: reported.core - corePct,
  combinedDiffPct: reported.combined - combinedPct,
});

const miss = (diff: number) => ({ comparisons: 1, meanDiffPct: diff, meanAbsDiffPct: Math.abs(diff) });

const datasetWithPlans = (): ComplianceDataset => {
  const result = makeResult();
  return makeDataset({
    // The first release: the writer appends to an empty index.
    release: { number: 1, publishedAt: '2026-06-01T12:00:00.000Z', trigger: 'upload', reportingYear: 2026 },
    result: {
      ...result,
      allies: result.allies.map((a) =>
        a.iso3 !== 'DEU'
          ? a
          : {
              ...a,
              // As the engine sums them: one comparison per lead, DEU 2026 (an actual).
              delivery: {
                leads: [
                  { aheadYears: 1, core: miss(-0.25), combined: miss(-0.25) },
                  { aheadYears: 2, core: miss(0.3), combined: miss(0.6) },
                ],
              },
              years: a.years.map((y) =>
                y.year !== 2026
                  ? y
                  : {
                      ...y,
                      earlierFigures: [
                        earlier(2, 3.2, 4.4, { core: y.corePct ?? 0, combined: y.combinedPct ?? 0 }),
                        earlier(1, 3.75, 5.25, { core: y.corePct ?? 0, combined: y.combinedPct ?? 0 }),
                      ],
                    },
              ),
            },
      ),
    },
  });
};

const temp = tempDirs('x-pages-browser-', 'all');
let server: StaticServer | undefined;
let browser: LaunchedChromium | undefined;
let page: Page;
let dataset: ComplianceDataset;

beforeAll(async () => {
  dataset = datasetWithPlans();
  const dir = temp.make();
  const storage = createFolderStorage(dir);
  const files = await renderRelease({ dataset, previous: null, history: [] });
  const { index, etag } = await readIndexVersion(storage);
  await writeRelease({
    storage,
    index,
    indexEtag: etag,
    summary: {
      number: dataset.release.number,
      publishedAt: dataset.release.publishedAt,
      trigger: dataset.release.trigger,
      rulesId: dataset.rules.id,
      reportingYear: dataset.release.reportingYear,
      digest: dataset.release.digest,
    },
    files,
    renderPages: (history, releaseFiles) => renderSitePages({ dataset, history, files: releaseFiles }),
  });
  server = await serveFolder(join(dir, 'public'));
  browser = await launchChromium();
  page = await browser.browser.newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const url = (key: string) => `${server?.url ?? ''}${key}`;
const DEU_PAGE = publicKeys.latestFile(allyPagePath('DEU', 'en'));

describe("an ally's page", () => {
  it('draws actuals, estimates, plans and both paths, with the review year marked', async () => {
    // Prepare
    await page.setViewportSize({ width: 1280, height: 900 });
    // Act
    await page.goto(url(publicKeys.latestFile(allyPagePath('ALB', 'en'))));
    const series = await page.locator('svg.trajectory g.series').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-series')));
    const coreYears = await page
      .locator('svg.trajectory g.series[data-series="core-actual"] [data-year]')
      .evaluateAll((ms) => ms.map((m) => m.getAttribute('data-year')));
    const planYears = await page.locator('svg.trajectory g.series[data-series="core-plan"] [data-year]').evaluateAll((ms) => ms.map((m) => m.getAttribute('data-year')));
    const review = await page.locator('svg.trajectory g.checkpoint').getAttribute('data-year');
    const reviewLabel = await page.locator('svg.trajectory g.checkpoint text').textContent();
    // Assess: Albania has actuals 2024-2025 and a plan for 2026; its paths come from the money gap's years
    expect(series).toEqual(expect.arrayContaining(['core-path', 'combined-path', 'core-actual', 'core-plan', 'combined-actual', 'combined-plan']));
    expect(coreYears).toEqual(['2024', '2025']);
    expect(planYears).toEqual(['2026']);
    expect(review).toBe('2029');
    expect(reviewLabel).toBe('2029 review');
  });

  it('draws the path through the points the dataset gives, and tables them beside the figures', async () => {
    // Prepare
    await page.goto(url(DEU_PAGE));
    // Act: the fixture's years put the core path at the target (3.5%) in 2025-2026, its money gap at 3% in 2025-2035
    const heights = await page.locator('svg.trajectory g[data-series="core-path"] polyline').evaluate((p) => {
      const pts = (p.getAttribute('points') ?? '').trim().split(' ');
      return [pts.length, new Set(pts.map((xy: string) => xy.split(',')[1])).size];
    });
    const row2026 = await page.locator('#trajectory-figures tr[data-year="2026"] td').allTextContents();
    const row2035 = await page.locator('#trajectory-figures tr[data-year="2035"] td').allTextContents();
    // Assess
    expect(heights).toEqual([11, 2]);
    expect(row2026).toEqual(['actual', '3.50', '3.50', '5.00', '5.00']);
    expect(row2035).toEqual(['no figures', '–', '3.00', '–', '4.00']);
  });

  it('lists what earlier submissions planned beside what was reported, and the delivery summary', async () => {
    // Prepare
    await page.goto(url(DEU_PAGE));
    // Act
    const rows = await page.locator('#plans-outturn tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    const oneYear = await page.locator('#delivery tr[data-ahead="1"] td').allTextContents();
    // Assess: DEU 2026 reported core 157500/4500000 = 3.50%, combined 3.5 + 1.5 = 5.00%
    expect(rows).toEqual([
      ['2026', 'DEU plan 2024.xlsx', '2024-04-01', '2', 'plan', '3.20', '3.50', '+0.30', '4.40', '5.00', '+0.60'],
      ['2026', 'DEU plan 2025.xlsx', '2025-04-01', '1', 'plan', '3.75', '3.50', '−0.25', '5.25', '5.00', '−0.25'],
    ]);
    expect(oneYear).toEqual(['1', '−0.25', '0.25', '1', '−0.25', '0.25']);
    expect(await page.locator('#delivery tr[data-ahead="2"] td').allTextContents()).toEqual(['1', '+0.30', '0.30', '1', '+0.60', '0.60']);
  });

  it('states its money gap with the assumptions behind it', async () => {
    // Prepare
    await page.goto(url(DEU_PAGE));
    // Act
    const core = await page.locator('#money-gap-table tr[data-track="core"][data-scenario="latestActual"] td').allTextContents();
    const assumptions = await page.locator('#money-gap .assumptions li').allTextContents();
    // Assess: the fixture's gap is 110 national, 110 / 0.88 = 125 USD
    expect(core.slice(0, 4)).toEqual(['110', '110', '125', '125']);
    expect(assumptions).toEqual(
      expect.arrayContaining(['GDP as submitted for 2025–2035.', 'USD at 2024 exchange rates (0.88 EUR per USD), so allies can be summed.']),
    );
  });
});

describe('links between the pages', () => {
  it('goes from the main page to an ally page and back, in English and in French', async () => {
    // Prepare
    await page.goto(url(publicKeys.indexHtml));
    // Act
    await page.click('#standings a[data-ally-page="DEU"]');
    const allyUrl = page.url();
    const allyTitle = await page.locator('h1').textContent();
    await page.click('a[data-switch="fr"]');
    const frUrl = page.url();
    const frLang = await page.locator('html').getAttribute('lang');
    const frTitle = await page.locator('h1').textContent();
    await page.click('a[data-nav="main"]');
    const mainFr = page.url();
    await page.click('a[data-switch="en"]');
    const mainEn = page.url();
    // Assess
    expect(allyUrl).toBe(url(DEU_PAGE));
    expect(allyTitle).toBe('Germany (DEU)');
    expect(frUrl).toBe(url(publicKeys.latestFile(allyPagePath('DEU', 'fr'))));
    expect(frLang).toBe('fr');
    expect(frTitle).toBe('Germany (fr) (DEU)');
    expect(mainFr).toBe(url(publicKeys.indexHtmlFr));
    expect(mainEn).toBe(url(publicKeys.indexHtml));
  });

  it('links the feed of every release from the main page, and each ally page to its own feed, both served', async () => {
    // Prepare
    await page.goto(url(publicKeys.indexHtml));
    const mainFeeds = await page.evaluate<string[]>(`[...document.querySelectorAll('link[type="application/atom+xml"], a[data-feed]')].map((l) => l.href)`);
    await page.goto(url(publicKeys.latestFile(allyPagePath('DEU', 'fr'))));
    // Act
    const allyFeeds = await page.evaluate<string[]>(`[...document.querySelectorAll('link[type="application/atom+xml"], a[data-feed]')].map((l) => l.href)`);
    const statuses = await Promise.all([...mainFeeds, ...allyFeeds].map(async (h) => (await fetch(h)).status));
    // Assess
    expect(mainFeeds).toEqual([url(publicKeys.releasesFeed), url(publicKeys.releasesFeed)]);
    expect(allyFeeds).toEqual([url(allyFeedKey('DEU')), url(allyFeedKey('DEU'))]);
    expect(statuses.every((s) => s === 200)).toBe(true);
  });

  it('links every standings row to an ally page that exists, and names the alternates of each page', async () => {
    // Prepare
    await page.goto(url(publicKeys.indexHtmlFr));
    // Act
    // Resolved by the browser against the page's address, as a click would.
    const hrefs = await page.evaluate<string[]>(`[...document.querySelectorAll('#standings tbody tr th a')].map((a) => a.href)`);
    const statuses = await Promise.all(hrefs.map(async (h) => (await fetch(h)).status));
    const alternates = await page.evaluate<string[][]>(`[...document.querySelectorAll('link[rel="alternate"][hreflang]')].map((l) => [l.hreflang, l.href])`);
    // Assess
    expect(hrefs).toHaveLength(dataset.allies.length);
    expect(hrefs.every((h) => h.endsWith('.fr.html'))).toBe(true);
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(alternates).toEqual([
      ['en', url(publicKeys.indexHtml)],
      ['fr', url(publicKeys.indexHtmlFr)],
    ]);
  });
});

describe('the main page', () => {
  const barOrder = () => page.locator('svg.chart g.bars g.ally-bar').evaluateAll((gs) => gs.map((g) => [g.getAttribute('data-iso3'), g.getBoundingClientRect().top]));

  it('orders the bars by name, and the sort buttons reorder them by ratio, from the keyboard too', async () => {
    // Prepare
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(url(publicKeys.indexHtml));
    // Act
    const byName = await barOrder();
    await page.click('#chart-sort button[data-sort="core"]');
    const byCore = await barOrder();
    await page.focus('#chart-sort button[data-sort="combined"]');
    await page.keyboard.press('Enter');
    const byCombined = await barOrder();
    const pressed = await page.locator('#chart-sort button[aria-pressed="true"]').getAttribute('data-sort');
    // Assess: core 2026: DEU 3.50, USA 3.50 (1085000/31000000), ALB 2.30; combined: DEU 5.00, USA 4.00, ALB 2.75 (plan, counted 0.4);
    // Iceland has none and comes last. The bars' positions follow their order.
    const isos = (o: (string | number | null)[][]) => o.map((r) => r[0]);
    const tops = (o: (string | number | null)[][]) => o.map((r) => Number(r[1]));
    expect(isos(byName)).toEqual(['ALB', 'DEU', 'ISL', 'USA']);
    expect(isos(byCore)).toEqual(['DEU', 'USA', 'ALB', 'ISL']);
    expect(isos(byCombined)).toEqual(['DEU', 'USA', 'ALB', 'ISL']);
    expect(tops(byCore)).toEqual([...tops(byCore)].sort((a, b) => a - b));
    expect(pressed).toBe('combined');
  });

  it('reads at 400 px: chart text at least 11 px and nothing wider than the page but inside a scroll box', async () => {
    // Prepare
    await page.setViewportSize({ width: 400, height: 800 });
    for (const key of [publicKeys.indexHtml, publicKeys.indexHtmlFr, DEU_PAGE]) {
      await page.goto(url(key));
      // Act
      // Written as text: it runs in the browser, where the DOM's types live.
      const smallest = await page.evaluate<number>(`Math.min(...[...document.querySelectorAll('svg.chart text, svg.trajectory text')]
        .filter((t) => t.getBoundingClientRect().height > 0)
        .map((t) => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a))`);
      const overflow = await page.evaluate<{ page: number; wide: string[] }>(`(() => {
        const doc = document.documentElement;
        const wide = [...document.querySelectorAll('body *')].filter((el) => !el.closest('.scroll') && el.getBoundingClientRect().right > doc.clientWidth + 0.5);
        return { page: doc.scrollWidth - doc.clientWidth, wide: wide.map((el) => el.tagName + (el.id ? '#' + el.id : '')) };
      })()`);
      // Assess
      expect(smallest, key).toBeGreaterThanOrEqual(11);
      expect(overflow, key).toEqual({ page: 0, wide: [] });
    }
  });
});
