// `dualtrack serve`: the whole pipeline on this machine, on an embedded S3 server. Thin: the
// emulator lives in local/, what the terminal shows in cli/print/.
import { resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_RUNTIME_DIR, SAMPLES_DIR, startLocalCloud, DEFAULT_PORT } from '../../local/index.ts';
import { runDemo } from '../clients/demo.ts';
import { UsageError } from '../command.ts';
import type { CliIo, CommandModule } from '../command.ts';
import { bannerLines } from '../print/banner.ts';
import { printCloudEvents } from '../print/cloud-events.ts';
import { createTerminal } from '../print/terminal.ts';
import type { CliCommand } from '../program.ts';

/** The user `--demo` signs the page in with: Estonia's submitter. */
const DEMO_USER = { email: 'demo.est@dualtrack.localhost', ally: 'EST' } as const;

const demoUserLines = (pageUrl: string, user: { email: string; password: string }): string[] => [
  `Demo user for Estonia (ally-EST) on ${pageUrl}`,
  `  e-mail    ${user.email}`,
  `  password  ${user.password}`,
  '',
];

const OptionsSchema = z.object({ port: z.string().optional(), dir: z.string().optional(), demo: z.boolean().optional() });

const portValue = (text: string | undefined): number => {
  const port = text === undefined ? DEFAULT_PORT : Number(text);
  if (!/^\d+$/.test(text ?? '0') || !Number.isInteger(port) || port > 65535) throw new UsageError(`--port must be a port number (0-65535), not "${text ?? ''}"`);
  return port;
};

/** Resolves on Ctrl-C or a termination signal. */
const untilStopped = (): Promise<string> =>
  new Promise((resolveStop) => {
    const stop = (signal: string) => () => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolveStop(signal);
    };
    const onInt = stop('SIGINT');
    const onTerm = stop('SIGTERM');
    process.once('SIGINT', onInt);
    process.once('SIGTERM', onTerm);
  });

const declare = (cmd: CliCommand, io: CliIo): void => {
  cmd
    .description(
      'Starts the local cloud: an S3-compatible server on 127.0.0.1 with the uploads, data and public buckets, wired like the AWS stack. Every upload under submissions/<ISO3>/ in the uploads bucket is ingested (receipt under receipts/<ISO3>/), and publishing runs one batch at a time; the reports are served over plain HTTP from the public bucket. Runs until Ctrl-C.',
    )
    .option('--port <N>', `the port (default ${DEFAULT_PORT}; 0 picks a free one)`)
    .option('--dir <DIR>', 'where objects, dead letters and logs are kept (default .dualtrack/ in the project)')
    .option('--demo', 'upload the sample submissions on start and wait for their release')
    .addHelpText('after', '\nExit code: 0 after a clean stop, 1 when the server could not start, 2 bad usage.')
    .runs(async () => {
      const o = cmd.optionsAs(OptionsSchema);
      const port = portValue(o.port);
      const dir = o.dir === undefined ? DEFAULT_RUNTIME_DIR : resolve(io.cwd, o.dir);
      const say = createTerminal(io.out);
      const cloud = await startLocalCloud({ dir, port, observe: printCloudEvents(say) });
      // A second Ctrl-C while stopping is not caught: it ends the process at once.
      const stopped = untilStopped();
      io.out(bannerLines(cloud, dir, io.cwd).join('\n'));
      if (o.demo) {
        // A new password at every start: only its hash is kept, so the last one cannot be shown again.
        const user = await cloud.addUser(DEMO_USER, { reset: true });
        io.out(demoUserLines(cloud.pageUrl, user).join('\n'));
        // A failed demo is reported, and the local cloud keeps serving what it has.
        const demo = runDemo(cloud, SAMPLES_DIR, say).catch((error: unknown) => {
          say('demo', `failed: ${error instanceof Error ? error.message : String(error)}`);
        });
        await Promise.race([demo, stopped]);
      }
      const signal = await stopped;
      say('stop', `${signal}: finishing work in progress, then stopping`);
      await cloud.stop();
      say('stop', 'stopped');
      return 0;
    });
};

const command: CommandModule = { declare };

export { command };
