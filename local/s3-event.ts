// Turns s3rver's notifications into the events AWS would deliver to the ingest function: the
// same JSON shape, one record per event, and the object key URL-encoded as S3 encodes it
// (spaces as `+`, other reserved and non-ASCII bytes as UTF-8 percent escapes), so the
// handler's decoding runs exactly as in the cloud. Only what the stack's notification delivers
// is delivered, by the same rule (the stack contract's UploadTrigger): every object created
// under submissions/ of the uploads bucket, whatever its suffix. The event's time and ETag are
// the stored object's own (its file's time and its MD5), so the same object always makes the
// same event, and so the same submission id, whether delivered live or after a restart.
import * as z from 'zod';
import { encodeS3Key } from '../functions/common/index.ts';
import { triggersIngest } from '../shared/stack/index.ts';
import { LOCAL_REGION } from './settings.ts';
import type { ObjectStamp, S3rverRecord } from './s3-server.ts';

/** The AWS S3 notification record, with the fields a Lambda receives. */
interface AwsS3Record {
  eventVersion: string;
  eventSource: 'aws:s3';
  awsRegion: string;
  eventTime: string;
  eventName: string;
  s3: {
    s3SchemaVersion: string;
    configurationId: string;
    bucket: { name: string; arn: string };
    object: { key: string; size?: number; eTag?: string; sequencer?: string };
  };
}

interface AwsS3Event {
  Records: AwsS3Record[];
}

/** The same shape, to check an event read back from a file (the journal, the dead letters). */
const AwsS3EventSchema: z.ZodType<AwsS3Event> = z.object({
  Records: z.array(
    z.object({
      eventVersion: z.string(),
      eventSource: z.literal('aws:s3'),
      awsRegion: z.string(),
      eventTime: z.string(),
      eventName: z.string(),
      s3: z.object({
        s3SchemaVersion: z.string(),
        configurationId: z.string(),
        bucket: z.object({ name: z.string(), arn: z.string() }),
        object: z.object({ key: z.string(), size: z.number().optional(), eTag: z.string().optional(), sequencer: z.string().optional() }),
      }),
    }),
  ),
});

/** True when the stack's notification on the uploads bucket would fire for this record. */
const firesIngest = (record: S3rverRecord, uploadsBucket: string): boolean =>
  record.s3.bucket.name === uploadsBucket && triggersIngest(record.eventName, record.s3.object.key);

/** The event AWS would send for one s3rver record; `stamp` (the stored object's) wins over the record's time and ETag. */
const toAwsS3Event = (record: S3rverRecord, stamp: ObjectStamp | null = null): AwsS3Event => {
  const { key, size, sequencer } = record.s3.object;
  const eTag = stamp?.etag ?? record.s3.object.eTag;
  return {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: LOCAL_REGION,
        eventTime: stamp?.modified.toISOString() ?? record.eventTime,
        eventName: record.eventName,
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'dualtrack-local-ingest',
          bucket: { name: record.s3.bucket.name, arn: `arn:aws:s3:::${record.s3.bucket.name}` },
          object: {
            key: encodeS3Key(key),
            ...(size === undefined ? {} : { size }),
            ...(eTag === undefined ? {} : { eTag }),
            ...(sequencer === undefined ? {} : { sequencer }),
          },
        },
      },
    ],
  };
};

export { AwsS3EventSchema, firesIngest, toAwsS3Event };
export type { AwsS3Event, AwsS3Record };
