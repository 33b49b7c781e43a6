// The client side of a running local cloud's control routes: its status (bucket names, queue
// state) and a recomputation run in the publisher's lane. Answers are checked against the
// shapes the server promises (local/contract.ts; a recomputation's answer is the pipeline's
// PublishOutcomeSchema, as the recompute function's).
import type { ManualPayload } from '../../functions/common/index.ts';
import { ControlPath, StatusSchema } from '../../local/contract.ts';
import type { Status } from '../../local/contract.ts';
import { PublishOutcomeSchema } from '../../shared/pipeline/index.ts';
import type { PublishOutcome } from '../../shared/pipeline/index.ts';
import { ControlRequestError, UnreachableError } from './errors.ts';

const callControl = async (endpoint: string, path: string, init?: RequestInit): Promise<unknown> => {
  let res: Response;
  try {
    res = await fetch(`${endpoint.replace(/\/$/, '')}${path}`, init);
  } catch (error) {
    throw new UnreachableError(endpoint, error instanceof Error && error.cause instanceof Error ? error.cause.message : 'no answer', { cause: error });
  }
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new UnreachableError(endpoint, `${path} did not answer JSON (status ${res.status})`, { cause: error });
  }
  if (!res.ok) {
    const detail = typeof body === 'object' && body !== null && 'error' in body ? String(body.error) : text;
    throw new ControlRequestError(path, res.status, detail);
  }
  return body;
};

/** Asks a running local cloud for its status. */
const fetchStatus = async (endpoint: string): Promise<Status> => {
  const body = await callControl(endpoint, ControlPath.status);
  const parsed = StatusSchema.safeParse(body);
  if (!parsed.success) throw new UnreachableError(endpoint, 'the status answer is not a dualtrack local cloud\'s');
  return parsed.data;
};

/** Asks a running local cloud to recompute now. */
const requestRecompute = async (endpoint: string, payload: ManualPayload): Promise<PublishOutcome> => {
  const body = await callControl(endpoint, ControlPath.recompute, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  return PublishOutcomeSchema.parse(body);
};

export { fetchStatus, requestRecompute };
