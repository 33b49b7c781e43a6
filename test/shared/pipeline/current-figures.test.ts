// The per-ally current-figures objects: whatever order submissions are added in, with
// resubmissions, identical re-uploads, late arrivals and redeliveries, the object equals the one
// a rebuild from the archive makes; concurrent adds for one ally all stay; a publish of an
// unchanged store reads no archived submission; a rebuild regenerates every object.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SubmissionRecord } from '../../../shared/model/index.ts';
import {
  addSubmission,
  currentFromSubmissions,
  CurrentFiguresSchema,
  mergeSubmissions,
  publish,
  readAllCurrent,
  rebuildCurrent,
  recordAccepted,
} from '../../../shared/pipeline/index.ts';
import type { CurrentFigures, StoredSubmission } from '../../../shared/pipeline/index.ts';
import { createMemoryStorage, dataKeys } from '../../../shared/storage/index.ts';
import type { Storage } from '../../../shared/storage/index.ts';
import { publishInput, storeSubmission } from '../../helpers/publish-fixtures.ts';
import { recordingStorage } from '../../helpers/recording-storage.ts';
import { makeStoredSubmission } from '../../helpers/stored-submissions.ts';

const ALLIES = ['EST', 'POL'] as const;
const YEARS = [2024, 2025, 2026] as const;

/** A file's contents: what it gives for each of some years. Equal contents, equal bytes. */
interface Contents {
  years: { year: number; status: SubmissionRecord['status']; core: number }[];
}

interface UploadSpec {
  ally: (typeof ALLIES)[number];
  contents: number;
  day: number;
}

const contentsArb: fc.Arbitrary<Contents> = fc.record({
  years: fc.subarray([...YEARS], { minLength: 1 }).chain((years) =>
    fc.tuple(...years.map((year) => fc.record({ year: fc.constant(year), status: fc.constantFrom('actual', 'estimate', 'plan'), core: fc.constantFrom(1_000, 2_000) }))),
  ),
});

/** A few files per ally, uploaded (and uploaded again) on a few days, so ties and repeats are common. */
const worldArb = fc
  .record({
    files: fc.array(contentsArb, { minLength: 1, maxLength: 3 }),
    uploads: fc.array(fc.record({ ally: fc.constantFrom(...ALLIES), contents: fc.nat(), day: fc.integer({ min: 1, max: 4 }) }), { minLength: 1, maxLength: 10 }),
  })
  .chain(({ files, uploads }) => {
    const specs: UploadSpec[] = uploads.map((u) => ({ ...u, contents: u.contents % files.length }));
    // The order events are processed in, with some delivered twice.
    const order = fc.shuffledSubarray(
      specs.map((_, i) => i),
      { minLength: specs.length },
    );
    const redelivered = fc.subarray(specs.map((_, i) => i));
    return fc.record({ files: fc.constant(files), specs: fc.constant(specs), order, redelivered });
  });

const submissionsOf = (files: readonly Contents[], specs: readonly UploadSpec[]): StoredSubmission[] =>
  specs.map((u, i) => {
    const contents = files[u.contents] ?? { years: [] };
    return makeStoredSubmission({
      ally: u.ally,
      submissionId: `s${String(i).padStart(2, '0')}`,
      uploadedAt: `2026-03-0${u.day}T10:00:00.000Z`,
      file: `${u.ally}-${u.contents}.xlsx`,
      sha256: createHash('sha256').update(`${u.ally}:${u.contents}`).digest('hex'),
      records: contents.years.map((y) => ({ year: y.year, status: y.status, core: y.core })),
    });
  });

const rebuilt = (submissions: readonly StoredSubmission[], ally: string): CurrentFigures =>
  currentFromSubmissions(
    ally,
    submissions.filter((s) => s.ally === ally),
  );

