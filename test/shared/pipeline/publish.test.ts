import { describe, expect, it } from 'vitest';
import { publish } from '../../../shared/pipeline/index.ts';
import { ChangesSchema, ComplianceDatasetSchema, ReleaseManifest, ReleasesIndexSchema, allyFilePath, allyPagePath, sha256Hex } from '../../../shared/report/index.ts';
import { createFolderStorage, createMemoryStorage, publicKeys } from '../../../shared/storage/index.ts';
import type { Storage } from '../../../shared/storage/index.ts';
import { publishInput, storeSubmission } from '../../helpers/publish-fixtures.ts';
import { recordingStorage } from '../../helpers/recording-storage.ts';
import { tempDirs } from '../../helpers/temp.ts';

// Two of the four allies report 2025, so 2025 is the default reporting year.
const seed = async (storage: Storage): Promise<void> => {
  await storeSubmission(storage, {
    ally: 'POL',
    submissionId: 'pol-1',
    uploadedAt: '2026-03-01T10:00:00Z',
    records: [
      { year: 2024, currency: 'PLN', gdp: 3_600_000, core: 150_000, security: 20_000 },
      { year: 2025, status: 'estimate', currency: 'PLN', gdp: 3_800_000, core: 170_000, security: 25_000 },
    ],
  });
  await storeSubmission(storage, {
    ally: 'EST',
    submissionId: 'est-1',
    uploadedAt: '2026-03-01T11:00:00Z',
    records: [{ year: 2025, currency: 'EUR', gdp: 40_000, core: 1_300, security: 200 }],
  });
};

const json = async (storage: Storage, key: string): Promise<unknown> => JSON.parse((await storage.get('public', key))?.body.toString() ?? 'null');

const dataset = async (storage: Storage, key = publicKeys.latestFile(ReleaseManifest.dataset.path)) => ComplianceDatasetSchema.parse(await json(storage, key));

const yearOf = async (storage: Storage, iso3: string, year: number, key?: string) =>
  (await dataset(storage, key)).allies.find((a) => a.iso3 === iso3)?.years.find((y) => y.year === year);

const snapshot = async (storage: Storage, prefix: string): Promise<Map<string, string>> => {
  const out = new Map<string, string>();
  for (const o of await storage.list('public', prefix)) out.set(o.key, (await storage.get('public', o.key))?.body.toString('base64') ?? '');
  return out;
};

const temp = tempDirs('dualtrack-publish-');

const stores = [
  { name: 'memory', make: async (): Promise<Storage> => createMemoryStorage() },
  {
    name: 'folder',
    make: async (): Promise<Storage> => {
      return createFolderStorage(temp.make());
    },
  },
];

