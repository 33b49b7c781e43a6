import { describe, it, expect } from 'vitest';
import ExcelJS from 'exceljs';
import { HAGUE_2025 } from '../../../shared/model/index.ts';
import { STATUS_STYLE, renderWorkbook } from '../../../shared/report/index.ts';
import { makeDataset, makeResult } from '../../helpers/dataset.ts';
import { HOSTILE, hostileDataset } from '../../helpers/hostile.ts';
import { zipEntries } from '../../helpers/zip-entries.ts';

const readBack = async (bytes: Buffer) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
};

const sheet = (wb: ExcelJS.Workbook, name: string) => {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}; have ${wb.worksheets.map((w) => w.name).join(', ')}`);
  return ws;
};

/** Rows of a sheet keyed by the text of their first cell. */
const rowsByKey = (ws: ExcelJS.Worksheet) => {
  const out = new Map<string, ExcelJS.Row>();
  ws.eachRow((row) => out.set(String(row.getCell(1).value), row));
  return out;
};

describe('renderWorkbook', () => {
  it('has the summary, standings, track, alliance, counts, checkpoint, plans, delivery, sources, rules and notes sheets', async () => {
    // Prepare / Act
    const wb = await readBack(await renderWorkbook(makeDataset()));

    // Assess
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Summary', 'Standings 2026', 'Core', 'Security', 'Combined', 'Alliance', 'Counts', 'Checkpoint 2029', 'Plans vs outturn', 'Delivery', 'Sources', 'Rules', 'Notes',
    ]);
  });

  it('shows every ratio of the reporting year on the standings sheet at full precision, formatted 0.00', async () => {
    // Prepare
    const dataset = makeDataset();
    const wb = await readBack(await renderWorkbook(dataset));
    const rows = rowsByKey(sheet(wb, 'Standings 2026'));

    // Act / Assess
    for (const ally of dataset.allies) {
      const y = ally.years.find((v) => v.year === 2026);
      const row = rows.get(ally.iso3)!;
      const cells = [4, 5, 6, 7, 8].map((c) => row.getCell(c));
      expect(cells.map((c) => c.value ?? null)).toEqual([
        y?.corePct ?? null, y?.securityPct ?? null, y?.securityCountedPct ?? null, y?.combinedPct ?? null, y?.equipmentSharePct ?? null,
      ]);
      if (y) expect(cells.map((c) => c.numFmt)).toEqual(['0.00', '0.00', '0.00', '0.00', '0.00']);
    }
  });

  it('colours status cells by status and shows Iceland as having no armed forces', async () => {
    // Prepare
    const wb = await readBack(await renderWorkbook(makeDataset()));
    const rows = rowsByKey(sheet(wb, 'Standings 2026'));
    const fillOf = (cell: ExcelJS.Cell) => (cell.fill?.type === 'pattern' ? cell.fill.fgColor?.argb : undefined);

    // Act
    const deuCore = rows.get('DEU')!.getCell(9);
    const usaSecurity = rows.get('USA')!.getCell(10);
    const isl = rows.get('ISL')!;

    // Assess: DEU 2026 core 157500/4500000 = 3.5% (met); USA security 155000/31000000 = 0.5% (off track)
    expect([deuCore.value, fillOf(deuCore)]).toEqual(['met', `FF${STATUS_STYLE.met.fill}`]);
    expect([usaSecurity.value, fillOf(usaSecurity)]).toEqual(['off track', `FF${STATUS_STYLE.off_track.fill}`]);
    expect([isl.getCell(3).value, isl.getCell(9).value]).toEqual(['no armed forces', 'no armed forces']);
  });

  it('freezes the header and sets an auto-filter over the standings', async () => {
    // Prepare / Act
    const ws = sheet(await readBack(await renderWorkbook(makeDataset())), 'Standings 2026');

    // Assess
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.getRow(1).getCell(1).value).toBe('ISO3');
  });

  it('puts each track ratio under its year, ally by ally', async () => {
    // Prepare
    const dataset = makeDataset();
    const ws = sheet(await readBack(await renderWorkbook(dataset)), 'Combined');
    const header = (ws.getRow(1).values as unknown[]).slice(1);

    // Act
    const alb = rowsByKey(ws).get('ALB')!;

    // Assess: ALB combined = core + counted security: 1.8 + 0.1172835, 2 + 0.2, 2.3 + 0.4
    expect(header).toEqual(['ISO3', 'Ally', 2024, 2025, 2026]);
    expect(alb.getCell(3).value).toBeCloseTo(1.9172835, 12);
    expect(alb.getCell(4).value).toBeCloseTo(2.2, 12);
    expect(alb.getCell(5).value).toBeCloseTo(2.7, 12);
  });

  it('names the release, rules and digest on the summary sheet and counts allies meeting each guideline', async () => {
    // Prepare
    const dataset = makeDataset();
    const ws = sheet(await readBack(await renderWorkbook(dataset)), 'Summary');
    const rows = rowsByKey(ws);
    const countOf = (prefix: string) => [...rows.entries()].find(([k]) => k.startsWith(prefix))?.[1].getCell(2).value;

    // Act / Assess: 2026: 2% met by ALB 2.3, DEU 3.5, USA 3.5; 3.5% by DEU and USA; the security-related
    // need (5 − core, at most 1.5) covered by DEU only (2.0 counted 1.5 against 1.5; USA 0.5 and ALB 0.4
    // against 1.5); 5% combined by DEU (3.5 + 1.5); 20% equipment by all three (25, 22.9, 28.6)
    expect(countOf('Defence expenditure ≥ 2%')).toBe(3);
    expect(countOf('Core defence ≥ 3.5%')).toBe(2);
    expect(countOf('Security-related covers what the 5% needs from it')).toBe(1);
    expect(countOf('Core + counted security-related ≥ 5%')).toBe(1);
    expect(countOf('Major equipment ≥ 20%')).toBe(3);
    expect(rows.get('Release number')?.getCell(2).value).toBe(3);
    expect(rows.get('Rules')?.getCell(2).value).toBe('hague-2025');
    expect(rows.get('Digest (sha256)')?.getCell(2).value).toBe(dataset.release.digest);
    // 2026 is presented at 2024 rates, where every ally is covered
    expect(rows.get('Core defence, % of GDP')?.getCell(2).value).toBe(dataset.alliance.years[2]?.all.constant.corePct);
    expect(rows.get('Ratios in 2026 (sum over sum, current prices)')?.getCell(2).value).toBe('Alliance');
    expect(rows.get('Exchange rates')?.getCell(2).value).toBe('at 2024 exchange rates');
    expect(rows.get('Allies in the sum')?.getCell(2).value).toBe('3 of 3 allies');
  });

  it('never names a sum below the coverage rule the alliance, and shows its coverage beside it', async () => {
    // Prepare: 2026 presented at current rates, which only the United States has
    const result = makeResult();
    const dataset = makeDataset({
      result: {
        ...result,
        alliance: {
          ...result.alliance,
          years: result.alliance.years.map((y) => ({ ...y, all: { ...y.all, presented: 'current' as const } })),
        },
      },
    });

    // Act
    const wb = await readBack(await renderWorkbook(dataset));
    const summary = rowsByKey(sheet(wb, 'Summary'));
    const alliance = sheet(wb, 'Alliance');

    // Assess
    const heading = summary.get('Ratios in 2026 (sum over sum, current prices)')?.getCell(2).value;
    expect(heading).toBe("Sum over 1 of 3 allies (USA), not the Alliance's figure");
    expect(summary.get('Allies in the sum')?.getCell(2).value).toBe('1 of 3 allies');
    expect(summary.get('Left out')?.getCell(2).value).toBe('no exchange rate: ALB, DEU');
    expect(summary.get('Coverage rule met (100% of the allies expected)')?.getCell(2).value).toBe('no');
    const names = alliance.getColumn(2).values.filter((v): v is string => typeof v === 'string');
    expect(names.filter((n) => n === 'Alliance')).toHaveLength(1); // 2024 only
    expect(names).toContain("Sum over 1 of 3 allies (USA), not the Alliance's figure");
  });

  it('writes text from a submission as text, never as a formula', async () => {
    // Prepare
    const wb = await readBack(await renderWorkbook(hostileDataset()));
    const sources = sheet(wb, 'Sources');

    // Act
    const row = sources.getRow(2);
    const formulas: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((r) => r.eachCell((c) => { if (c.type === ExcelJS.ValueType.Formula) formulas.push(`${ws.name}!${c.address}`); })));

    // Assess
    expect(row.getCell(6).value).toBe(`'${HOSTILE.atSubmission}`);
    expect(row.getCell(7).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(7).value).toBe(`'${HOSTILE.formulaFile}`);
    expect(row.getCell(9).value).toBe(`'${HOSTILE.plusNote}`);
    expect(formulas).toEqual([]);
  });

  it('gives the same workbook content for the same dataset, dated by the release', async () => {
    // Prepare
    const dataset = makeDataset();

    // Act
    const [a, b] = await Promise.all([renderWorkbook(dataset), renderWorkbook(dataset)]);
    const [ea, eb] = await Promise.all([zipEntries(a), zipEntries(b)]);
    const wb = await readBack(a);

    // Assess
    expect([...ea.keys()].sort()).toEqual([...eb.keys()].sort());
    for (const [name, bytes] of ea) expect(bytes.equals(eb.get(name)!), name).toBe(true);
    expect(wb.created.toISOString()).toBe('2026-06-01T12:00:00.000Z');
  });

  it('lists the rules and each ally override with its reason on the rules sheet', async () => {
    // Prepare
    const rules = { ...HAGUE_2025, overrides: { ALB: { core: { target: 3 }, targetYear: 2037, reason: '=ask the committee' } } };
    const ws = sheet(await readBack(await renderWorkbook(makeDataset({ rules }))), 'Rules');
    const rows = rowsByKey(ws);

    // Act
    const alb = rows.get('ALB')!;

    // Assess
    expect(rows.get('Rules id')?.getCell(2).value).toBe('hague-2025');
    expect(rows.get('Licence of the releases')?.getCell(2).value).toBe('Creative Commons Attribution 4.0 International (CC-BY-4.0), https://creativecommons.org/licenses/by/4.0/');
    expect(rows.get('Core target, % of GDP')?.getCell(2).value).toBe(HAGUE_2025.tracks.core.target);
    expect([alb.getCell(2).value, alb.getCell(6).value, alb.getCell(7).value]).toEqual([3, 2037, "'=ask the committee"]);
    expect(alb.getCell(7).type).toBe(ExcelJS.ValueType.String);
    expect(rows.get('Alliance figures need at least this share of the allies expected, %')?.getCell(2).value).toBe(100);
  });
});

