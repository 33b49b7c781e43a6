// The whole deployment in one stack: three buckets, three functions, the publish queue with its
// dead-letter queue, the yearly schedule and the alarms. Declarations only; behaviour lives in
// functions/ and shared/.
import { CfnOutput, Duration, Stack } from 'aws-cdk-lib';
import type { StackProps } from 'aws-cdk-lib';
import type { EventType } from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { ContextAttribute, Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
// The report area's light surface (the manifest alone): the stack needs one file name, not the
// renderers (and their zod and exceljs).
import { ReleaseManifest } from '../shared/report/manifest.ts';
import { BucketPrefix, BucketRole, EnvName, PUBLIC_PAGE, PUBLIC_PAGE_FR, StackOutput, UploadTrigger } from '../shared/stack/index.ts';
import { OperatorAlarms } from './constructs/alarms.ts';
import { createAccessLogBucket, createPrivateBucket, createPublicBucket, restrictWritersTo } from './constructs/buckets.ts';
import { HouseFunction } from './constructs/house-function.ts';
import { acknowledgeNagFindings } from './nag.ts';
import type { StackSettings } from './settings.ts';

/** The contract's trigger event, checked at compile time to be one of S3's event types. */
const UPLOAD_EVENT = (UploadTrigger.event satisfies `${EventType}`) as EventType;

const INGEST_TIMEOUT = Duration.minutes(1);
/**
 * At most this many uploads are checked at once. A deadline rush of all 32 allies clears in four
 * rounds of a few seconds; uploads beyond the cap wait in Lambda's own event queue (throttled,
 * retried for up to INGEST_MAX_EVENT_AGE, never lost). The cap bounds what a flood of uploads
 * (a script gone wrong, a hostile account) can cost: 8 × 1.5 GB at a time, and it can never take
 * the concurrency the publisher and recompute need. Reserved, so the account must have 8 + 1 + 1
 * to spare above the 10 AWS keeps unreserved (docs/deploy.md).
 */
const INGEST_RESERVED_CONCURRENCY = 8;
const INGEST_MAX_EVENT_AGE = Duration.hours(6);
const PUBLISH_TIMEOUT = Duration.minutes(2);
/** AWS's advice for SQS-driven functions: visibility at least six times the function's timeout. */
const PUBLISH_VISIBILITY_TIMEOUT = Duration.seconds(PUBLISH_TIMEOUT.toSeconds() * 6);
/**
 * Receives before a publish request goes to the DLQ. With reserved concurrency 1 the poller's
 * throttled deliveries count as receives too, so this is generous.
 */
const PUBLISH_MAX_RECEIVE_COUNT = 5;
/**
 * A publish request normally leaves the queue within the 30 s batching window and one run.
 * One that has waited this long was received and failed at least once (the visibility timeout
 * is 12 minutes) or the publisher cannot run: worth a look long before the fifth failure moves
 * it to the DLQ, about an hour later.
 */
const PUBLISH_QUEUE_MAX_AGE = Duration.minutes(15);

/** What the yearly schedule sends the recompute function (context attributes filled in by Scheduler). */
const SCHEDULE_PAYLOAD = {
  trigger: 'schedule',
  reason: 'yearly recomputation',
  scheduleArn: ContextAttribute.scheduleArn,
  scheduledTime: ContextAttribute.scheduledTime,
  executionId: ContextAttribute.executionId,
} as const;

interface DualtrackStackProps extends StackProps {
  settings: StackSettings;
}

class DualtrackStack extends Stack {
  constructor(scope: Construct, id: string, props: DualtrackStackProps) {
    super(scope, id, props);
    const { settings } = props;

    // --- Buckets -------------------------------------------------------------------------
    const accessLogs = createAccessLogBucket(this, 'AccessLogs');
    const uploads = createPrivateBucket(this, 'Uploads', { bucketName: settings.uploadsBucketName, accessLogs });
    const data = createPrivateBucket(this, 'Data', { bucketName: settings.dataBucketName, accessLogs });
    const reports = createPublicBucket(this, 'Public', { bucketName: settings.publicBucketName, accessLogs });

    // --- Queues --------------------------------------------------------------------------
    const queueDefaults = { encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true } as const;
    const publishDlq = new Queue(this, 'PublishDlq', { ...queueDefaults, retentionPeriod: Duration.days(14) });
    const publishQueue = new Queue(this, 'PublishQueue', {
      ...queueDefaults,
      visibilityTimeout: PUBLISH_VISIBILITY_TIMEOUT,
      deadLetterQueue: { queue: publishDlq, maxReceiveCount: PUBLISH_MAX_RECEIVE_COUNT },
    });
    // Where an upload event or a scheduled recompute lands once its retries are spent.
    const failures = new Queue(this, 'FailureQueue', { ...queueDefaults, retentionPeriod: Duration.days(14) });

    // --- Functions -----------------------------------------------------------------------
    const ingest = new HouseFunction(this, 'Ingest', {
      name: 'ingest',
      description: 'dualtrack ingest: checks one upload and writes its receipt',
      serviceName: 'dualtrack-ingest',
      timeout: INGEST_TIMEOUT,
      memorySize: 1536,
      reservedConcurrentExecutions: INGEST_RESERVED_CONCURRENCY,
      sourceMaps: settings.sourceMaps,
    })
      .useBucket(uploads, BucketRole.uploads, {
        [`${BucketPrefix.submissions}*`]: ['read'],
        [`${BucketPrefix.receipts}*`]: ['read', 'put'],
      })
      .useBucket(data, BucketRole.data, {
        [`${BucketPrefix.submissions}*`]: ['read', 'put'],
        [`${BucketPrefix.receipts}*`]: ['read', 'put'],
        // Each ally's current figures, which ingest keeps up to date with conditional writes.
        [`${BucketPrefix.current}*`]: ['read', 'put'],
        // The rules an upload is checked with (`config put rules`); read at every invocation.
        [`${BucketPrefix.config}*`]: ['read'],
      })
      .sendTo(publishQueue, EnvName.publishQueueUrl)
      .failuresTo(failures, { retryAttempts: 2, maxEventAge: INGEST_MAX_EVENT_AGE });
    // Every object created under submissions/, whatever its suffix: the guard decides and answers.
    uploads.addEventNotification(UPLOAD_EVENT, new LambdaDestination(ingest.fn), { prefix: UploadTrigger.prefix });

    const publishedObjects: Record<string, readonly ('read' | 'put' | 'delete')[]> = {
      [`${BucketPrefix.releases}*`]: ['read', 'put'],
      [`${BucketPrefix.latest}*`]: ['read', 'put', 'delete'],
      [PUBLIC_PAGE]: ['read', 'put'],
      [PUBLIC_PAGE_FR]: ['read', 'put'],
    };
    // The publisher and recompute both rebuild releases from every submission, with the same
    // rights; each has reserved concurrency 1 since releases are numbered and `latest/` is
    // replaced as a whole.
    const publishing = (id: string, name: string, serviceName: string, description: string) =>
      new HouseFunction(this, id, {
        name,
        description,
        serviceName,
        timeout: PUBLISH_TIMEOUT,
        memorySize: 2048,
        reservedConcurrentExecutions: 1,
        sourceMaps: settings.sourceMaps,
      })
        // They publish from the current figures; the archive (submissions/) is read only to make
        // them again (recompute's rebuild, or the first publish of a store that never had them).
        .useBucket(data, BucketRole.data, {
          [`${BucketPrefix.submissions}*`]: ['read'],
          [`${BucketPrefix.current}*`]: ['read', 'put'],
          // The rules and exchange-rate table (`config put`), read at every publish.
          [`${BucketPrefix.config}*`]: ['read'],
          // The claims on release numbers: created only once per number, taken over when abandoned.
          [`${BucketPrefix.publishing}*`]: ['read', 'put'],
        })
        .useBucket(reports, BucketRole.public, publishedObjects);
    const publisher = publishing(
      'Publisher',
      'publish',
      'dualtrack-publish',
      'dualtrack publisher: rebuilds and publishes a release from all submissions',
    );
    // A burst of uploads collapses into one release: wait up to 30 s and take up to 100 requests.
    publisher.receiveFrom(publishQueue, { batchSize: 100, maxBatchingWindow: Duration.seconds(30) });

    // Recompute publishes directly (same rights as the publisher) so a manual run answers with
    // the outcome; its own reserved concurrency of 1 keeps two recomputes from racing.
    const recompute = publishing(
      'Recompute',
      'recompute',
      'dualtrack-recompute',
      'dualtrack recompute: republishes on the yearly schedule or on demand',
    );
    // `dualtrack repair` runs as this function (the deny rule lets only the publishing roles
    // write the public bucket): it discards release folders the index does not list.
    recompute.useBucket(reports, BucketRole.public, { [`${BucketPrefix.releases}*`]: ['delete'] });
    // Scheduler invokes asynchronously: its DLQ only catches failed invocations, so a run that
    // starts and then fails must reach the failure queue through the function's own destination.
    recompute.failuresTo(failures, { retryAttempts: 2, maxEventAge: Duration.hours(6) });
    restrictWritersTo(reports, [publisher.role, recompute.role]);

    new Schedule(this, 'YearlyRecompute', {
      description: 'Recomputes every standing so the reports follow the calendar, reference data and rules',
      schedule: ScheduleExpression.expression(settings.scheduleExpression),
      target: new LambdaInvoke(recompute.fn, {
        input: ScheduleTargetInput.fromObject(SCHEDULE_PAYLOAD),
        retryAttempts: 3,
        deadLetterQueue: failures,
      }),
    });

    // --- Alarms --------------------------------------------------------------------------
    const alarms = new OperatorAlarms(this, 'Alarms', { email: settings.alarmEmail });
    alarms.onMessagesVisible('PublishDlqMessages', publishDlq, 'Publishing failed after every retry');
    alarms.onMessagesVisible('FailureQueueMessages', failures, 'An upload or a scheduled recompute failed after every retry');
    alarms.onOldestMessage('PublishQueueAge', publishQueue, PUBLISH_QUEUE_MAX_AGE, 'Publish requests are not being published');
    const watched = [
      { id: 'Ingest', fn: ingest.fn, what: 'The ingest function', timeout: INGEST_TIMEOUT },
      { id: 'Publisher', fn: publisher.fn, what: 'The publisher', timeout: PUBLISH_TIMEOUT },
      { id: 'Recompute', fn: recompute.fn, what: 'The recompute function', timeout: PUBLISH_TIMEOUT },
    ];
    for (const { id, fn, what, timeout } of watched) {
      alarms.onErrors(`${id}Errors`, fn, what);
      alarms.onDurationNearTimeout(`${id}DurationNearTimeout`, fn, timeout, what);
      alarms.onThrottles(`${id}Throttles`, fn, what);
    }

    // --- Outputs -------------------------------------------------------------------------
    const publicBaseUrl = `https://${reports.bucketRegionalDomainName}/`;
    const output = (name: StackOutput, value: string, description: string) => new CfnOutput(this, name, { value, description });
    output(StackOutput.uploadsBucket, uploads.bucketName, `Allies upload under ${UploadTrigger.prefix}<ISO3>/`);
    output(StackOutput.dataBucket, data.bucketName, 'Normalised submissions (private)');
    output(StackOutput.publicBucket, reports.bucketName, 'Published reports');
    output(StackOutput.publicBaseUrl, publicBaseUrl, 'Base URL of the published reports');
    output(
      StackOutput.latestReportUrl,
      `${publicBaseUrl}${BucketPrefix.latest}${ReleaseManifest.dataset.path}`,
      'The newest release, always at the same address',
    );
    output(
      StackOutput.exampleUploadCommand,
      `aws s3 cp submission.xlsx s3://${uploads.bucketName}/${UploadTrigger.prefix}EST/submission.xlsx`,
      `Upload a submission (receipt under ${BucketPrefix.receipts}EST/)`,
    );
    output(StackOutput.recomputeFunction, recompute.fn.functionName, 'Invoke with {"reason": "..."} to republish now');
    output(StackOutput.publishDlqUrl, publishDlq.queueUrl, 'Failed publish requests');
    output(StackOutput.failureQueueUrl, failures.queueUrl, 'Uploads and schedules that failed');
    output(StackOutput.alarmTopicArn, alarms.topic.topicArn, 'Subscribe here for alarms');
    output(StackOutput.accessLogsBucket, accessLogs.bucketName, 'Server access logs of the buckets: who uploaded what, and when');

    acknowledgeNagFindings(this, { recompute, reports, failures });
  }
}

export {
  DualtrackStack,
  INGEST_RESERVED_CONCURRENCY,
  INGEST_TIMEOUT,
  PUBLISH_TIMEOUT,
  PUBLISH_MAX_RECEIVE_COUNT,
  PUBLISH_QUEUE_MAX_AGE,
  SCHEDULE_PAYLOAD,
};
export type { DualtrackStackProps };
