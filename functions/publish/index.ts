// Lambda entry of the publisher: wiring from the environment, read once at cold start.
import type { Context, SQSBatchResponse } from 'aws-lambda';
import { referenceFromFx } from '../../shared/pipeline/index.ts';
import { loadFxTable } from '../../shared/reference/index.ts';
import { readPublishConfig } from '../common/env.ts';
import { createLogger } from '../common/logger.ts';
import { createS3Client } from '../common/s3-client.ts';
import { createFunctionStorage } from '../common/storage.ts';
import { createPublishHandler } from './handler.ts';

const config = readPublishConfig();
const logger = createLogger();
const publish = createPublishHandler({
  storage: createFunctionStorage(createS3Client(), config.buckets),
  rules: config.rules,
  reference: referenceFromFx(loadFxTable()),
  logger,
});

const handler = async (event: unknown, context: Context): Promise<SQSBatchResponse> => {
  logger.addContext(context);
  return publish(event);
};

export { handler };