describe.each(stores)('publish over the $name store', ({ make }) => {
  it('publishes release 1 with every file of the layout under releases/1/, a copy under latest/, the index and the page', async () => {
    // Prepare
    const storage = await make();
    await seed(storage);
    // Act
    const outcome = await publish(publishInput(storage));
    // Assess
    expect(outcome).toMatchObject({ published: true, release: 1, reportingYear: 2025 });
    const release = (await storage.list('public', 'releases/1/')).map((o) => o.key.slice('releases/1/'.length));
    expect(release).toEqual([
      ReleaseManifest.allianceCsv.path,
      ...['DEU', 'EST', 'FRA', 'POL'].flatMap((iso3) => [allyPagePath(iso3, 'fr'), allyPagePath(iso3, 'en'), allyFilePath(iso3)]),
      ReleaseManifest.changes.path,
      ReleaseManifest.csv.path,
      ReleaseManifest.workbookFr.path,
      ReleaseManifest.dataset.path,
      ReleaseManifest.workbook.path,
      ReleaseManifest.datapackage.path,
      ReleaseManifest.schema.path,
    ]);
    const latest = (await storage.list('public', 'latest/')).map((o) => o.key.slice('latest/'.length));
    expect(latest).toEqual(release);
    expect(await storage.head('public', publicKeys.indexHtml)).not.toBeNull();
    expect(await storage.head('public', publicKeys.indexHtmlFr)).not.toBeNull();
    expect((await dataset(storage)).release).toMatchObject({ number: 1, trigger: 'cli', rulesId: 'hague-2025', reportingYear: 2025, digest: outcome.digest });
  });

  it('lists the release in releases/index.json with the sha256 and size of each file as stored', async () => {
    // Prepare
    const storage = await make();
    await seed(storage);
    // Act
    await publish(publishInput(storage));
    // Assess
    const index = ReleasesIndexSchema.parse(await json(storage, publicKeys.releasesIndex));
    expect(index.releases.map((r) => [r.number, r.trigger, r.reportingYear])).toEqual([[1, 'cli', 2025]]);
    const files = index.releases[0]?.files ?? [];
    expect(files.length).toBe(20);
    for (const f of files) {
      const body = (await storage.get('public', `releases/1/${f.path}`))?.body ?? Buffer.alloc(0);
      expect([f.path, f.sha256, f.bytes]).toEqual([f.path, sha256Hex(body), body.length]);
    }
  });

  it('publishes nothing when the inputs, rules and reporting year are unchanged', async () => {
    // Prepare
    const inner = await make();
    await seed(inner);
    const first = await publish(publishInput(inner));
    const { storage, writes } = recordingStorage(inner);
    // Act
    const again = await publish(publishInput(storage, { trigger: 'schedule', reason: 'yearly', now: new Date('2027-01-01T00:00:00Z') }));
    // Assess
    expect(again).toEqual({ published: false, release: 1, digest: first.digest, reportingYear: 2025, written: [] });
    expect(writes).toEqual([]);
  });

  it('numbers the next release 2 and leaves every byte of release 1 as it was', async () => {
    // Prepare
    const storage = await make();
    await seed(storage);
    await publish(publishInput(storage));
    const before = await snapshot(storage, 'releases/1/');
    await storeSubmission(storage, {
      ally: 'POL',
      submissionId: 'pol-2',
      uploadedAt: '2026-04-01T10:00:00Z',
      records: [{ year: 2025, status: 'estimate', currency: 'PLN', gdp: 3_800_000, core: 180_000, security: 25_000 }],
    });
    // Act
    const outcome = await publish(publishInput(storage, { now: new Date('2026-11-28T00:00:00Z') }));
    // Assess
    expect(outcome).toMatchObject({ published: true, release: 2 });
    expect(await snapshot(storage, 'releases/1/')).toEqual(before);
    expect((await yearOf(storage, 'POL', 2025, publicKeys.releaseFile(1, ReleaseManifest.dataset.path)))?.core.total).toBe(170_000);
    expect((await yearOf(storage, 'POL', 2025))?.core.total).toBe(180_000);
    expect(ReleasesIndexSchema.parse(await json(storage, publicKeys.releasesIndex)).releases.map((r) => r.number)).toEqual([1, 2]);
  });

  it('writes changes.json naming the figure that moved since the previous release', async () => {
    // Prepare
    const storage = await make();
    await seed(storage);
    await publish(publishInput(storage));
    await storeSubmission(storage, {
      ally: 'POL',
      submissionId: 'pol-2',
      uploadedAt: '2026-04-01T10:00:00Z',
      records: [{ year: 2025, status: 'estimate', currency: 'PLN', gdp: 3_800_000, core: 180_000, security: 25_000 }],
    });
    // Act
    await publish(publishInput(storage));
    // Assess
    const changes = ChangesSchema.parse(await json(storage, publicKeys.releaseFile(2, ReleaseManifest.changes.path)));
    expect(changes.previous?.number).toBe(1);
    expect(changes.changes).toContainEqual({ iso3: 'POL', year: 2025, field: 'core.total', kind: 'figure', before: 170_000, after: 180_000 });
    expect(changes.changes.filter((c) => c.iso3 === 'EST' && c.kind === 'figure')).toEqual([]);
    expect(ChangesSchema.parse(await json(storage, publicKeys.releaseFile(1, ReleaseManifest.changes.path))).previous).toBeNull();
  });

  it('records the allies each release changed in the index, and lists the release in their feeds only', async () => {
    // Prepare
    const storage = await make();
    await seed(storage);
    await publish(publishInput(storage));
    await storeSubmission(storage, {
      ally: 'POL',
      submissionId: 'pol-2',
      uploadedAt: '2026-04-01T10:00:00Z',
      records: [{ year: 2025, status: 'estimate', currency: 'PLN', gdp: 3_800_000, core: 180_000, security: 25_000 }],
    });
    // Act
    await publish(publishInput(storage, { now: new Date('2026-11-28T00:00:00Z') }));
    // Assess: release 1 brought EST's and POL's figures (DEU and FRA have none); release 2 changed POL's alone
    const index = ReleasesIndexSchema.parse(await json(storage, publicKeys.releasesIndex));
    expect(index.releases.map((r) => r.changedAllies)).toEqual([['EST', 'POL'], ['POL']]);
    const entries = async (key: string) => ((await storage.get('public', key))?.body.toString('utf8').match(/<entry>/g) ?? []).length;
    expect(await entries(publicKeys.releasesFeed)).toBe(2);
    expect(await entries(publicKeys.allyFeed('POL'))).toBe(2);
    expect(await entries(publicKeys.allyFeed('EST'))).toBe(1);
    expect(await entries(publicKeys.allyFeed('DEU'))).toBe(0);
    expect((await storage.get('public', publicKeys.allyFeed('DEU')))?.contentType).toBe('application/atom+xml; charset=utf-8');
  });

  it('keeps the newer figures when an older upload is processed after a newer one', async () => {
    // Prepare: the newer upload is stored and published first.
    const storage = await make();
    await seed(storage);
    await storeSubmission(storage, {
      ally: 'POL',
      submissionId: 'pol-newer',
      uploadedAt: '2026-05-01T00:00:00Z',
      records: [{ year: 2025, status: 'estimate', currency: 'PLN', gdp: 3_800_000, core: 190_000, security: 25_000 }],
    });
    const first = await publish(publishInput(storage));
    // Act: an upload made earlier arrives late.
    await storeSubmission(storage, {
      ally: 'POL',
      submissionId: 'pol-older',
      uploadedAt: '2026-04-01T00:00:00Z',
      records: [{ year: 2025, status: 'estimate', currency: 'PLN', gdp: 3_800_000, core: 100_000, security: 25_000 }],
    });
    const late = await publish(publishInput(storage));
    // Assess: the figures stay the newer upload's; the older one joins the history of what was
    // estimated before (a new release), exactly as if it had arrived first.
    expect(first).toMatchObject({ published: true, release: 1 });
    expect(late).toMatchObject({ published: true, release: 2 });
    const pol = await yearOf(storage, 'POL', 2025);
    expect(pol?.core.total).toBe(190_000);
    expect(pol?.source.submissionId).toBe('pol-newer');
    expect(pol?.earlierFigures.map((e) => e.submissionId)).toEqual(['pol-1', 'pol-older']);
    const inOrder = await make();
    await seed(inOrder);
    for (const [submissionId, uploadedAt, core] of [['pol-older', '2026-04-01T00:00:00Z', 100_000], ['pol-newer', '2026-05-01T00:00:00Z', 190_000]] as const) {
      await storeSubmission(inOrder, {
        ally: 'POL',
        submissionId,
        uploadedAt,
        records: [{ year: 2025, status: 'estimate', currency: 'PLN', gdp: 3_800_000, core, security: 25_000 }],
      });
    }
    expect((await publish(publishInput(inOrder))).digest).toBe(late.digest);
  });

  it('lists what an earlier stored submission planned for a year beside the figure that followed, and the ally\'s delivery', async () => {
    // Prepare: in 2024 Estonia planned 1 200 of a GDP of 40 000 for 2025 (3.0%); seed's 2026
    // upload reports 1 300 (3.25%).
    const storage = await make();
    await storeSubmission(storage, {
      ally: 'EST',
      submissionId: 'est-0',
      uploadedAt: '2024-06-01T00:00:00Z',
      records: [{ year: 2025, status: 'plan', currency: 'EUR', gdp: 40_000, core: 1_200, security: 200 }],
    });
    await seed(storage);

    // Act
    await publish(publishInput(storage));

    // Assess: made 2025 − 2024 = 1 year ahead; reported − planned = 3.25 − 3.0 = +0.25 points.
    const est = (await dataset(storage)).allies.find((a) => a.iso3 === 'EST');
    const [planned] = est?.years.find((y) => y.year === 2025)?.earlierFigures ?? [];
    expect(planned).toMatchObject({ submissionId: 'est-0', status: 'plan', aheadYears: 1, corePct: 3, coreDiffPct: 0.25 });
    expect(est?.delivery.leads[0]).toMatchObject({ aheadYears: 1, core: { comparisons: 1, meanDiffPct: 0.25, meanAbsDiffPct: 0.25 } });
  });

  it('writes every releases/<n>/ file, then releases/index.json, then the submitters\' page, the feeds, index.fr.html and index.html, then latest/', async () => {
    // Prepare
    const { storage, writes } = recordingStorage(await make());
    await seed(storage);
    writes.length = 0;
    // Act
    await publish(publishInput(storage));
    // Assess: the claim on release 1 (data bucket) comes before any public write.
    const claimAt = writes.findIndex((w) => w.key === 'publishing/claims/1.json');
    expect(writes[claimAt]).toMatchObject({ bucket: 'data', options: { ifNoneMatch: '*' } });
    expect(writes.findIndex((w) => w.bucket === 'public')).toBeGreaterThan(claimAt);
    const rank = (key: string) =>
      key.startsWith('releases/1/') ? 0
      : key === publicKeys.releasesIndex ? 1
      : key.startsWith('submit/') ? 2
      : key === publicKeys.releasesFeed || key.startsWith('releases/feeds/') ? 3
      : key === publicKeys.indexHtmlFr ? 4
      : key === publicKeys.indexHtml ? 5
      : key.startsWith('latest/') ? 6
      : 9;
    const ranks = writes.filter((w) => w.bucket === 'public').map((w) => rank(w.key));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(ranks)).toEqual(new Set([0, 1, 2, 3, 4, 5, 6]));
    expect(writes.filter((w) => w.key === publicKeys.indexHtml).length).toBe(1);
  });

  it('uses the reporting year it is given instead of the default, and that is a new release', async () => {
    // Prepare
    const storage = await make();
    await seed(storage);
    await publish(publishInput(storage));
    // Act
    const outcome = await publish(publishInput(storage, { reportingYear: 2024, trigger: 'manual', reason: 'look back' }));
    // Assess
    expect(outcome).toMatchObject({ published: true, release: 2, reportingYear: 2024 });
    expect((await dataset(storage)).release).toMatchObject({ reportingYear: 2024, trigger: 'manual', reason: 'look back' });
  });

  it('takes over a release folder the index does not know about and publishes its number', async () => {
    // Prepare: a stray, unclaimed folder where release 1 goes.
    const storage = await make();
    await seed(storage);
    await storage.put('public', publicKeys.releaseFile(1, ReleaseManifest.dataset.path), '{"someone":"else"}');
    // Act
    const outcome = await publish(publishInput(storage));
    // Assess
    expect(outcome).toMatchObject({ published: true, release: 1 });
    expect((await dataset(storage, publicKeys.releaseFile(1, ReleaseManifest.dataset.path))).release.digest).toBe(outcome.digest);
    expect(ReleasesIndexSchema.parse(await json(storage, publicKeys.releasesIndex)).releases.map((r) => r.number)).toEqual([1]);
  });

  /** A store whose first write of releases/index.json fails: the folder is complete, nothing indexed. */
  const crashingAtLatest = (inner: Storage): Storage => {
    let crashed = false;
    return {
      ...inner,
      put: async (bucket, key, body, options) => {
        if (!crashed && key === publicKeys.releasesIndex) {
          crashed = true;
          throw new Error('publisher stopped');
        }
        await inner.put(bucket, key, body, options);
      },
    };
  };

  it('finishes a release whose folder was complete when the publisher stopped, without rewriting it', async () => {
    // Prepare
    const storage = await make();
    await seed(storage);
    await expect(publish(publishInput(crashingAtLatest(storage)))).rejects.toThrow('publisher stopped');
    const folder = await snapshot(storage, 'releases/1/');
    expect(await storage.head('public', publicKeys.releasesIndex)).toBeNull();
    // Act
    const outcome = await publish(publishInput(storage, { now: new Date('2026-11-27T04:00:00.000Z') }));
    // Assess
    expect(outcome).toMatchObject({ published: true, release: 1 });
    expect(await snapshot(storage, 'releases/1/')).toEqual(folder);
    const index = ReleasesIndexSchema.parse(await json(storage, publicKeys.releasesIndex));
    expect(index.releases.map((r) => [r.number, r.publishedAt])).toEqual([[1, '2026-11-27T03:00:00.000Z']]);
    const workbook = (await storage.get('public', publicKeys.releaseFile(1, ReleaseManifest.workbook.path)))?.body;
    expect((await storage.get('public', publicKeys.latestFile(ReleaseManifest.workbook.path)))?.body.equals(workbook ?? Buffer.alloc(0))).toBe(true);
    expect(index.releases[0]?.files.find((f) => f.path === ReleaseManifest.workbook.path)?.sha256).toBe(sha256Hex(workbook ?? Buffer.alloc(0)));
    expect(await storage.head('public', publicKeys.indexHtml)).not.toBeNull();
  });

  it('rewrites an unfinished release folder that holds other figures than the store now gives', async () => {
    // Prepare
    const storage = await make();
    await seed(storage);
    await expect(publish(publishInput(crashingAtLatest(storage)))).rejects.toThrow('publisher stopped');
    await storeSubmission(storage, {
      ally: 'EST',
      submissionId: 'est-2',
      uploadedAt: '2026-04-01T00:00:00Z',
      records: [{ year: 2025, currency: 'EUR', gdp: 40_000, core: 1_400, security: 200 }],
    });
    // Act
    const outcome = await publish(publishInput(storage));
    // Assess
    expect(outcome).toMatchObject({ published: true, release: 1 });
    expect((await yearOf(storage, 'EST', 2025, publicKeys.releaseFile(1, ReleaseManifest.dataset.path)))?.core.total).toBe(1_400);
    expect((await yearOf(storage, 'EST', 2025))?.core.total).toBe(1_400);
    expect(ReleasesIndexSchema.parse(await json(storage, publicKeys.releasesIndex)).releases.map((r) => [r.number, r.digest])).toEqual([[1, outcome.digest]]);
  });
});
