// What a start of the local cloud owes the uploads a kill interrupted. The journal gives back the
// deliveries that had begun; this finds the rest: every object under submissions/ of the uploads
// bucket with no receipt, for example one stored in the instant before s3rver could announce it.
// An object "has a receipt" when ingest's done mark for it exists: the private receipt that
// processUpload writes last, under the submission id of its key, ETag and time (the same event
// is rebuilt from the stored object, so the same id). A key whose mark cannot be computed here
// is delivered anyway: ingest is idempotent, so at worst it answers "already processed". Uploads
// already parked as dead letters (for that very ETag) stay parked, as in AWS.
import { decodeS3Key } from '../functions/common/index.ts';
import { submissionIdFor } from '../shared/ingest/index.ts';
import { isFolderPlaceholder, UploadTrigger } from '../shared/stack/index.ts';
import { BucketRole, dataKeys, RECEIPTS_PREFIX, uploadsKeys } from '../shared/storage/index.ts';
import type { Storage } from '../shared/storage/index.ts';
import type { DeadLetter } from './dead-letters.ts';
import { DeadLetterSource } from './dead-letters.ts';
import { AwsS3EventSchema, toAwsS3Event } from './s3-event.ts';
import type { AwsS3Event } from './s3-event.ts';
import type { ObjectStamp } from './s3-server.ts';

interface RecoveryInput {
  /** The three buckets, unrestricted. */
  storage: Storage;
  uploadsBucket: string;
  stamp: (bucket: string, key: string) => ObjectStamp | null;
  deadLetters: readonly DeadLetter[];
  /** Uploads (key, ETag) whose delivery is already under way: the journal's, and live ones. */
  inFlight: (key: string, etag: string) => boolean;
}

/** One object version as the ingest events name it. */
const versionOf = (key: string, etag: string): string => `${etag}\u0000${key}`;

/** The uploads whose events went to the dead-letter file, by key and ETag. */
const parkedUploads = (letters: readonly DeadLetter[]): Set<string> => {
  const parked = new Set<string>();
  for (const letter of letters) {
    if (letter.source !== DeadLetterSource.ingest) continue;
    const event = AwsS3EventSchema.safeParse(letter.payload);
    if (!event.success) continue;
    for (const r of event.data.Records) {
      const { key, eTag } = r.s3.object;
      if (eTag !== undefined) parked.add(versionOf(decodeS3Key(key), eTag));
    }
  }
  return parked;
};

/** The events to deliver for every upload with no receipt, none in flight and none parked. */
const unreceiptedUploads = async ({ storage, uploadsBucket, stamp, deadLetters, inFlight }: RecoveryInput): Promise<AwsS3Event[]> => {
  const [objects, receipts] = await Promise.all([
    storage.list(BucketRole.uploads, UploadTrigger.prefix),
    storage.list(BucketRole.data, RECEIPTS_PREFIX),
  ]);
  const done = new Set(receipts.map((r) => r.key));
  const parked = parkedUploads(deadLetters);
  const events: AwsS3Event[] = [];
  for (const object of objects) {
    if (isFolderPlaceholder(object.key)) continue;
    const stored = stamp(uploadsBucket, object.key);
    if (!stored) continue; // gone since the listing
    const version = versionOf(object.key, stored.etag);
    if (parked.has(version) || inFlight(object.key, stored.etag)) continue;
    const filed = uploadsKeys.parseSubmission(object.key);
    if (filed) {
      const id = submissionIdFor({ key: object.key, versionId: null, etag: stored.etag, uploadedAt: stored.modified.toISOString() });
      if (done.has(dataKeys.receipt(filed.ally, id))) continue;
    }
    events.push(
      toAwsS3Event(
        {
          eventName: 'ObjectCreated:Put',
          eventTime: stored.modified.toISOString(),
          s3: { bucket: { name: uploadsBucket }, object: { key: object.key, size: object.size, eTag: stored.etag } },
        },
        stored,
      ),
    );
  }
  return events;
};

export { unreceiptedUploads, versionOf };
export type { RecoveryInput };
