// Second surface of the command line: the clients of a running cloud, local or a deployed
// stack, for callers that talk to one without running a command. Loads the AWS SDK, so it is
// apart from cli/index.ts.
export { fetchStatus, requestRecompute } from './local-cloud.ts';
export { resolveTarget } from './target.ts';
export type { StackDescriber, FunctionInvoker } from './target.ts';
export { uploadAndWait } from './upload.ts';
