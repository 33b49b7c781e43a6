// Factories of events in the exact shape AWS delivers them (recorded samples, trimmed of
// nothing we parse): S3 notifications with URL-encoded keys, SQS batches, and the payloads of
// the EventBridge Scheduler schedule and a manual invoke.
import type { S3Event, SQSEvent, SQSRecord } from 'aws-lambda';
import { encodeS3Key } from '../../functions/common/index.ts';

interface S3ObjectRef {
  /** The key as stored; the factory URL-encodes it the way S3 does. */
  key: string;
  size?: number;
  eTag?: string;
  versionId?: string;
  eventName?: string;
  eventTime?: string;
}

const s3Event = (bucket: string, objects: readonly S3ObjectRef[]): S3Event => ({
  Records: objects.map((o, i) => ({
    eventVersion: '2.1',
    eventSource: 'aws:s3',
    awsRegion: 'eu-west-1',
    eventTime: o.eventTime ?? '2026-03-02T09:15:00.000Z',
    eventName: o.eventName ?? 'ObjectCreated:Put',
    userIdentity: { principalId: 'AWS:AIDAEXAMPLE' },
    requestParameters: { sourceIPAddress: '198.51.100.7' },
    responseElements: { 'x-amz-request-id': `C3D13FE58DE4C81${i}`, 'x-amz-id-2': 'FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD' },
    s3: {
      s3SchemaVersion: '1.0',
      configurationId: 'dualtrack-ingest-xlsx',
      bucket: { name: bucket, ownerIdentity: { principalId: 'A3NL1KOZZKExample' }, arn: `arn:aws:s3:::${bucket}` },
      object: {
        key: encodeS3Key(o.key),
        size: o.size ?? 0,
        eTag: o.eTag ?? 'd41d8cd98f00b204e9800998ecf8427e',
        ...(o.versionId === undefined ? {} : { versionId: o.versionId }),
        sequencer: `0062E99A88DC407460${i}`,
      },
    },
  })),
});

/** What S3 sends once when a notification configuration is saved. */
const s3TestEvent = (bucket: string) => ({
  Service: 'Amazon S3',
  Event: 's3:TestEvent',
  Time: '2026-03-02T09:00:00.000Z',
  Bucket: bucket,
  RequestId: '5582815E1AEA5ADF',
  HostId: '8cLeGAmw098X5cv4Zkwcmo8vvZa3eH3eKxsPzbB9wrR+YstdA6Knx4Ip8EXAMPLE',
});

const sqsRecord = (messageId: string, body: string): SQSRecord => ({
  messageId,
  receiptHandle: `AQEB${messageId}Example==`,
  body,
  attributes: {
    ApproximateReceiveCount: '1',
    SentTimestamp: '1772442900000',
    SenderId: 'AROAEXAMPLE:dualtrack-ingest',
    ApproximateFirstReceiveTimestamp: '1772442901000',
  },
  messageAttributes: {},
  md5OfBody: '0123456789abcdef0123456789abcdef',
  eventSource: 'aws:sqs',
  eventSourceARN: 'arn:aws:sqs:eu-west-1:123456789012:Dualtrack-PublishQueue',
  awsRegion: 'eu-west-1',
});

/** An SQS batch; bodies are sent as given (objects are JSON-encoded, strings kept raw). */
const sqsEvent = (messages: readonly { id: string; body: unknown }[]): SQSEvent => ({
  Records: messages.map((m) => sqsRecord(m.id, typeof m.body === 'string' ? m.body : JSON.stringify(m.body))),
});

/** The schedule's input after Scheduler filled in its context attributes. */
const schedulerPayload = (overrides: Record<string, unknown> = {}) => ({
  trigger: 'schedule',
  reason: 'yearly recomputation',
  scheduleArn: 'arn:aws:scheduler:eu-west-1:123456789012:schedule/default/Dualtrack-YearlyRecompute',
  scheduledTime: '2027-03-01T06:00:00Z',
  executionId: '4bd5c4a8-1c8e-4f4b-8f54-2f5e2e6b8a11',
  ...overrides,
});

/** A classic EventBridge rule's "Scheduled Event". */
const scheduledEvent = () => ({
  version: '0',
  id: '53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa',
  'detail-type': 'Scheduled Event',
  source: 'aws.events',
  account: '123456789012',
  time: '2027-03-01T06:00:00Z',
  region: 'eu-west-1',
  resources: ['arn:aws:events:eu-west-1:123456789012:rule/dualtrack-yearly'],
  detail: {},
});

export { s3Event, s3TestEvent, sqsEvent, sqsRecord, schedulerPayload, scheduledEvent };
export type { S3ObjectRef };
