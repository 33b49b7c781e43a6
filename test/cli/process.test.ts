// `dualtrack process` end to end, on workbooks made here, into a folder store.
import { mkdir, readFile, readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';
import { HAGUE_2025 } from '../../shared/model/index.ts';
import { ComplianceDatasetSchema, ReleaseManifest, ReleasesIndexSchema } from '../../shared/report/index.ts';
import { publicKeys } from '../../shared/storage/index.ts';
import { capturingIo } from '../helpers/cli.ts';
import { submissionWorkbook } from '../helpers/submission-workbooks.ts';
import { tempDirs } from '../helpers/temp.ts';
import { workbookOf } from '../helpers/workbooks.ts';

const workDir = tempDirs('dualtrack-process-').make;

const at = (iso: string) => new Date(iso);

/** inputs/POL/poland.xlsx, inputs/estonia.xlsx and inputs/notes.txt (not a submission), with fixed mtimes. */
const prepareInputs = async (): Promise<string> => {
  const dir = workDir();
  await mkdir(join(dir, 'inputs', 'POL'), { recursive: true });
  const poland = join(dir, 'inputs', 'POL', 'poland.xlsx');
  const estonia = join(dir, 'inputs', 'estonia.xlsx');
  await writeFile(
    poland,
    await submissionWorkbook('Poland', 'PLN', [
      { year: 2024, gdp: 3_600_000, core: 150_000, security: 20_000 },
      { year: 2025, status: 'estimate', gdp: 3_800_000, core: 170_000, security: 25_000 },
    ]),
  );
  await writeFile(estonia, await submissionWorkbook('Estonia', 'EUR', [{ year: 2025, status: 'estimate', gdp: 40_000, core: 1_300, security: 200 }]));
  await writeFile(join(dir, 'inputs', 'notes.txt'), 'not a submission');
  await utimes(poland, at('2026-03-01T10:00:00Z'), at('2026-03-01T10:00:00Z'));
  await utimes(estonia, at('2026-03-02T10:00:00Z'), at('2026-03-02T10:00:00Z'));
  return dir;
};

describe('dualtrack process', () => {
  it('files each workbook under its ally, prints receipts and standings, and publishes release 1 into the folder', async () => {
    // Prepare
    const dir = await prepareInputs();
    const { io, text } = capturingIo(dir);
    // Act
    const code = await main(['process', 'inputs', '--out', 'store'], io);
    // Assess: files in path order (inputs/POL/… sorts before inputs/estonia.xlsx).
    expect(code).toBe(0);
    const lines = text().split('\n');
    expect(lines.filter((l) => /: ACCEPTED \((EST|POL),/.test(l)).map((l) => l.slice(dir.length + 1).split(/[ ,(]+/).slice(0, 4).join(' '))).toEqual([
      'inputs/POL/poland.xlsx: ACCEPTED POL 2024-2025',
      'inputs/estonia.xlsx: ACCEPTED EST 2025',
    ]);
    // POL 2025: 170 000 / 3 800 000 = 4.47 %, 25 000 / 3 800 000 = 0.66 %; EST: 1 300 / 40 000 = 3.25 %, 200 / 40 000 = 0.50 %.
    // POL's security-related track is met: with core at 4.47 % the 5 % needs only 0.53 % from it.
    expect(lines.filter((l) => /^(POL|EST)\s/.test(l)).map((l) => l.split(/\s+/).join(' '))).toEqual([
      'EST 3.25 0.50 3.75 on_track on_track on_track yes',
      'POL 4.47 0.66 5.13 met met met yes',
    ]);
    expect(text()).toContain('(30 other allies have no figures for 2025)');
    expect(text()).toContain('Published release 1 (');
    expect(text()).toContain(join(dir, 'store', 'public', ...publicKeys.releaseFile(1, ReleaseManifest.workbook.path).split('/')));
    expect(await readdir(join(dir, 'store', 'uploads', 'submissions'))).toEqual(['EST', 'POL']);
    const dataset = ComplianceDatasetSchema.parse(JSON.parse(await readFile(join(dir, 'store', 'public', ...publicKeys.latestFile(ReleaseManifest.dataset.path).split('/')), 'utf8')));
    expect(dataset.release).toMatchObject({ number: 1, trigger: 'cli', reportingYear: 2025 });
    expect(dataset.allies.find((a) => a.iso3 === 'POL')?.years.find((y) => y.year === 2025)?.source.uploadedAt).toBe('2026-03-01T10:00:00.000Z');
  });

  it('publishes nothing new when run again on the same files, and says so', async () => {
    // Prepare
    const dir = await prepareInputs();
    await main(['process', 'inputs', '--out', 'store'], capturingIo(dir).io);
    const { io, text } = capturingIo(dir);
    // Act
    const code = await main(['process', 'inputs', '--out', 'store'], io);
    // Assess
    expect(code).toBe(0);
    expect(text()).toMatch(/already processed/);
    expect(text()).toMatch(/Nothing changed: release 1 is still the latest/);
    const index = ReleasesIndexSchema.parse(JSON.parse(await readFile(join(dir, 'store', 'public', 'releases', 'index.json'), 'utf8')));
    expect(index.releases.map((r) => r.number)).toEqual([1]);
  });

  it('prints a rejected line for a workbook that names no ally and exits 1 when every file is rejected', async () => {
    // Prepare
    const dir = workDir();
    await writeFile(join(dir, 'anonymous.xlsx'), await workbookOf([{ name: 'Sheet1', rows: [['Year', 'GDP'], [2025, 100]] }]));
    const { io, text } = capturingIo(dir);
    // Act
    const code = await main(['process', 'anonymous.xlsx', '--out', 'store'], io);
    // Assess
    expect(code).toBe(1);
    expect(text()).toMatch(/^\S*anonymous\.xlsx: REJECTED \(no ally, no years, 0 record\(s\); 1 error\(s\)/m);
    expect(text()).toMatch(/ally-unknown/);
  });

  it('computes under the rules file and for the reporting year it is given', async () => {
    // Prepare: stricter rules (core 5 %, combined 6.5 %), looking at 2024, before the baseline year.
    const dir = await prepareInputs();
    const strict = { ...HAGUE_2025, id: 'strict-test', tracks: { ...HAGUE_2025.tracks, core: { target: 5 }, combined: { target: 6.5 } } };
    await writeFile(join(dir, 'strict.json'), JSON.stringify(strict));
    const { io, text } = capturingIo(dir);
    // Act
    const code = await main(['process', 'inputs', '--out', 'store', '--rules', 'strict.json', '--reporting-year', '2024'], io);
    // Assess: POL 2024: 150 000 / 3 600 000 = 4.17 %, 20 000 / 3 600 000 = 0.56 %, 4.72 % combined.
    expect(code).toBe(0);
    expect(text()).toContain('Standings in 2024 (rules strict-test, release 1):');
    expect(text().split('\n').filter((l) => /^(POL|EST)\s/.test(l)).map((l) => l.split(/\s+/).join(' '))).toEqual([
      'POL 4.17 0.56 4.72 pre_commitment pre_commitment pre_commitment yes',
    ]);
    const dataset = ComplianceDatasetSchema.parse(JSON.parse(await readFile(join(dir, 'store', 'public', ...publicKeys.latestFile(ReleaseManifest.dataset.path).split('/')), 'utf8')));
    expect([dataset.rules.id, dataset.rules.tracks.core.target, dataset.release.reportingYear]).toEqual(['strict-test', 5, 2024]);
  });

  it.each([
    [['process', 'inputs', '-o', 'store', '--rules', 'nope.json'], /cannot read the rules file/],
    [['process', 'inputs'], /--out DIR is required/],
    [['process', '--out', 'store'], /missing required argument 'PATH'/],
    [['process', 'inputs', '--out', 'store', '--colour'], /unknown option --colour; the known options are -o\/--out, --reporting-year, --rules, --fx, -h\/--help/],
    [['process', 'inputs', '--out', 'store', '--reporting-year', 'last'], /--reporting-year must be a four-digit year/],
    [['process', 'missing', '--out', 'store'], /no such file or folder: missing/],
  ])('exits 2 with the usage for %j', async (args, message) => {
    // Prepare
    const dir = await prepareInputs();
    const { io, err } = capturingIo(dir);
    // Act
    const code = await main(args, io);
    // Assess
    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(message);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^dualtrack process: .*; see `npm run dualtrack -- process --help`$/);
  });
});
