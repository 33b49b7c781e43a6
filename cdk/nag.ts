// Acknowledgements of the cdk-nag findings that are right for this stack, each with its reason.
// (Wildcards from the functions' own prefix grants are acknowledged where they are granted, in
// HouseFunction.useBucket.)
import { Validations } from 'aws-cdk-lib';
import type { CfnElement, Stack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import type { HouseFunction } from './constructs/house-function.ts';
import { StackError } from './errors.ts';

interface NagSubjects {
  recompute: HouseFunction;
  reports: Bucket;
  failures: Queue;
}

const acknowledge = (construct: IConstruct, id: string, reason: string): void =>
  Validations.of(construct).acknowledge({ id: `AwsSolutions::${id}`, reason });

/** Constructs CDK adds on its own (custom-resource handlers, scheduler roles) have generated ids. */
const childStartingWith = (stack: Stack, prefix: string): IConstruct => {
  const child = stack.node.children.find((c) => c.node.id.startsWith(prefix));
  if (!child) throw new StackError(`Expected a construct ${prefix}… in ${stack.node.path}`);
  return child;
};

const acknowledgeNagFindings = (stack: Stack, { recompute, reports, failures }: NagSubjects): void => {
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
