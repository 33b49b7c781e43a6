import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { ReleaseManifest, allyFilePath, renderIndexHtml } from '../../../shared/report/index.ts';
import { publicKeys } from '../../../shared/storage/index.ts';
import type { ComplianceDataset, ReleaseSummary } from '../../../shared/report/index.ts';
import { launchChromium } from '../../helpers/chromium.ts';
import type { LaunchedChromium } from '../../helpers/chromium.ts';
import { makeDataset, makeResult } from '../../helpers/dataset.ts';
import { HOSTILE, hostileDataset } from '../../helpers/hostile.ts';
import { tempDirs } from '../../helpers/temp.ts';

const summary = (number: number, digest: string): ReleaseSummary => ({
  number,
  publishedAt: `2026-0${number}-01T12:00:00.000Z`,
  trigger: number === 1 ? 'cli' : 'upload',
  rulesId: 'hague-2025',
  reportingYear: 2026,
  digest,
  files: [],
});

const FILES = [
  { path: ReleaseManifest.dataset.path, bytes: 20480 },
  { path: ReleaseManifest.workbook.path, bytes: 17219 },
  { path: HOSTILE.imgFile, bytes: 10 },
  { path: allyFilePath('ALB'), bytes: 900 },
];

// Registered before the browser's afterAll, so (hooks unwinding as a stack) the page closes before its folder goes.
const temp = tempDirs('dualtrack-html-', 'all');
let dir = '';
let browser: LaunchedChromium | undefined;
let page: Page;
let dataset: ComplianceDataset;
const dialogs: string[] = [];

beforeAll(async () => {
  dataset = hostileDataset();
  dir = temp.make();
  const html = renderIndexHtml({ dataset, history: [summary(1, 'a'.repeat(64)), summary(3, dataset.release.digest), summary(2, 'b'.repeat(64))], files: FILES });
  await writeFile(join(dir, publicKeys.indexHtml), html);
  browser = await launchChromium();
  page = await browser.browser.newPage();
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(pathToFileURL(join(dir, publicKeys.indexHtml)).href);
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('index.html in a browser', () => {
  it('shows one standings row per ally, in ISO3 order', async () => {
    // Prepare / Act
    const rows = await page.locator('#standings tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-iso3')));

    // Assess
    expect(rows).toEqual(['ALB', 'DEU', 'ISL', 'USA']);
  });

  it('shows ratios rounded to two decimals and Iceland as having no armed forces', async () => {
    // Prepare / Act
    const deu = await page.locator('#standings tr[data-iso3="DEU"] td').allTextContents();
    const isl = await page.locator('#standings tr[data-iso3="ISL"] td').allTextContents();

    // Assess: DEU 2026 core 3.5, security 2.0, combined 5.0, equipment 36000/157500 = 22.857…
    expect(deu.slice(1, 8)).toEqual(['3.50', '2.00', '5.00', '22.86', 'met', 'met', 'met']);
    expect([isl[0], isl[5]]).toEqual(['no armed forces', 'no armed forces']);
  });

  it('draws one bar group per ally, scaled against the targets', async () => {
    // Prepare
    const groups = page.locator('svg.chart g.ally-bar');

    // Act
    const isos = await groups.evaluateAll((gs) => gs.map((g) => g.getAttribute('data-iso3')));
    const albCore = await page.locator('svg.chart g.ally-bar[data-iso3="ALB"] rect.core').getAttribute('width');
    const targets = await page.locator('svg.chart g.target').count();
    const title = await page.locator('svg.chart > title').textContent();

    // Assess: the scale runs to ceil(5.5 + 0.5) = 6% (DEU 3.5 + 2.0), 240 units wide; ALB core 2.3% = 92 units
    expect(isos).toEqual(['ALB', 'DEU', 'ISL', 'USA']);
    expect(Number(albCore)).toBeCloseTo((2.3 / 6) * 240, 1);
    expect(targets).toBe(3);
    expect(title).toContain('2026');
  });

  it('names each year’s sums by basis and coverage, and shows the review-year checkpoint', async () => {
    // Prepare / Act
    const alliance = await page.locator('#alliance tbody tr[data-group="all"]').evaluateAll((trs) =>
      trs.map((tr) => [tr.getAttribute('data-year'), tr.querySelector('th')?.textContent, tr.querySelectorAll('td')[1]?.textContent]),
    );
    const checkpoint = await page.locator('#checkpoint tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-iso3')));
    const heading = await page.locator('#checkpoint h2').textContent();

    // Assess: the fixture presents 2024 at current rates, 2025 and 2026 at 2024 rates
    expect(alliance).toEqual([
      ['2024', 'Alliance', 'at current exchange rates'],
      ['2025', 'Alliance', 'at 2024 exchange rates'],
      ['2026', 'Alliance', 'at 2024 exchange rates'],
    ]);
    expect(heading).toBe('Checkpoint 2029: the review year');
    expect(checkpoint).toEqual(['ALB', 'DEU', 'ISL', 'USA']);
  });

  it('links every file under latest/ and under the release folder, and lists releases newest first', async () => {
    // Prepare / Act
    const hrefs = await page.locator('#downloads a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const history = await page.locator('#history tbody tr td:first-child').allTextContents();

    // Assess
    expect(hrefs).toContain(publicKeys.latestFile(ReleaseManifest.workbook.path));
    expect(hrefs).toContain(publicKeys.releaseFile(3, ReleaseManifest.workbook.path));
    expect(hrefs).toContain(publicKeys.releaseFile(3, allyFilePath('ALB')));
    expect(history).toEqual(['3', '2', '1']);
  });

  it('states the licence of the data beside the downloads, linked to its text', async () => {
    // Prepare / Act
    const license = page.locator('#downloads a[rel="license"]');

    // Assess
    expect(await license.getAttribute('href')).toBe('https://creativecommons.org/licenses/by/4.0/');
    expect(await page.locator('#downloads .license').textContent()).toBe(
      'Licence: Creative Commons Attribution 4.0 International (CC-BY-4.0), stated by the operator in the rules hague-2025.',
    );
  });

  it('shows hostile text from submissions as text: nothing runs, nothing is injected', async () => {
    // Prepare / Act
    const pwned = await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned);
    const injected = await page.locator('#injected, img').count();
    const scripts = await page.locator('script').count();
    const notes = await page.locator('#standings tr[data-iso3="ALB"] td').last().textContent();
    const name = await page.locator('#standings tr[data-iso3="ALB"] th').textContent();

    // Assess
    expect(dialogs).toEqual([]);
    expect(pwned).toBeUndefined();
    expect(injected).toBe(0);
    expect(scripts).toBe(1); // the page's own sort control
    expect(notes).toBe(HOSTILE.scriptNote);
    expect(name).toContain(HOSTILE.allyName);
  });
});

