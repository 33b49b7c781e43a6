// The functions read the rules and the exchange-rate table from the data bucket's config/ at
// every invocation (on s3rver, as in AWS): a new table that changes figures makes a new release
// naming it, the same table again does not, and an invalid object fails loudly with its zod
// paths in the log instead of falling back to the shipped default.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFunctionStorage } from '../../functions/common/index.ts';
import { createIngestHandler } from '../../functions/ingest/index.ts';
import { createRecomputeHandler } from '../../functions/recompute/index.ts';
import { ConfigInvalidError, fxTableDigest } from '../../shared/config/index.ts';
import { HAGUE_2025 } from '../../shared/model/index.ts';
import { loadFxTable } from '../../shared/reference/index.ts';
import type { FxTable } from '../../shared/reference/index.ts';
import { ComplianceDatasetSchema, ReleaseManifest } from '../../shared/report/index.ts';
import { dataKeys, publicKeys, uploadsKeys } from '../../shared/storage/index.ts';
import type { Storage } from '../../shared/storage/index.ts';
import { s3Event } from '../helpers/events.ts';
import { storeSubmission } from '../helpers/publish-fixtures.ts';
import { readIndex } from '../helpers/release-invariants.ts';
import { startS3rver } from '../helpers/s3rver.ts';
import type { S3rverHandle } from '../helpers/s3rver.ts';
import { submissionWorkbook } from '../helpers/submission-workbooks.ts';
import { recordingLogger } from './recording-logger.ts';
import { freshPublishBuckets } from './s3-world.ts';

const NOW = new Date('2027-03-01T06:00:05.000Z');

/** The shipped table with the euro's 2025 rate replaced. */
const withEuro2025 = (rate: number, source = 'test table'): FxTable => {
  const shipped = loadFxTable();
  return { ...shipped, source, rates: { ...shipped.rates, EUR: { ...shipped.rates.EUR, '2025': rate } } };
};

const estonia2025 = (storage: Storage) =>
  storeSubmission(storage, {
    ally: 'EST',
    submissionId: 'est-1',
    uploadedAt: '2026-03-02T09:15:00.000Z',
    records: [{ year: 2025, gdp: 40_000, core: 1_300, security: 200 }],
  });

const latest = async (storage: Storage) =>
  ComplianceDatasetSchema.parse(JSON.parse((await storage.get('public', publicKeys.latestFile(ReleaseManifest.dataset.path)))?.body.toString() ?? '{}'));

describe('configuration from the data bucket', () => {
  let s3: S3rverHandle;
  beforeAll(async () => {
    s3 = await startS3rver([]);
  });
  afterAll(() => s3.stop());

  const recomputeOn = (storage: Storage, logger = recordingLogger().logger) => createRecomputeHandler({ storage, logger, now: () => NOW });

  it('publishes with the table in config/, names it in the release and the index, and again only when it changes', async () => {
    // Prepare
    const storage = await freshPublishBuckets(s3);
    await estonia2025(storage);
    const first = await recomputeOn(storage)({ reason: 'shipped table', reportingYear: 2025 });
    const table = withEuro2025(0.5, 'a test table at 0.5 EUR per USD');
    // Act
    await storage.put('data', dataKeys.configFxRates, JSON.stringify(table));
    const second = await recomputeOn(storage)({ reason: 'new table', reportingYear: 2025 });
    const again = await recomputeOn(storage)({ reason: 'same table', reportingYear: 2025 });
    // Assess
    expect([first.release, second.release, again.release, again.published]).toEqual([1, 2, 2, false]);
    const dataset = await latest(storage);
    expect(dataset.release.fxTable).toEqual({ source: 'a test table at 0.5 EUR per USD', sha256: fxTableDigest(table) });
    expect(dataset.allies.find((a) => a.iso3 === 'EST')?.years.find((y) => y.year === 2025)?.usd?.core).toBe(2_600);
    const index = await readIndex(storage);
    expect(index.releases.map((r) => r.fxTable?.sha256)).toEqual([fxTableDigest(loadFxTable()), fxTableDigest(table)]);
    expect(index.releases.map((r) => r.rulesId)).toEqual(['hague-2025', 'hague-2025']);
  });

  it('publishes under the rules in config/ and names them', async () => {
    const storage = await freshPublishBuckets(s3);
    await estonia2025(storage);
    await storage.put('data', dataKeys.configRules, JSON.stringify({ ...HAGUE_2025, id: 'hague-2025-strict', tracks: { ...HAGUE_2025.tracks, core: { target: 4 } } }));
    const outcome = await recomputeOn(storage)({ reason: 'strict rules' });
    expect(outcome).toMatchObject({ published: true, release: 1 });
    expect((await latest(storage)).rules).toMatchObject({ id: 'hague-2025-strict', tracks: { core: { target: 4 } } });
    expect((await readIndex(storage)).releases[0]?.rulesId).toBe('hague-2025-strict');
  });

  it('fails a recompute on an invalid object in config/, logging every zod path, and publishes nothing', async () => {
    // Prepare
    const storage = await freshPublishBuckets(s3);
    await estonia2025(storage);
    await storage.put('data', dataKeys.configFxRates, JSON.stringify({ ...withEuro2025(0.5), unit: 'per dollar', rates: { EUR: { '2025': 0 } } }));
    const logs = recordingLogger();
    // Act
    const error = await recomputeOn(storage, logs.logger)({ reason: 'broken table' }).catch((e: unknown) => e);
    // Assess
    expect(error).toBeInstanceOf(ConfigInvalidError);
    const logged = logs.entries.find((e) => e.message === 'invalid configuration');
    expect(logged?.level).toBe('error');
    expect(logged?.extra[0]).toMatchObject({ where: 'data bucket config/fx-rates.json', kind: 'fx' });
    expect(JSON.stringify(logged?.extra[0])).toMatch(/unit: .*rates\.EUR\.2025: /);
    expect((await readIndex(storage)).releases).toEqual([]);
  });

  it('fails an upload on invalid rules in config/ (so it retries and reaches the failure queue), with the zod path in the log', async () => {
    // Prepare
    const buckets = { uploads: 'cfg-uploads', data: 'cfg-data' };
    const s3b = await startS3rver([buckets.uploads, buckets.data]);
    try {
      const storage = createFunctionStorage(s3b.client, buckets);
      await storage.put('data', dataKeys.configRules, JSON.stringify({ ...HAGUE_2025, overrides: { XYZ: { reason: 'not an ally' } } }));
      const key = uploadsKeys.submission('EST', 'estonia.xlsx');
      await storage.put('uploads', key, await submissionWorkbook('Estonia', 'EUR', [{ year: 2025, status: 'estimate', gdp: 40_000, core: 1_300, security: 200 }]));
      const logs = recordingLogger();
      const ingest = createIngestHandler({ storage, logger: logs.logger, requestPublish: async () => undefined });
      // Act
      const error = await ingest(s3Event(buckets.uploads, [{ key }])).catch((e: unknown) => e);
      // Assess
      expect(error).toBeInstanceOf(ConfigInvalidError);
      expect(logs.entries.find((e) => e.message === 'invalid configuration')?.extra[0]).toMatchObject({ problems: ["overrides.XYZ: XYZ is not an ally's ISO3 code"] });
      expect(await storage.list('uploads', uploadsKeys.receiptsPrefix('EST'))).toEqual([]);
    } finally {
      await s3b.stop();
    }
  });
});
