// The areas' boundaries (eslint.config.js): from another area, only a surface may be imported.
// Runs the project's own ESLint configuration on small sources placed, by file path, in the
// folders whose rule they exercise; the files need not exist.
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const eslint = new ESLint({ cwd: ROOT });

/** The boundary rule's messages on `source` placed at `path` (relative to the project root). */
const boundaryErrors = async (path: string, source: string): Promise<string[]> => {
  const [result] = await eslint.lintText(source, { filePath: `${ROOT}${path}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
};

describe('the boundary rule', () => {
  it.each([
    ['shared/engine/fixture.ts', "export { allyByIso3 } from '../reference/allies.ts';"],
    ['shared/engine/fixture.ts', "import type { AllyRef } from '../reference/types.ts';\nexport type { AllyRef };"],
    ['shared/ingest/read/fixture.ts', "export { HAGUE_2025 } from '../../model/rules.ts';"],
    ['cli/commands/fixture.ts', "export { startLocalCloud } from '../../local/runtime.ts';"],
    ['cli/commands/fixture.ts', "export { createIngestHandler } from '../../functions/ingest/handler.ts';"],
    ['functions/ingest/fixture.ts', "export { createLogger } from '../common/logger.ts';"],
    ['cdk/fixture.ts', "export { readIngestConfig } from '../functions/common/env.ts';"],
    ['test/cli/fixture.test.ts', "export { startLocalCloud } from '../../local/runtime.ts';"],
    ['test/helpers/fixture.ts', "export { main } from '../../cli/main.ts';"],
  ])('refuses a deep import into another area from %s: %s', async (path, source) => {
    // Act
    const errors = await boundaryErrors(path, source);
    // Assess
    expect(errors).toEqual([expect.stringContaining('only through its surface')]);
  });

  it.each([
    ['shared/engine/fixture.ts', "export { allyByIso3 } from '../reference/index.ts';"],
    ['shared/engine/fixture.ts', "export { exactOf } from './exact.ts';"],
    ['shared/ingest/read/fixture.ts', "export { HAGUE_2025 } from '../../model/index.ts';"],
    ['shared/ingest/read/fixture.ts', "export { runChecks } from '../checks/run-checks.ts';"],
    ['shared/report/fixture.ts', "export { publicKeys } from '../storage/keys.ts';"],
    ['cli/commands/fixture.ts', "export { startLocalCloud } from '../../local/index.ts';"],
    ['cli/commands/fixture.ts', "export { DEFAULT_ENDPOINT } from '../../local/contract.ts';"],
    ['cli/commands/fixture.ts', "export { receiptLines } from '../print/receipt.ts';"],
    ['functions/ingest/fixture.ts', "export { createLogger } from '../common/lambda-wiring.ts';"],
    ['cdk/fixture.ts', "export { ReleaseManifest } from '../shared/report/manifest.ts';"],
    ['cdk/constructs/fixture.ts', "export { DualtrackError } from '../../shared/errors.ts';"],
    ['test/cli/fixture.test.ts', "export { receiptLines } from '../../cli/print/receipt.ts';"],
    ['test/cli/fixture.test.ts', "export { tempDirs } from '../helpers/temp.ts';"],
    ['test/e2e/helpers/fixture.ts', "export { printCloudEvents } from '../../../cli/print/cloud-events.ts';"],
    ['test/helpers/fixture.ts', "export { main } from '../../cli/index.ts';"],
  ])('allows from %s: %s', async (path, source) => {
    // Act
    const errors = await boundaryErrors(path, source);
    // Assess
    expect(errors).toEqual([]);
  });
});
