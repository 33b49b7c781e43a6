// Running what is measured: a command as a child process, timed from spawn to exit by the wall
// clock (what a user waits), its peak memory as the child reports it (rss-at-exit.mjs, or the
// Python yardstick's own line); and pairs of such runs interleaved (A B, then B A, ...), so
// that a machine getting busier or quieter weighs on both alike.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

interface Command {
  program: string;
  args: readonly string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Exit codes that mean the command did its work (default: 0 only). */
  okCodes?: readonly number[];
}

interface Run {
  ms: number;
  /** Peak resident memory, MiB, when the child reported it. */
  rssMiB: number | null;
  stdout: string;
}

/** Node.js flags that make a measured child report its peak memory as it exits. */
const REPORT_RSS = ['--import', fileURLToPath(new URL('./rss-at-exit.mjs', import.meta.url))] as const;

const RSS_LINE = /BENCH_MAX_RSS_KIB (\d+)/g;

/** Runs `command` once; fails with its output when it exits with a code not in `okCodes`. */
const runOnce = (command: Command): Promise<Run> =>
  new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command.program, [...command.args], {
      cwd: command.cwd,
      env: { ...process.env, ...command.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (code === null || !(command.okCodes ?? [0]).includes(code)) {
        reject(new Error(`${command.program} ${command.args.join(' ')} exited ${code}:\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`));
        return;
      }
      const kib = [...stderr.matchAll(RSS_LINE)].at(-1)?.[1];
      resolve({ ms, rssMiB: kib === undefined ? null : Number(kib) / 1024, stdout });
    });
  });

/**
 * Runs A and B `times` times each, alternating which goes first, after one warm-up of each
 * (file caches, tsx's compile cache) unless `warmUp` is false. Without B (a yardstick that is
 * not installed), A alone.
 */
const interleaved = async (a: () => Promise<Run>, b: (() => Promise<Run>) | null, times: number, warmUp = true): Promise<{ a: Run[]; b: Run[] }> => {
  if (warmUp) {
    await a();
    if (b) await b();
  }
  const runs = { a: [] as Run[], b: [] as Run[] };
  for (let i = 0; i < times; i++) {
    if (b && i % 2 === 1) runs.b.push(await b());
    runs.a.push(await a());
    if (b && i % 2 === 0) runs.b.push(await b());
  }
  return runs;
};

export { runOnce, interleaved, REPORT_RSS };
export type { Command, Run };
