// The whole deployment in one stack: three buckets, three functions, the publish queue with its
// dead-letter queue, the yearly schedule and the alarms. Declarations only; behaviour lives in
// functions/ and shared/.
import { CfnOutput, Duration, Stack } from 'aws-cdk-lib';
import type { StackProps } from 'aws-cdk-lib';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { EventType } from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { ContextAttribute, Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { fileURLToPath } from 'node:url';
import { EnvName } from '../functions/common/env.ts';
import { LATEST_PREFIX, RECEIPTS_PREFIX, RELEASES_PREFIX, SUBMISSIONS_PREFIX, publicKeys } from '../shared/storage/keys.ts';
import { OperatorAlarms } from './constructs/alarms.ts';
import { createAccessLogBucket, createPrivateBucket, createPublicBucket, restrictWritersTo } from './constructs/buckets.ts';
import { HouseFunction } from './constructs/house-function.ts';
import { acknowledgeNagFindings } from './nag.ts';
import type { StackSettings } from './settings.ts';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
const entry = (fn: string) => `${PROJECT_ROOT}/functions/${fn}/lambda.ts`;

/** Upload suffixes that fire ingest: the accepted formats, and the refused ones so they get a receipt saying why. */
const INGEST_SUFFIXES = ['.xlsx', '.csv', '.XLSX', '.CSV', '.xls', '.xlsm', '.ods'] as const;

const PUBLISH_TIMEOUT = Duration.minutes(2);
/** AWS's advice for SQS-driven functions: visibility at least six times the function's timeout. */
const PUBLISH_VISIBILITY_TIMEOUT = Duration.seconds(PUBLISH_TIMEOUT.toSeconds() * 6);
/**
 * Receives before a publish request goes to the DLQ. With reserved concurrency 1 the poller's
 * throttled deliveries count as receives too, so this is generous.
 */
const PUBLISH_MAX_RECEIVE_COUNT = 5;

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
      entry: entry('ingest'),
      description: 'dualtrack ingest: checks one upload and writes its receipt',
      serviceName: 'dualtrack-ingest',
      projectRoot: PROJECT_ROOT,
      timeout: Duration.minutes(1),
      memorySize: 1536,
    })
      .useBucket(uploads, EnvName.uploadsBucket, {
        [`${SUBMISSIONS_PREFIX}*`]: ['read'],
        [`${RECEIPTS_PREFIX}*`]: ['read', 'put'],
      })
      .useBucket(data, EnvName.dataBucket, {
        [`${SUBMISSIONS_PREFIX}*`]: ['read', 'put'],
        [`${RECEIPTS_PREFIX}*`]: ['read', 'put'],
      })
      .sendTo(publishQueue, EnvName.publishQueueUrl);
    ingest.fn.configureAsyncInvoke({
      onFailure: new SqsDestination(failures),
      retryAttempts: 2,
      maxEventAge: Duration.hours(6),
    });
    for (const suffix of INGEST_SUFFIXES) {
      uploads.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(ingest.fn), {
        prefix: SUBMISSIONS_PREFIX,
        suffix,
      });
    }

    const publishedObjects: Record<string, readonly ('read' | 'put' | 'delete')[]> = {
      [`${RELEASES_PREFIX}*`]: ['read', 'put'],
      [`${LATEST_PREFIX}*`]: ['read', 'put', 'delete'],
      [publicKeys.indexHtml]: ['read', 'put'],
    };
    // The publisher and recompute both rebuild releases from every submission, with the same
    // rights; each has reserved concurrency 1 since releases are numbered and `latest/` is
    // replaced as a whole.
    const publishing = (id: string, entryName: string, serviceName: string, description: string) =>
      new HouseFunction(this, id, {
        entry: entry(entryName),
        description,
        serviceName,
        projectRoot: PROJECT_ROOT,
        timeout: PUBLISH_TIMEOUT,
        memorySize: 2048,
        reservedConcurrentExecutions: 1,
      })
        .useBucket(data, EnvName.dataBucket, { [`${SUBMISSIONS_PREFIX}*`]: ['read'] })
        .useBucket(reports, EnvName.publicBucket, publishedObjects);
    const publisher = publishing(
      'Publisher',
      'publish',
      'dualtrack-publish',
      'dualtrack publisher: rebuilds and publishes a release from all submissions',
    );
    publisher.fn.addEventSource(
      new SqsEventSource(publishQueue, {
        // A burst of uploads collapses into one release: wait up to 30 s and take up to 100 requests.
        batchSize: 100,
        maxBatchingWindow: Duration.seconds(30),
        reportBatchItemFailures: true,
      }),
    );

    // Recompute publishes directly (same rights as the publisher) so a manual run answers with
    // the outcome; its own reserved concurrency of 1 keeps two recomputes from racing.
    const recompute = publishing(
      'Recompute',
      'recompute',
      'dualtrack-recompute',
      'dualtrack recompute: republishes on the yearly schedule or on demand',
    );
    // Scheduler invokes asynchronously: its DLQ only catches failed invocations, so a run that
    // starts and then fails must reach the failure queue through the function's own destination.
    recompute.fn.configureAsyncInvoke({
      onFailure: new SqsDestination(failures),
      retryAttempts: 2,
      maxEventAge: Duration.hours(6),
    });
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
    alarms.onErrors('IngestErrors', ingest.fn, 'The ingest function');
    alarms.onErrors('PublisherErrors', publisher.fn, 'The publisher');
    alarms.onErrors('RecomputeErrors', recompute.fn, 'The recompute function');

    // --- Outputs -------------------------------------------------------------------------
    const publicBaseUrl = `https://${reports.bucketRegionalDomainName}/`;
    new CfnOutput(this, 'UploadsBucketName', { value: uploads.bucketName, description: 'Allies upload under submissions/<ISO3>/' });
    new CfnOutput(this, 'DataBucketName', { value: data.bucketName, description: 'Normalised submissions (private)' });
    new CfnOutput(this, 'PublicBucketName', { value: reports.bucketName, description: 'Published reports' });
    new CfnOutput(this, 'PublicBaseUrl', { value: publicBaseUrl, description: 'Base URL of the published reports' });
    new CfnOutput(this, 'LatestReportUrl', {
      value: `${publicBaseUrl}${LATEST_PREFIX}compliance.json`,
      description: 'The newest release, always at the same address',
    });
    new CfnOutput(this, 'ExampleUploadCommand', {
      value: `aws s3 cp submission.xlsx s3://${uploads.bucketName}/${SUBMISSIONS_PREFIX}EST/submission.xlsx`,
      description: 'Upload a submission (receipt under receipts/EST/)',
    });
    new CfnOutput(this, 'RecomputeFunctionName', {
      value: recompute.fn.functionName,
      description: 'Invoke with {"reason": "..."} to republish now',
    });
    new CfnOutput(this, 'PublishDlqUrl', { value: publishDlq.queueUrl, description: 'Failed publish requests' });
    new CfnOutput(this, 'FailureQueueUrl', { value: failures.queueUrl, description: 'Uploads and schedules that failed' });
    new CfnOutput(this, 'AlarmTopicArn', { value: alarms.topic.topicArn, description: 'Subscribe here for alarms' });

    acknowledgeNagFindings(this, { recompute, reports, failures });
  }
}

export { DualtrackStack, INGEST_SUFFIXES, PUBLISH_TIMEOUT, PUBLISH_MAX_RECEIVE_COUNT, SCHEDULE_PAYLOAD };
export type { DualtrackStackProps };
