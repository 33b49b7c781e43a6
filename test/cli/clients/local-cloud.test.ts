// Both sides of the local cloud's `POST recompute` control route: the client accepts a publish
// outcome and nothing else, checked by the same schema the recompute function answers with.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { requestRecompute } from '../../../cli/clients/local-cloud.ts';
import { createControlHandler } from '../../../local/index.ts';
import type { ControlApi } from '../../../local/index.ts';
import type { Status } from '../../../local/contract.ts';
import type { PublishOutcome } from '../../../shared/pipeline/index.ts';

const OUTCOME: PublishOutcome = { published: true, release: 2, digest: 'c'.repeat(64), reportingYear: 2025, written: ['releases/2/x'] };

const servers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of servers.splice(0)) await close();
});

/** A control endpoint on a free loopback port whose recompute answers `answer`. */
const serve = async (answer: unknown): Promise<string> => {
  const api: ControlApi = {
    status: () => Promise.reject(new Error('not asked')) as Promise<Status>,
    recompute: async () => answer as PublishOutcome,
    addUser: () => Promise.reject(new Error('not asked')),
  };
  const server = createServer(createControlHandler(api));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

describe('the recompute control route', () => {
  it('hands the client the publish outcome the runtime answered', async () => {
    // Prepare
    const endpoint = await serve(OUTCOME);
    // Act
    const outcome = await requestRecompute(endpoint, { reason: 'test' });
    // Assess
    expect(outcome).toEqual(OUTCOME);
  });

  it.each([
    ['a release number that is not a positive integer', { ...OUTCOME, release: 0 }],
    ['a digest that is not a sha256', { ...OUTCOME, digest: 'abc' }],
    ['no list of written keys', { published: true, release: 2, digest: OUTCOME.digest, reportingYear: 2025 }],
  ])('refuses an answer with %s', async (_what, answer) => {
    // Prepare
    const endpoint = await serve(answer);
    // Act
    const attempt = requestRecompute(endpoint, {});
    // Assess
    await expect(attempt).rejects.toThrow();
  });
});