describe('the workbook in French (compliance.fr.xlsx)', () => {
  /** The text of every sheet's first row, by sheet position. */
  const headings = (wb: ExcelJS.Workbook) =>
    wb.worksheets.map((ws) => (ws.getRow(1).values as unknown[]).filter((v): v is string => typeof v === 'string'));

  it('names its sheets in French, in the English order', async () => {
    // Prepare / Act
    const wb = await readBack(await renderWorkbook(makeDataset(), 'fr'));

    // Assess
    expect(wb.worksheets.map((ws) => ws.name)).toEqual([
      'Synthèse', 'Situation 2026', 'Base', 'Sécurité', 'Combiné', 'Alliance', 'Décomptes', 'Point d’étape 2029', 'Prévu et réalisé', 'Tenue des prévisions', 'Sources', 'Règles', 'Notes',
    ]);
  });

  it('gives every heading its French, leaving in English only the words French writes the same', async () => {
    // Prepare
    const [en, fr] = await Promise.all([renderWorkbook(makeDataset()).then(readBack), renderWorkbook(makeDataset(), 'fr').then(readBack)]);

    // Act: headings equal in both languages, sheet by sheet
    const english = headings(en);
    const same = headings(fr).flatMap((row, i) => row.filter((h, j) => english[i]?.[j] === h));

    // Assess
    expect(new Set(same)).toEqual(new Set(['ISO3', 'Note']));
    expect(headings(fr)[1]?.slice(0, 5)).toEqual(['ISO3', 'Allié', 'Chiffres', 'Base\u202f% PIB', 'Sécurité\u202f% PIB']);
    expect(rowsByKey(sheet(fr, 'Règles')).get('Objectif de base,\u202f% du PIB')?.getCell(2).value).toBe(3.5);
  });

  it('holds the same numbers as the English workbook, with French words in its cells', async () => {
    // Prepare
    const dataset = makeDataset();
    const [en, fr] = await Promise.all([renderWorkbook(dataset).then(readBack), renderWorkbook(dataset, 'fr').then(readBack)]);
    const numbers = (ws: ExcelJS.Worksheet) => {
      const out: unknown[] = [];
      ws.eachRow((row) => row.eachCell((c) => { if (typeof c.value === 'number') out.push(c.value); }));
      return out;
    };

    // Act
    const differing = en.worksheets.filter((ws, i) => JSON.stringify(numbers(ws)) !== JSON.stringify(numbers(fr.worksheets[i]!))).map((ws) => ws.name);
    const deu = rowsByKey(sheet(fr, 'Situation 2026')).get('DEU')!;

    // Assess: DEU 2026 is an actual, core 3.5% met (the target); the fixture's French name is "Germany (fr)"
    expect(differing).toEqual([]);
    expect([deu.getCell(2).value, deu.getCell(3).value, deu.getCell(9).value]).toEqual(['Germany (fr)', 'réalisé', 'atteint']);
  });
});

