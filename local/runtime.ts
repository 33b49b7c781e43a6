// The local cloud: the embedded S3 server wired to the very handlers the stack deploys. Every
// upload the stack's notification would deliver reaches the ingest handler as an AWS-shaped S3
// event (retried, then parked); publish requests go through a local queue to the publish
// handler one batch at a time; recompute runs in the same single lane. Dead letters land in
// <dir>/dead-letters.jsonl, handler logs in <dir>/functions.log. What happens is told to the
// `observe` option as events (local/events.ts), learnt from the handlers' observer.
//
// It survives what AWS survives. Upload events in delivery and queued publish requests are kept
// in journals (journal.ts), as Lambda's event queue and SQS keep them; s3rver's folder is
// repaired before it starts (s3-repair.ts). So after a kill, a start delivers again every upload
// whose delivery was cut short, and every upload that has no receipt at all (recovery.ts), and
// puts back the publish requests that were still queued.
import { join } from 'node:path';
import type { SQSBatchResponse } from 'aws-lambda';
import * as z from 'zod';
import type { S3Client } from '@aws-sdk/client-s3';
import type { ManualPayload, PublishRequest, HandlerObserver } from '../functions/common/index.ts';
import { PublishRequestSchema, createFunctionStorage, decodeS3Key } from '../functions/common/index.ts';
import { createIngestHandler } from '../functions/ingest/index.ts';
import { createPublishHandler } from '../functions/publish/index.ts';
import { createRecomputeHandler } from '../functions/recompute/index.ts';
import type { IngestLimits } from '../shared/ingest/index.ts';
import type { Rules } from '../shared/model/index.ts';
import { LOCAL_CLAIM_POLICY, publish as publishRelease } from '../shared/pipeline/index.ts';
import type { PublishInput, PublishOutcome, PublishReference } from '../shared/pipeline/index.ts';
import { ReleaseManifest } from '../shared/report/index.ts';
import { BucketRole, createS3Storage, publicKeys } from '../shared/storage/index.ts';
import type { Storage } from '../shared/storage/index.ts';
import { SERVICE } from './contract.ts';
import type { Status } from './contract.ts';
import { createControlHandler } from './control.ts';
import { createDeadLetterList, DeadLetterSource } from './dead-letters.ts';
import type { DeadLetter } from './dead-letters.ts';
import type { LocalCloudEvent, LocalCloudObserver } from './events.ts';
import { createHandlerLog, errorText } from './function-log.ts';
import type { LogEntry } from './function-log.ts';
import { createIngestDelivery } from './ingest-delivery.ts';
import { createJournal } from './journal.ts';
import { createLane } from './lane.ts';
import { createLocalQueue } from './queue.ts';
import { unreceiptedUploads, versionOf } from './recovery.ts';
import { AwsS3EventSchema, firesIngest, toAwsS3Event } from './s3-event.ts';
import type { AwsS3Event } from './s3-event.ts';
import { createOutbox } from './outbox.ts';
import { startPortalHost } from './portal-host.ts';
import { startS3Server } from './s3-server.ts';
import type { S3rverRecord } from './s3-server.ts';
import { DEFAULT_HOST, DEFAULT_PORT, DeliverySettingsSchema, LOCAL_BUCKETS, LocalFiles } from './settings.ts';
import type { NewPortalUser, AddedPortalUser } from './contract.ts';
import { DEFAULT_LIMITS } from '../shared/ingest/limits.ts';
import { SUBMIT_FOLDER, CONFIG_FILE } from '../shared/submit-page/index.ts';
import type { DeliverySettings } from './settings.ts';

interface LocalCloudOptions {
  /** The runtime's folder: S3 objects, dead letters and the handlers' log. */
  dir: string;
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  delivery?: Partial<DeliverySettings>;
  rules?: Rules;
  limits?: Partial<IngestLimits>;
  reference?: PublishReference;
  /** The publish flow handed to the publish and recompute handlers; a test injects faults here. */
  publish?: (input: PublishInput) => Promise<PublishOutcome>;
  /** Told of every upload, receipt, publish, retry and dead letter (default: nobody). */
  observe?: LocalCloudObserver;
  now?: () => Date;
}

interface ReportUrls {
  page: string;
  json: string;
  xlsx: string;
  csv: string;
  releases: string;
}

