// --endpoint and --stack, shared by the commands that talk to a running cloud (upload,
// recompute): a local cloud at an endpoint, or a deployed stack; one or the other.
import { Option } from 'commander';
import { z } from 'zod';
import { DEFAULT_ENDPOINT } from '../local/contract.ts';
import type { TargetChoice } from './clients/target.ts';

const endpointOption = (): Option => new Option('--endpoint <URL>', `a running local cloud (default ${DEFAULT_ENDPOINT}; see \`serve\`)`).conflicts('stack');

/** `stackUse` says what the command reads from the stack. */
const stackOption = (stackUse: string): Option =>
  new Option('--stack <NAME>', `a deployed stack instead (${stackUse}), with the AWS credentials and region of the environment`);

const TargetOptionsSchema = z.object({ endpoint: z.string().optional(), stack: z.string().optional() });

/** The cloud --endpoint or --stack names (the local one at the default endpoint if neither). */
const targetOf = (options: z.infer<typeof TargetOptionsSchema>): TargetChoice =>
  options.stack !== undefined ? { stack: options.stack } : { endpoint: options.endpoint ?? DEFAULT_ENDPOINT };

export { endpointOption, stackOption, TargetOptionsSchema, targetOf };
