// Builds one function's Lambda bundle with esbuild: `index.mjs` and its source map. The stack
// runs this (HouseFunction, through cdk/bundle/cli.ts) and `npm run bench` calls it directly, so
// what the bench weighs and times is what is deployed. NodejsFunction is not used because it
// runs esbuild's command line, which takes no plugins.
//
// What keeps a bundle lean (issue 12: each under 1 MiB, the bench prints each one's size):
// - zod is imported as a namespace everywhere (a lint rule), so only the schemas used are kept;
// - the ESM builds of the SDK and zod come first (`mainFields`), since they tree-shake;
// - modules no function can reach are left out, and three packages come from a leaner entry
//   that does the same work in Lambda (LEFT_OUT and BUNDLE_ALIASES say which, and why);
// - the AWS SDK is bundled, not taken from the runtime: the version tested is the version run,
//   and one minified file loads faster than the runtime's SDK spread over node_modules;
// - the source map is written beside the bundle but not enabled at cold start (see the
//   `dualtrack:sourceMaps` setting in cdk/settings.ts).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { BuildOptions, Metafile, Plugin } from 'esbuild';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
const here = (file: string): string => `${PROJECT_ROOT}/cdk/bundle/${file}`;

/** The Lambda runtime's Node.js major (HOUSE_RUNTIME), as esbuild names it. */
const BUNDLE_TARGET = 'node24';

/** The file Lambda loads (`index.handler`) and its map. */
const BUNDLE_FILE = 'index.mjs';

/** Each function's bundle (index.mjs, its map aside) stays under this; the bench weighs them. */
const BUNDLE_BUDGET_BYTES = 1024 * 1024;

/** CommonJS dependencies (exceljs, JSZip) still call require() inside an ESM bundle. */
const BANNER = "import { createRequire as __dtCreateRequire } from 'node:module'; const require = __dtCreateRequire(import.meta.url);";

/**
 * Packages taken from a leaner entry that does the same work in Lambda (each file says why):
 * readable-stream as Node's own streams (~75 KiB), and the SDK's credential chain as the
 * environment Lambda fills (~110 KiB).
 */
const BUNDLE_ALIASES: Readonly<Record<string, string>> = {
  'readable-stream': here('node-streams.ts'),
  '@aws-sdk/credential-provider-node': here('lambda-credentials.ts'),
};

/**
 * exceljs modules no function reaches: its CSV reader and writer (the project reads CSV itself;
 * with fast-csv, dayjs and lodash parts, ~75 KiB) and its streaming workbook reader and writer
 * (unzipper, archiver and theirs, ~400 KiB). Each is replaced by a class that refuses to be
 * built, naming this file, so using one fails loudly instead of quietly.
 */
const LEFT_OUT: readonly { importer: RegExp; request: RegExp; what: string }[] = [
  { importer: /\/node_modules\/exceljs\/lib\/doc\/workbook\.js$/, request: /^\.\.\/csv\/csv$/, what: "exceljs' CSV reader and writer" },
  {
    importer: /\/node_modules\/exceljs\/lib\/exceljs\.nodejs\.js$/,
    request: /^\.\/stream\/xlsx\/workbook-(reader|writer)$/,
    what: "exceljs' streaming workbook reader and writer",
  },
];

const leaveOut: Plugin = {
  name: 'dualtrack-leave-out',
  setup(b) {
    for (const { importer, request, what } of LEFT_OUT) {
      b.onResolve({ filter: request }, (args) => (importer.test(args.importer) ? { path: args.path, namespace: 'left-out', pluginData: what } : undefined));
    }
    b.onLoad({ filter: /.*/, namespace: 'left-out' }, (args) => ({
      loader: 'js',
      contents: `module.exports = class { constructor() { throw new Error(${JSON.stringify(
        `${String(args.pluginData)} are left out of the Lambda bundles (cdk/bundle/build.ts)`,
      )}); } };`,
    }));
  },
};

/** The entry module of a function (it exports `handler`). */
const functionEntry = (fn: string): string => `${PROJECT_ROOT}/functions/${fn}/lambda.ts`;

const buildOptions = (fn: string, outdir: string): BuildOptions => ({
  entryPoints: [functionEntry(fn)],
  outfile: join(outdir, BUNDLE_FILE),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: BUNDLE_TARGET,
  minify: true,
  sourcemap: true,
  legalComments: 'none',
  mainFields: ['module', 'main'],
  banner: { js: BANNER },
  alias: { ...BUNDLE_ALIASES },
  plugins: [leaveOut],
  metafile: true,
  logLevel: 'error',
});

interface BuiltBundle {
  file: string;
  bytes: number;
  metafile: Metafile;
}

/** Bundles function `fn` (a folder of functions/) into `outdir`. */
const buildBundle = async (fn: string, outdir: string): Promise<BuiltBundle> => {
  await mkdir(outdir, { recursive: true });
  const result = await build(buildOptions(fn, outdir));
  const file = join(outdir, BUNDLE_FILE);
  const output = Object.entries(result.metafile?.outputs ?? {}).find(([path]) => path.endsWith(BUNDLE_FILE))?.[1];
  return { file, bytes: output?.bytes ?? 0, metafile: result.metafile ?? { inputs: {}, outputs: {} } };
};

export { BUNDLE_ALIASES, BUNDLE_BUDGET_BYTES, BUNDLE_FILE, BUNDLE_TARGET, LEFT_OUT, PROJECT_ROOT, buildBundle, functionEntry };
export type { BuiltBundle };
