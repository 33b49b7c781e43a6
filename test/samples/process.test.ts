// `dualtrack process samples`: the committed samples through the whole local pipeline, into a
// folder store, as the README tells a user to run them. One run; the tests read its release.
import { copyFile, mkdir, readFile, readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/index.ts';
import { ComplianceDatasetSchema, ReleaseManifest } from '../../shared/report/index.ts';
import type { ComplianceDataset } from '../../shared/report/index.ts';
import { SAMPLES_AS_OF_YEAR } from '../../scripts/samples/catalogue.ts';
import { loadSampleSource } from '../../scripts/samples/source.ts';
import type { SampleSource } from '../../scripts/samples/source.ts';
import { capturingIo } from '../helpers/cli.ts';
import { pdfInfo, runPython } from '../helpers/debian-tools.ts';
import { convertWithSoffice } from '../helpers/soffice.ts';
import { tempDirs } from '../helpers/temp.ts';

const SAMPLES_DIR = fileURLToPath(new URL('../../samples/', import.meta.url));
// process takes a file's modification time as its upload time; pinned so the status checks
// judge the samples in the year they are dated, whenever the test runs.
const UPLOADED_AT = new Date(`${SAMPLES_AS_OF_YEAR}-06-30T12:00:00Z`);
// 31 workbooks ingested and a release rendered, on a shared two-core machine.
const PIPELINE_TIMEOUT_MS = 300_000;

const temp = tempDirs('dualtrack-samples-', 'all');

/** A copy of the samples folder (sources left out) with pinned modification times. */
const copySamples = async (): Promise<string> => {
  const dir = temp.make();
  await mkdir(join(dir, 'samples'));
  for (const f of (await readdir(SAMPLES_DIR)).filter((name) => /\.(xlsx|csv)$/.test(name))) {
    const to = join(dir, 'samples', f);
    await copyFile(join(SAMPLES_DIR, f), to);
    await utimes(to, UPLOADED_AT, UPLOADED_AT);
  }
  return dir;
};

interface Run {
  code: number;
  lines: string[];
  latest: string;
  published: unknown;
  dataset: ComplianceDataset;
}

let run: Run;

beforeAll(async () => {
  const dir = await copySamples();
  const { io, lines } = capturingIo(dir);
  const code = await main(['process', 'samples', '--out', 'store'], io);
  const latest = join(dir, 'store', 'public', 'latest');
  const published: unknown = JSON.parse(await readFile(join(latest, ReleaseManifest.dataset.path), 'utf8'));
  run = { code, lines, latest, published, dataset: ComplianceDatasetSchema.parse(published) };
}, PIPELINE_TIMEOUT_MS);

describe('dualtrack process samples', () => {
  it('publishes all 32 allies, Iceland without figures, and flags every illustrative year', async () => {
    // Prepare: the published file against the JSON Schema published beside it, with a real validator
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(await readFile(join(run.latest, ReleaseManifest.schema.path), 'utf8')) as Record<string, unknown>);

    // Act
    const valid = validate(run.published);

    // Assess
    const { dataset } = run;
    expect(run.code).toBe(0);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(run.lines.join('\n').split('\n').filter((l) => /: ACCEPTED( WITH WARNINGS)? \([A-Z]{3},/.test(l))).toHaveLength(31);
    expect(dataset.allies).toHaveLength(32);
    const iceland = dataset.allies.find((a) => a.iso3 === 'ISL');
    expect(iceland?.noArmedForces).toBe(true);
    expect(iceland?.years).toEqual([]);
    const reporting = dataset.allies.filter((a) => a.iso3 !== 'ISL');
    const wronglyFlagged = reporting.flatMap((a) =>
      a.years.filter((y) => y.illustrative !== y.year > 2024).map((y) => `${a.iso3} ${y.year} ${y.illustrative}`),
    );
    expect(reporting.every((a) => a.years.length === 22)).toBe(true);
    expect(wronglyFlagged).toEqual([]);
  });

  it('headlines 2026 at 2024 exchange rates over all 31 allies with figures, and says so', async () => {
    // Prepare: the rate table stops in 2024, so 2026 at current rates covers the United States alone
    const y2026 = run.dataset.alliance.years.find((y) => y.year === 2026);
    const html = await readFile(join(run.latest, '..', ReleaseManifest.page.path), 'utf8');

    // Act
    const figure = /<li data-figure="all-core"><strong>([\d.]+)%<\/strong> ([^<]*)<\/li>/.exec(html);

    // Assess
    expect(run.dataset.release.reportingYear).toBe(2026);
    expect(y2026?.all.presented).toBe('constant');
    expect(y2026?.all.constant).toMatchObject({ rateYear: 2024, basisLabel: 'at 2024 exchange rates', leftOut: [] });
    expect(y2026?.all.constant.coverage).toEqual({ included: 31, expected: 31, pct: 100, meetsRule: true });
    expect(y2026?.all.current.coverage).toMatchObject({ included: 1, expected: 31, meetsRule: false });
    expect(y2026?.all.current.allies).toEqual(['USA']);
    expect(figure?.[2]).toBe('core defence, % of GDP: Alliance, at 2024 exchange rates (sum over sum; 31 of 31 allies)');
    expect(Number(figure?.[1])).toBeCloseTo(2.92, 2);
    expect(Number(figure?.[1])).toBeCloseTo(y2026?.all.constant.corePct ?? 0, 2);
  });

  describe("against NATO's own tables", () => {
    let source: SampleSource;
    beforeAll(async () => {
      source = await loadSampleSource();
    });

    /** Every official ally-year of the source beside the published one: [label, NATO's, ours]. */
    const compare = (pick: (nato: SampleSource['allies'][number]['years'][number]) => number, ours: (y: ComplianceDataset['allies'][number]['years'][number]) => number | null) =>
      source.allies.flatMap((ally) =>
        ally.years.map((nato) => {
          const published = run.dataset.allies.find((a) => a.iso3 === ally.iso3)?.years.find((y) => y.year === nato.year);
          return { at: `${ally.iso3} ${nato.year}`, nato: pick(nato), ours: published ? ours(published) : null };
        }),
      );
    const offByMoreThan = (rows: ReturnType<typeof compare>, tolerance: number) =>
      rows.filter((r) => r.ours === null || Math.abs(r.ours / r.nato - 1) > tolerance).map((r) => `${r.at}: NATO ${r.nato}, ours ${r.ours}`);

    it('reproduces the share of GDP of all 341 ally-years 2014-2024 within 0.1%, the three cells NATO pins at 2.00 included', () => {
      // Act: NATO's Table 3 computes shares at constant 2015 prices; the samples' GDP is derived from it
      const rows = compare((n) => n.gdpSharePct, (y) => y.corePct);

      // Assess
      expect(rows).toHaveLength(341);
      expect(offByMoreThan(rows, 0.001)).toEqual([]);
      const pinned = rows.filter((r) => ['FRA 2020', 'LTU 2019', 'SVK 2024'].includes(r.at)).map((r) => r.ours);
      expect(pinned).toEqual([2, 2, 2]);
    });

    it('reproduces the equipment share of all 341 ally-years within 0.1%', () => {
      // Act: Table 8, major equipment and related R&D as % of defence expenditure
      const rows = compare((n) => n.equipmentPct, (y) => y.equipmentSharePct);

      // Assess
      expect(rows).toHaveLength(341);
      expect(offByMoreThan(rows, 0.001)).toEqual([]);
    });

    it("reproduces the current-price USD amounts of all 341 ally-years within 0.1%, Croatia's kuna years and Bulgaria's leva included", () => {
      // Act: Table 2, million USD at current prices and exchange rates
      const rows = compare((n) => n.usdExpenditure, (y) => y.usd.core);

      // Assess
      expect(rows).toHaveLength(341);
      expect(offByMoreThan(rows, 0.001)).toEqual([]);
      const croatia2014 = run.dataset.allies.find((a) => a.iso3 === 'HRV')?.years.find((y) => y.year === 2014)?.usd;
      expect(croatia2014?.legacy).toMatchObject({ currency: 'HRK', eurRate: 7.5345 });
    });
  });

  describe.each([ReleaseManifest.workbook, ReleaseManifest.workbookFr])('its workbook $path, printed by LibreOffice and read back by openpyxl', (entry) => {
    // Per sheet: its print setup, the cells of its first row, and every text cell that reads as a year.
    const READ_BACK = `
import json, re, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = []
for ws in wb.worksheets:
    props = ws.sheet_properties.pageSetUpPr
    out.append({
        'sheet': ws.title,
        'orientation': ws.page_setup.orientation,
        'fitToPage': bool(props and props.fitToPage),
        'fitToWidth': ws.page_setup.fitToWidth,
        'fitToHeight': ws.page_setup.fitToHeight,
        'titleRows': ws.print_title_rows,
        'header': [[type(c.value).__name__, c.value] for c in ws[1]],
        'yearsAsText': [c.coordinate for row in ws.iter_rows() for c in row if isinstance(c.value, str) and re.fullmatch(r'(19|20)[0-9]{2}', c.value.strip())],
    })
print(json.dumps(out))
`;
    interface SheetReadBack {
      sheet: string;
      orientation: string;
      fitToPage: boolean;
      fitToWidth: number;
      fitToHeight: number;
      titleRows: string | null;
      header: [string, unknown][];
      yearsAsText: string[];
    }

    it('stores every year as a number, the core track sheet\'s year headers among them', async () => {
      // Act
      const sheets = JSON.parse(await runPython(READ_BACK, [join(run.latest, entry.path)], 'openpyxl', 'python3-openpyxl')) as SheetReadBack[];

      // Assess: the samples run 2014-2035, so the Core sheet's header is ISO3, Ally, then 22 whole-number years
      expect(sheets.flatMap((s) => s.yearsAsText.map((cell) => `${s.sheet}!${cell}`))).toEqual([]);
      const [, , core, , , , , , sources] = sheets;
      expect(core?.header.slice(2)).toEqual(Array.from({ length: 22 }, (_, i) => ['int', 2014 + i]));
      expect(sources?.header[2]?.[0]).toBe('str');
    });

    it('sets up every sheet to print landscape, one page wide, its first row repeated', async () => {
      // Act
      const sheets = JSON.parse(await runPython(READ_BACK, [join(run.latest, entry.path)], 'openpyxl', 'python3-openpyxl')) as SheetReadBack[];

      // Assess
      expect(sheets).toHaveLength(13);
      for (const s of sheets) {
        expect({ sheet: s.sheet, orientation: s.orientation, fitToPage: s.fitToPage, fitToWidth: s.fitToWidth, fitToHeight: s.fitToHeight, titleRows: s.titleRows }).toEqual({
          sheet: s.sheet,
          orientation: 'landscape',
          fitToPage: true,
          fitToWidth: 1,
          fitToHeight: 0,
          titleRows: '$1:$1',
        });
      }
    });

    it(
      'prints on a few landscape pages in LibreOffice (142 portrait pages before the print setup)',
      async () => {
        // Prepare
        const pdf = await convertWithSoffice(await readFile(join(run.latest, entry.path)), 'compliance.xlsx', 'pdf');
        const path = join(run.latest, '..', '..', `${entry.path}.pdf`);
        await writeFile(path, pdf);

        // Act
        const info = await pdfInfo(path);

        // Assess: 11 sheets, the Sources sheet's 683 rows the longest; one page wide, every page landscape
        expect(info.pages).toBeGreaterThanOrEqual(11);
        expect(info.pages).toBeLessThanOrEqual(30);
        expect(info.sizes).toHaveLength(info.pages);
        expect(info.sizes.filter((p) => p.width <= p.height)).toEqual([]);
      },
      PIPELINE_TIMEOUT_MS,
    );
  });
});
