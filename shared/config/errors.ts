// Errors of the configuration an operator supplies (the rules and the exchange-rate table, in
// the data bucket or a file). A present but invalid configuration is never replaced by the
// shipped default: it stops the work that needs it, naming every problem by its path.
import { DualtrackError } from '../errors.ts';

class ConfigError extends DualtrackError {
  override name = 'ConfigError';
  /** Where the configuration came from: `s3 data:config/rules.json`, a file path… */
  readonly where: string;
  constructor(where: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.where = where;
  }
}

/** One problem of an invalid configuration: the zod path (dotted, `(root)` for the whole) and what is wrong. */
interface ConfigProblem {
  path: string;
  message: string;
}

/** What each kind of configuration is called in messages. */
const KIND_NAME: Readonly<Record<string, string>> = { rules: 'rules file', fx: 'exchange-rate table' };
const nameOf = (kind: string): string => KIND_NAME[kind] ?? `${kind} file`;

/** The configuration was read but is not valid JSON or does not match its schema. */
class ConfigInvalidError extends ConfigError {
  override name = 'ConfigInvalidError';
  readonly kind: string;
  readonly problems: ConfigProblem[];
  constructor(kind: string, where: string, problems: ConfigProblem[], options?: { cause?: unknown }) {
    super(where, `${where} is not a valid ${nameOf(kind)}: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, options);
    this.kind = kind;
    this.problems = problems;
  }
}

/** The configuration could not be read at all (a missing file, a store that failed). */
class ConfigUnreadableError extends ConfigError {
  override name = 'ConfigUnreadableError';
  readonly kind: string;
  constructor(kind: string, where: string, cause: unknown) {
    super(where, `cannot read the ${nameOf(kind)} ${where}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.kind = kind;
  }
}

export { ConfigError, ConfigInvalidError, ConfigUnreadableError, nameOf as configKindName };
export type { ConfigProblem };
