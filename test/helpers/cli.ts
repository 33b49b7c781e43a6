// Runs `dualtrack` commands in-process, capturing what they print instead of writing to the terminal.
import type { CliIo } from '../../cli/index.ts';
import { main } from '../../cli/index.ts';

interface CapturedIo {
  io: CliIo;
  /** Lines written to standard output. */
  out: string[];
  /** Lines written to standard error. */
  err: string[];
  /** Lines written to either stream, in the order written: what a user sees in the terminal. */
  lines: string[];
  /** Standard output as one text. */
  text: () => string;
}

interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** An io for `main` that keeps what a command prints; the env is empty unless given, so tests don't depend on the caller's shell. */
const capturingIo = (cwd: string, env: NodeJS.ProcessEnv = {}): CapturedIo => {
  const out: string[] = [];
  const err: string[] = [];
  const lines: string[] = [];
  const io: CliIo = {
    out: (t) => {
      out.push(t);
      lines.push(t);
    },
    err: (t) => {
      err.push(t);
      lines.push(t);
    },
    cwd,
    env,
  };
  return { io, out, err, lines, text: () => out.join('\n') };
};

/** Runs one command line (`['check', 'x.xlsx']`) and returns its exit code and both streams as text. */
const runCli = async (args: string[], { cwd, env }: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<CliRun> => {
  const { io, out, err } = capturingIo(cwd, env);
  const code = await main(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
};

export { capturingIo, runCli };
export type { CapturedIo, CliRun };
