// Lambda entry of the publisher: wiring from the environment, read once at cold start.
import type { Context, SQSBatchResponse } from 'aws-lambda';
import { publisherDepsFromEnv } from '../common/lambda-wiring.ts';
import { createPublishHandler } from './handler.ts';

const deps = publisherDepsFromEnv();
const { logger } = deps;
const publish = createPublishHandler(deps);

const handler = async (event: unknown, context: Context): Promise<SQSBatchResponse> => {
  logger.addContext(context);
  return publish(event);
};

export { handler };
