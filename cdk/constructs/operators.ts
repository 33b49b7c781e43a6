// The role operators assume to work on the stack by hand: upload under submissions/ (with the
// portal, the only writer there the uploads bucket allows), read receipts, add portal users,
// replace the rules and rates, and recompute. Any principal of the account whose own policy lets
// it call sts:AssumeRole on this role may take it; nothing else gets these rights from it.
import { Stack, Validations } from 'aws-cdk-lib';
import type { CfnElement } from 'aws-cdk-lib';
import { AccountRootPrincipal, Effect, PolicyStatement, Role } from 'aws-cdk-lib/aws-iam';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { IConstruct } from 'constructs';
import { BucketPrefix } from '../../shared/stack/index.ts';

interface OperatorsProps {
  uploads: IBucket;
  data: IBucket;
  pool: IUserPool;
  recompute: IFunction;
}

class Operators extends Construct {
  readonly role: Role;

  constructor(scope: Construct, id: string, props: OperatorsProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.role = new Role(this, 'Role', {
      assumedBy: new AccountRootPrincipal(),
      description: 'dualtrack operators: hand uploads, portal users, configuration and recomputation',
    });
    const allow = (actions: string[], resources: string[], conditions?: Record<string, unknown>) =>
      this.role.addToPrincipalPolicy(new PolicyStatement({ effect: Effect.ALLOW, actions, resources, ...(conditions ? { conditions } : {}) }));
    const submissions = `${BucketPrefix.submissions}*`;
    const receipts = `${BucketPrefix.receipts}*`;
    const config = `${BucketPrefix.config}*`;
    allow(['s3:PutObject', 's3:GetObject'], [props.uploads.arnForObjects(submissions)]);
    allow(['s3:GetObject'], [props.uploads.arnForObjects(receipts)]);
    allow(['s3:ListBucket'], [props.uploads.bucketArn], { StringLikeIfExists: { 's3:prefix': [submissions, receipts] } });
    allow(['s3:GetObject', 's3:PutObject'], [props.data.arnForObjects(config)]);
    allow(['s3:ListBucket'], [props.data.bucketArn], { StringLikeIfExists: { 's3:prefix': [config] } });
    allow(['cognito-idp:AdminCreateUser', 'cognito-idp:AdminAddUserToGroup', 'cognito-idp:AdminGetUser', 'cognito-idp:AdminListGroupsForUser'], [props.pool.userPoolArn]);
    allow(['lambda:InvokeFunction'], [props.recompute.functionArn]);
    allow(['cloudformation:DescribeStacks'], [stack.stackId]);
    const logicalId = (c: IConstruct) => stack.getLogicalId(c.node.defaultChild as CfnElement);
    for (const [bucket, pattern] of [[props.uploads, submissions], [props.uploads, receipts], [props.data, config]] as const) {
      Validations.of(this).acknowledge({
        id: `AwsSolutions::AwsSolutions-IAM5[Resource::<${logicalId(bucket)}.Arn>/${pattern}]`,
        reason: `Operators work with every key under ${pattern}: that prefix only, as the design assigns`,
      });
    }
  }
}

export { Operators };
export type { OperatorsProps };
