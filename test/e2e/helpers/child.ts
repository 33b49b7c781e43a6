// Runs a command as a child process in its own process group, collects its output, and can
// wait for a line or stop the whole group (npm and the node it starts) with a signal.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

interface Child {
  process: ChildProcess;
  output: () => string;
  /** Resolves with the first match of `pattern` in stdout+stderr; rejects on exit or timeout. */
  waitFor: (pattern: RegExp, timeoutMs: number) => Promise<RegExpMatchArray>;
  /** Sends `signal` to the group and resolves with the exit code (null if killed by a signal). */
  stop: (signal: NodeJS.Signals, timeoutMs: number) => Promise<number | null>;
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });

const startChild = (command: string, args: readonly string[], cwd: string): Child => {
  const child = spawn(command, [...args], { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
  let text = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    text += chunk.toString('utf8');
    for (const l of listeners) l();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let done = false;
  void exited.then(() => {
    done = true;
    for (const l of listeners) l();
  });

  return {
    process: child,
    output: () => text,
    waitFor: (pattern, timeoutMs) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => finish(new Error(`no ${String(pattern)} within ${timeoutMs} ms; output:\n${text}`)), timeoutMs);
        const check = () => {
          const m = text.match(pattern);
          if (m) finish(null, m);
          else if (done) finish(new Error(`the process exited before ${String(pattern)}; output:\n${text}`));
        };
        function finish(error: Error | null, m?: RegExpMatchArray): void {
          clearTimeout(timer);
          listeners.delete(check);
          if (error) reject(error);
          else if (m) resolve(m);
        }
        listeners.add(check);
        check();
      }),
    stop: async (signal, timeoutMs) => {
      if (!done && child.pid !== undefined) process.kill(-child.pid, signal);
      const timer = setTimeout(() => {
        if (!done && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      }, timeoutMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
};

export { startChild, freePort };
export type { Child };
