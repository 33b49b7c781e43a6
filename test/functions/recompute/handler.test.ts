import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidEventError } from '../../../functions/common/index.ts';
import type { PublishReport } from '../../../functions/common/index.ts';
import { createRecomputeHandler } from '../../../functions/recompute/handler.ts';
import { HAGUE_2025 } from '../../../shared/model/index.ts';
import { PublishOutcomeSchema, publish } from '../../../shared/pipeline/index.ts';
import { dataKeys, publicKeys } from '../../../shared/storage/index.ts';
import type { Storage } from '../../../shared/storage/index.ts';
import { scheduledEvent, schedulerPayload } from '../../helpers/events.ts';
import { smallReference, storeSubmission } from '../../helpers/publish-fixtures.ts';
import { makeStoredSubmission } from '../../helpers/stored-submissions.ts';
import { startS3rver } from '../../helpers/s3rver.ts';
import type { S3rverHandle } from '../../helpers/s3rver.ts';
import { recordingLogger } from '../recording-logger.ts';
import { freshPublishBuckets, releasesOf } from '../s3-world.ts';

const NOW = new Date('2027-03-01T06:00:05.000Z');

describe('the recompute handler', () => {
  let s3: S3rverHandle;
  beforeAll(async () => {
    s3 = await startS3rver([]);
  });
  afterAll(() => s3.stop());

  const world = async (): Promise<Storage> => {
    const storage = await freshPublishBuckets(s3);
    await storeSubmission(storage, {
      ally: 'EST',
      submissionId: 'est-1',
      uploadedAt: '2026-03-02T09:15:00.000Z',
      records: [
        { year: 2025, gdp: 40_000, core: 1_300, security: 200 },
        { year: 2026, status: 'estimate', gdp: 42_000, core: 1_500, security: 250 },
      ],
    });
    return storage;
  };
  const handlerFor = (storage: Storage, extra: Partial<Parameters<typeof createRecomputeHandler>[0]> = {}) =>
    createRecomputeHandler({ storage, rules: HAGUE_2025, reference: smallReference(), logger: recordingLogger().logger, now: () => NOW, ...extra });

  it('publishes with trigger schedule and the schedule reason for the Scheduler payload', async () => {
    // Prepare
    const storage = await world();
    // Act
    const outcome = await handlerFor(storage)(schedulerPayload());
    // Assess
    expect(outcome).toMatchObject({ published: true, release: 1 });
    expect(await releasesOf(storage)).toEqual([{ number: 1, trigger: 'schedule', reason: 'yearly recomputation', reportingYear: outcome.reportingYear }]);
    expect(await storage.head('public', publicKeys.indexHtml)).not.toBeNull();
  });

  it('publishes with trigger manual, the reason and the reporting year of a manual invoke', async () => {
    // Prepare
    const storage = await world();
    // Act
    const outcome = await handlerFor(storage)({ reportingYear: 2025, reason: 'exchange rates corrected' });
    // Assess
    expect(outcome).toMatchObject({ published: true, release: 1, reportingYear: 2025 });
    expect(await releasesOf(storage)).toEqual([{ number: 1, trigger: 'manual', reason: 'exchange rates corrected', reportingYear: 2025 }]);
  });

  it('tells its observer of the outcome, with the trigger and reason', async () => {
    // Prepare
    const storage = await world();
    const reports: PublishReport[] = [];
    const handler = handlerFor(storage, { observer: { published: (r) => void reports.push(r) } });
    // Act
    const outcome = await handler({ reason: 'rates corrected' });
    // Assess
    expect(reports).toEqual([{ outcome, trigger: 'manual', reason: 'rates corrected' }]);
  });

  it('answers the publish outcome in the very shape the clients parse, and nothing more', async () => {
    // Prepare: a publish flow that also returns something no client should see.
    const storage = await world();
    const handler = handlerFor(storage, { publish: async (input) => ({ ...(await publish(input)), internal: 'not for the wire' }) });
    // Act
    const answer: unknown = JSON.parse(JSON.stringify(await handler({ reason: 'shape check' })));
    // Assess
    expect(Object.keys(answer as object).filter((k) => !(k in PublishOutcomeSchema.shape))).toEqual([]);
    expect(PublishOutcomeSchema.parse(answer)).toMatchObject({ published: true, release: 1 });
  });

  it('treats an empty payload as a manual recomputation with a default reason', async () => {
    const storage = await world();
    await handlerFor(storage)({});
    expect((await releasesOf(storage)).map((r) => [r.trigger, r.reason])).toEqual([['manual', 'manual recomputation']]);
  });

  it('accepts a classic EventBridge scheduled event as a schedule trigger', async () => {
    const storage = await world();
    await handlerFor(storage)(scheduledEvent());
    expect((await releasesOf(storage)).map((r) => r.trigger)).toEqual(['schedule']);
  });

  it('publishes nothing new when nothing changed since the last release', async () => {
    // Prepare
    const storage = await world();
    const handler = handlerFor(storage);
    await handler({ reportingYear: 2025 });
    // Act
    const outcome = await handler({ reportingYear: 2025 });
    // Assess
    expect(outcome).toMatchObject({ published: false, release: 1, written: [] });
  });

  it("rebuilds every ally's current figures from the archive first when asked, and publishes from them", async () => {
    // Prepare: a release, then a submission put back into the archive alone (as a restore from
    // a backup would), which the current figures do not hold.
    const storage = await world();
    const logs = recordingLogger();
    const handler = handlerFor(storage, { logger: logs.logger });
    await handler({ reportingYear: 2025 });
    const restored = makeStoredSubmission({ ally: 'POL', submissionId: 'pol-1', uploadedAt: '2026-03-01T00:00:00.000Z', records: [{ year: 2025, currency: 'PLN', gdp: 3_600_000, core: 150_000, security: 20_000 }] });
    await storage.put('data', dataKeys.submission('POL', 'pol-1'), JSON.stringify(restored));
    // Act
    const without = await handler({ reportingYear: 2025 });
    const rebuilt = await handler({ reportingYear: 2025, reason: 'archive restored', rebuild: true });
    // Assess
    expect(without).toMatchObject({ published: false, release: 1 });
    expect(rebuilt).toMatchObject({ published: true, release: 2 });
    const dataset = JSON.parse((await storage.get('public', 'releases/2/compliance.json'))?.body.toString('utf8') ?? '{}') as { allies: { iso3: string; years: unknown[] }[] };
    expect(dataset.allies.filter((a) => a.years.length > 0).map((a) => a.iso3)).toEqual(['EST', 'POL']);
    expect(logs.entries.filter((e) => e.message === 'current figures rebuilt from the archive').map((e) => e.extra)).toEqual([[{ allies: 2, submissions: 2 }]]);
  });

  it('refuses a payload it does not understand and publishes nothing', async () => {
    // Prepare
    const storage = await world();
    // Act
    const act = handlerFor(storage)({ reportingYear: 'next year', force: true });
    // Assess
    await expect(act).rejects.toBeInstanceOf(InvalidEventError);
    expect(await releasesOf(storage)).toEqual([]);
  });
});
