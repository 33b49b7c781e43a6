// The `--stack` path of `upload` and `recompute`: bucket and function names from the stack's
// outputs, and the recompute function invoked with the manual payload. The CloudFormation and
// Lambda clients are the stand-ins of test/helpers/aws-stack.ts (AWS is unreachable here).
// That the stack declares the outputs read here is asserted in test/cdk/dualtrack-stack.test.ts.
import { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it, vi } from 'vitest';
import { CloudClientError, RecomputeInvokeError, StackLookupError, StackOutputMissingError } from '../../../cli/clients/errors.ts';
import { resolveTarget } from '../../../cli/clients/target.ts';
import type { FunctionInvoker, StackClients, StackDescriber } from '../../../cli/clients/target.ts';
import { ReleaseManifest } from '../../../shared/report/index.ts';
import { StackOutput } from '../../../shared/stack/index.ts';
import { publicKeys } from '../../../shared/storage/index.ts';
import { describeStacksOutput, fakeCloudFormation, fakeLambda, invokeOutput } from '../../helpers/aws-stack.ts';

const STACK = 'Dualtrack';
const BUCKET = 'dualtrack-uploadsbucket5e5e9b64-1x2y3z4w5v6u';
const FUNCTION = 'Dualtrack-RecomputeFn7C1A2B3D-AbCdEfGhIjKl';
const ALL_OUTPUTS = {
  [StackOutput.uploadsBucket]: BUCKET,
  [StackOutput.dataBucket]: 'dualtrack-databucket-0a1b2c3d',
  [StackOutput.publicBucket]: 'dualtrack-publicbucket-4e5f6a7b',
  [StackOutput.recomputeFunction]: FUNCTION,
};
const OUTCOME = {
  published: true,
  release: 4,
  digest: '9f2c4e1ab0d3c5e7f9a1b3c5d7e9f1a3b5c7d9e1f3a5b7c9d1e3f5a7b9c1d3e5',
  reportingYear: 2025,
  written: [publicKeys.releaseFile(4, ReleaseManifest.dataset.path), publicKeys.latestFile(ReleaseManifest.dataset.path)],
};

const s3Client = (): S3Client => new S3Client({ region: 'eu-west-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example' } });

const clientsOf = (cloudFormation: StackDescriber, lambda: FunctionInvoker, s3: S3Client = s3Client()): (() => StackClients) => () => ({
  cloudFormation,
  lambda,
  s3,
});

const neverInvoked = () => fakeLambda(() => Promise.reject(new Error('Invoke was not expected')));

const decodedPayload = (payload: unknown): unknown => JSON.parse(new TextDecoder().decode(payload as Uint8Array));

describe('resolving a deployed stack', () => {
  it('takes the uploads bucket from the UploadsBucketName output and uploads with the given S3 client', async () => {
    // Prepare
    const cloudFormation = fakeCloudFormation(async () => describeStacksOutput(STACK, ALL_OUTPUTS));
    const s3 = s3Client();
    // Act
    const target = await resolveTarget({ stack: STACK }, { stackClients: clientsOf(cloudFormation, neverInvoked(), s3) });
    // Assess
    expect(cloudFormation.sent.map((c) => c.input)).toEqual([{ StackName: STACK }]);
    expect([target.uploadsBucket, target.description, target.client]).toEqual([BUCKET, `stack ${STACK}`, s3]);
    target.close();
  });

  it('names the missing output when the stack has no UploadsBucketName, and releases the clients', async () => {
    // Prepare
    const cloudFormation = fakeCloudFormation(async () => describeStacksOutput(STACK, { [StackOutput.recomputeFunction]: FUNCTION }));
    const lambda = neverInvoked();
    // Act
    const attempt = resolveTarget({ stack: STACK }, { stackClients: clientsOf(cloudFormation, lambda) });
    // Assess
    const error = await attempt.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StackOutputMissingError);
    expect(error).toMatchObject({ stackName: STACK, output: StackOutput.uploadsBucket });
    expect((error as Error).message).toContain(`has no output ${StackOutput.uploadsBucket}`);
    expect([cloudFormation.destroyed, lambda.destroyed]).toEqual([1, 1]);
  });

  it('reports a stack CloudFormation does not know as a lookup error carrying the SDK error', async () => {
    // Prepare
    const sdkError = Object.assign(new Error(`Stack with id ${STACK} does not exist`), { name: 'ValidationError' });
    const cloudFormation = fakeCloudFormation(() => Promise.reject(sdkError));
    // Act
    const error = await resolveTarget({ stack: STACK }, { stackClients: clientsOf(cloudFormation, neverInvoked()) }).catch((e: unknown) => e);
    // Assess
    expect(error).toBeInstanceOf(StackLookupError);
    expect(error).toBeInstanceOf(CloudClientError);
    expect((error as Error).message).toContain(`Stack with id ${STACK} does not exist`);
    expect((error as Error).cause).toBe(sdkError);
  });

  it('reports an answer without the stack as a lookup error', async () => {
    // Prepare
    const cloudFormation = fakeCloudFormation(async () => ({ ...describeStacksOutput(STACK, ALL_OUTPUTS), Stacks: [] }));
    // Act
    const error = await resolveTarget({ stack: STACK }, { stackClients: clientsOf(cloudFormation, neverInvoked()) }).catch((e: unknown) => e);
    // Assess
    expect(error).toBeInstanceOf(StackLookupError);
    expect((error as Error).message).toContain('no such stack');
  });

  it('destroys all three clients when closed', async () => {
    // Prepare
    const cloudFormation = fakeCloudFormation(async () => describeStacksOutput(STACK, ALL_OUTPUTS));
    const lambda = neverInvoked();
    const s3 = s3Client();
    const s3Destroy = vi.spyOn(s3, 'destroy');
    const target = await resolveTarget({ stack: STACK }, { stackClients: clientsOf(cloudFormation, lambda, s3) });
    // Act
    target.close();
    // Assess
    expect([cloudFormation.destroyed, lambda.destroyed, s3Destroy.mock.calls.length]).toEqual([1, 1, 1]);
  });
});

