// The local cloud as its users meet it, through real clients: the AWS CLI uploads (a file
// name with spaces, a plus and a non-ASCII letter included), the receipt and the release
// appear, plain HTTP serves the published files byte for byte, LibreOffice opens the workbook
// with the JSON's numbers, Chromium renders the page, and the upload and recompute commands work.
import { createHash } from 'node:crypto';
import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';
import { SAMPLES_DIR } from '../../local/index.ts';
import { ReceiptSchema } from '../../shared/model/index.ts';
import { ReleaseManifest } from '../../shared/report/index.ts';
import { BucketRole, publicKeys, uploadsKeys } from '../../shared/storage/index.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { capturingIo } from '../helpers/cli.ts';
import { parseCsv } from '../helpers/csv-parse.ts';
import { tempDirs } from '../helpers/temp.ts';
import { awsCli, sheetAsCsv } from './helpers/clients.ts';
import { latestDataset, releases, startTestCloud } from './helpers/cloud.ts';
import type { TestCloud } from './helpers/cloud.ts';

const ODD_NAME = 'Germany budget + plan été.xlsx';
const ODD_KEY = `submissions/DEU/${ODD_NAME}`;

describe('the local cloud with real clients', () => {
  const temp = tempDirs('dualtrack-e2e-', 'all');
  let t: TestCloud;
  let work: string;

  beforeAll(async () => {
    t = await startTestCloud();
    work = temp.make();
    await copyFile(join(SAMPLES_DIR, 'DEU-germany.xlsx'), join(work, ODD_NAME));
    const bucket = `s3://${t.cloud.buckets.uploads}`;
    await awsCli(['s3', 'cp', join(work, ODD_NAME), `${bucket}/${ODD_KEY}`], t.cloud.endpoint);
    await awsCli(['s3', 'cp', join(SAMPLES_DIR, 'NOR-norway.csv'), `${bucket}/submissions/NOR/NOR-norway.csv`], t.cloud.endpoint);
    await t.cloud.idle();
  }, 240_000);

  afterAll(async () => {
    await t?.stop();
  });

  it('writes a receipt for an upload whose name has spaces, a plus and a non-ASCII letter', async () => {
    // Prepare
    const prefix = uploadsKeys.receiptsPrefix('DEU');
    // Act
    const listed = (await t.cloud.storage.list(BucketRole.uploads, prefix)).filter((o) => o.key.endsWith('.json'));
    const obj = listed[0] ? await t.cloud.storage.get(BucketRole.uploads, listed[0].key) : null;
    const receipt = ReceiptSchema.parse(JSON.parse(obj?.body.toString('utf8') ?? 'null'));
    // Assess
    expect(listed).toHaveLength(1);
    expect(receipt.source?.key).toBe(ODD_KEY);
    expect(receipt.file).toBe(ODD_NAME);
    expect(receipt.status).not.toBe('rejected');
    expect(t.lines.some((l) => l.includes('receipt') && l.includes(ODD_KEY))).toBe(true);
  });

  it('publishes a release holding both uploads', async () => {
    // Prepare
    const withFigures = (iso3: string) => async () => (await latestDataset(t.cloud)).allies.find((a) => a.iso3 === iso3)?.years.length ?? 0;
    // Act
    const index = await releases(t.cloud);
    const [deu, nor] = [await withFigures('DEU')(), await withFigures('NOR')()];
    // Assess
    expect(index.releases.length).toBeGreaterThanOrEqual(1);
    expect(deu).toBeGreaterThan(0);
    expect(nor).toBeGreaterThan(0);
    expect(t.lines.some((l) => / publish +release \d+/.test(l))).toBe(true);
  });

  it('serves every published file over plain HTTP byte for byte as stored, with its content type', async () => {
    // Prepare
    const latest = (await releases(t.cloud)).releases.at(-1);
    if (!latest) throw new Error('no release');
    const base = `${t.cloud.endpoint}/${t.cloud.buckets.public}/`;
    // Act
    const checked = await Promise.all(
      latest.files.flatMap((f) =>
        [publicKeys.releaseFile(latest.number, f.path), publicKeys.latestFile(f.path)].map(async (key) => {
          const res = await fetch(`${base}${key}`);
          const served = Buffer.from(await res.arrayBuffer());
          const stored = await t.cloud.storage.get(BucketRole.public, key);
          return { key, status: res.status, type: res.headers.get('content-type'), same: stored !== null && served.equals(stored.body), storedType: stored?.contentType, sha256: createHash('sha256').update(served).digest('hex'), expected: f.sha256 };
        }),
      ),
    );
    // Assess
    expect(checked.length).toBeGreaterThanOrEqual(6);
    for (const c of checked) {
      expect(c, c.key).toMatchObject({ status: 200, same: true, type: c.storedType, sha256: c.expected });
    }
    const types = Object.fromEntries(checked.map((c) => [c.key, c.type]));
    const { workbook, dataset, csv } = ReleaseManifest;
    expect([workbook, dataset, csv].map((e) => types[publicKeys.latestFile(e.path)])).toEqual([workbook, dataset, csv].map((e) => e.contentType));
  });

  it('opens the public bucket\'s address in a browser as the index page', async () => {
    // Prepare
    const url = `${t.cloud.endpoint}/${t.cloud.buckets.public}/`;
    // Act
    const res = await fetch(url);
    const html = await res.text();
    // Assess
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html).toContain('id="standings"');
  });

  it('serves a workbook LibreOffice opens with the same standings as the JSON', async () => {
    // Prepare
    const dataset = await latestDataset(t.cloud);
    const workbook = Buffer.from(await (await fetch(t.cloud.urls.xlsx)).arrayBuffer());
    // Act: the second sheet holds the standings of the reporting year.
    const rows = parseCsv(await sheetAsCsv(workbook, 2));
    // Assess
    const header = rows[0] ?? [];
    const iso = header.indexOf('ISO3');
    const core = header.indexOf('Core % GDP');
    const gdp = header.indexOf('GDP (m)');
    expect([iso, core, gdp].every((i) => i >= 0)).toBe(true);
    let compared = 0;
    for (const ally of dataset.allies) {
      const year = ally.years.find((y) => y.year === dataset.release.reportingYear);
      const row = rows.find((r) => r[iso] === ally.iso3);
      expect(row, ally.iso3).toBeDefined();
      if (!year || year.corePct === null || year.gdp === null) continue;
      expect(Number(row?.[core])).toBeCloseTo(year.corePct, 9);
      expect(Number(row?.[gdp])).toBeCloseTo(year.gdp, 6);
      compared += 1;
    }
    expect(compared).toBe(2);
  }, 240_000);

  it('renders index.html in Chromium with the standings table', async () => {
    // Prepare
    const { browser, close } = await launchChromium();
    try {
      const page = await browser.newPage();
      // Act
      const res = await page.goto(t.cloud.urls.page);
      const heading = await page.locator('#standings h2').textContent();
      const rows = await page.locator('#standings tbody tr[data-iso3]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-iso3')));
      // Assess
      expect(res?.status()).toBe(200);
      expect(heading).toMatch(/^Standings \d{4}$/);
      expect(rows).toContain('DEU');
      expect(rows).toContain('NOR');
    } finally {
      await close();
    }
  }, 120_000);

  it('uploads with the upload command and prints an accepted receipt (exit 0)', async () => {
    // Prepare
    const { io, lines } = capturingIo(SAMPLES_DIR, process.env);
    // Act
    const code = await main(['upload', 'FRA-france.xlsx', '--ally', 'fra', '--endpoint', t.cloud.endpoint, '--timeout', '120'], io);
    // Assess
    expect(code).toBe(0);
    expect(lines.join('\n')).toMatch(/^FRA-france\.xlsx: ACCEPTED( WITH WARNINGS)? \(FRA,/m);
  });

  it('prints every finding of a rejected upload and exits 1', async () => {
    // Prepare
    const { io, lines } = capturingIo(work, process.env);
    await writeFile(join(work, 'empty.csv'), 'nothing;here\n');
    // Act
    const code = await main(['upload', 'empty.csv', '--ally', 'EST', '--endpoint', t.cloud.endpoint], io);
    // Assess
    expect(code).toBe(1);
    expect(lines.join('\n')).toMatch(/^empty\.csv: REJECTED \(/m);
    expect(lines.join('\n')).toMatch(/^ {2}error +\S+ +[a-z-]+ /m);
  });

  it('recomputes for another reporting year with the recompute command, as a manual release', async () => {
    // Prepare
    await t.cloud.idle();
    const before = (await releases(t.cloud)).releases.length;
    const { io, lines } = capturingIo(work, process.env);
    // Act
    const code = await main(['recompute', '--reporting-year', '2023', '--reason', 'check 2023', '--endpoint', t.cloud.endpoint], io);
    // Assess
    const after = await releases(t.cloud);
    expect(code).toBe(0);
    expect(after.releases).toHaveLength(before + 1);
    expect(after.releases.at(-1)).toMatchObject({ trigger: 'manual', reason: 'check 2023', reportingYear: 2023 });
    expect(lines.join('\n')).toContain(`Published release ${before + 1}`);
  });

  it('says clearly when no local cloud answers at the endpoint (exit 1)', async () => {
    // Prepare
    const { io, lines } = capturingIo(work, process.env);
    // Act
    const code = await main(['recompute', '--endpoint', 'http://127.0.0.1:9'], io);
    // Assess
    expect(code).toBe(1);
    expect(lines.join('\n')).toContain('No dualtrack local cloud at http://127.0.0.1:9');
  });

  it('refuses a recompute request whose payload does not match the manual payload (400)', async () => {
    // Prepare
    const url = `${t.cloud.endpoint}/_dualtrack/recompute`;
    // Act
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"reportingYear":"soon"}' });
    const body = (await res.json()) as { error?: string };
    // Assess
    expect(res.status).toBe(400);
    expect(body.error).toContain('reportingYear');
  });
});
