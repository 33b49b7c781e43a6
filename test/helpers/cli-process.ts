// Runs the real `dualtrack` entry point (cli/main.ts, as `npm run dualtrack` starts it) in a
// child process, for behaviour that belongs to the process: exit codes, what reaches stderr,
// a reader that closes the pipe, which modules a command loads.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ENTRY = fileURLToPath(new URL('../../cli/main.ts', import.meta.url));

interface EntryRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

interface EntryOptions {
  cwd?: string;
  /** Added to a minimal environment (PATH, HOME), so the caller's DEBUG and the like do not leak in. */
  env?: NodeJS.ProcessEnv;
  /** Close the read end of stdout before the command writes: a reader that went away. */
  closeStdout?: boolean;
  /** Extra node options before the entry (e.g. `--import` of a loader). */
  nodeArgs?: string[];
}

const runEntry = (args: readonly string[], options: EntryOptions = {}): Promise<EntryRun> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--openssl-legacy-provider', '--import', 'tsx', ...(options.nodeArgs ?? []), ENTRY, ...args], {
      cwd: options.cwd ?? PROJECT_ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    if (options.closeStdout) child.stdout.destroy();
    else child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });

export { runEntry, PROJECT_ROOT };
export type { EntryRun, EntryOptions };
