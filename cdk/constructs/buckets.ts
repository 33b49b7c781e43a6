// The stack's buckets. The uploads and data buckets hold what allies sent: private, encrypted,
// versioned (nothing uploaded is ever lost to an overwrite) and HTTPS-only. The public bucket
// serves the reports: world-readable under the published prefixes only, writable by no one but
// the publishing functions.
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AnyPrincipal, Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { PUBLIC_READ } from '../../shared/stack/index.ts';

/** Resource patterns (relative to the bucket) the public may GET: exactly the published prefixes. */
const PUBLIC_READ_PATTERNS: readonly string[] = PUBLIC_READ.map((p) => (p.endsWith('/') ? `${p}*` : p));

/** Where S3 writes server access logs of the other buckets (one prefix per bucket). */
const createAccessLogBucket = (scope: Construct, id: string): Bucket =>
  new Bucket(scope, id, {
    encryption: BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
    versioned: true,
    lifecycleRules: [{ expiration: Duration.days(400), noncurrentVersionExpiration: Duration.days(30) }],
    removalPolicy: RemovalPolicy.RETAIN,
  });

interface PrivateBucketProps {
  bucketName?: string;
  accessLogs: IBucket;
}

const createPrivateBucket = (scope: Construct, id: string, props: PrivateBucketProps): Bucket =>
  new Bucket(scope, id, {
    bucketName: props.bucketName,
    encryption: BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    versioned: true,
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
    serverAccessLogsBucket: props.accessLogs,
    serverAccessLogsPrefix: `${id}/`,
    // Submissions are the record of what allies sent: keep them when the stack goes.
    removalPolicy: RemovalPolicy.RETAIN,
  });

interface PublicBucketProps {
  bucketName?: string;
  accessLogs: IBucket;
}

const createPublicBucket = (scope: Construct, id: string, props: PublicBucketProps): Bucket => {
  const bucket = new Bucket(scope, id, {
    bucketName: props.bucketName,
    encryption: BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    versioned: true,
    // ACLs stay blocked; only the bucket policy below grants public reads.
    blockPublicAccess: new BlockPublicAccess({
      blockPublicAcls: true,
      ignorePublicAcls: true,
      blockPublicPolicy: false,
      restrictPublicBuckets: false,
    }),
    objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
    // Browsers on other sites (notebooks, dashboards) fetch the JSON and CSV directly.
    cors: [
      {
        allowedMethods: [HttpMethods.GET, HttpMethods.HEAD],
        allowedOrigins: ['*'],
        allowedHeaders: ['*'],
        exposedHeaders: ['ETag', 'Content-Length', 'Content-Type', 'Last-Modified'],
        maxAge: 3600,
      },
    ],
    serverAccessLogsBucket: props.accessLogs,
    serverAccessLogsPrefix: `${id}/`,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  bucket.addToResourcePolicy(
    new PolicyStatement({
      sid: 'PublicReadOfPublishedReports',
      effect: Effect.ALLOW,
      principals: [new AnyPrincipal()],
      actions: ['s3:GetObject'],
      resources: PUBLIC_READ_PATTERNS.map((p) => bucket.arnForObjects(p)),
    }),
  );
  return bucket;
};

/**
 * Refuses object writes and deletes in `bucket` to every principal but `writers`, whatever
 * their IAM policies say: the published reports can only change through a publish.
 */
const restrictWritersTo = (bucket: Bucket, writers: readonly IRole[]): void => {
  bucket.addToResourcePolicy(
    new PolicyStatement({
      sid: 'OnlyThePublisherWrites',
      effect: Effect.DENY,
      principals: [new AnyPrincipal()],
      actions: ['s3:PutObject', 's3:PutObjectAcl', 's3:DeleteObject', 's3:DeleteObjectVersion'],
      resources: [bucket.arnForObjects('*')],
      conditions: { ArnNotEquals: { 'aws:PrincipalArn': writers.map((r) => r.roleArn) } },
    }),
  );
};

/**
 * Refuses `s3:PutObject` under `prefix` of `bucket` to every principal whose ARN matches none of
 * `writers` (`*` allowed), whatever its IAM policies say. A presigned request acts as the role
 * that signed it, so the portal's presigned uploads pass and a hand-made one does not.
 */
const restrictPutsUnder = (bucket: Bucket, sid: string, prefix: string, writers: readonly string[]): void => {
  bucket.addToResourcePolicy(
    new PolicyStatement({
      sid,
      effect: Effect.DENY,
      principals: [new AnyPrincipal()],
      actions: ['s3:PutObject'],
      resources: [bucket.arnForObjects(`${prefix}*`)],
      conditions: { ArnNotLike: { 'aws:PrincipalArn': [...writers] } },
    }),
  );
};

/** Lets pages of `origin` POST a presigned upload form to `bucket` (and nothing else). */
const allowBrowserUploads = (bucket: Bucket, origin: string): void => {
  bucket.addCorsRule({ allowedMethods: [HttpMethods.POST], allowedOrigins: [origin], allowedHeaders: ['*'], maxAge: 3600 });
};

export { createAccessLogBucket, createPrivateBucket, createPublicBucket, restrictWritersTo, restrictPutsUnder, allowBrowserUploads, PUBLIC_READ_PATTERNS };
export type { PrivateBucketProps, PublicBucketProps };