describe('recomputing on a deployed stack', () => {
  it('invokes the RecomputeFunctionName output with the manual payload as JSON and returns its outcome', async () => {
    // Prepare
    const cloudFormation = fakeCloudFormation(async () => describeStacksOutput(STACK, ALL_OUTPUTS));
    const lambda = fakeLambda(async () => invokeOutput(OUTCOME));
    const target = await resolveTarget({ stack: STACK }, { stackClients: clientsOf(cloudFormation, lambda) });
    // Act
    const outcome = await target.recompute({ reason: 'GDP revised', reportingYear: 2025 });
    // Assess
    expect(lambda.sent.map((c) => c.input.FunctionName)).toEqual([FUNCTION]);
    expect(decodedPayload(lambda.sent[0]?.input.Payload)).toEqual({ reason: 'GDP revised', reportingYear: 2025 });
    expect(outcome).toEqual(OUTCOME);
    target.close();
  });

  it('words a function that threw by its error type and message', async () => {
    // Prepare
    const cloudFormation = fakeCloudFormation(async () => describeStacksOutput(STACK, ALL_OUTPUTS));
    const thrown = { errorType: 'ConflictError', errorMessage: 'release 5 is already listed', trace: ['ConflictError: release 5 is already listed', '    at publish (/var/task/index.mjs:1:1)'] };
    const lambda = fakeLambda(async () => invokeOutput(thrown, 'Unhandled'));
    const target = await resolveTarget({ stack: STACK }, { stackClients: clientsOf(cloudFormation, lambda) });
    // Act
    const error = await target.recompute({}).catch((e: unknown) => e);
    // Assess
    expect(error).toBeInstanceOf(RecomputeInvokeError);
    expect((error as Error).message).toBe(`the recompute function ${FUNCTION} failed: ConflictError: release 5 is already listed`);
    target.close();
  });

  it('refuses an answer that is not a publish outcome', async () => {
    // Prepare
    const cloudFormation = fakeCloudFormation(async () => describeStacksOutput(STACK, ALL_OUTPUTS));
    const lambda = fakeLambda(async () => invokeOutput({ statusCode: 200 }));
    const target = await resolveTarget({ stack: STACK }, { stackClients: clientsOf(cloudFormation, lambda) });
    // Act
    const error = await target.recompute({}).catch((e: unknown) => e);
    // Assess
    expect(error).toBeInstanceOf(RecomputeInvokeError);
    expect((error as Error).message).toContain('not a publish outcome');
    target.close();
  });

  it('reports a failed invoke call with the SDK error as its cause', async () => {
    // Prepare
    const cloudFormation = fakeCloudFormation(async () => describeStacksOutput(STACK, ALL_OUTPUTS));
    const sdkError = Object.assign(new Error(`Function not found: ${FUNCTION}`), { name: 'ResourceNotFoundException' });
    const lambda = fakeLambda(() => Promise.reject(sdkError));
    const target = await resolveTarget({ stack: STACK }, { stackClients: clientsOf(cloudFormation, lambda) });
    // Act
    const error = await target.recompute({}).catch((e: unknown) => e);
    // Assess
    expect(error).toBeInstanceOf(RecomputeInvokeError);
    expect((error as Error).message).toContain(`Function not found: ${FUNCTION}`);
    expect((error as Error).cause).toBe(sdkError);
    target.close();
  });

  it('lets an upload through a stack without RecomputeFunctionName but names that output when recomputing', async () => {
    // Prepare
    const cloudFormation = fakeCloudFormation(async () => describeStacksOutput(STACK, { [StackOutput.uploadsBucket]: BUCKET }));
    const lambda = neverInvoked();
    const target = await resolveTarget({ stack: STACK }, { stackClients: clientsOf(cloudFormation, lambda) });
    // Act
    const error = await target.recompute({}).catch((e: unknown) => e);
    // Assess
    expect(target.uploadsBucket).toBe(BUCKET);
    expect(error).toBeInstanceOf(StackOutputMissingError);
    expect(error).toMatchObject({ output: StackOutput.recomputeFunction });
    expect(lambda.sent).toEqual([]);
    target.close();
  });
});
