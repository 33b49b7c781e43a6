// The terminal of a real run: stdout and stderr of this process. When the reader of a pipe goes
// away (`dualtrack allies | head -1`), there is no one left to write for: the run ends at once,
// quietly, with the status a shell shows for a program ended by SIGPIPE, instead of a trace.
import type { CliIo } from './command.ts';

/** 128 + SIGPIPE (13): what `yes | head -1` reports for `yes`. */
const CLOSED_PIPE_EXIT = 141;

const isClosedPipe = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && 'code' in error && (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED');

const processIo = (): CliIo => {
  const endQuietly = (error: unknown): void => {
    if (!isClosedPipe(error)) throw error;
    process.exit(CLOSED_PIPE_EXIT);
  };
  process.stdout.on('error', endQuietly);
  process.stderr.on('error', endQuietly);
  const write = (stream: NodeJS.WriteStream) => (text: string) => {
    // After the pipe closed, nothing more is written while the exit is on its way.
    if (!stream.destroyed) stream.write(`${text}\n`);
  };
  return {
    out: write(process.stdout),
    err: write(process.stderr),
    cwd: process.env.INIT_CWD ?? process.cwd(),
    env: process.env,
  };
};

export { processIo, CLOSED_PIPE_EXIT };
