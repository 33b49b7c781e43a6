import { describe, it, expect } from 'vitest';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { createSqsPublishRequester } from '../../../functions/common/publish-queue.ts';
import type { PublishRequest } from '../../../functions/common/publish-request.ts';

const QUEUE_URL = 'https://sqs.eu-west-1.amazonaws.com/123456789012/Dualtrack-PublishQueue';

/** An SQS client that keeps the commands it is sent. */
const recordingSqs = () => {
  const sent: unknown[] = [];
  const client = { send: async (command: unknown) => (sent.push(command), {}) } as unknown as SQSClient;
  return { client, sent };
};

describe('createSqsPublishRequester', () => {
  it('sends the request as a JSON message to the queue', async () => {
    // Prepare
    const { client, sent } = recordingSqs();
    const request: PublishRequest = { reason: 'upload', ally: 'EST', submissionId: '20260302T091500Z-0123456789ab', key: 'submissions/EST/a b.xlsx' };
    // Act
    await createSqsPublishRequester(client, QUEUE_URL)(request);
    // Assess
    expect(sent).toHaveLength(1);
    expect(sent[0]).toBeInstanceOf(SendMessageCommand);
    const input = (sent[0] as SendMessageCommand).input;
    expect(input.QueueUrl).toBe(QUEUE_URL);
    expect(JSON.parse(input.MessageBody ?? '')).toEqual(request);
  });

  it('refuses a request the publisher could not parse, and sends nothing', async () => {
    // Prepare
    const { client, sent } = recordingSqs();
    const bad = { reason: 'upload', ally: 'Estonia', submissionId: 'x', key: 'k' } as unknown as PublishRequest;
    // Act
    const act = createSqsPublishRequester(client, QUEUE_URL)(bad);
    // Assess
    await expect(act).rejects.toThrow(/ally/);
    expect(sent).toEqual([]);
  });
});
