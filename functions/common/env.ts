// Function configuration, read once at cold start. The CDK stack sets these variables (their
// names are the stack contract's EnvName); a missing or malformed one fails the cold start with
// its name, rather than the first upload with an obscure S3 error. The rules and exchange rates
// are not here: they live in the data bucket's config/ and are read each invocation (config.ts).
import * as z from 'zod';
import { IngestLimitsSchema } from '../../shared/ingest/limits.ts';
import type { IngestLimits } from '../../shared/ingest/limits.ts';
import { EnvName, PortalEnvName } from '../../shared/stack/index.ts';
import { ConfigError } from './errors.ts';

const BucketNameSchema = z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'an S3 bucket name');

/** A variable holding JSON, parsed and then checked by `schema`. */
const jsonEnv = <T extends z.ZodType>(schema: T) =>
  z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'not valid JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema);

const IngestEnvSchema = z.object({
  [EnvName.uploadsBucket]: BucketNameSchema,
  [EnvName.dataBucket]: BucketNameSchema,
  [EnvName.publishQueueUrl]: z.url(),
  [EnvName.ingestLimits]: jsonEnv(IngestLimitsSchema).optional(),
});

/** The publisher and the recompute function read the data bucket and write the public one. */
const PublishEnvSchema = z.object({
  [EnvName.dataBucket]: BucketNameSchema,
  [EnvName.publicBucket]: BucketNameSchema,
});

// The portal's and notify's schemas are made when read: built at load, as module constants, they
// would sit in every bundle that loads this file, the ingest bundle included (within 1 KB of its
// budget).

/** The portal reads receipts and signs uploads in the uploads bucket, within ingest's size limit. */
const portalEnvSchema = () => z.object({
  [EnvName.uploadsBucket]: BucketNameSchema,
  [PortalEnvName.userPoolId]: z.string().regex(/^[\w-]+_[0-9A-Za-z]+$/, 'a Cognito user pool id'),
  [EnvName.ingestLimits]: jsonEnv(IngestLimitsSchema).optional(),
});

/** Notify reads each receipt and publishes it; it e-mails only when given a sender. */
const notifyEnvSchema = () => z.object({
  [EnvName.uploadsBucket]: BucketNameSchema,
  [PortalEnvName.receiptTopicArn]: z.string().regex(/^arn:aws[\w-]*:sns:/, 'an SNS topic ARN'),
  [PortalEnvName.receiptEmailFrom]: z.email().optional(),
  [PortalEnvName.portalPageUrl]: z.url().optional(),
});

interface IngestConfig {
  buckets: { uploads: string; data: string };
  publishQueueUrl: string;
  limits: IngestLimits;
}

interface PublishConfig {
  buckets: { data: string; public: string };
}

/** Parses `env` with `schema`, or throws a ConfigError naming every bad variable. */
const parseEnv = <T extends z.ZodType>(schema: T, env: NodeJS.ProcessEnv): z.infer<T> => {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const variables = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? '?')))];
  const detail = parsed.error.issues
    .map((issue) => {
      const name = String(issue.path[0] ?? '?');
      return env[name] === undefined ? `${name} is not set` : `${name}: ${issue.message}`;
    })
    .join('; ');
  throw new ConfigError(variables, detail, { cause: parsed.error });
};

interface PortalConfig {
  uploadsBucket: string;
  userPoolId: string;
  /** The largest upload ingest takes, so the portal signs no larger one. */
  maxBytes: number;
}

interface NotifyConfig {
  uploadsBucket: string;
  topicArn: string;
  emailFrom: string | null;
  pageUrl: string | null;
}

const readIngestConfig = (env: NodeJS.ProcessEnv = process.env): IngestConfig => {
  const e = parseEnv(IngestEnvSchema, env);
  return {
    buckets: { uploads: e[EnvName.uploadsBucket], data: e[EnvName.dataBucket] },
    publishQueueUrl: e[EnvName.publishQueueUrl],
    limits: e[EnvName.ingestLimits] ?? IngestLimitsSchema.parse({}),
  };
};

const readPublishConfig = (env: NodeJS.ProcessEnv = process.env): PublishConfig => {
  const e = parseEnv(PublishEnvSchema, env);
  return {
    buckets: { data: e[EnvName.dataBucket], public: e[EnvName.publicBucket] },
  };
};

const readPortalConfig = (env: NodeJS.ProcessEnv = process.env): PortalConfig => {
  const e = parseEnv(portalEnvSchema(), env);
  return {
    uploadsBucket: e[EnvName.uploadsBucket],
    userPoolId: e[PortalEnvName.userPoolId],
    maxBytes: (e[EnvName.ingestLimits] ?? IngestLimitsSchema.parse({})).maxBytes,
  };
};

const readNotifyConfig = (env: NodeJS.ProcessEnv = process.env): NotifyConfig => {
  const e = parseEnv(notifyEnvSchema(), env);
  return {
    uploadsBucket: e[EnvName.uploadsBucket],
    topicArn: e[PortalEnvName.receiptTopicArn],
    emailFrom: e[PortalEnvName.receiptEmailFrom] ?? null,
    pageUrl: e[PortalEnvName.portalPageUrl] ?? null,
  };
};

export { IngestEnvSchema, PublishEnvSchema, readIngestConfig, readPublishConfig, readPortalConfig, readNotifyConfig };
export type { IngestConfig, PublishConfig, PortalConfig, NotifyConfig };
