// The workbook as a LibreOffice user sees it: converted to one CSV per sheet with the values
// "as shown", so the number formats are applied exactly as on screen.
import { describe, it, expect, beforeAll } from 'vitest';
import { renderWorkbook } from '../../../shared/report/index.ts';
import type { ComplianceDataset } from '../../../shared/report/index.ts';
import { parseCsv } from '../../helpers/csv-parse.ts';
import { HOSTILE, hostileDataset } from '../../helpers/hostile.ts';
import { sofficeConvert } from '../../helpers/soffice.ts';

// Field separator, text delimiter, UTF-8, from line 1, …, save cell contents as shown, all sheets.
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';

let dataset: ComplianceDataset;
const sheets = new Map<string, string[][]>();

beforeAll(async () => {
  dataset = hostileDataset();
  const written = await sofficeConvert(await renderWorkbook(dataset), 'release.xlsx', CSV_FILTER, 170_000);
  for (const name of [`Standings ${dataset.release.reportingYear}`, 'Core', 'Sources']) {
    const csv = written.get(`release-${name}.csv`);
    if (!csv) throw new Error(`LibreOffice wrote no CSV for the sheet "${name}" (it wrote: ${[...written.keys()].join(', ')})`);
    sheets.set(name, parseCsv(csv.toString('utf8').replace(/\r?\n/g, '\r\n')));
  }
}, 180_000);

const shown = (pct: number | null | undefined) => (pct === null || pct === undefined ? '' : pct.toFixed(2));

describe('the workbook opened in LibreOffice', () => {
  it('shows each standings ratio rounded to two decimals', () => {
    // Prepare
    const rows = sheets.get(`Standings ${dataset.release.reportingYear}`)!;

    // Act / Assess
    for (const ally of dataset.allies) {
      const y = ally.years.find((v) => v.year === dataset.release.reportingYear);
      const row = rows.find((r) => r[0] === ally.iso3)!;
      expect(row.slice(3, 8)).toEqual([y?.corePct, y?.securityPct, y?.securityCountedPct, y?.combinedPct, y?.equipmentSharePct].map(shown));
    }
    // DEU 2026 equipment 36000 of core 157500 = 22.857…% shows as 22.86
    expect(rows.find((r) => r[0] === 'DEU')?.[7]).toBe('22.86');
  });

  it('shows each track ratio per year rounded to two decimals', () => {
    // Prepare
    const [header, ...rows] = sheets.get('Core')!;

    // Act / Assess
    for (const ally of dataset.allies) {
      const row = rows.find((r) => r[0] === ally.iso3)!;
      header!.slice(2).forEach((year, i) => {
        expect(row[2 + i]).toBe(shown(ally.years.find((y) => y.year === Number(year))?.corePct));
      });
    }
    // DEU 2025 core 107777.7 of GDP 4400000 = 2.4494…% shows as 2.45
    expect(rows.find((r) => r[0] === 'DEU')?.[3]).toBe('2.45');
  });

  it('keeps formula-looking text from a submission as text', () => {
    // Prepare
    const [, first] = sheets.get('Sources')!;

    // Act / Assess: had the file name become a formula, LibreOffice would show its result ("Click")
    expect(first?.[6]).toBe(`'${HOSTILE.formulaFile}`);
    expect(first?.[8]).toBe(`'${HOSTILE.plusNote}`);
  });
});
