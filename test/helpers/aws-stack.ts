// Stand-ins for the two AWS calls of the `--stack` path: CloudFormation DescribeStacks and
// Lambda Invoke. AWS is unreachable from the tests, so this is the one place where an SDK
// client's `send` is stubbed: it records the commands it is given and answers with outputs in
// the shape the SDK returns them (recorded from a deployed CDK stack and a synchronous invoke,
// identifiers replaced). Everything else in the project talks to real servers (s3rver).
import type { DescribeStacksCommand, DescribeStacksCommandOutput } from '@aws-sdk/client-cloudformation';
import type { InvokeCommand } from '@aws-sdk/client-lambda';
import type { FunctionInvoker, StackDescriber } from '../../cli/clients/index.ts';

const METADATA = { httpStatusCode: 200, requestId: '5c1f7a52-3f0e-4d6b-9a51-2f6c0d8e9b10', attempts: 1, totalRetryDelay: 0 };

/** A DescribeStacks answer for one CREATE_COMPLETE stack with these outputs. */
const describeStacksOutput = (stackName: string, outputs: Readonly<Record<string, string>>): DescribeStacksCommandOutput => ({
  $metadata: METADATA,
  Stacks: [
    {
      StackId: `arn:aws:cloudformation:eu-west-1:123456789012:stack/${stackName}/0b3f1e20-c8a1-11f0-9d2e-0a1b2c3d4e5f`,
      StackName: stackName,
      Parameters: [{ ParameterKey: 'BootstrapVersion', ParameterValue: '/cdk-bootstrap/hnb659fds/version', ResolvedValue: '28' }],
      CreationTime: new Date('2026-11-02T10:14:05.123Z'),
      LastUpdatedTime: new Date('2026-11-20T08:01:44.870Z'),
      RollbackConfiguration: {},
      StackStatus: 'CREATE_COMPLETE',
      DisableRollback: false,
      NotificationARNs: [],
      Capabilities: ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM'],
      Outputs: Object.entries(outputs).map(([OutputKey, OutputValue]) => ({ OutputKey, OutputValue, Description: `${OutputKey} of ${stackName}` })),
      Tags: [],
      EnableTerminationProtection: false,
      DriftInformation: { StackDriftStatus: 'NOT_CHECKED' },
    },
  ],
});

type InvokeAnswer = Awaited<ReturnType<FunctionInvoker['send']>>;

/** A synchronous Invoke answer: the function's JSON result, or its error payload with FunctionError set. */
const invokeOutput = (body: unknown, functionError?: string): InvokeAnswer => ({
  $metadata: METADATA,
  StatusCode: 200,
  ExecutedVersion: '$LATEST',
  Payload: new TextEncoder().encode(JSON.stringify(body)),
  ...(functionError === undefined ? {} : { FunctionError: functionError }),
});

interface Recording<C> {
  sent: C[];
  destroyed: number;
}

/** A CloudFormation client whose DescribeStacks answers (or fails) as given, and which records its calls. */
const fakeCloudFormation = (answer: () => Promise<DescribeStacksCommandOutput>): StackDescriber & Recording<DescribeStacksCommand> => {
  const fake = {
    sent: [] as DescribeStacksCommand[],
    destroyed: 0,
    send: async (command: DescribeStacksCommand) => {
      fake.sent.push(command);
      return answer();
    },
    destroy: () => {
      fake.destroyed += 1;
    },
  };
  return fake;
};

/** A Lambda client whose Invoke answers (or fails) as given, and which records its calls. */
const fakeLambda = (answer: () => Promise<InvokeAnswer>): FunctionInvoker & Recording<InvokeCommand> => {
  const fake = {
    sent: [] as InvokeCommand[],
    destroyed: 0,
    send: async (command: InvokeCommand) => {
      fake.sent.push(command);
      return answer();
    },
    destroy: () => {
      fake.destroyed += 1;
    },
  };
  return fake;
};

export { describeStacksOutput, invokeOutput, fakeCloudFormation, fakeLambda };
export type { InvokeAnswer };
