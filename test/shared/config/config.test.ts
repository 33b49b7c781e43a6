// The one loader of the rules and the exchange-rate table: a file wins over the store, the store
// over the shipped default; whatever is present must be valid, with every problem named by its
// zod path, and is never replaced by the default in silence.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ConfigInvalidError,
  ConfigUnreadableError,
  fxTableDigest,
  loadConfig,
  loadFx,
  loadRules,
  parseConfig,
  parseConfigText,
} from '../../../shared/config/index.ts';
import { HAGUE_2025 } from '../../../shared/model/index.ts';
import { loadFxTable, usdRate } from '../../../shared/reference/index.ts';
import type { FxTable } from '../../../shared/reference/index.ts';
import { createMemoryStorage, dataKeys } from '../../../shared/storage/index.ts';
import { tempDirs } from '../../helpers/temp.ts';

const temp = tempDirs('dualtrack-config-');
const tempFile = (name: string, content: string): string => {
  const file = join(temp.make(), name);
  writeFileSync(file, content);
  return file;
};

const tinyTable = (rate: number): FxTable => ({
  description: 'test table',
  source: 'made up for a test',
  unit: 'national currency per USD, yearly average',
  rates: { EUR: { '2024': rate } },
});

const strictRules = { ...HAGUE_2025, id: 'strict', tracks: { ...HAGUE_2025.tracks, core: { target: 4 } } };

const problemsOf = (act: () => unknown): string[] => {
  try {
    act();
  } catch (error) {
    if (error instanceof ConfigInvalidError) return error.problems.map((p) => `${p.path}: ${p.message}`);
    throw error;
  }
  throw new Error('expected a ConfigInvalidError');
};

describe('checking configuration', () => {
  it('names every problem of a rules file by its zod path', () => {
    const bad = { ...HAGUE_2025, tracks: { ...HAGUE_2025.tracks, core: { target: -1 } }, planTolerancePct: 'a lot' };
    expect(problemsOf(() => parseConfig('rules', bad, 'rules.json'))).toEqual([
      expect.stringMatching(/^tracks\.core\.target: /),
      expect.stringMatching(/^planTolerancePct: /),
    ]);
  });

  it('refuses a rules override that names no ally, at its path', () => {
    const rules = { ...HAGUE_2025, overrides: { POL: { reason: 'fine' }, XYZ: { reason: 'no such ally' } } };
    expect(problemsOf(() => parseConfig('rules', rules, 'rules.json'))).toEqual(['overrides.XYZ: XYZ is not an ally\'s ISO3 code']);
  });

  it('keeps a rules file written before the licence existed valid, without a licence', () => {
    // Prepare: hague-2025 as a file of the earlier version spelt it
    const { license, ...earlier } = HAGUE_2025;

    // Act
    const rules = parseConfig('rules', JSON.parse(JSON.stringify(earlier)), 'rules.json');

    // Assess
    expect(license?.name).toBe('CC-BY-4.0');
    expect(rules.license).toBeUndefined();
    expect(rules.tracks).toEqual(HAGUE_2025.tracks);
  });

  it('names what is wrong with a licence by its path', () => {
    const rules = { ...HAGUE_2025, license: { name: 'CC BY 4.0', title: '', path: 'ftp://example.org/by' } };
    expect(problemsOf(() => parseConfig('rules', rules, 'rules.json'))).toEqual([
      expect.stringMatching(/^license\.name: an identifier such as CC-BY-4\.0/),
      expect.stringMatching(/^license\.title: /),
      expect.stringMatching(/^license\.path: the address \(http or https\) of the licence text/),
    ]);
  });

  it('names every problem of an exchange-rate table by its zod path', () => {
    const bad = { ...tinyTable(1), unit: 'USD per national currency', rates: { EUR: { '2024': -2 } } };
    expect(problemsOf(() => parseConfig('fx', bad, 'fx.json'))).toEqual([expect.stringMatching(/^unit: /), expect.stringMatching(/^rates\.EUR\.2024: /)]);
  });

  it('reports text that is not JSON as one problem at the root', () => {
    expect(problemsOf(() => parseConfigText('fx', '{ not json', 'fx.json'))).toEqual([expect.stringMatching(/^\(root\): not valid JSON/)]);
  });

  it('gives a table the same digest however its JSON is spaced or ordered, and another table another digest', () => {
    const table = tinyTable(0.9);
    const reordered = parseConfigText('fx', `{"rates":{"EUR":{"2024":0.9}},"unit":"${table.unit}","source":"${table.source}","description":"${table.description}"}`, 'x');
    expect(fxTableDigest(reordered)).toBe(fxTableDigest(table));
    expect(fxTableDigest(tinyTable(0.91))).not.toBe(fxTableDigest(table));
  });
});

describe('loading configuration', () => {
  it('gives the shipped defaults when nothing else is there', async () => {
    const config = await loadConfig({ storage: createMemoryStorage() });
    expect(config.rules).toEqual({ value: HAGUE_2025, from: 'shipped rules hague-2025' });
    expect(config.fx.value).toEqual(loadFxTable());
  });

  it('reads the store\'s config/ when present', async () => {
    // Prepare
    const storage = createMemoryStorage();
    await storage.put('data', dataKeys.configRules, JSON.stringify(strictRules));
    await storage.put('data', dataKeys.configFxRates, JSON.stringify(tinyTable(0.5)));
    // Act
    const config = await loadConfig({ storage });
    // Assess
    expect(config.rules.value.id).toBe('strict');
    expect(config.rules.from).toBe('data bucket config/rules.json');
    expect(usdRate(config.fx.value, 'EUR', 2024)).toBe(0.5);
    expect(config.fx.from).toBe('data bucket config/fx-rates.json');
  });

  it('lets a file named on the command line win over the store', async () => {
    const storage = createMemoryStorage();
    await storage.put('data', dataKeys.configFxRates, JSON.stringify(tinyTable(0.5)));
    const file = tempFile('fx.json', JSON.stringify(tinyTable(0.25)));
    const fx = await loadFx({ storage, files: { fx: file } });
    expect([usdRate(fx.value, 'EUR', 2024), fx.from]).toEqual([0.25, file]);
  });

  it('fails on an invalid object in the store instead of falling back to the default', async () => {
    // Prepare
    const storage = createMemoryStorage();
    await storage.put('data', dataKeys.configRules, JSON.stringify({ ...strictRules, overrides: { ZZZ: { reason: 'x' } } }));
    // Act
    const error = await loadRules({ storage }).catch((e: unknown) => e);
    // Assess
    expect(error).toBeInstanceOf(ConfigInvalidError);
    expect(error).toMatchObject({ where: 'data bucket config/rules.json', kind: 'rules', problems: [{ path: 'overrides.ZZZ' }] });
    expect((error as Error).message).toContain('overrides.ZZZ');
  });

  it('names a file it cannot read', async () => {
    const missing = join(temp.make(), 'none.json');
    const error = await loadRules({ files: { rules: missing } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigUnreadableError);
    expect((error as Error).message).toContain(`cannot read the rules file ${missing}`);
  });
});
