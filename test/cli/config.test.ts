// `dualtrack config` against a running local cloud: an invalid file is refused with the zod
// path of every problem and nothing is written; a valid one is written to the data bucket and a
// recompute publishes a release that names it; the same file again publishes nothing.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fxTableDigest } from '../../shared/config/index.ts';
import { HAGUE_2025 } from '../../shared/model/index.ts';
import { loadFxTable } from '../../shared/reference/index.ts';
import type { FxTable } from '../../shared/reference/index.ts';
import { dataKeys, uploadsKeys } from '../../shared/storage/index.ts';
import { SAMPLES_DIR } from '../../local/index.ts';
import { latestDataset, putObject, releases, startTestCloud } from '../e2e/helpers/cloud.ts';
import type { TestCloud } from '../e2e/helpers/cloud.ts';
import { runCli } from '../helpers/cli.ts';
import { tempDirs } from '../helpers/temp.ts';

const withEuro2025 = (rate: number): FxTable => {
  const shipped = loadFxTable();
  return { ...shipped, source: `test table, EUR 2025 at ${rate}`, rates: { ...shipped.rates, EUR: { ...shipped.rates.EUR, '2025': rate } } };
};

describe('dualtrack config on a local cloud', () => {
  const temp = tempDirs('dualtrack-config-cli-', 'all');
  let t: TestCloud;
  let dir: string;
  const run = (args: string[]) => runCli(args, { cwd: dir });

  beforeAll(async () => {
    dir = temp.make();
    t = await startTestCloud();
    await putObject(t.cloud, uploadsKeys.submission('EST', 'EST-estonia.xlsx'), await readFile(join(SAMPLES_DIR, 'EST-estonia.xlsx')));
    await t.cloud.idle();
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
  });

  it('refuses an invalid table with the zod path of every problem, exit 1, writing nothing', async () => {
    // Prepare
    const bad = { ...withEuro2025(0.5), unit: 'USD per euro', rates: { EUR: { '2025': -1, 2026: 'x' } } };
    await writeFile(join(dir, 'bad-fx.json'), JSON.stringify(bad));
    const before = (await releases(t.cloud)).releases.length;
    // Act
    const result = await run(['config', 'put', 'fx', 'bad-fx.json', '--endpoint', t.cloud.endpoint]);
    // Assess
    expect(result.code).toBe(1);
    const lines = result.err.split('\n');
    expect(lines[0]).toBe(`dualtrack config put: ${join(dir, 'bad-fx.json')} is not a valid exchange-rate table:`);
    expect(lines.slice(1, -1)).toEqual([expect.stringMatching(/^ {2}unit: /), expect.stringMatching(/^ {2}rates\.EUR\.2025: /), expect.stringMatching(/^ {2}rates\.EUR\.2026: /)]);
    expect(lines.at(-1)).toBe('Nothing was written.');
    expect(await t.cloud.storage.head('data', dataKeys.configFxRates)).toBeNull();
    expect((await releases(t.cloud)).releases).toHaveLength(before);
  });

  it('refuses a rules file whose override names no ally', async () => {
    await writeFile(join(dir, 'rules.json'), JSON.stringify({ ...HAGUE_2025, overrides: { ABC: { reason: 'no such ally' } } }));
    const result = await run(['config', 'put', 'rules', 'rules.json', '--endpoint', t.cloud.endpoint]);
    expect(result.code).toBe(1);
    expect(result.err).toContain("  overrides.ABC: ABC is not an ally's ISO3 code");
    expect(await t.cloud.storage.head('data', dataKeys.configRules)).toBeNull();
  });

  it('writes a valid table, recomputes, and the new release names it; the same table again publishes nothing', async () => {
    // Prepare
    const table = withEuro2025(0.5);
    await writeFile(join(dir, 'fx.json'), JSON.stringify(table, null, 4));
    const before = (await releases(t.cloud)).releases.at(-1)?.number ?? 0;
    // Act
    const put = await run(['config', 'put', 'fx', 'fx.json', '--endpoint', t.cloud.endpoint]);
    const again = await run(['config', 'put', 'fx', 'fx.json', '--endpoint', t.cloud.endpoint]);
    const got = await run(['config', 'get', 'fx', '--endpoint', t.cloud.endpoint]);
    // Assess
    expect(put.code).toBe(0);
    expect(put.out).toContain(`Published release ${before + 1} `);
    expect(again.out).toContain('Nothing changed');
    const index = await releases(t.cloud);
    expect(index.releases.map((r) => r.number)).toEqual(Array.from({ length: before + 1 }, (_, i) => i + 1));
    expect(index.releases.at(-1)).toMatchObject({ trigger: 'manual', reason: 'config put fx fx.json', fxTable: { source: table.source, sha256: fxTableDigest(table) } });
    expect((await latestDataset(t.cloud)).release.fxTable?.sha256).toBe(fxTableDigest(table));
    expect(JSON.parse(got.out)).toEqual(table);
  });

  it('checks a file without writing it, and says when the shipped rules apply', async () => {
    await writeFile(join(dir, 'good-rules.json'), JSON.stringify(HAGUE_2025));
    const check = await run(['config', 'check', 'rules', 'good-rules.json']);
    const got = await run(['config', 'get', 'rules', '--endpoint', t.cloud.endpoint]);
    expect([check.code, check.out]).toEqual([0, `${join(dir, 'good-rules.json')} is a valid rules file.`]);
    expect([got.code, got.err]).toEqual([0, `No data bucket config/rules.json on the local cloud at ${t.cloud.endpoint}: the shipped default applies.`]);
  });

  it('refuses a kind it does not know as bad usage', async () => {
    const result = await run(['config', 'check', 'limits', 'x.json']);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/'limits' is invalid for argument 'KIND'.*rules, fx/);
  });
});
