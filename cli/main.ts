// Entry point of `npm run dualtrack -- <command> [args]`: builds the program with the one
// command the line names (cli/program.ts), runs it, and turns a failure into one sentence and
// an exit code (cli/failure.ts). `main` is what tests call; run as a script, it writes to this
// process's stdout and stderr (cli/process-io.ts).
import { fileURLToPath } from 'node:url';
import type { CliIo } from './command.ts';
import { ExitCode } from './command.ts';
import { reportFailure } from './failure.ts';
import { buildProgram } from './program.ts';
import { processIo } from './process-io.ts';

const main = async (argv: string[], io: CliIo): Promise<number> => {
  let active: string | null = null;
  try {
    const program = await buildProgram(argv, io);
    try {
      await program.parseAsync(argv, { from: 'user' });
      return program.state.code ?? ExitCode.ok;
    } finally {
      active = program.state.active;
    }
  } catch (error) {
    return reportFailure(error, active, io);
  }
};

const isEntryPoint = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isEntryPoint) {
  // The AWS SDK warns on Node 20 that its releases after January 2027 will need Node 22; the
  // lock file pins a release that works here, so the notice would only bury the tool's output.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const io = processIo();
  void main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}

export { main };