interface LocalCloud {
  endpoint: string;
  port: number;
  buckets: Readonly<Record<BucketRole, string>>;
  client: S3Client;
  /** The three buckets through the storage port, unrestricted (for tests and the demo). */
  storage: Storage;
  urls: ReportUrls;
  deadLetterFile: string;
  functionLogFile: string;
  /** Delivers an S3 event to ingest as the notification would (retries, then a dead letter). */
  deliverS3Event: (event: AwsS3Event) => Promise<void>;
  /** Queues a publish request as the ingest function would. */
  requestPublish: (request: PublishRequest) => Promise<void>;
  /** Runs the recompute handler in the publisher's lane, as `aws lambda invoke` would. */
  recompute: (payload: ManualPayload) => Promise<PublishOutcome>;
  /** Keeps upload events back (as a late or out-of-order notification) until released. */
  holdUploads: () => void;
  /** Delivers the held events, in the order `reorder` gives (default: as received). */
  releaseUploads: (reorder?: (events: AwsS3Event[]) => AwsS3Event[]) => Promise<void>;
  /** Resolves once no upload is being ingested and no publish request waits. */
  idle: () => Promise<void>;
  deadLetters: () => Promise<DeadLetter[]>;
  status: () => Promise<Status>;
  /** The submitters' page (`<endpoint>/submit/`). */
  pageUrl: string;
  /**
   * Adds a portal user (an ally's submitter, or an analyst when `ally` is null) and gives its
   * sign-in password. An e-mail already there is refused, unless `reset` (the demo user at each
   * start): then it gets a new password.
   */
  addUser: (user: NewPortalUser, options?: { reset?: boolean }) => Promise<AddedPortalUser>;
  /** Where each receipt's notification is written (`<dir>/outbox/`). */
  outboxDir: string;
  stop: () => Promise<void>;
}

/** The slice of the dataset the publish event needs. */
const DatasetAlliesSchema = z.object({ allies: z.array(z.object({ years: z.array(z.unknown()) })) });

const reportUrls = (endpoint: string, publicBucket: string): ReportUrls => {
  const base = `${endpoint}/${publicBucket}/`;
  return {
    page: `${base}${publicKeys.indexHtml}`,
    json: `${base}${publicKeys.latestFile(ReleaseManifest.dataset.path)}`,
    xlsx: `${base}${publicKeys.latestFile(ReleaseManifest.workbook.path)}`,
    csv: `${base}${publicKeys.latestFile(ReleaseManifest.csv.path)}`,
    releases: `${base}${publicKeys.releasesIndex}`,
  };
};

/** How many allies have figures in a release, from its dataset; null when it cannot be read. */
const alliesIn = async (storage: Storage, release: number): Promise<number | null> => {
  const obj = await storage.get(BucketRole.public, publicKeys.releaseFile(release, ReleaseManifest.dataset.path));
  if (!obj) return null;
  try {
    const data: unknown = JSON.parse(obj.body.toString('utf8'));
    const parsed = DatasetAlliesSchema.safeParse(data);
    if (parsed.success) return parsed.data.allies.filter((a) => a.years.length > 0).length;
  } catch {
    // an unreadable dataset only costs the count on the terminal
  }
  return null;
};

