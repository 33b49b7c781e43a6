// The one way this stack makes a Lambda function: the house defaults (runtime, architecture,
// bundling, logging, retention) in one place, plus helpers that grant access to a bucket prefix
// or a queue and set the matching environment variable in the same call, so a function can
// never hold a variable for something it may not touch (or the reverse).
//
// Rights are written out as explicit statements, one per kind of access, naming only the
// actions the storage port and the queue client call (see ACCESS_ACTIONS). The grant helpers
// of aws-cdk-lib were wider than that: `s3:List*` on the whole bucket, object retention, legal
// hold, tagging, every delete variant.
import { execFileSync } from 'node:child_process';
import { AssetHashType, DockerImage, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { CfnElement, Duration } from 'aws-cdk-lib';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import type { DestinationConfig, IDestination } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { BUCKET_ENV } from '../../shared/stack/index.ts';
import type { BucketRole, EnvName, PortalEnvName } from '../../shared/stack/index.ts';
import { BUNDLE_FILE, PROJECT_ROOT } from '../bundle/build.ts';

/** Newest Node.js runtime aws-cdk-lib knows; cdk-nag's AwsSolutions-L1 checks it stays so. */
const HOUSE_RUNTIME = Runtime.NODEJS_24_X;
const HOUSE_LOG_RETENTION = RetentionDays.SIX_MONTHS;

/** Maps stack traces to the TypeScript sources; off by default (+0.4 s and ~100 MiB at cold start). */
const SOURCE_MAPS_NODE_OPTIONS = '--enable-source-maps';

interface HouseFunctionProps {
  /** The function's folder under functions/ (its entry is functions/<name>/lambda.ts). */
  name: string;
  description: string;
  timeout: Duration;
  memorySize?: number;
  /** How many instances may run at once; also reserves them from the account's pool. */
  reservedConcurrentExecutions?: number;
  serviceName: string;
  logRetention?: RetentionDays;
  environment?: Record<string, string>;
  /** Turns on `--enable-source-maps` (the `dualtrack:sourceMaps` setting): for debugging only. */
  sourceMaps?: boolean;
}

/** What a function may do with the keys matching a pattern. */
type Access = 'read' | 'put' | 'delete';

/**
 * The S3 actions behind each access, and nothing else: the storage port's get and head need
 * GetObject, put needs PutObject (single requests, never multipart), delete DeleteObject.
 * ListBucket goes with read, on the read prefixes only (see useBucket).
 */
const ACCESS_ACTIONS: Readonly<Record<Access, readonly string[]>> = {
  read: ['s3:GetObject'],
  put: ['s3:PutObject'],
  delete: ['s3:DeleteObject'],
};

/** The one SQS action a producer needs. */
const SEND_ACTIONS = ['sqs:SendMessage'] as const;

/**
 * What Lambda's SQS poller needs of the function's role (aws-cdk-lib's SqsEventSource also
 * grants ChangeMessageVisibility and GetQueueUrl, which the poller does not call).
 */
const RECEIVE_ACTIONS = ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'] as const;

/** Bundles `functions/<name>/lambda.ts` with cdk/bundle/build.ts (esbuild, never Docker). */
const bundledCode = (name: string): Code =>
  Code.fromAsset(PROJECT_ROOT, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Never pulled: local bundling always answers (it throws rather than fall back to Docker).
      image: DockerImage.fromRegistry('dualtrack-bundles-locally'),
      // Never run either; it names the function, so CDK's asset cache tells the bundles apart.
      command: ['cdk/bundle/cli.ts', name],
      local: {
        tryBundle: (outputDir: string): boolean => {
          execFileSync(process.execPath, ['--import', 'tsx', 'cdk/bundle/cli.ts', name, outputDir], {
            cwd: PROJECT_ROOT,
            stdio: ['ignore', process.stderr, 'inherit'],
          });
          return true;
        },
      },
    },
  });

