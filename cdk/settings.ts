// The deploy-time settings, read from CDK context (cdk.json or `-c key=value`) and checked with
// zod, so a typo in a bucket name or schedule fails at synth, not halfway through a deploy.
import * as z from 'zod';
import type { Node } from 'constructs';
import { StackSettingsError } from './errors.ts';

/** 06:00 UTC on 1 March, once a year: after allies' figures for the past year usually land. */
const DEFAULT_SCHEDULE_EXPRESSION = 'cron(0 6 1 3 ? *)';
const DEFAULT_STACK_NAME = 'Dualtrack';

const ContextKey = {
  stackName: 'dualtrack:stackName',
  uploadsBucketName: 'dualtrack:uploadsBucketName',
  dataBucketName: 'dualtrack:dataBucketName',
  publicBucketName: 'dualtrack:publicBucketName',
  scheduleExpression: 'dualtrack:scheduleExpression',
  alarmEmail: 'dualtrack:alarmEmail',
  sourceMaps: 'dualtrack:sourceMaps',
  signInDomainPrefix: 'dualtrack:signInDomainPrefix',
  receiptEmailFrom: 'dualtrack:receiptEmailFrom',
  operatorPrincipalArns: 'dualtrack:operatorPrincipalArns',
} as const;

const BucketNameSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'an S3 bucket name (3-63 lower-case letters, digits, dots, dashes)');

/** Blank strings mean "not set", so `-c dualtrack:alarmEmail=` switches a setting off. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const StackSettingsSchema = z.object({
  stackName: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9-]{0,127}$/, 'a CloudFormation stack name')
    .default(DEFAULT_STACK_NAME),
  /** Left out, CloudFormation generates unique names (bucket names are global). */
  uploadsBucketName: optional(BucketNameSchema),
  dataBucketName: optional(BucketNameSchema),
  publicBucketName: optional(BucketNameSchema),
  scheduleExpression: z
    .string()
    .regex(/^(cron|rate|at)\(.+\)$/, 'an EventBridge Scheduler expression: cron(...), rate(...) or at(...)')
    .default(DEFAULT_SCHEDULE_EXPRESSION),
  alarmEmail: optional(z.email()),
  /**
   * The hosted sign-in's domain prefix (https://<prefix>.auth.<region>.amazoncognito.com), unique
   * in the region. Left out: `<stack name in lower case>-<account id>`.
   */
  signInDomainPrefix: optional(
    z
      .string()
      .regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, 'lower-case letters, digits and dashes (a Cognito domain prefix)')
      .refine((p) => !/aws|amazon|cognito/.test(p), 'a Cognito domain prefix may not contain aws, amazon or cognito'),
  ),
  /** A verified SES identity: receipts are then e-mailed from it to whoever uploaded. */
  receiptEmailFrom: optional(z.email()),
  /**
   * IAM principals (ARNs; `*` allowed, e.g. an SSO permission set's role) that may write under
   * submissions/ besides the portal and the stack's operators role, comma-separated.
   */
  operatorPrincipalArns: optional(
    z
      .string()
      .transform((text) => text.split(',').map((a) => a.trim()).filter((a) => a !== ''))
      .pipe(z.array(z.string().regex(/^arn:aws[\w-]*:(iam|sts)::\d{12}:[\w+=,.@*/-]+$/, 'an IAM principal ARN')).min(1)),
  ),
  /**
   * A debug setting: stack traces name TypeScript files and lines. Off by default because
   * Node.js then reads the map at every cold start (+0.4 s, +100 MiB); the map ships either way.
   * `-c` passes text, so "true" and "false" are accepted as well as booleans.
   */
  sourceMaps: z
    .union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')])
    .default(false),
});

type StackSettings = z.infer<typeof StackSettingsSchema>;

/** Reads every `dualtrack:*` context value of `node` and validates them together. */
const readStackSettings = (node: Node): StackSettings => {
  const raw = Object.fromEntries(
    Object.entries(ContextKey).map(([field, key]) => [field, node.tryGetContext(key) as unknown]),
  );
  const parsed = StackSettingsSchema.safeParse(
    Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)),
  );
  if (parsed.success) return parsed.data;
  const keyOf = (field: unknown) => ContextKey[String(field) as keyof typeof ContextKey] ?? String(field);
  const keys = [...new Set(parsed.error.issues.map((issue) => keyOf(issue.path[0])))];
  const problems = parsed.error.issues.map((issue) => `${keyOf(issue.path[0])}: ${issue.message}`);
  throw new StackSettingsError(keys, problems, { cause: parsed.error });
};

export { ContextKey, StackSettingsSchema, readStackSettings, DEFAULT_SCHEDULE_EXPRESSION, DEFAULT_STACK_NAME };
export type { StackSettings };
