// Recompute: republishes from all stored submissions on the yearly schedule or when an analyst
// invokes it, so standings follow the calendar, the reference data and the rules. It records
// who asked (trigger `schedule` or `manual`) and why. With `"rebuild": true` it first makes every
// ally's current figures again from the archive of submissions (after a restore, a manual
// change to the archive, or to be sure), then publishes from them. Asked to (`{"repair": true}`),
// it first repairs the store: the operators' way to do so within the public bucket's deny rule.
import * as z from 'zod';
import { ReleaseTrigger } from '../../shared/model/index.ts';
import { PublishOutcomeSchema, publish as publishRelease, rebuildCurrent, repairStore } from '../../shared/pipeline/publishing.ts';
import type { PublishOutcome } from '../../shared/pipeline/publishing.ts';
import { ManualPayloadSchema, ScheduledEventSchema, SchedulerPayloadSchema, parseEvent, publishConfig } from '../common/index.ts';
import type { HandlerObserver, PublisherDeps } from '../common/index.ts';

type RecomputeDeps = PublisherDeps & {
  /** Told of the outcome (the local cloud prints it); Lambda passes none. */
  observer?: Pick<HandlerObserver, 'published'>;
};

const DEFAULT_REASON = { schedule: 'scheduled recomputation', manual: 'manual recomputation', repair: 'repair' } as const;

const RecomputeEventSchema = z.union([SchedulerPayloadSchema, ScheduledEventSchema, ManualPayloadSchema]);

interface RecomputeRequest {
  trigger: typeof ReleaseTrigger.schedule | typeof ReleaseTrigger.manual;
  reason: string;
  reportingYear?: number;
  /** Repair the store before publishing (`dualtrack repair`); force: take over live-looking claims. */
  repair?: { force: boolean };
}

/** A manual run may ask for the rebuild; a scheduled one never does. */
const rebuildAsked = (event: z.infer<typeof RecomputeEventSchema>): boolean => !('trigger' in event) && !('detail-type' in event) && event.rebuild === true;

const requestOf = (event: z.infer<typeof RecomputeEventSchema>): RecomputeRequest => {
  if ('trigger' in event) {
    return {
      trigger: ReleaseTrigger.schedule,
      reason: event.reason ?? DEFAULT_REASON.schedule,
      ...(event.reportingYear === undefined ? {} : { reportingYear: event.reportingYear }),
    };
  }
  if ('detail-type' in event) return { trigger: ReleaseTrigger.schedule, reason: DEFAULT_REASON.schedule };
  return {
    trigger: ReleaseTrigger.manual,
    reason: event.reason ?? (event.repair ? DEFAULT_REASON.repair : DEFAULT_REASON.manual),
    ...(event.reportingYear === undefined ? {} : { reportingYear: event.reportingYear }),
    ...(event.repair ? { repair: { force: event.force === true } } : {}),
  };
};

const createRecomputeHandler = (deps: RecomputeDeps) => {
  const now = deps.now ?? (() => new Date());
  const publish = deps.publish ?? publishRelease;

  return async (event: unknown): Promise<PublishOutcome> => {
    const parsed = parseEvent('recompute', RecomputeEventSchema, event);
    const { repair: repairAsked, ...request } = requestOf(parsed);
    const { rules, reference } = await publishConfig(deps);
    const claim = deps.claim ? { claim: deps.claim } : {};
    // A repair runs as this function, which the public bucket's deny rule lets write there.
    const repair = repairAsked ? await repairStore({ storage: deps.storage, force: repairAsked.force, ...claim }) : undefined;
    if (repair) deps.logger.info('repair done', { settled: repair.settled, discarded: repair.discarded.length, busy: repair.busy });
    if (rebuildAsked(parsed)) {
      const rebuilt = await rebuildCurrent(deps.storage, now());
      deps.logger.info('current figures rebuilt from the archive', { allies: rebuilt.allies, submissions: rebuilt.submissions });
    }
    const published = await publish({ storage: deps.storage, rules, reference, ...claim, now: now(), ...request });
    const outcome = repair ? { ...published, repair } : published;
    deps.logger.info('recompute done', {
      trigger: request.trigger,
      reason: request.reason,
      published: outcome.published,
      release: outcome.release,
      reportingYear: outcome.reportingYear,
      files: outcome.written.length,
    });
    // The answer an invoker receives, in the shape every client parses it with.
    const answer = PublishOutcomeSchema.parse(outcome);
    await deps.observer?.published?.({ outcome: answer, trigger: request.trigger, reason: request.reason });
    return answer;
  };
};

export { createRecomputeHandler, RecomputeEventSchema };
export type { RecomputeDeps, RecomputeRequest };
