// The publisher: drains publish requests from SQS and publishes once per batch, whatever the
// batch holds, because every publish rebuilds the release from all stored submissions.
// Malformed messages are reported back one by one (SQS partial batch response) so only they
// are retried and, in the end, parked in the dead-letter queue.
import type { SQSBatchResponse } from 'aws-lambda';
import { ReleaseTrigger } from '../../shared/model/index.ts';
import { publish as publishRelease } from '../../shared/pipeline/publishing.ts';
import type { PublishOutcome } from '../../shared/pipeline/publishing.ts';
import { SqsEventSchema, parseEvent, PublishRequestSchema, publishConfig } from '../common/index.ts';
import type { SqsRecord, HandlerObserver, PublisherDeps, PublishRequest } from '../common/index.ts';

type PublishDeps = PublisherDeps & {
  /** Told of each publish and failure (the local cloud prints them); Lambda passes none. */
  observer?: Pick<HandlerObserver, 'published' | 'publishFailed'>;
};

const parseRequest = (record: SqsRecord): PublishRequest | null => {
  try {
    const parsed = PublishRequestSchema.safeParse(JSON.parse(record.body));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};

/** "upload: EST, FRA (3 submissions)": what the release records as its reason. */
const reasonOf = (requests: readonly PublishRequest[]): string => {
  const allies = [...new Set(requests.map((r) => r.ally))].sort();
  const submissions = new Set(requests.map((r) => r.submissionId)).size;
  return `upload: ${allies.join(', ')} (${submissions} submission${submissions === 1 ? '' : 's'})`;
};

const createPublishHandler = (deps: PublishDeps) => {
  const now = deps.now ?? (() => new Date());
  const publish = deps.publish ?? publishRelease;
  const { logger } = deps;

  return async (event: unknown): Promise<SQSBatchResponse> => {
    const { Records } = parseEvent('SQS', SqsEventSchema, event);
    const requests: PublishRequest[] = [];
    const malformed: string[] = [];
    for (const record of Records) {
      const request = parseRequest(record);
      if (request) requests.push(request);
      else malformed.push(record.messageId);
    }
    if (malformed.length > 0) logger.warn('malformed publish requests', { messageIds: malformed });
    if (requests.length === 0) return { batchItemFailures: malformed.map((itemIdentifier) => ({ itemIdentifier })) };

    const reason = reasonOf(requests);
    let outcome: PublishOutcome;
    try {
      const { rules, reference } = await publishConfig(deps);
      outcome = await publish({
        storage: deps.storage,
        rules,
        reference,
        ...(deps.claim ? { claim: deps.claim } : {}),
        trigger: ReleaseTrigger.upload,
        reason,
        now: now(),
      });
      logger.info('publish done', {
        requests: requests.length,
        published: outcome.published,
        release: outcome.release,
        reportingYear: outcome.reportingYear,
        files: outcome.written.length,
      });
    } catch (error) {
      // Every message goes back: each is retried and, if publishing keeps failing, reaches the DLQ.
      logger.error('publish failed', { requests: requests.length, error: error instanceof Error ? error : String(error) });
      await deps.observer?.publishFailed?.(error);
      return { batchItemFailures: Records.map((r) => ({ itemIdentifier: r.messageId })) };
    }
    await deps.observer?.published?.({ outcome, trigger: ReleaseTrigger.upload, reason });
    return { batchItemFailures: malformed.map((itemIdentifier) => ({ itemIdentifier })) };
  };
};

export { createPublishHandler };
export type { PublishDeps };