describe('the current figures of an ally', () => {
  it('equal a rebuild from the archive after any sequence of uploads, resubmissions, late arrivals and redeliveries', () => {
    fc.assert(
      fc.property(worldArb, ({ files, specs, order, redelivered }) => {
        // Prepare
        const submissions = submissionsOf(files, specs);
        // Act: each event adds its submission to the object as it then stands.
        const objects = new Map<string, CurrentFigures | null>();
        for (const i of [...order, ...redelivered]) {
          const s = submissions[i];
          if (!s) continue;
          objects.set(s.ally, addSubmission(objects.get(s.ally) ?? null, s).next);
        }
        // Assess
        for (const ally of ALLIES) {
          const mine = submissions.filter((s) => s.ally === ally);
          if (mine.length === 0) continue;
          const object = objects.get(ally);
          expect(CurrentFiguresSchema.parse(object)).toStrictEqual(rebuilt(submissions, ally));
          expect(object?.years.map((y) => y.figure)).toStrictEqual(mergeSubmissions(mine));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('are kept in the store to the same result when ingests for one ally run at once', async () => {
    await fc.assert(
      fc.asyncProperty(worldArb, async ({ files, specs, order }) => {
        // Prepare
        const storage = createMemoryStorage();
        const submissions = submissionsOf(files, specs);
        // Act: every upload at once, as parallel Lambda invocations would run them.
        await Promise.all(order.map((i) => (submissions[i] ? recordAccepted(storage, submissions[i]) : null)));
        // Assess
        const objects = await readAllCurrent(storage);
        expect(objects.map((o) => o.ally)).toEqual(ALLIES.filter((a) => submissions.some((s) => s.ally === a)));
        for (const o of objects) expect(o).toStrictEqual(rebuilt(submissions, o.ally));
      }),
      { numRuns: 40 },
    );
  });

  it('fold an identical re-upload into the entry it repeats, naming the first upload, and a late different upload splits the run', () => {
    // Prepare
    const a = makeStoredSubmission({ ally: 'POL', submissionId: 'a', uploadedAt: '2026-03-01T00:00:00Z', sha256: 'a'.repeat(64), records: [{ year: 2025, core: 10 }] });
    const again = { ...a, submissionId: 'a2', uploadedAt: '2026-03-03T00:00:00Z', records: a.records.map((r) => ({ ...r, provenance: { ...r.provenance, submissionId: 'a2', uploadedAt: '2026-03-03T00:00:00Z' } })) };
    const b = makeStoredSubmission({ ally: 'POL', submissionId: 'b', uploadedAt: '2026-03-02T00:00:00Z', records: [{ year: 2025, core: 20 }] });
    // Act
    const folded = addSubmission(addSubmission(null, a).next, again);
    const split = addSubmission(folded.next, b);
    // Assess
    expect(folded.identicalTo?.submissionId).toBe('a');
    expect(folded.years).toEqual([{ year: 2025, before: { submissionId: 'a', uploadedAt: a.uploadedAt, status: 'actual' }, after: { submissionId: 'a', uploadedAt: a.uploadedAt, status: 'actual' }, role: 'repeats' }]);
    expect(folded.next.years[0]?.history.map((h) => [h.submissionId, h.repeats.map((r) => r.submissionId)])).toEqual([['a', ['a2']]]);
    expect(split.next.years[0]?.history.map((h) => [h.submissionId, h.core.total, h.repeats.length])).toEqual([
      ['a', 10, 0],
      ['b', 20, 0],
      ['a2', 10, 0],
    ]);
    expect(split.next.years[0]?.figure.provenance).toMatchObject({ submissionId: 'a2', uploadedAt: '2026-03-03T00:00:00Z' });
    expect(split.years[0]?.role).toBe('kept-newer');
    expect(split.next).toStrictEqual(currentFromSubmissions('POL', [b, again, a]));
  });

  it('keep, per year, what each accepted submission planned, estimated and reported, oldest first', () => {
    // Prepare: three submissions over three years, each speaking of 2026.
    const sub = (id: string, at: string, status: SubmissionRecord['status'], core: number) =>
      makeStoredSubmission({ ally: 'EST', submissionId: id, uploadedAt: at, records: [{ year: 2026, status, gdp: 40_000, core, security: 300 }] });
    // Act
    const current = currentFromSubmissions('EST', [
      sub('2027', '2027-03-01T00:00:00Z', 'actual', 1_420),
      sub('2025', '2025-03-01T00:00:00Z', 'plan', 1_200),
      sub('2026', '2026-03-01T00:00:00Z', 'estimate', 1_350),
    ]);
    // Assess
    const [year] = current.years;
    expect(year?.figure.core.total).toBe(1_420);
    expect(year?.history.map((h) => ({ id: h.submissionId, at: h.uploadedAt, status: h.status, gdp: h.gdp, core: h.core, security: h.security }))).toEqual([
      { id: '2025', at: '2025-03-01T00:00:00Z', status: 'plan', gdp: 40_000, core: { total: 1_200 }, security: { total: 300 } },
      { id: '2026', at: '2026-03-01T00:00:00Z', status: 'estimate', gdp: 40_000, core: { total: 1_350 }, security: { total: 300 } },
      { id: '2027', at: '2027-03-01T00:00:00Z', status: 'actual', gdp: 40_000, core: { total: 1_420 }, security: { total: 300 } },
    ]);
  });
});

describe('concurrent ingests for one ally', () => {
  /**
   * Both writers read the object before either writes it (a barrier on the first read of the
   * key by each), so the second write always meets a changed object and has to go round again.
   */
  const bothReadFirst = (inner: Storage, key: string, writers: number): Storage => {
    let arrived = 0;
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    return {
      ...inner,
      get: async (bucket, k) => {
        const obj = await inner.get(bucket, k);
        if (bucket === 'data' && k === key && arrived < writers) {
          arrived += 1;
          if (arrived === writers) open();
          await gate;
        }
        return obj;
      },
    };
  };

  it('both stay when two read the object before either writes it', async () => {
    // Prepare
    const inner = createMemoryStorage();
    const { storage, writes } = recordingStorage(bothReadFirst(inner, dataKeys.current('POL'), 2));
    const x = makeStoredSubmission({ ally: 'POL', submissionId: 'x', uploadedAt: '2026-03-01T00:00:00Z', records: [{ year: 2024 }] });
    const y = makeStoredSubmission({ ally: 'POL', submissionId: 'y', uploadedAt: '2026-03-02T00:00:00Z', records: [{ year: 2025 }] });
    // Act
    await Promise.all([recordAccepted(storage, x), recordAccepted(storage, y)]);
    // Assess
    const [pol] = await readAllCurrent(inner);
    expect(pol?.submissions.map((s) => s.submissionId)).toEqual(['x', 'y']);
    expect(pol?.years.map((y) => [y.year, y.figure.provenance.submissionId])).toEqual([
      [2024, 'x'],
      [2025, 'y'],
    ]);
    // Two attempts at the first write (one refused), then the retry: three puts, all conditional.
    expect(writes.map((w) => Object.keys(w.options ?? {}).filter((k) => k.startsWith('if')))).toEqual([['ifNoneMatch'], ['ifNoneMatch'], ['ifMatch']]);
  });
});

describe('publishing from the current figures', () => {
  it('reads no archived submission when nothing changed, nor after an ingest updated an ally', async () => {
    // Prepare
    const inner = createMemoryStorage();
    await storeSubmission(inner, { ally: 'EST', submissionId: 'e1', uploadedAt: '2026-03-01T00:00:00Z', records: [{ year: 2025, currency: 'EUR' }] });
    await storeSubmission(inner, { ally: 'POL', submissionId: 'p1', uploadedAt: '2026-03-01T00:00:00Z', records: [{ year: 2025, currency: 'PLN' }] });
    const first = await publish(publishInput(inner));
    const gets: string[] = [];
    const lists: string[] = [];
    const storage: Storage = {
      ...inner,
      get: (b, k) => (gets.push(`${b}:${k}`), inner.get(b, k)),
      list: (b, p) => (lists.push(`${b}:${p}`), inner.list(b, p)),
    };
    // Act
    const unchanged = await publish(publishInput(storage));
    await storeSubmission(inner, { ally: 'POL', submissionId: 'p2', uploadedAt: '2026-03-02T00:00:00Z', records: [{ year: 2025, currency: 'PLN', core: 3_000 }] });
    const changed = await publish(publishInput(storage));
    // Assess
    expect(first.published).toBe(true);
    expect(unchanged).toMatchObject({ published: false, release: first.release });
    expect(changed).toMatchObject({ published: true, release: (first.release ?? 0) + 1 });
    expect(gets.filter((g) => g.startsWith('data:submissions/'))).toEqual([]);
    expect(lists.filter((l) => l.startsWith('data:submissions/'))).toEqual([]);
    expect(gets.filter((g) => g.startsWith('data:current/')).sort()).toEqual(
      ['data:current/EST.json', 'data:current/POL.json', 'data:current/_rebuilt.json'].flatMap((k) => [k, k]).sort(),
    );
  });

  it('rebuilds the objects once, from the archive, for a store made before they existed', async () => {
    // Prepare: only archived submissions (a store from before current figures, in the old shape).
    const storage = createMemoryStorage();
    const old = { ...makeStoredSubmission({ ally: 'EST', submissionId: 'e1', uploadedAt: '2026-03-01T00:00:00Z', records: [{ year: 2025 }] }), storedVersion: 1 };
    delete (old as Partial<typeof old>).sha256;
    await storage.put('data', dataKeys.submission('EST', 'e1'), JSON.stringify(old));
    // Act
    const outcome = await publish(publishInput(storage));
    // Assess
    expect(outcome.published).toBe(true);
    expect((await readAllCurrent(storage)).map((c) => [c.ally, c.submissions.map((s) => [s.submissionId, s.sha256])])).toEqual([['EST', [['e1', null]]]]);
    expect(await storage.head('data', dataKeys.currentMarker)).not.toBeNull();
  });
});

describe('rebuilding the current figures', () => {
  it('makes every object again from the archive: a damaged or stale one is replaced, one with no archive left is emptied', async () => {
    // Prepare
    const storage = createMemoryStorage();
    await storeSubmission(storage, { ally: 'EST', submissionId: 'e1', uploadedAt: '2026-03-01T00:00:00Z', records: [{ year: 2025 }] });
    await storeSubmission(storage, { ally: 'POL', submissionId: 'p1', uploadedAt: '2026-03-01T00:00:00Z', records: [{ year: 2025 }] });
    await storeSubmission(storage, { ally: 'FRA', submissionId: 'f1', uploadedAt: '2026-03-01T00:00:00Z', records: [{ year: 2025 }] });
    const expectedEst = (await readAllCurrent(storage)).find((c) => c.ally === 'EST');
    await storage.put('data', dataKeys.current('EST'), '{"damaged": true}');
    await storage.put('data', dataKeys.submission('POL', 'p2'), JSON.stringify(makeStoredSubmission({ ally: 'POL', submissionId: 'p2', uploadedAt: '2026-04-01T00:00:00Z', records: [{ year: 2026 }] })));
    await storage.delete('data', dataKeys.submission('FRA', 'f1'));
    // Act
    const outcome = await rebuildCurrent(storage, new Date('2026-05-01T00:00:00Z'));
    // Assess
    expect(outcome).toEqual({ allies: 3, submissions: 3 });
    const objects = await readAllCurrent(storage);
    expect(objects.find((c) => c.ally === 'EST')).toStrictEqual(expectedEst);
    expect(objects.find((c) => c.ally === 'POL')?.years.map((y) => y.year)).toEqual([2025, 2026]);
    expect(objects.find((c) => c.ally === 'FRA')).toMatchObject({ submissions: [], years: [] });
  });

  it('writes nothing for an object that is already what the archive makes', async () => {
    // Prepare
    const inner = createMemoryStorage();
    await storeSubmission(inner, { ally: 'EST', submissionId: 'e1', uploadedAt: '2026-03-01T00:00:00Z', records: [{ year: 2025 }] });
    const { storage, writes } = recordingStorage(inner);
    // Act
    await rebuildCurrent(storage, new Date('2026-05-01T00:00:00Z'));
    // Assess
    expect(writes.map((w) => w.key)).toEqual([dataKeys.currentMarker]);
  });
});
