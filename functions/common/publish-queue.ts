// Sends publish requests to the SQS queue the publisher drains. The client is injected so the
// local runtime can replace the whole function with its own in-process queue.
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { PublishRequestSchema } from './publish-request.ts';
import type { PublishRequest } from './publish-request.ts';

type RequestPublish = (request: PublishRequest) => Promise<void>;

const createSqsPublishRequester =
  (client: SQSClient, queueUrl: string): RequestPublish =>
  async (request) => {
    const body = JSON.stringify(PublishRequestSchema.parse(request));
    await client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body }));
  };

export { createSqsPublishRequester };
export type { RequestPublish };
