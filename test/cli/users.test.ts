// `dualtrack users add` against a running local cloud: it prints a password that signs in, an
// e-mail already there is refused (exit 1), and mistakes of usage are exit 2 before anything
// is sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { startTestCloud } from '../e2e/helpers/cloud.ts';
import type { TestCloud } from '../e2e/helpers/cloud.ts';

describe('users add', () => {
  let test: TestCloud;
  beforeAll(async () => {
    test = await startTestCloud();
  });
  afterAll(async () => {
    await test?.stop();
  });

  it("adds an ally's submitter and prints a password the identity provider accepts", async () => {
    // Act
    const run = await runCli(['users', 'add', '--ally', 'Estonia', '--email', 'Officer@MOD.ee', '--endpoint', test.cloud.endpoint], { cwd: test.dir });
    // Assess
    expect(run.code).toBe(0);
    expect(run.out).toMatch(new RegExp(`^Added officer@mod\\.ee \\(group ally-EST\\) to the local cloud at ${test.cloud.endpoint}\\.\nSign-in password: \\S{18}$`));
    const password = /Sign-in password: (\S+)/.exec(run.out)?.[1] ?? '';
    const signIn = await fetch(`${test.cloud.endpoint}/idp/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        username: 'officer@mod.ee',
        password,
        response_type: 'code',
        client_id: 'dualtrack-local-portal',
        redirect_uri: test.cloud.pageUrl,
        code_challenge: 'c'.repeat(43),
        code_challenge_method: 'S256',
      }),
    });
    expect(signIn.status).toBe(302);
    expect(signIn.headers.get('location')).toMatch(new RegExp(`^${test.cloud.pageUrl}\\?code=`));
  });

  it('adds an analyst with --analyst', async () => {
    // Act
    const run = await runCli(['users', 'add', '--analyst', '--email', 'analyst@nato.int', '--endpoint', test.cloud.endpoint], { cwd: test.dir });
    // Assess
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^Added analyst@nato\.int \(group analysts\)/);
  });

  it('refuses an e-mail that is already a user (exit 1)', async () => {
    // Prepare
    await runCli(['users', 'add', '--ally', 'POL', '--email', 'twice@mon.gov.pl', '--endpoint', test.cloud.endpoint], { cwd: test.dir });
    // Act
    const run = await runCli(['users', 'add', '--ally', 'POL', '--email', 'twice@mon.gov.pl', '--endpoint', test.cloud.endpoint], { cwd: test.dir });
    // Assess
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/a user twice@mon\.gov\.pl already exists/);
  });

  it.each([
    [['--email', 'a@b.ee']],
    [['--ally', 'EST']],
    [['--ally', 'XYZ', '--email', 'a@b.ee']],
    [['--ally', 'EST', '--analyst', '--email', 'a@b.ee']],
    [['--ally', 'EST', '--email', 'a@b.ee', '--endpoint', 'http://127.0.0.1:9', '--stack', 'Dualtrack']],
  ])('refuses %j as bad usage (exit 2)', async (args) => {
    // Act
    const run = await runCli(['users', 'add', ...args], { cwd: test.dir });
    // Assess
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/^dualtrack users add: .*; see `npm run dualtrack -- users add --help`$/);
  });
});