describe('plans against outturn in the workbook', () => {
  it('lists each earlier plan beside the reported ratio, and each ally’s delivery summary', async () => {
    // Prepare: the United States planned 3.3% core for 2026 in 2025; it reported 3.5%.
    const result = makeResult();
    const usa = result.allies.find((a) => a.iso3 === 'USA')!;
    const y2026 = usa.years.find((y) => y.year === 2026)!;
    y2026.earlierFigures = [
      {
        submissionId: 'usa-2025',
        file: 'usa-2025.xlsx',
        uploadedAt: '2025-05-01T00:00:00.000Z',
        status: 'plan',
        aheadYears: 1,
        lastOfUploadYear: true,
        corePct: 3.3,
        combinedPct: 3.6,
        coreDiffPct: (y2026.corePct ?? 0) - 3.3,
        combinedDiffPct: (y2026.combinedPct ?? 0) - 3.6,
      },
    ];
    usa.delivery = {
      leads: [{ aheadYears: 1, core: { comparisons: 1, meanDiffPct: 0.2, meanAbsDiffPct: 0.2 }, combined: { comparisons: 1, meanDiffPct: 0.4, meanAbsDiffPct: 0.4 } }],
    };

    // Act
    const wb = await readBack(await renderWorkbook(makeDataset({ result })));

    // Assess
    const plans = wb.getWorksheet('Plans vs outturn')!;
    expect(plans.rowCount).toBe(2);
    const row = plans.getRow(2).values as unknown[];
    expect(row.slice(1, 10)).toEqual(['USA', 'United States', 2026, 'usa-2025', '2025-05-01T00:00:00.000Z', 1, 'plan', 3.3, y2026.corePct]);
    expect(row[10]).toBeCloseTo((y2026.corePct ?? 0) - 3.3, 12);
    const delivery = wb.getWorksheet('Delivery')!;
    const rows = Array.from({ length: delivery.rowCount }, (_, i) => delivery.getRow(i + 1).values as unknown[]);
    const lead = rows.find((r) => r[1] === 'USA' && r[3] === '1 year ahead')!;
    expect(lead.slice(1, 10)).toEqual(['USA', 'United States', '1 year ahead', 1, 0.2, 0.2, 1, 0.4, 0.4]);
  });
});
