// How much a finding weighs: an error rejects the upload, a warning is reported with an accepted
// one, an info only tells. Each finding code has exactly one (see codes.ts).

const Severity = {
  error: 'error',
  warning: 'warning',
  info: 'info',
} as const;
type Severity = (typeof Severity)[keyof typeof Severity];

export { Severity };
