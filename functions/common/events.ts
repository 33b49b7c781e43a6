// Zod shapes of the events the functions receive, after Powertools' parser schemas but only
// the fields we read (unknown fields pass through untouched). Every event is parsed before use.
import * as z from 'zod';
import { InvalidEventError } from './errors.ts';
import { YearSchema } from '../../shared/model/index.ts';

const S3EventRecordSchema = z.object({
  eventSource: z.literal('aws:s3'),
  awsRegion: z.string().optional(),
  eventTime: z.iso.datetime({ offset: true }),
  /** e.g. `ObjectCreated:Put`, `ObjectCreated:CompleteMultipartUpload`. */
  eventName: z.string().min(1),
  s3: z.object({
    bucket: z.object({ name: z.string().min(1) }),
    object: z.object({
      /** URL-encoded as AWS sends it: decode with decodeS3Key. */
      key: z.string().min(1),
      size: z.number().int().nonnegative().optional(),
      eTag: z.string().optional(),
      versionId: z.string().optional(),
      sequencer: z.string().optional(),
    }),
  }),
});

const S3EventSchema = z.object({ Records: z.array(S3EventRecordSchema) });

/** What S3 sends once when a notification is configured; it names no object. */
const S3TestEventSchema = z.object({ Event: z.literal('s3:TestEvent'), Bucket: z.string().optional() });

const SqsRecordSchema = z.object({
  messageId: z.string().min(1),
  body: z.string(),
  eventSource: z.literal('aws:sqs'),
  eventSourceARN: z.string().optional(),
  receiptHandle: z.string().optional(),
  attributes: z.record(z.string(), z.string()).optional(),
});

const SqsEventSchema = z.object({ Records: z.array(SqsRecordSchema).min(1) });

/** The input the stack's EventBridge Scheduler schedule sends (context attributes filled in). */
const SchedulerPayloadSchema = z.strictObject({
  trigger: z.literal('schedule'),
  reason: z.string().min(1).max(500).optional(),
  reportingYear: YearSchema.optional(),
  scheduleArn: z.string().optional(),
  scheduledTime: z.iso.datetime({ offset: true }).optional(),
  executionId: z.string().optional(),
});

/** A classic EventBridge rule's scheduled event, accepted too so an older rule still works. */
const ScheduledEventSchema = z.object({
  'detail-type': z.literal('Scheduled Event'),
  source: z.literal('aws.events'),
  time: z.iso.datetime({ offset: true }),
  resources: z.array(z.string()).optional(),
});

/** A person's `aws lambda invoke --payload '{"reportingYear":2026,"reason":"rules fix"}'`. */
const ManualPayloadSchema = z.strictObject({
  reportingYear: YearSchema.optional(),
  reason: z.string().min(1).max(500).optional(),
  /** Make every ally's current figures again from the archive of submissions before publishing. */
  rebuild: z.boolean().optional(),
  /** Repair the store first (pipeline/repair.ts): `dualtrack repair`. */
  repair: z.literal(true).optional(),
  /** With repair: take release numbers over even from holders that look alive. */
  force: z.literal(true).optional(),
});

type S3EventRecord = z.infer<typeof S3EventRecordSchema>;
type S3Event = z.infer<typeof S3EventSchema>;
type SqsRecord = z.infer<typeof SqsRecordSchema>;
type SqsEvent = z.infer<typeof SqsEventSchema>;
type SchedulerPayload = z.infer<typeof SchedulerPayloadSchema>;
type ScheduledEvent = z.infer<typeof ScheduledEventSchema>;
type ManualPayload = z.infer<typeof ManualPayloadSchema>;

/** Parses an event or throws InvalidEventError listing where it differs from the shape. */
const parseEvent = <T extends z.ZodType>(source: string, schema: T, event: unknown): z.infer<T> => {
  const parsed = schema.safeParse(event);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw new InvalidEventError(source, issues, { cause: parsed.error });
};

export {
  S3EventRecordSchema,
  S3EventSchema,
  S3TestEventSchema,
  SqsRecordSchema,
  SqsEventSchema,
  SchedulerPayloadSchema,
  ScheduledEventSchema,
  ManualPayloadSchema,
  parseEvent,
};
export type { S3EventRecord, S3Event, SqsRecord, SqsEvent, SchedulerPayload, ScheduledEvent, ManualPayload };
