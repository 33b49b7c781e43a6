// Lambda entry of the recompute function: wiring from the environment, read once at cold start.
import type { Context } from 'aws-lambda';
import type { PublishOutcome } from '../../shared/pipeline/publishing.ts';
import { publisherDepsFromEnv } from '../common/lambda-wiring.ts';
import { createRecomputeHandler } from './handler.ts';

const deps = publisherDepsFromEnv();
const { logger } = deps;
const recompute = createRecomputeHandler(deps);

const handler = async (event: unknown, context: Context): Promise<PublishOutcome> => {
  logger.addContext(context);
  return recompute(event);
};

export { handler };
