// Where `upload` and `recompute` send their work: a running local cloud (its endpoint; bucket
// names come from its status route) or a deployed stack (bucket and function names from the
// stack's outputs). The AWS path loads @aws-sdk/client-cloudformation and
// @aws-sdk/client-lambda only when asked for; they are not dependencies of the project, so
// using it needs `npm install @aws-sdk/client-cloudformation @aws-sdk/client-lambda` once.
import { S3Client } from '@aws-sdk/client-s3';
import { z } from 'zod';
import type { ManualPayload } from '../functions/common/events.ts';
import type { PublishOutcome } from '../shared/pipeline/index.ts';
import { fetchStatus, requestRecompute } from './control.ts';
import { LocalCloudError } from './errors.ts';
import { createLocalS3Client } from './s3-server.ts';
import { DEFAULT_HOST, DEFAULT_PORT } from './settings.ts';

const DEFAULT_ENDPOINT = `http://${DEFAULT_HOST}:${DEFAULT_PORT}`;

/** Names of the stack outputs this reads (cdk/dualtrack-stack.ts). */
const StackOutput = { uploadsBucket: 'UploadsBucketName', recomputeFunction: 'RecomputeFunctionName' } as const;

interface Target {
  /** For messages: "the local cloud at …" or "stack …". */
  description: string;
  client: S3Client;
  uploadsBucket: string;
  recompute: (payload: ManualPayload) => Promise<PublishOutcome>;
  close: () => void;
}

type TargetChoice = { endpoint: string } | { stack: string };

/** A module the project does not depend on, loaded by name only when the AWS path runs. */
const optionalModule = async (name: string): Promise<Record<string, unknown>> => {
  try {
    return (await import(name)) as Record<string, unknown>;
  } catch (error) {
    throw new LocalCloudError(`--stack needs the package ${name}; install it with \`npm install ${name}\``, { cause: error });
  }
};

// The slices of the two SDK clients used, typed here because the packages are optional.
type SdkClient = { send: (command: unknown) => Promise<unknown>; destroy: () => void };
type SdkClass = new (input: object) => SdkClient;
type CommandClass = new (input: object) => unknown;

const StackOutputsSchema = z.object({
  Stacks: z
    .array(z.object({ Outputs: z.array(z.object({ OutputKey: z.string().optional(), OutputValue: z.string().optional() })).optional() }))
    .min(1),
});

const InvokeResultSchema = z.object({ Payload: z.instanceof(Uint8Array).optional(), FunctionError: z.string().optional() });

const PublishOutcomeSchema = z.object({
  published: z.boolean(),
  release: z.number().int().nullable(),
  digest: z.string(),
  reportingYear: z.number().int(),
  written: z.array(z.string()),
});

const stackTarget = async (stack: string): Promise<Target> => {
  const cfn = await optionalModule('@aws-sdk/client-cloudformation');
  const cfnClient = new (cfn.CloudFormationClient as SdkClass)({});
  let outputs: Map<string, string>;
  try {
    const described = StackOutputsSchema.parse(await cfnClient.send(new (cfn.DescribeStacksCommand as CommandClass)({ StackName: stack })));
    outputs = new Map((described.Stacks[0]?.Outputs ?? []).flatMap((o) => (o.OutputKey && o.OutputValue ? [[o.OutputKey, o.OutputValue] as const] : [])));
  } finally {
    cfnClient.destroy();
  }
  const output = (name: string): string => {
    const value = outputs.get(name);
    if (!value) throw new LocalCloudError(`stack ${stack} has no output ${name}; is it a dualtrack stack?`);
    return value;
  };
  const uploadsBucket = output(StackOutput.uploadsBucket);
  const client = new S3Client({});
  return {
    description: `stack ${stack}`,
    client,
    uploadsBucket,
    recompute: async (payload) => {
      const lambda = await optionalModule('@aws-sdk/client-lambda');
      const lambdaClient = new (lambda.LambdaClient as SdkClass)({});
      try {
        const result = InvokeResultSchema.parse(
          await lambdaClient.send(
            new (lambda.InvokeCommand as CommandClass)({
              FunctionName: output(StackOutput.recomputeFunction),
              Payload: new TextEncoder().encode(JSON.stringify(payload)),
            }),
          ),
        );
        const text = new TextDecoder().decode(result.Payload ?? new Uint8Array());
        if (result.FunctionError) throw new LocalCloudError(`the recompute function failed: ${text}`);
        return PublishOutcomeSchema.parse(JSON.parse(text));
      } finally {
        lambdaClient.destroy();
      }
    },
    close: () => client.destroy(),
  };
};

const localTarget = async (endpoint: string): Promise<Target> => {
  const status = await fetchStatus(endpoint);
  const client = createLocalS3Client(endpoint);
  return {
    description: `the local cloud at ${endpoint}`,
    client,
    uploadsBucket: status.buckets.uploads,
    recompute: (payload) => requestRecompute(endpoint, payload),
    close: () => client.destroy(),
  };
};

const resolveTarget = (choice: TargetChoice): Promise<Target> =>
  'stack' in choice ? stackTarget(choice.stack) : localTarget(choice.endpoint);

export { resolveTarget, DEFAULT_ENDPOINT, StackOutput };
export type { Target, TargetChoice };