describe('index.html headline', () => {
  const headlineOf = (d: ComplianceDataset) => {
    const html = renderIndexHtml({ dataset: d, history: [], files: [] }).toString('utf8');
    const section = /<section id="headline">[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    return [...section.matchAll(/<li data-figure="([a-z-]+)"><strong>([^<]*)<\/strong> ([^<]*)<\/li>/g)].map((m) => [m[1], m[2], m[3]]);
  };

  it('gives each ratio its basis and coverage, on the basis that covers every ally', () => {
    // Act
    const figures = headlineOf(makeDataset());

    // Assess: 2026 at 2024 rates, constant corePct 3 + 2026/10000 = 3.2026
    expect(figures[0]).toEqual(['all-core', '3.20%', 'core defence, % of GDP: Alliance, at 2024 exchange rates (sum over sum; 3 of 3 allies)']);
    expect(figures[1]?.[2]).toBe('core defence, % of GDP: Europe and Canada, at 2024 exchange rates (sum over sum; 2 of 2 allies)');
  });

  it('never calls a sum below the coverage rule the alliance, and shows who it covers and who is left out', () => {
    // Prepare: 2026 presented at current rates, which only the United States has
    const result = makeResult();
    const dataset = makeDataset({
      result: { ...result, alliance: { ...result.alliance, years: result.alliance.years.map((y) => ({ ...y, all: { ...y.all, presented: 'current' as const } })) } },
    });

    // Act
    const figures = headlineOf(dataset);

    // Assess: current corePct 4 + 2026/10000 = 4.2026
    expect(figures[0]).toEqual([
      'all-core',
      '4.20%',
      "core defence, % of GDP: Sum over 1 of 3 allies (USA), not the Alliance&#39;s figure, at current exchange rates (sum over sum; left out: no exchange rate: ALB, DEU)",
    ]);
  });
});
