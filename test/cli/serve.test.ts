// The serve command's refusals: bad options are usage errors, a taken port is a clear failure.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';
import { startLocalCloud } from '../../local/index.ts';
import { capturingIo } from '../helpers/cli.ts';
import { tempDirs } from '../helpers/temp.ts';

const temp = tempDirs('dualtrack-serve-');

describe('dualtrack serve', () => {
  it.each([[['--port', 'abc']], [['--port', '70000']], [['--frobnicate']], [['extra']]])('refuses %j as bad usage (exit 2)', async (args) => {
    // Prepare
    const { io, lines } = capturingIo(tmpdir(), process.env);
    // Act
    const code = await main(['serve', ...args], io);
    // Assess
    expect(code).toBe(2);
    expect(lines.join('\n')).toMatch(/^dualtrack serve: .*; see `npm run dualtrack -- serve --help`$/);
  });

  it('fails with a clear message when the port is taken (exit 1)', async () => {
    // Prepare
    const dir = temp.make();
    const first = await startLocalCloud({ dir: join(dir, 'a'), port: 0 });
    const { io, lines } = capturingIo(tmpdir(), process.env);
    const sigintListeners = process.listenerCount('SIGINT');
    try {
      // Act
      const code = await main(['serve', '--port', String(first.port), '--dir', join(dir, 'b')], io);
      // Assess
      expect(code).toBe(1);
      expect(lines.join('\n')).toContain(`127.0.0.1:${first.port} is already in use`);
      expect(process.listenerCount('SIGINT')).toBe(sigintListeners);
    } finally {
      await first.stop();
    }
  });
});
