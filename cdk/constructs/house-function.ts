// The one way this stack makes a Lambda function: the house defaults (runtime, architecture,
// bundling, source maps, logging, retention) in one place, plus helpers that grant access to a
// bucket prefix or a queue and set the matching environment variable in the same call, so a
// function can never hold a variable for something it may not touch (or the reverse).
import { RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { CfnElement, Duration } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { BUCKET_ENV } from '../../shared/stack/index.ts';
import type { BucketRole, EnvName } from '../../shared/stack/index.ts';

/** Newest Node.js runtime aws-cdk-lib knows; cdk-nag's AwsSolutions-L1 checks it stays so. */
const HOUSE_RUNTIME = Runtime.NODEJS_24_X;
const HOUSE_LOG_RETENTION = RetentionDays.SIX_MONTHS;

interface HouseFunctionProps {
  /** Absolute path of the handler module (it exports `handler`). */
  entry: string;
  description: string;
  timeout: Duration;
  memorySize?: number;
  /** Set on the publisher: one release at a time, never two racing for the same number. */
  reservedConcurrentExecutions?: number;
  serviceName: string;
  /** Where package-lock.json and node_modules live (the repository root). */
  projectRoot: string;
  logRetention?: RetentionDays;
  environment?: Record<string, string>;
}

type Access = 'read' | 'put' | 'delete';

/**
 * Wildcard actions the bucket grant methods add, and why each is acceptable once the resource
 * is a key prefix (cdk-nag AwsSolutions-IAM5 asks for evidence).
 */
const GRANT_WILDCARDS: Record<Access, Record<string, string>> = {
  read: {
    's3:GetObject*': 'grantRead: GetObject and its version/ACL/tagging variants, on the named key prefix only',
    's3:GetBucket*': 'grantRead: bucket metadata (location, versioning) the SDK consults; no object data',
    's3:List*': 'grantRead: listing cannot be limited by resource to a prefix; objects outside it stay unreadable',
  },
  put: {
    's3:Abort*': 'grantPut: aborting its own unfinished multipart uploads, on the named key prefix only',
  },
  delete: {
    's3:DeleteObject*': 'grantDelete: the publisher removes files a new release no longer has from latest/ only',
  },
};

class HouseFunction extends Construct {
  readonly fn: NodejsFunction;
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

    this.fn = new NodejsFunction(this, 'Fn', {
      entry: props.entry,
      handler: 'handler',
      description: props.description,
      runtime: HOUSE_RUNTIME,
      // Graviton: cheaper per GB-second for the same work; nothing here is x86-specific.
      architecture: Architecture.ARM_64,
      timeout: props.timeout,
      memorySize: props.memorySize ?? 1024,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      role: this.role,
      logGroup: this.logGroup,
      projectRoot: props.projectRoot,
      depsLockFilePath: `${props.projectRoot}/package-lock.json`,
      environment: {
        POWERTOOLS_SERVICE_NAME: props.serviceName,
        LOG_LEVEL: 'INFO',
        // Stack traces point at the TypeScript sources, via the bundled source map.
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
      bundling: {
        // esbuild from devDependencies, never Docker: synth works offline on any machine.
        forceDockerBundling: false,
        minify: true,
        sourceMap: true,
        format: OutputFormat.ESM,
        target: 'node24',
        mainFields: ['module', 'main'],
        // Bundle the AWS SDK too: the versions we test are the versions that run.
        bundleAwsSDK: true,
        externalModules: [],
        // CommonJS dependencies (exceljs, the SDK) still call require() inside an ESM bundle.
        banner: "import { createRequire as __dtCreateRequire } from 'node:module'; const require = __dtCreateRequire(import.meta.url);",
      },
    });
  }

  /**
   * Grants the function `access` to keys matching each pattern of the bucket playing `role`,
   * and tells it the bucket's name in that role's variable.
   */
  useBucket(bucket: IBucket, role: BucketRole, patterns: Record<string, readonly Access[]>): this {
    const bucketId = Stack.of(bucket).getLogicalId(bucket.node.defaultChild as CfnElement);
    for (const [pattern, accesses] of Object.entries(patterns)) {
      for (const access of accesses) {
        if (access === 'read') bucket.grantRead(this.fn, pattern);
        else if (access === 'put') bucket.grantPut(this.fn, pattern);
        else bucket.grantDelete(this.fn, pattern);
        for (const [action, reason] of Object.entries(GRANT_WILDCARDS[access])) {
          this.acknowledge(`AwsSolutions-IAM5[Action::${action}]`, reason);
        }
      }
      if (pattern.includes('*')) {
        this.acknowledge(
          `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${pattern}]`,
          `${this.node.id} may use only keys under ${pattern} of this bucket: its own prefix, as the design assigns`,
        );
      }
    }
    this.fn.addEnvironment(BUCKET_ENV[role], bucket.bucketName);
    return this;
  }

  private acknowledge(id: string, reason: string): void {
    Validations.of(this).acknowledge({ id: `AwsSolutions::${id}`, reason });
  }

  /** Lets the function send messages to `queue` and gives it the queue's URL. */
  sendTo(queue: IQueue, envName: EnvName): this {
    queue.grantSendMessages(this.fn);
    this.fn.addEnvironment(envName, queue.queueUrl);
    return this;
  }
}

export { HouseFunction, HOUSE_RUNTIME, HOUSE_LOG_RETENTION };
export type { HouseFunctionProps, Access };
