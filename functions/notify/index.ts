// Public surface of the notify function: its handler factory and the SNS and SES senders, which
// the Lambda entry (lambda.ts) wires from the environment.
export { createNotifyHandler } from './handler.ts';
export type { NotifyDeps, ReceiptMessage } from './handler.ts';
export { snsPublisher, sesSender } from './send.ts';
export type { Sender } from './send.ts';