const startLocalCloud = async (options: LocalCloudOptions): Promise<LocalCloud> => {
  const settings = DeliverySettingsSchema.parse(options.delivery ?? {});
  const emit = (event: LocalCloudEvent): void => {
    try {
      options.observe?.(event);
    } catch {
      // An observer that fails (a closed terminal) must not stop the cloud it watches.
    }
  };
  // Like the stack: the handlers read the data bucket's config/ (or the shipped defaults) each
  // time, unless a test fixes the rules or the reference here.
  const fixedRules = options.rules ? { rules: options.rules } : {};
  const fixedReference = options.reference ? { reference: options.reference } : {};
  const buckets = LOCAL_BUCKETS;
  // The journals are read (and rewritten with only what was unfinished) before the server can
  // take a request, so nothing new is mistaken for something a kill interrupted.
  const uploadsJournal = createJournal(join(options.dir, LocalFiles.uploadsInFlight), AwsS3EventSchema);
  const publishJournal = createJournal(join(options.dir, LocalFiles.publishQueue), z.string());
  const interruptedUploads = uploadsJournal.compact();
  const queuedPublishes = publishJournal.compact();
  const server = await startS3Server({
    host: options.host ?? DEFAULT_HOST,
    port: options.port ?? DEFAULT_PORT,
    directory: join(options.dir, LocalFiles.s3),
    buckets,
  });
  const { endpoint, client } = server;
  if (server.repairs.length > 0) emit({ kind: 'store-repaired', files: server.repairs.map((r) => `${r.file} (${r.fix})`) });
  // s3rver ignores conditional headers; this process is its one writer, so conditional puts
  // are made atomic here (shared/storage/s3.ts).
  const conditionalWrites = 'in-process';
  const storage = createS3Storage({ client, buckets, conditionalWrites });
  const deadLetterList = createDeadLetterList(join(options.dir, LocalFiles.deadLetters));
  const functionLogFile = join(options.dir, LocalFiles.functionLog);
  const lane = createLane();
  const urls = reportUrls(endpoint, buckets.public);
  const portal = await startPortalHost({
    dir: options.dir,
    endpoint,
    client,
    storage,
    buckets,
    maxBytes: options.limits?.maxBytes ?? DEFAULT_LIMITS.maxBytes,
    ...(options.now ? { now: options.now } : {}),
  });
  for (const route of portal.routes) server.addRoute(route.matches, route.handler);
  // The publisher copies the page into the public site's submit/; its config.json names this cloud.
  await storage.put(BucketRole.public, `${SUBMIT_FOLDER}${CONFIG_FILE}`, Buffer.from(`${JSON.stringify(portal.publicCopyConfig, null, 2)}\n`), {
    contentType: 'application/json; charset=utf-8',
    cacheControl: 'no-cache',
  });
  const outbox = createOutbox(join(options.dir, LocalFiles.outbox), portal.pageUrl, options.now);
  const addUser = async ({ email, ally }: NewPortalUser, { reset = false } = {}): Promise<AddedPortalUser> => {
    const wanted = { email, groups: [ally === null ? ('analysts' as const) : (`ally-${ally}` as const)] };
    const { user, password } = reset ? portal.idp.users.addOrReset(wanted) : portal.idp.users.add(wanted);
    return { email: user.email, group: user.groups[0] ?? '', password };
  };

  // Outcomes come from the handlers' observer; the log only adds its warnings to the terminal.
  let lastPublishError: string | undefined;
  const observer: HandlerObserver = {
    receiptWritten: ({ key, receipt, duplicate }) => {
      emit({ kind: 'receipt-written', key, receipt, duplicate });
      // As the stack's notify function does for each new receipt (a redelivery sends nothing).
      if (duplicate) return;
      try {
        emit({ kind: 'receipt-notified', file: outbox.post(receipt), ally: receipt.ally, status: receipt.status });
      } catch (error) {
        emit({ kind: 'failure', what: 'writing the receipt to the outbox', error: errorText(error) });
      }
    },
    published: async ({ outcome, reason }) => {
      const allies = outcome.published && outcome.release !== null ? await alliesIn(storage, outcome.release) : null;
      emit({ kind: 'published', outcome, reason, alliesWithFigures: allies, page: urls.page });
    },
    publishFailed: (error) => {
      lastPublishError = errorText(error);
    },
  };
  const functionLog = (fn: string) =>
    createHandlerLog(fn, functionLogFile, (entry: LogEntry) => {
      if (entry.level === 'warn') emit({ kind: 'handler-warning', fn, message: entry.message, attributes: entry.attributes });
    });
  const publishFlow = options.publish ?? publishRelease;

  const queue = createLocalQueue({
    name: 'dualtrack-publish',
    lane,
    settings,
    handler: (() => {
      const handle = createPublishHandler({
        storage: createFunctionStorage(client, { data: buckets.data, public: buckets.public }, { conditionalWrites }),
        ...fixedRules,
        ...fixedReference,
        logger: functionLog('publish'),
        publish: publishFlow,
        claim: LOCAL_CLAIM_POLICY,
        observer,
        ...(options.now ? { now: options.now } : {}),
      });
      return async (event): Promise<SQSBatchResponse> => {
        lastPublishError = undefined;
        return handle(event);
      };
    })(),
    lastFailure: () => lastPublishError,
    journal: publishJournal,
    onJournalFailure: (error) => emit({ kind: 'failure', what: 'journalling a publish request', error: errorText(error) }),
    onRetry: (m, delayMs, error) =>
      emit({ kind: 'publish-retry', receiveCount: m.receiveCount, maxReceiveCount: settings.maxReceiveCount, delayMs, error }),
    onDeadLetter: async (m, error) => {
      await deadLetterList.add({ at: new Date().toISOString(), source: DeadLetterSource.publish, attempts: m.receiveCount, error, payload: m.body });
      emit({ kind: 'dead-letter', source: DeadLetterSource.publish, key: null, attempts: m.receiveCount, error, file: deadLetterList.path });
    },
  });

  const requestPublish = async (request: PublishRequest): Promise<void> => {
    queue.send(JSON.stringify(PublishRequestSchema.parse(request)));
  };

  const ingest = createIngestHandler({
    storage: createFunctionStorage(client, { uploads: buckets.uploads, data: buckets.data }, { conditionalWrites }),
    requestPublish,
    ...fixedRules,
    ...(options.limits ? { limits: options.limits } : {}),
    logger: functionLog('ingest'),
    observer,
    ...(options.now ? { now: options.now } : {}),
  });

  const recomputeHandler = createRecomputeHandler({
    storage: createFunctionStorage(client, { data: buckets.data, public: buckets.public }, { conditionalWrites }),
    ...fixedRules,
    ...fixedReference,
    logger: functionLog('recompute'),
    publish: publishFlow,
    claim: LOCAL_CLAIM_POLICY,
    observer,
    ...(options.now ? { now: options.now } : {}),
  });

  const uploads = createIngestDelivery({ ingest, settings, deadLetters: deadLetterList, observe: emit, journal: uploadsJournal });

  // Until the start's search for unreceipted uploads is over, which uploads are being delivered.
  let delivering: Set<string> | null = new Set();
  const deliveringOf = (event: AwsS3Event): void => {
    for (const r of event.Records) if (r.s3.object.eTag !== undefined) delivering?.add(versionOf(decodeS3Key(r.s3.object.key), r.s3.object.eTag));
  };

  let held: AwsS3Event[] | null = null;
  let stopping = false;
  let stopped: Promise<void> | null = null;
  server.onEvent((event) => {
    for (const record of event.Records as S3rverRecord[]) {
      if (stopping || !firesIngest(record, buckets.uploads)) continue;
      const { key, size } = record.s3.object;
      emit({ kind: 'upload-received', key, size: size ?? null });
      const aws = toAwsS3Event(record, server.stamp(record.s3.bucket.name, key));
      deliveringOf(aws);
      if (held) held.push(aws);
      else uploads.start(aws);
    }
  });

  const idle = async (): Promise<void> => {
    // Ingest may queue publishes and a publish never starts an ingest, so two rounds settle it.
    for (;;) {
      await uploads.idle();
      await queue.idle();
      if (uploads.inFlight() === 0 && queue.depth() === 0) return;
    }
  };

  const recompute = (payload: ManualPayload): Promise<PublishOutcome> =>
    lane.run(async () => {
      try {
        return await recomputeHandler(payload);
      } catch (error) {
        emit({ kind: 'failure', what: 'recompute', error: errorText(error) });
        throw error;
      }
    });

  const status = async (): Promise<Status> => ({
    service: SERVICE,
    endpoint,
    buckets: { ...buckets },
    publicBaseUrl: `${endpoint}/${buckets.public}/`,
    pendingPublishes: queue.depth(),
    pendingUploads: uploads.inFlight() + (held?.length ?? 0),
    deadLetters: (await deadLetterList.read()).length,
  });

  server.setControl(createControlHandler({ status, recompute, addUser: (user) => addUser(user) }));

  // What the last run left unfinished: queued publishes, cut-short deliveries, then every upload
  // with no receipt at all.
  queue.resume(queuedPublishes);
  if (queuedPublishes.length > 0) emit({ kind: 'publish-requeued', count: queuedPublishes.length });
  for (const u of interruptedUploads) {
    deliveringOf(u.item);
    for (const r of u.item.Records) emit({ kind: 'upload-redelivered', key: decodeS3Key(r.s3.object.key), reason: 'interrupted' });
  }
  uploads.resume(interruptedUploads);
  try {
    const missing = await unreceiptedUploads({
      storage,
      uploadsBucket: buckets.uploads,
      stamp: server.stamp,
      deadLetters: await deadLetterList.read(),
      inFlight: (key, etag) => delivering?.has(versionOf(key, etag)) ?? false,
    });
    for (const event of missing) {
      for (const r of event.Records) emit({ kind: 'upload-redelivered', key: decodeS3Key(r.s3.object.key), reason: 'no-receipt' });
      uploads.start(event);
    }
  } catch (error) {
    // The cloud still serves; the uploads left out get their turn at the next start.
    emit({ kind: 'failure', what: 'looking for uploads without a receipt', error: errorText(error) });
  }
  delivering = null;

  return {
    endpoint,
    port: server.port,
    buckets,
    client,
    storage,
    urls,
    deadLetterFile: deadLetterList.path,
    functionLogFile,
    deliverS3Event: uploads.deliver,
    requestPublish,
    recompute,
    holdUploads: () => {
      held ??= [];
    },
    releaseUploads: async (reorder) => {
      const events = held ?? [];
      held = null;
      for (const e of reorder ? reorder(events) : events) await uploads.deliver(e);
    },
    idle,
    deadLetters: () => deadLetterList.read(),
    status,
    pageUrl: portal.pageUrl,
    addUser,
    outboxDir: outbox.dir,
    stop: () => {
      // Idempotent: a second stop (Ctrl-C twice, a test's cleanup) waits for the first.
      stopped ??= (async () => {
        stopping = true;
        await uploads.idle();
        await queue.close();
        await server.close();
      })();
      return stopped;
    },
  };
};

export { startLocalCloud, reportUrls };
export type { LocalCloud, LocalCloudOptions, ReportUrls };
