// Lint rules: the recommended sets, a ban on `any` so no untyped value crosses a boundary, and
// the areas' boundaries (below).
import js from '@eslint/js';
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';

// --- Boundaries ------------------------------------------------------------------------------
// An area is a folder whose files import each other freely. From any other area a file imports
// only the area's surface: its index.ts (STYLE habit 12), or one of the light second surfaces
// below. The rule is ESLint's own `no-restricted-imports`; since it sees an import only as
// written ('../reference/types.ts'), each folder gets a pattern built for where it sits.
// Dynamic `import()` is not checked (only cli/registry.ts uses it, inside its own area).

/** Area roots: each shared/<area>, each functions/<fn> (common is one), and the top-level shells. */
const AREA = /^(?:shared\/[^/]+|functions\/[^/]+|local|cli|cdk|bench|scripts)(?=\/)/;

/** Surfaces besides the areas' index.ts, each there so its callers avoid loading something heavy. */
const SECOND_SURFACES = [
  // The root of every error dualtrack raises; it sits above the areas that derive from it.
  'shared/errors.ts',
  // What clients of a running local cloud rely on (address, S3 client, control routes), so
  // `upload` and `recompute` load no emulator (s3rver, handlers) and the CLI stays lazy.
  'local/contract.ts',
  // The clients of a running cloud (local or a stack), which load the AWS SDK: apart from
  // cli/index.ts, so running a command in-process loads only that command's modules.
  'cli/clients/index.ts',
  // What only a Lambda entry wires in (environment, logger, SQS and S3 clients), apart from
  // functions/common/index.ts so the local cloud, which shares the handlers' pieces, loads none.
  'functions/common/lambda-wiring.ts',
  // What the portal and notify handlers need of functions/common without its config loader,
  // which loads the report renderers (exceljs) into a bundle that never renders.
  'functions/common/plain.ts',
  // The release layout without the renderers: the CDK app names one release file and must load
  // neither zod nor exceljs.
  'shared/report/manifest.ts',
  // The bucket key layout without the S3 adapter: the report renderers (pure) and the manifest
  // build keys without loading the AWS SDK.
  'shared/storage/keys.ts',
  // The publishing flows without processUpload, and the ingest limits without the reader: the
  // publisher and recompute bundles leave out the ingest code (reader, zip guard, tables), which
  // keeps them under the bundle budget with the pages in.
  'shared/pipeline/publishing.ts',
  'shared/ingest/limits.ts',
  // The ingest flow without the publishing flows, and the digests without the renderers: the
  // ingest bundle leaves out the release writer, the renderers and their tables.
  'shared/pipeline/ingesting.ts',
  'shared/report/digest.ts',
  // The submitters' page as files, without its config schema (zod): the pipeline writes the page,
  // and the ingest bundle, which holds the pipeline, has almost no headroom left.
  'shared/submit-page/files.ts',
];

/**
 * Tests import anything under test/ and reach into the area they mirror (test/shared/engine →
 * shared/engine); everything else through surfaces. Folders that mirror no area by name:
 */
const TEST_MIRRORS = {
  // The end-to-end tests drive the command line as a user does, with its printers and demo client.
  'test/e2e': 'cli',
  // The sample workbooks and the scripts that build them.
  'test/samples': 'scripts',
};

/** Single files allowed one more surface, and why. */
const FILE_EXCEPTIONS = {
  // Checks that every area's errors derive from the root error, so it imports each area's error
  // module and only that: through the surfaces it would load the emulator, exceljs and the CDK
  // app (which has no surface, as nothing imports it) for a few error classes.
  'test/shared/errors.test.ts': [
    'cdk/errors.ts',
    'functions/common/errors.ts',
    'local/errors.ts',
    'shared/engine/errors.ts',
    'shared/ingest/errors.ts',
    'shared/pipeline/errors.ts',
  ],
  // The bench weighs and times each Lambda bundle as the stack builds it, with the stack's own
  // builder (the CDK app has no surface, as nothing else imports it).
  'bench/cases.ts': ['cdk/bundle/build.ts'],
};

