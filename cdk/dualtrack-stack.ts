// The whole deployment in one stack: three buckets, three functions, the publish queue with its
// dead-letter queue, the yearly schedule and the alarms. Declarations only; behaviour lives in
// functions/ and shared/.
import { Aws, CfnOutput, Duration, Fn, Stack } from 'aws-cdk-lib';
import type { StackProps } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { EventType } from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { AwsCustomResource, AwsCustomResourcePolicy, PhysicalResourceId } from 'aws-cdk-lib/custom-resources';
import { ContextAttribute, Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
// The report area's light surface (the manifest alone): the stack needs one file name, not the
// renderers (and their zod and exceljs).
import { ReleaseManifest } from '../shared/report/manifest.ts';
import { ANALYSTS_GROUP, allyGroup } from '../shared/portal/index.ts';
import { ALLIES } from '../shared/reference/index.ts';
import { BucketPrefix, BucketRole, EnvName, PortalEnvName, PUBLIC_PAGE, PUBLIC_PAGE_FR, StackOutput, SUBMIT_CONFIG, UploadTrigger } from '../shared/stack/index.ts';
import { OperatorAlarms } from './constructs/alarms.ts';
import { allowBrowserUploads, createAccessLogBucket, createPrivateBucket, createPublicBucket, restrictPutsUnder, restrictWritersTo } from './constructs/buckets.ts';
import { HOUSE_LOG_RETENTION, HouseFunction } from './constructs/house-function.ts';
import { SubmitterIdentity } from './constructs/identity.ts';
import { Operators } from './constructs/operators.ts';
import { PortalApi } from './constructs/portal-api.ts';
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
/** The portal answers a person waiting at a page: a template is built in about a second. */
const PORTAL_TIMEOUT = Duration.seconds(15);
const NOTIFY_TIMEOUT = Duration.seconds(30);

/** The portal's groups: one per ally (`ally-EST`), and the analysts, who read and never upload. */
const PORTAL_GROUPS: readonly { name: string; description: string }[] = [
  ...ALLIES.map((a) => ({ name: allyGroup(a.iso3), description: `Submitting officers of ${a.nameEn}: upload for ${a.iso3} and read its receipts` })),
  { name: ANALYSTS_GROUP, description: "Analysts: read every ally's receipts, upload for none; MFA required by the API" },
];

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
      // The submitters' page, copied with each publish (its config.json is the stack's).
      [`${BucketPrefix.submit}*`]: ['read', 'put'],
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

    // --- Submitters' portal --------------------------------------------------------------
    // The page is served by the public site under submit/; its origin alone may call the API
    // and post the signed uploads.
    const siteOrigin = `https://${reports.bucketRegionalDomainName}`;
    const pageUrl = `${siteOrigin}/${BucketPrefix.submit}index.html`;
    const identity = new SubmitterIdentity(this, 'Submitters', {
      groups: PORTAL_GROUPS,
      pageUrl,
      domainPrefix: settings.signInDomainPrefix ?? Fn.join('-', [settings.stackName.toLowerCase(), Aws.ACCOUNT_ID]),
    });
    const portal = new HouseFunction(this, 'Portal', {
      name: 'portal',
      description: 'dualtrack portal: signs uploads for the caller ally and reads its receipts',
      serviceName: 'dualtrack-portal',
      timeout: PORTAL_TIMEOUT,
      // The template is built with exceljs on demand.
      memorySize: 1024,
      sourceMaps: settings.sourceMaps,
    })
      .useBucket(uploads, BucketRole.uploads, {
        [`${BucketPrefix.receipts}*`]: ['read'],
        // The presigned uploads act with the portal's role: it may put, and signs only its caller's key.
        [`${BucketPrefix.submissions}*`]: ['put'],
      })
      .readUsersOf(identity.pool, PortalEnvName.userPoolId);
    const portalApi = new PortalApi(this, 'PortalApi', {
      pool: identity.pool,
      client: identity.client,
      handler: portal.fn,
      allowedOrigin: siteOrigin,
      logRetention: HOUSE_LOG_RETENTION,
    });
    allowBrowserUploads(uploads, siteOrigin);

    // Each receipt, once written, becomes one message (attributes ally and status) and an e-mail.
    const receiptTopic = new Topic(this, 'ReceiptTopic', {
      displayName: 'dualtrack receipts',
      masterKey: new Key(this, 'ReceiptTopicKey', { description: 'Encrypts dualtrack receipt notifications', enableKeyRotation: true }),
      enforceSSL: true,
    });
    const notify = new HouseFunction(this, 'Notify', {
      name: 'notify',
      description: 'dualtrack notify: publishes each receipt and e-mails whoever uploaded',
      serviceName: 'dualtrack-notify',
      timeout: NOTIFY_TIMEOUT,
      memorySize: 512,
      environment: { [PortalEnvName.portalPageUrl]: pageUrl },
      sourceMaps: settings.sourceMaps,
    })
      .useBucket(uploads, BucketRole.uploads, { [`${BucketPrefix.receipts}*`]: ['read'] })
      .publishTo(receiptTopic, PortalEnvName.receiptTopicArn)
      .failuresTo(failures, { retryAttempts: 2, maxEventAge: Duration.hours(6) });
    if (settings.receiptEmailFrom !== undefined) notify.sendEmailFrom(settings.receiptEmailFrom, PortalEnvName.receiptEmailFrom);
    uploads.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(notify.fn), { prefix: BucketPrefix.receipts, suffix: '.json' });

    // Only the portal's presigned uploads and the operators write under submissions/.
    const operators = new Operators(this, 'Operators', { uploads, data, pool: identity.pool, recompute: recompute.fn });
    restrictPutsUnder(uploads, 'OnlyThePortalAndOperatorsSubmit', BucketPrefix.submissions, [
      portal.role.roleArn,
      operators.role.roleArn,
      ...(settings.operatorPrincipalArns ?? []),
    ]);

    // The page's configuration, written by the stack at each deploy (the page itself comes with
    // each publish): one PutObject of that one key, which is all its deploy-time role may do.
    const pageConfigRole = new Role(this, 'PageConfigRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: "Writes the submitters' page configuration (submit/config.json) at deploy",
    });
    const putPageConfig = {
      service: 'S3',
      action: 'putObject',
      parameters: {
        Bucket: reports.bucketName,
        Key: SUBMIT_CONFIG,
        Body: Fn.toJsonString({ apiBase: portalApi.url, authority: identity.authority, clientId: identity.client.userPoolClientId, redirectUri: pageUrl, local: false }),
        ContentType: 'application/json; charset=utf-8',
        CacheControl: 'no-cache',
      },
      physicalResourceId: PhysicalResourceId.of(SUBMIT_CONFIG),
    };
    new AwsCustomResource(this, 'PageConfig', {
      onCreate: putPageConfig,
      onUpdate: putPageConfig,
      role: pageConfigRole,
      policy: AwsCustomResourcePolicy.fromStatements([new PolicyStatement({ actions: ['s3:PutObject'], resources: [reports.arnForObjects(SUBMIT_CONFIG)] })]),
      installLatestAwsSdk: false,
    });
    restrictWritersTo(reports, [publisher.role, recompute.role, pageConfigRole]);

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
      { id: 'Portal', fn: portal.fn, what: 'The portal function', timeout: PORTAL_TIMEOUT },
      { id: 'Notify', fn: notify.fn, what: 'The notify function', timeout: NOTIFY_TIMEOUT },
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
    output(StackOutput.userPoolId, identity.pool.userPoolId, 'Portal users: dualtrack users add --ally EST --email ... --stack NAME');
    output(StackOutput.userPoolClientId, identity.client.userPoolClientId, "The page's app client (authorization code with PKCE)");
    output(StackOutput.portalApiUrl, portalApi.url, 'The portal API (JWT authorizer on every route)');
    output(StackOutput.signInDomain, identity.authority, 'Cognito hosted sign-in');
    output(StackOutput.portalPageUrl, pageUrl, "The submitters' page");
    output(StackOutput.receiptTopicArn, receiptTopic.topicArn, 'Each receipt, with attributes ally and status: subscribe with a filter policy');
    output(StackOutput.operatorsRoleArn, operators.role.roleArn, 'Assume to upload by hand under submissions/ and to add users');

    acknowledgeNagFindings(this, { recompute, reports, failures, pool: identity.pool, notify });
  }
}

export {
  DualtrackStack,
  INGEST_RESERVED_CONCURRENCY,
  INGEST_TIMEOUT,
  NOTIFY_TIMEOUT,
  PORTAL_GROUPS,
  PORTAL_TIMEOUT,
  PUBLISH_TIMEOUT,
  PUBLISH_MAX_RECEIVE_COUNT,
  PUBLISH_QUEUE_MAX_AGE,
  SCHEDULE_PAYLOAD,
};
export type { DualtrackStackProps };
