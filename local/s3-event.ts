// Turns s3rver's notifications into the events AWS would deliver to the ingest function: the
// same JSON shape, one record per event, and the object key URL-encoded as S3 encodes it
// (spaces as `+`, other reserved and non-ASCII bytes as UTF-8 percent escapes), so the
// handler's decoding runs exactly as in the cloud. Only what the stack's notification delivers
// is delivered, by the same rule (the stack contract's UploadTrigger): every object created
// under submissions/ of the uploads bucket, whatever its suffix.
import { encodeS3Key } from '../functions/common/index.ts';
import { triggersIngest } from '../shared/stack/index.ts';
import { LOCAL_REGION } from './settings.ts';
import type { S3rverRecord } from './s3-server.ts';

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

/** True when the stack's notification on the uploads bucket would fire for this record. */
const firesIngest = (record: S3rverRecord, uploadsBucket: string): boolean =>
  record.s3.bucket.name === uploadsBucket && triggersIngest(record.eventName, record.s3.object.key);

/** The event AWS would send for one s3rver record. */
const toAwsS3Event = (record: S3rverRecord): AwsS3Event => {
  const { key, size, eTag, sequencer } = record.s3.object;
  return {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: LOCAL_REGION,
        eventTime: record.eventTime,
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

export { firesIngest, toAwsS3Event };
export type { AwsS3Event, AwsS3Record };
