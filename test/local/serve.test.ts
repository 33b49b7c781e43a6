// The serve command's refusals: bad options are usage errors, a taken port is a clear failure.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';
import type { CliIo } from '../../cli/command.ts';
import { startLocalCloud } from '../../local/runtime.ts';

const captureIo = (): CliIo & { lines: string[] } => {
  const lines: string[] = [];
  return { out: (t) => lines.push(t), err: (t) => lines.push(t), cwd: tmpdir(), env: process.env, lines };
};

describe('dualtrack serve', () => {
  it.each([[['--port', 'abc']], [['--port', '70000']], [['--frobnicate']], [['extra']]])('refuses %j as bad usage (exit 2)', async (args) => {
    // Prepare
    const io = captureIo();
    // Act
    const code = await main(['serve', ...args], io);
    // Assess
    expect(code).toBe(2);
    expect(io.lines.join('\n')).toContain('Usage: npm run dualtrack -- serve');
  });

  it('fails with a clear message when the port is taken (exit 1)', async () => {
    // Prepare
    const dir = await mkdtemp(join(tmpdir(), 'dualtrack-serve-'));
    const first = await startLocalCloud({ dir: join(dir, 'a'), port: 0 });
    const io = captureIo();
    const sigintListeners = process.listenerCount('SIGINT');
    try {
      // Act
      const code = await main(['serve', '--port', String(first.port), '--dir', join(dir, 'b')], io);
      // Assess
      expect(code).toBe(1);
      expect(io.lines.join('\n')).toContain(`127.0.0.1:${first.port} is already in use`);
      expect(process.listenerCount('SIGINT')).toBe(sigintListeners);
    } finally {
      await first.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
