// Operational errors of the template builder: bad requests a caller can correct.

import { DualtrackError } from '../errors.ts';

class TemplateError extends DualtrackError {
  override name = 'TemplateError';
}

class UnknownAllyError extends TemplateError {
  override name = 'UnknownAllyError';
  readonly ally: string;
  constructor(ally: string, options?: ErrorOptions) {
    super(`"${ally}" is not an ally the reference data knows (use an ISO3 code such as BGR, or a name such as Bulgaria)`, options);
    this.ally = ally;
  }
}

class InvalidYearsError extends TemplateError {
  override name = 'InvalidYearsError';
  readonly from: number;
  readonly to: number;
  constructor(from: number, to: number, reason: string, options?: ErrorOptions) {
    super(`years ${from} to ${to}: ${reason}`, options);
    this.from = from;
    this.to = to;
  }
}

export { TemplateError, UnknownAllyError, InvalidYearsError };
