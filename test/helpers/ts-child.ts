// Runs a TypeScript script (a test's helper, or the CLI) as a child Node process through tsx.
// A helper script may hold at a start line: it says "ready" once its imports are loaded and
// waits for "go" on stdin, so several children released together really race instead of
// running one after another.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

interface TsChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

interface TsChild {
  pid: number;
  /** Resolves when the child has printed "ready" (scripts that call startLine). */
  ready: () => Promise<void>;
  /** Releases the child from its start line. */
  go: () => void;
  /** Resolves with the first stdout line matching `pattern`. */
  waitForLine: (pattern: RegExp) => Promise<string>;
  kill: (signal: NodeJS.Signals) => void;
  done: Promise<TsChildResult>;
}

const READY = 'ready';
const GO = 'go';

/** Parent side: starts `script` with `args`; cwd is the repository (tsx resolves from it). */
const startTsChild = (script: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): TsChild => {
  const child = spawn(process.execPath, ['--openssl-legacy-provider', '--import', 'tsx', script, ...args], {
    cwd: process.cwd(),
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  if (child.pid === undefined) throw new Error(`could not start ${script}`);
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const lines = createInterface({ input: child.stdout });
  const waiters = new Set<{ pattern: RegExp; resolve: (line: string) => void }>();
  lines.on('line', (line) => {
    stdout += `${line}\n`;
    for (const w of waiters) {
      if (w.pattern.test(line)) {
        waiters.delete(w);
        w.resolve(line);
      }
    }
  });
  const done = (async (): Promise<TsChildResult> => {
    const [code, signal] = (await once(child, 'close')) as [number | null, NodeJS.Signals | null];
    return { code, signal, stdout, stderr };
  })();
  const waitForLine = (pattern: RegExp): Promise<string> =>
    new Promise((resolve, reject) => {
      const already = stdout.split('\n').find((l) => pattern.test(l));
      if (already !== undefined) return resolve(already);
      waiters.add({ pattern, resolve });
      void done.then((r) => reject(new Error(`${script} ended (${r.code ?? r.signal}) before a line matching ${String(pattern)}:\n${r.stdout}${r.stderr}`)));
    });
  return {
    pid: child.pid,
    ready: () => waitForLine(new RegExp(`^${READY}$`)).then(() => undefined),
    go: () => child.stdin.end(`${GO}\n`),
    waitForLine,
    kill: (signal) => {
      child.kill(signal);
    },
    done,
  };
};

/** Child side: say "ready" and wait for "go". */
const startLine = async (): Promise<void> => {
  process.stdout.write(`${READY}\n`);
  const input = createInterface({ input: process.stdin });
  for await (const line of input) {
    if (line.trim() === GO) break;
  }
  input.close();
};

export { startTsChild, startLine };
export type { TsChild, TsChildResult };