const ROOT = `${dirname(fileURLToPath(import.meta.url))}/`;
const SKIPPED = new Set(['node_modules', 'cdk.out', 'coverage', 'out']);
const SOURCE = /\.(?:ts|mts|js|mjs)$/;

/** Every source file, relative to the project root. */
const sourceFiles = (dir = '') =>
  readdirSync(`${ROOT}${dir}`, { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}${e.name}`;
    if (e.isDirectory()) return SKIPPED.has(e.name) || e.name.startsWith('.') ? [] : sourceFiles(`${path}/`);
    return SOURCE.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : [];
  });

const areaOf = (path) => AREA.exec(path)?.[0] ?? null;
const inside = (path, root) => path === root || path.startsWith(`${root}/`);
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where a folder's files import freely: their area; for tests, test/ and the mirrored area. */
const homesOf = (dir) => {
  if (!inside(dir, 'test')) return [areaOf(`${dir}/`)].filter(Boolean);
  const mirror = Object.entries(TEST_MIRRORS).find(([folder]) => inside(dir, folder));
  return ['test', mirror ? mirror[1] : areaOf(`${dir.slice('test/'.length)}/`)].filter(Boolean);
};

/**
 * A regex matching what a file in `dir` may not import: a relative path that climbs out of its
 * homes (one alternative per number of `../`) and then lands neither back home nor on a surface.
 */
const deepImportRegex = (dir, surfaces) => {
  const homes = homesOf(dir);
  const folders = dir.split('/');
  const alternatives = [];
  for (let up = 1; up <= folders.length; up++) {
    const base = folders.slice(0, folders.length - up).join('/');
    if (homes.some((home) => inside(base, home))) continue;
    const below = (path) => (base === '' ? path : path.startsWith(`${base}/`) ? path.slice(base.length + 1) : null);
    const allowed = [
      ...homes.map(below).filter((p) => p !== null).map((p) => `${escape(p)}/`),
      ...surfaces.map(below).filter((p) => p !== null).map((p) => `${escape(p)}$`),
    ];
    alternatives.push(`(?:\\.\\./){${up}}(?!\\.\\./)${allowed.length > 0 ? `(?!${allowed.join('|')})` : ''}`);
  }
  return alternatives.length > 0 ? `^(?:${alternatives.join('|')})` : null;
};

const boundaryRule = (dir, surfaces) => {
  const regex = deepImportRegex(dir, surfaces);
  if (regex === null) return null;
  const message = 'Import another area only through its surface: its index.ts (or a light surface named in eslint.config.js).';
  return { 'no-restricted-imports': ['error', { patterns: [{ regex, caseSensitive: true, message }] }] };
};

const boundaries = () => {
  const files = sourceFiles();
  const surfaces = [...files.filter((f) => f === `${areaOf(f)}/index.ts`), ...SECOND_SURFACES];
  const dirs = [...new Set(files.map((f) => dirname(f)))].filter((d) => d !== '.');
  const perFolder = dirs.map((dir) => ({ files: [`${dir}/*.{ts,mts,js,mjs}`], rules: boundaryRule(dir, surfaces) }));
  const perFile = Object.entries(FILE_EXCEPTIONS).map(([file, extra]) => ({
    files: [file],
    rules: boundaryRule(dirname(file), [...surfaces, ...extra]),
  }));
  return [...perFolder, ...perFile].filter((block) => block.rules !== null);
};

export default tseslint.config(
  { ignores: ['node_modules/', 'cdk.out/', 'coverage/', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // What the Lambda bundles hold. `import { z } from 'zod'` is zod's whole namespace as one
    // value: esbuild then bundles all of it, every locale included (+360 KiB per bundle). The
    // namespace import tree-shakes to the schemas actually used.
    files: ['shared/**/*.ts', 'functions/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[source.value='zod'] > :matches(ImportSpecifier, ImportDefaultSpecifier)",
          message: "Use `import * as z from 'zod'` in code the Lambda bundles hold: it tree-shakes; the named `z` bundles every locale.",
        },
      ],
    },
  },
  ...boundaries(),
);
