// Acknowledgements of the cdk-nag findings that are right for this stack, each with its reason.
// (Wildcards from the functions' own prefix grants are acknowledged where they are granted, in
// HouseFunction.useBucket.)
import { Validations } from 'aws-cdk-lib';
import type { CfnElement, Stack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import type { UserPool } from 'aws-cdk-lib/aws-cognito';
import type { HouseFunction } from './constructs/house-function.ts';
import { StackError } from './errors.ts';

interface NagSubjects {
  recompute: HouseFunction;
  reports: Bucket;
  failures: Queue;
  pool: UserPool;
  notify: HouseFunction;
}

const acknowledge = (construct: IConstruct, id: string, reason: string): void =>
  Validations.of(construct).acknowledge({ id: `AwsSolutions::${id}`, reason });

/** Constructs CDK adds on its own (custom-resource handlers, scheduler roles) have generated ids. */
const childStartingWith = (stack: Stack, prefix: string): IConstruct => {
  const child = stack.node.children.find((c) => c.node.id.startsWith(prefix));
  if (!child) throw new StackError(`Expected a construct ${prefix}… in ${stack.node.path}`);
  return child;
};

const acknowledgeNagFindings = (stack: Stack, { recompute, reports, failures, pool, notify }: NagSubjects): void => {
  acknowledge(
    reports,
    'AwsSolutions-S2',
    'The public bucket serves the published reports: ACLs stay blocked, and its bucket policy lets anyone GET only releases/*, latest/* and index.html.',
  );
  acknowledge(
    failures,
    'AwsSolutions-SQS3',
    'This queue is itself the final failure destination of ingest and of the schedule; nothing consumes it, and an alarm fires on its first message.',
  );
  acknowledge(
    pool,
    'AwsSolutions-COG2',
    "MFA is optional in the pool as issue 10 asks: submitting officers of 32 ministries sign in without it. Cognito cannot require MFA of one group, so the portal API refuses every analyst whose account has no TOTP set up (analyst-needs-mfa), and Cognito challenges every user who has one.",
  );
  acknowledge(
    pool,
    'AwsSolutions-COG8',
    "The Essentials plan: the pool holds a few hundred operator-made accounts (no self sign-up), and the Plus plan's threat protection costs per user for little here; docs/deploy.md says how to switch it on.",
  );
  acknowledge(
    notify.role,
    'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]',
    "Publishing to the encrypted receipt topic needs the topic's own key's data keys (the grant SNS documents); the resource is that one key.",
  );
  acknowledge(
    childStartingWith(stack, 'BucketNotificationsHandler'),
    'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    "CDK's own handler that installs the uploads bucket's event notifications at deploy time; it only needs to write its logs.",
  );
  acknowledge(
    childStartingWith(stack, 'SchedulerRoleForTarget'),
    `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(recompute.fn.node.defaultChild as CfnElement)}.Arn>:*]`,
    'The schedule may invoke the recompute function and its versions or aliases only.',
  );
};

export { acknowledgeNagFindings };
export type { NagSubjects };
