// How a failed command line ends: one sentence on stderr and an exit code (2 for bad usage, 1
// for work that failed), never a stack trace unless DEBUG=dualtrack asks for one; help and
// --version end with 0.
import { inspect } from 'node:util';
import { CommanderError } from 'commander';
import { ExitCode, UsageError } from './command.ts';
import type { CliIo } from './command.ts';
import { INVOCATION } from './program.ts';
import { DualtrackError } from '../shared/errors.ts';

/** DEBUG=dualtrack (or a list naming it, or `*`) shows the stack and causes of a failure. */
const debugEnabled = (env: NodeJS.ProcessEnv): boolean => (env.DEBUG ?? '').split(/[\s,]+/).some((name) => name === 'dualtrack' || name === '*');

/** The first line of the message, its whitespace collapsed: the sentence a user reads. */
const sentenceOf = (error: unknown): string => {
  const message = error instanceof Error ? error.message : String(error);
  const first = message.split('\n').map((l) => l.trim()).find((l) => l !== '');
  return first ?? (error instanceof Error ? error.name : 'failed');
};

/** Prints what went wrong and returns the exit code. `active` is the command that ran, if any. */
const reportFailure = (error: unknown, active: string | null, io: CliIo): number => {
  if (error instanceof CommanderError) {
    // Help and --version end the run through commander's exit; only help shown for bad usage is an error.
    return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  }
  const who = active ? `dualtrack ${active}` : 'dualtrack';
  if (error instanceof UsageError) {
    io.err(`${who}: ${sentenceOf(error)}; see \`${INVOCATION} ${active ? `${active} ` : ''}--help\``);
  } else {
    // The project's own errors are worded for users; anything else may need its stack to be understood.
    const hint = error instanceof DualtrackError || debugEnabled(io.env) ? '' : ' (DEBUG=dualtrack shows the details)';
    io.err(`${who}: ${sentenceOf(error)}${hint}`);
  }
  if (debugEnabled(io.env)) io.err(inspect(error, { depth: 6 }));
  return error instanceof UsageError ? ExitCode.usage : ExitCode.failed;
};

export { reportFailure, debugEnabled, sentenceOf };
