// `node --import tsx cdk/bundle/cli.ts <fn> <outdir>`: what the stack runs to bundle a function.
// CDK bundles synchronously and esbuild's plugins need its asynchronous API, hence a process.
import { buildBundle } from './build.ts';

const [fn, outdir] = process.argv.slice(2);
if (!fn || !outdir) {
  process.stderr.write('usage: cdk/bundle/cli.ts <function> <outdir>\n');
  process.exit(2);
}
await buildBundle(fn, outdir);
