// Lambda entry of the ingest function: wiring from the environment, read once at cold start.
import { SQSClient } from '@aws-sdk/client-sqs';
import type { Context } from 'aws-lambda';
import { createFunctionStorage } from '../common/index.ts';
import { createLogger, createS3Client, createSqsPublishRequester, readIngestConfig } from '../common/lambda-wiring.ts';
import { createIngestHandler } from './handler.ts';

const config = readIngestConfig();
const logger = createLogger();
const ingest = createIngestHandler({
  storage: createFunctionStorage(createS3Client(), config.buckets),
  requestPublish: createSqsPublishRequester(new SQSClient({}), config.publishQueueUrl),
  limits: config.limits,
  logger,
});

const handler = async (event: unknown, context: Context): Promise<void> => {
  logger.addContext(context);
  await ingest(event);
};

export { handler };
