// The contract every command of the `dualtrack` tool keeps. Each command lives in
// cli/commands/<name>.ts and exports `command`; main.ts finds it by name.

import { DualtrackError } from '../shared/errors.ts';

interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Working directory the user ran the command from. */
  cwd: string;
  env: NodeJS.ProcessEnv;
}

interface CliCommand {
  name: string;
  /** One line for `dualtrack help`. */
  summary: string;
  /** Usage text printed on bad usage and by `dualtrack help <name>`. */
  usage: string;
  /** Exit code: 0 success, 1 the work found a problem (e.g. a rejected file), 2 bad usage. */
  run: (args: string[], io: CliIo) => Promise<number>;
}

/** Thrown by a command's argument parsing; main prints the message and the usage, exit code 2. */
class UsageError extends DualtrackError {
  override name = 'UsageError';
}

export { UsageError };
export type { CliIo, CliCommand };
