// The contract of the `dualtrack` tool's commands. Each command is a module in cli/commands/
// listed in cli/registry.ts; it exports `command`, whose `declare` describes its arguments,
// options and help on the commander Command made for it, and sets the action with `runs`.
// Parsing, help, --version, refusing unknown options and wording errors are done once, in
// cli/program.ts; a command only checks what commander cannot (a year, a port, an ally).
import type { CliCommand } from './program.ts';
import { DualtrackError } from '../shared/errors.ts';

interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Working directory the user ran the command from. */
  cwd: string;
  env: NodeJS.ProcessEnv;
}

interface CommandModule {
  /**
   * Declares arguments, options, help text and the action (`cmd.runs(...)`) on `cmd`, whose
   * name and summary are already set. A command with subcommands (`config put`) declares them
   * with `cmd.command(name)`, each with its own action.
   */
  declare: (cmd: CliCommand, io: CliIo) => void;
}

/** Bad usage: printed as one sentence with a pointer to --help, exit code 2. */
class UsageError extends DualtrackError {
  override name = 'UsageError';
}

/** Exit codes: 0 done, 1 the work failed or found a problem (a rejected file), 2 bad usage. */
const ExitCode = { ok: 0, failed: 1, usage: 2 } as const;

export { UsageError, ExitCode };
export type { CliIo, CommandModule };
