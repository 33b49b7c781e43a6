// Lambda entry of the notify function: wiring from the environment, read once at cold start.
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SNSClient } from '@aws-sdk/client-sns';
import type { Context } from 'aws-lambda';
import { createFunctionStorage } from '../common/plain.ts';
import { createLogger, createS3Client, readNotifyConfig } from '../common/lambda-wiring.ts';
import { createNotifyHandler } from './handler.ts';
import { sesSender, snsPublisher } from './send.ts';

const config = readNotifyConfig();
const logger = createLogger();
const notify = createNotifyHandler({
  storage: createFunctionStorage(createS3Client(), { uploads: config.uploadsBucket }),
  publish: snsPublisher(new SNSClient({}), config.topicArn),
  sendEmail: config.emailFrom === null ? null : sesSender(new SESv2Client({}), config.emailFrom),
  pageUrl: config.pageUrl,
  logger,
});

const handler = async (event: unknown, context: Context): Promise<void> => {
  logger.addContext(context);
  await notify(event);
};

export { handler };
