// The stack contract is what the stack, the handlers, the local cloud and the clients of a
// deployed stack share; it must stay loadable by all of them, so it imports nothing.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BucketLayout, BucketPrefix, PUBLIC_READ, isFolderPlaceholder, triggersIngest } from '../../../shared/stack/index.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The module specifiers a TypeScript file imports or re-exports from. */
const importsOf = (source: string): string[] =>
  [...source.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+'([^']+)'|^\s*import\s+'([^']+)'|\brequire\(\s*'([^']+)'|\bimport\(\s*'([^']+)'/gm)].map(
    (m) => m[1] ?? m[2] ?? m[3] ?? m[4] ?? '',
  );

const sourcesUnder = async (dir: string): Promise<string[]> => {
  const entries = await readdir(join(ROOT, dir), { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => join(e.parentPath, e.name));
};

describe('the stack contract', () => {
  it('imports nothing at all', async () => {
    // Act
    const source = await readFile(join(ROOT, 'shared/stack/contract.ts'), 'utf8');
    // Assess
    expect(importsOf(source)).toEqual([]);
    expect(importsOf("import { z } from 'zod';\nexport { a } from './b.ts';")).toEqual(['zod', './b.ts']);
  });

  it('is what the stack reads instead of the functions: cdk/ imports nothing from functions/ or local/', async () => {
    // Act
    const reaching = [];
    for (const file of await sourcesUnder('cdk')) {
      for (const spec of importsOf(await readFile(file, 'utf8'))) {
        if (/(^|\/)(functions|local)\//.test(spec)) reaching.push(`${file.slice(ROOT.length)} -> ${spec}`);
      }
    }
    // Assess
    expect(reaching).toEqual([]);
  });

  it.each([
    ['ObjectCreated:Put', 'submissions/EST/a.xlsx', true],
    ['ObjectCreated:CompleteMultipartUpload', 'submissions/EST/a.pdf', true],
    ['s3:ObjectCreated:Copy', 'submissions/EST/a.Csv', true],
    ['ObjectCreated:Put', 'submissions/EST/name.xlsx ', true],
    ['ObjectCreated:Put', 'submissions/EST/', true],
    ['ObjectRemoved:Delete', 'submissions/EST/a.xlsx', false],
    ['ObjectCreated:Put', 'receipts/EST/a.json', false],
    ['ObjectCreated:Put', 'Submissions/EST/a.xlsx', false],
  ])('on %s of %j fires ingest: %s', (eventName, key, fires) => {
    expect(triggersIngest(eventName, key)).toBe(fires);
  });

  it('tells folder placeholders from uploads', () => {
    expect(['submissions/', 'submissions/EST/', 'submissions/EST/a.xlsx', 'submissions/EST/a.xlsx '].map(isFolderPlaceholder)).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('lets the public read exactly the published prefixes and the page', () => {
    expect(PUBLIC_READ).toEqual([BucketPrefix.releases, BucketPrefix.latest, 'index.html', 'index.fr.html', BucketPrefix.submit]);
    expect(BucketLayout.public).toBe(PUBLIC_READ);
  });
});
