// The README's first command path: `npm start` (serve --demo) in a child process on a free
// port uploads the samples, publishes, serves the reports over HTTP, and stops cleanly on Ctrl-C.
// The child runs package.json's start script itself (not through npm, which dies of the signal
// rather than reporting the server's exit code).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSamples } from '../../cli/clients/demo.ts';
import { PROJECT_ROOT, SAMPLES_DIR } from '../../local/index.ts';
import { ComplianceDatasetSchema, ReleaseManifest } from '../../shared/report/index.ts';
import { publicKeys } from '../../shared/storage/index.ts';
import { tempDirs } from '../helpers/temp.ts';
import { freePort, startChild } from './helpers/child.ts';
import type { Child } from './helpers/child.ts';

describe('npm start (serve --demo)', () => {
  // Registered before the afterAll that stops the child, so (hooks unwinding as a stack) the server is gone before its folder.
  const temp = tempDirs('dualtrack-serve-', 'all');
  let dir: string;
  let port: number;
  let child: Child;
  let ready: RegExpMatchArray;

  beforeAll(async () => {
    dir = temp.make();
    port = await freePort();
    const pkg = JSON.parse(await readFile(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
    const [program, ...args] = pkg.scripts.start.split(/\s+/);
    expect(program).toBe('node');
    child = startChild(process.execPath, [...args, '--port', String(port), '--dir', dir], PROJECT_ROOT);
    ready = await child.waitFor(/ready: release (\d+) -> (\S+)/, 300_000);
  }, 320_000);

  afterAll(async () => {
    await child?.stop('SIGKILL', 5_000);
  });

  it('prints the endpoint, the upload command and the report addresses', () => {
    // Prepare
    const endpoint = `http://127.0.0.1:${port}`;
    // Act
    const output = child.output();
    // Assess
    expect(output).toContain(`dualtrack local cloud on ${endpoint}`);
    expect(output).toContain(`aws s3 cp FILE s3://dualtrack-uploads/submissions/<ISO3>/FILE --endpoint-url ${endpoint}`);
    const { dataset, workbook, csv } = ReleaseManifest;
    for (const path of [publicKeys.indexHtml, ...[dataset, workbook, csv].map((e) => publicKeys.latestFile(e.path))]) {
      expect(output).toContain(`${endpoint}/dualtrack-public/${path}`);
    }
  });

  it("prints the submitters' page and a demo user for Estonia whose password signs in", async () => {
    // Prepare
    const endpoint = `http://127.0.0.1:${port}`;
    const output = child.output();
    const user = /Demo user for Estonia \(ally-EST\) on (\S+)\n +e-mail +(\S+)\n +password +(\S+)/.exec(output);
    // Act
    const signIn = await fetch(`${endpoint}/idp/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        username: user?.[2] ?? '',
        password: user?.[3] ?? '',
        response_type: 'code',
        client_id: 'dualtrack-local-portal',
        redirect_uri: `${endpoint}/submit/`,
        code_challenge: 'c'.repeat(43),
        code_challenge_method: 'S256',
      }),
    });
    // Assess
    expect(output).toContain(`Submitters' page: ${endpoint}/submit/`);
    expect(user?.[1]).toBe(`${endpoint}/submit/`);
    expect(signIn.status).toBe(302);
    expect(signIn.headers.get('location')).toMatch(new RegExp(`^${endpoint}/submit/\\?code=`));
  });

  it('shows upload progress and a line per receipt and per publish', async () => {
    // Prepare
    const samples = await listSamples(SAMPLES_DIR);
    // Act
    const output = child.output();
    // Assess
    expect(output).toContain(`12/${samples.length} uploaded`);
    expect(output).toContain(`${samples.length}/${samples.length} uploaded`);
    expect(output.match(/ receipt +submissions\/[A-Z]{3}\/\S+: ACCEPTED/g)?.length).toBe(samples.length);
    expect(output).toMatch(/ publish +release \d+ +\d+ allies with figures +digest [0-9a-f]{12}/);
  });

  it('serves the demo reports over HTTP, with every sample ally in the latest dataset', async () => {
    // Prepare
    const samples = await listSamples(SAMPLES_DIR);
    const page = ready[2] ?? '';
    // Act
    const html = await fetch(page);
    const json = await fetch(`http://127.0.0.1:${port}/dualtrack-public/${publicKeys.latestFile(ReleaseManifest.dataset.path)}`);
    const dataset = ComplianceDatasetSchema.parse(await json.json());
    // Assess
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await html.text()).toContain('id="standings"');
    expect(dataset.release.number).toBe(Number(ready[1]));
    expect(dataset.allies.filter((a) => a.years.length > 0).map((a) => a.iso3).sort()).toEqual(samples.map((s) => s.ally).sort());
  });

  it('stops cleanly on Ctrl-C', async () => {
    // Prepare
    const before = child.output().length;
    // Act
    const code = await child.stop('SIGINT', 30_000);
    // Assess
    expect(child.output().slice(before)).toContain('stopped');
    expect(code).toBe(0);
    await expect(fetch(`http://127.0.0.1:${port}/_dualtrack/status`)).rejects.toThrow();
  });
});
