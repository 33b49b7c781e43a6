// Where `upload`, `recompute` and `config` send their work: a running local cloud (its endpoint; bucket
// names come from its status route) or a deployed stack (bucket and function names from the
// stack's outputs, the function invoked directly). The SDK clients of the stack path are
// injectable, so its resolution and invoke are tested without AWS.
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import type { DescribeStacksCommandOutput } from '@aws-sdk/client-cloudformation';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { InvokeCommandOutput } from '@aws-sdk/client-lambda';
import { S3Client } from '@aws-sdk/client-s3';
import { z } from 'zod';
import type { ManualPayload } from '../../functions/common/index.ts';
import { createLocalS3Client } from '../../local/contract.ts';
import { PublishOutcomeSchema } from '../../shared/pipeline/index.ts';
import type { PublishOutcome } from '../../shared/pipeline/index.ts';
import { StackOutput } from '../../shared/stack/index.ts';
import { RecomputeInvokeError, StackLookupError, StackOutputMissingError } from './errors.ts';
import { fetchStatus, requestRecompute } from './local-cloud.ts';

interface Target {
  /** For messages: "the local cloud at …" or "stack …". */
  description: string;
  client: S3Client;
  uploadsBucket: string;
  /** The data bucket (where `config put` writes); looked up when first needed. */
  dataBucket: () => string;
  recompute: (payload: ManualPayload) => Promise<PublishOutcome>;
  close: () => void;
}

type TargetChoice = { endpoint: string } | { stack: string };

// The one call each SDK client makes here; the real clients fit these shapes.
interface StackDescriber {
  send: (command: DescribeStacksCommand) => Promise<DescribeStacksCommandOutput>;
  destroy: () => void;
}
interface FunctionInvoker {
  send: (command: InvokeCommand) => Promise<Omit<InvokeCommandOutput, 'Payload'> & { Payload?: Uint8Array }>;
  destroy: () => void;
}

interface StackClients {
  cloudFormation: StackDescriber;
  lambda: FunctionInvoker;
  s3: S3Client;
}

/** Clients with the credentials and region of the environment, as the AWS CLI would use them. */
const environmentClients = (): StackClients => ({
  cloudFormation: new CloudFormationClient({}),
  lambda: new LambdaClient({}),
  s3: new S3Client({}),
});

interface ResolveOptions {
  /** Clients for the stack path; by default made from the environment. */
  stackClients?: () => StackClients;
}

const errorDetail = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Every output of the stack, by key. */
const describeOutputs = async (cloudFormation: StackDescriber, stack: string): Promise<ReadonlyMap<string, string>> => {
  let described: DescribeStacksCommandOutput;
  try {
    described = await cloudFormation.send(new DescribeStacksCommand({ StackName: stack }));
  } catch (error) {
    throw new StackLookupError(stack, errorDetail(error), { cause: error });
  }
  const found = described.Stacks?.[0];
  if (!found) throw new StackLookupError(stack, 'no such stack');
  return new Map((found.Outputs ?? []).flatMap((o) => (o.OutputKey && o.OutputValue ? [[o.OutputKey, o.OutputValue] as const] : [])));
};

/** What Lambda returns for a function that threw. */
const FunctionErrorPayloadSchema = z.object({ errorType: z.string().optional(), errorMessage: z.string() });

const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

const failureText = (text: string, functionError: string): string => {
  const parsed = FunctionErrorPayloadSchema.safeParse(safeJson(text));
  if (parsed.success) return `${parsed.data.errorType ?? functionError}: ${parsed.data.errorMessage}`;
  return text.trim() ? text.slice(0, 500) : functionError;
};

/** Runs the recompute function synchronously and returns its outcome. */
const invokeRecompute = async (lambda: FunctionInvoker, functionName: string, payload: ManualPayload): Promise<PublishOutcome> => {
  let result: Awaited<ReturnType<FunctionInvoker['send']>>;
  try {
    result = await lambda.send(
      new InvokeCommand({ FunctionName: functionName, Payload: new TextEncoder().encode(JSON.stringify(payload)) }),
    );
  } catch (error) {
    throw new RecomputeInvokeError(functionName, errorDetail(error), { cause: error });
  }
  const text = new TextDecoder().decode(result.Payload ?? new Uint8Array());
  if (result.FunctionError) throw new RecomputeInvokeError(functionName, failureText(text, result.FunctionError));
  const outcome = PublishOutcomeSchema.safeParse(safeJson(text));
  if (!outcome.success) {
    throw new RecomputeInvokeError(functionName, `it answered something that is not a publish outcome: ${text.slice(0, 200)}`, {
      cause: outcome.error,
    });
  }
  return outcome.data;
};

const stackTarget = async (stack: string, clients: StackClients): Promise<Target> => {
  const close = (): void => {
    clients.s3.destroy();
    clients.cloudFormation.destroy();
    clients.lambda.destroy();
  };
  let outputs: ReadonlyMap<string, string>;
  let uploadsBucket: string;
  const output = (name: string): string => {
    const value = outputs.get(name);
    if (!value) throw new StackOutputMissingError(stack, name);
    return value;
  };
  try {
    outputs = await describeOutputs(clients.cloudFormation, stack);
    uploadsBucket = output(StackOutput.uploadsBucket);
  } catch (error) {
    close();
    throw error;
  }
  return {
    description: `stack ${stack}`,
    client: clients.s3,
    uploadsBucket,
    dataBucket: () => output(StackOutput.dataBucket),
    // Looked up only here: an upload needs no recompute function.
    recompute: async (payload) => invokeRecompute(clients.lambda, output(StackOutput.recomputeFunction), payload),
    close,
  };
};

const localTarget = async (endpoint: string): Promise<Target> => {
  const status = await fetchStatus(endpoint);
  const client = createLocalS3Client(endpoint);
  return {
    description: `the local cloud at ${endpoint}`,
    client,
    uploadsBucket: status.buckets.uploads,
    dataBucket: () => status.buckets.data,
    recompute: (payload) => requestRecompute(endpoint, payload),
    close: () => client.destroy(),
  };
};

const resolveTarget = (choice: TargetChoice, options: ResolveOptions = {}): Promise<Target> =>
  'stack' in choice ? stackTarget(choice.stack, (options.stackClients ?? environmentClients)()) : localTarget(choice.endpoint);

export { resolveTarget, describeOutputs };
export type { Target, TargetChoice, StackClients, StackDescriber, FunctionInvoker, ResolveOptions };
