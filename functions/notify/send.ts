// The notification leaving AWS: one SNS message per receipt (attributes `ally` and `status` for
// filter policies; JSON for systems, the text for e-mail subscriptions) and, with a sender, one
// SES e-mail to the uploader. Each takes its client, so tests pass a recorder.
import { PublishCommand } from '@aws-sdk/client-sns';
import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { ReceiptNotification } from '../../shared/portal/index.ts';
import type { NotifyDeps, ReceiptMessage } from './handler.ts';

interface Sender<C> {
  send: (command: C) => Promise<unknown>;
}

const snsPublisher = (client: Sender<PublishCommand>, topicArn: string): NotifyDeps['publish'] => async (n: ReceiptNotification, message: ReceiptMessage) => {
  await client.send(
    new PublishCommand({
      TopicArn: topicArn,
      Subject: n.subject,
      MessageStructure: 'json',
      Message: JSON.stringify({ default: JSON.stringify(message), email: n.text }),
      MessageAttributes: {
        ally: { DataType: 'String', StringValue: n.attributes.ally },
        status: { DataType: 'String', StringValue: n.attributes.status },
      },
    }),
  );
};

const sesSender = (client: Sender<SendEmailCommand>, from: string): NonNullable<NotifyDeps['sendEmail']> => async (n) => {
  await client.send(
    new SendEmailCommand({
      FromEmailAddress: from,
      Destination: { ToAddresses: [n.to] },
      Content: { Simple: { Subject: { Data: n.subject, Charset: 'UTF-8' }, Body: { Text: { Data: n.text, Charset: 'UTF-8' } } } },
    }),
  );
};

export { snsPublisher, sesSender };
export type { Sender };
