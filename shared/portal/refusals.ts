// Every way the portal API says no: a stable code, its HTTP status, and one English sentence.
// The page shows the sentence; scripts and tests match the code. Spelt once, here.

/** The refusal codes, each with the status it answers with. */
const REFUSALS = {
  'bad-token': 401,
  'no-ally': 403,
  'ambiguous-ally': 403,
  'analyst-cannot-upload': 403,
  'analyst-needs-mfa': 403,
  'other-ally': 403,
  'unknown-ally': 400,
  'ally-required': 400,
  'bad-json': 400,
  'bad-request': 400,
  'empty-file': 400,
  'too-large': 413,
  'unsupported-type': 415,
  'receipt-not-found': 404,
  'no-route': 404,
  'method-not-allowed': 405,
} as const;

type RefusalCode = keyof typeof REFUSALS;

interface Refusal {
  code: RefusalCode;
  /** One sentence for a person, naming what was wrong. */
  message: string;
}

/** The JSON body of every 4xx answer. */
interface RefusalBody {
  error: Refusal;
}

const refusal = (code: RefusalCode, message: string): Refusal => ({ code, message });

const statusOf = (r: Refusal): number => REFUSALS[r.code];

export { REFUSALS, refusal, statusOf };
export type { RefusalCode, Refusal, RefusalBody };