class HouseFunction extends Construct {
  readonly fn: LambdaFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: HouseFunctionProps) {
    super(scope, id);
    // An explicit log group, so retention is set at creation and the group is part of the stack.
    this.logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention ?? HOUSE_LOG_RETENTION,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // Our own role instead of AWSLambdaBasicExecutionRole: it may write to its log group only.
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs ${props.description}`,
    });
    this.logGroup.grantWrite(this.role);

    this.fn = new LambdaFunction(this, 'Fn', {
      code: bundledCode(props.name),
      handler: `${BUNDLE_FILE.replace(/\.mjs$/, '')}.handler`,
      description: props.description,
      runtime: HOUSE_RUNTIME,
      // Graviton: cheaper per GB-second for the same work; nothing here is x86-specific.
      architecture: Architecture.ARM_64,
      timeout: props.timeout,
      memorySize: props.memorySize ?? 1024,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      role: this.role,
      logGroup: this.logGroup,
      environment: {
        POWERTOOLS_SERVICE_NAME: props.serviceName,
        LOG_LEVEL: 'INFO',
        // The map is in the bundle's folder either way; reading it costs every cold start.
        ...(props.sourceMaps ? { NODE_OPTIONS: SOURCE_MAPS_NODE_OPTIONS } : {}),
        ...props.environment,
      },
    });
  }

  /**
   * Grants the function `access` to keys matching each pattern of the bucket playing `role`,
   * and tells it the bucket's name in that role's variable. Reading a prefix includes listing
   * it: S3 answers a missing key with 404 only to whoever may list the bucket (403 otherwise),
   * and a missing receipt or index is an answer the handlers rely on. The listing is limited to
   * the read prefixes by an `s3:prefix` condition; `IfExists`, because the check S3 makes for a
   * GET of a missing key carries no prefix.
   */
  useBucket(bucket: IBucket, role: BucketRole, patterns: Record<string, readonly Access[]>): this {
    const byAccess = new Map<Access, string[]>();
    for (const [pattern, accesses] of Object.entries(patterns)) {
      for (const access of accesses) byAccess.set(access, [...(byAccess.get(access) ?? []), pattern]);
    }
    for (const [access, keys] of byAccess) {
      this.role.addToPrincipalPolicy(
        new PolicyStatement({
          effect: Effect.ALLOW,
          actions: [...ACCESS_ACTIONS[access]],
          resources: keys.map((k) => bucket.arnForObjects(k)),
        }),
      );
    }
    const readable = byAccess.get('read') ?? [];
    if (readable.length > 0) {
      this.role.addToPrincipalPolicy(
        new PolicyStatement({
          effect: Effect.ALLOW,
          actions: ['s3:ListBucket'],
          resources: [bucket.bucketArn],
          conditions: { StringLikeIfExists: { 's3:prefix': readable } },
        }),
      );
    }
    for (const pattern of Object.keys(patterns).filter((p) => p.includes('*'))) {
      this.acknowledge(
        `AwsSolutions-IAM5[Resource::<${this.logicalIdOf(bucket)}.Arn>/${pattern}]`,
        `${this.node.id} may use only keys under ${pattern} of this bucket: its own prefix, as the design assigns`,
      );
    }
    this.fn.addEnvironment(BUCKET_ENV[role], bucket.bucketName);
    return this;
  }

  /** Lets the function send messages to `queue` and gives it the queue's URL. */
  sendTo(queue: IQueue, envName: EnvName): this {
    this.role.addToPrincipalPolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: [...SEND_ACTIONS], resources: [queue.queueArn] }));
    this.fn.addEnvironment(envName, queue.queueUrl);
    return this;
  }

  /**
   * Feeds the function from `queue` in batches of up to `batchSize`, gathered for up to
   * `maxBatchingWindow`; the handler reports failed items (partial batch responses).
   */
  receiveFrom(queue: IQueue, options: { batchSize: number; maxBatchingWindow: Duration }): this {
    this.role.addToPrincipalPolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: [...RECEIVE_ACTIONS], resources: [queue.queueArn] }));
    const mapping = this.fn.addEventSourceMapping('Queue', {
      eventSourceArn: queue.queueArn,
      batchSize: options.batchSize,
      maxBatchingWindow: options.maxBatchingWindow,
      reportBatchItemFailures: true,
    });
    // The mapping is checked against the role when it is created: the policy must exist first.
    mapping.node.addDependency(this.role);
    return this;
  }

  /**
   * Asynchronous invocations are retried `retryAttempts` times, for at most `maxEventAge`, and
   * then sent to `queue` (as a Lambda destination record), with the one right that needs.
   */
  failuresTo(queue: IQueue, options: { retryAttempts: number; maxEventAge: Duration }): this {
    // Lambda sends the destination record with the function's role: SendMessage and no more
    // (aws-cdk-lib's SqsDestination also grants GetQueueAttributes and GetQueueUrl).
    const destination: IDestination = { bind: (): DestinationConfig => ({ destination: queue.queueArn }) };
    this.role.addToPrincipalPolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: [...SEND_ACTIONS], resources: [queue.queueArn] }));
    this.fn.configureAsyncInvoke({ onFailure: destination, ...options });
    return this;
  }

  /** Lets the function publish to `topic` (and use its key, when it has one) and gives it the ARN. */
  publishTo(topic: ITopic, envName: PortalEnvName): this {
    topic.grantPublish(this.role);
    this.fn.addEnvironment(envName, topic.topicArn);
    return this;
  }

  /** Lets the function read users of `pool` (AdminGetUser, nothing else) and gives it the pool id. */
  readUsersOf(pool: IUserPool, envName: PortalEnvName): this {
    this.role.addToPrincipalPolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: ['cognito-idp:AdminGetUser'], resources: [pool.userPoolArn] }));
    this.fn.addEnvironment(envName, pool.userPoolId);
    return this;
  }

  /**
   * Lets the function send e-mail through SES from `address` only (any verified identity may
   * carry it: the address itself or its domain) and gives it the address.
   */
  sendEmailFrom(address: string, envName: PortalEnvName): this {
    this.role.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['ses:SendEmail'],
        resources: [Stack.of(this).formatArn({ service: 'ses', resource: 'identity', resourceName: '*' })],
        conditions: { StringEquals: { 'ses:FromAddress': address } },
      }),
    );
    this.acknowledge(
      'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ses:<AWS::Region>:<AWS::AccountId>:identity/*]',
      `${this.node.id} may send e-mail only from ${address} (the ses:FromAddress condition); the identity that verifies it may be the address or its domain`,
    );
    this.fn.addEnvironment(envName, address);
    return this;
  }

  private logicalIdOf(bucket: IBucket): string {
    return Stack.of(bucket).getLogicalId(bucket.node.defaultChild as CfnElement);
  }

  private acknowledge(id: string, reason: string): void {
    Validations.of(this).acknowledge({ id: `AwsSolutions::${id}`, reason });
  }
}

export { HouseFunction, HOUSE_RUNTIME, HOUSE_LOG_RETENTION, ACCESS_ACTIONS, SEND_ACTIONS, RECEIVE_ACTIONS, SOURCE_MAPS_NODE_OPTIONS };
export type { HouseFunctionProps, Access };
