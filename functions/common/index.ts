export * from './errors.ts';
export * from './env.ts';
export * from './events.ts';
export * from './logger.ts';
export * from './publish-request.ts';
export * from './publish-queue.ts';
export * from './s3-client.ts';
export * from './s3-key.ts';
