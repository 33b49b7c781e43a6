// `dualtrack serve`: the whole pipeline on this machine, on an embedded S3 server. Thin: the
// runtime lives in local/.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { LocalCloudError } from '../../local/errors.ts';
import { DEFAULT_RUNTIME_DIR, SAMPLES_DIR } from '../../local/project.ts';
import { startLocalCloud } from '../../local/runtime.ts';
import { DEFAULT_PORT } from '../../local/settings.ts';
import { runDemo } from '../clients/demo.ts';
import { bannerLines } from '../print/banner.ts';
import { printCloudEvents } from '../print/cloud-events.ts';
import { createTerminal } from '../print/terminal.ts';
import { UsageError } from '../command.ts';
import type { CliCommand, CliIo } from '../command.ts';

const usage = `Usage: npm run dualtrack -- serve [--port N] [--dir DIR] [--demo]

Starts the local cloud: an S3-compatible server on 127.0.0.1 with the uploads, data and public
buckets, wired like the AWS stack. Every upload under submissions/<ISO3>/ in the uploads bucket
is ingested (receipt under receipts/<ISO3>/), and publishing runs one batch at a time; the
reports are served over plain HTTP from the public bucket. Runs until Ctrl-C.
  --port N     the port (default ${DEFAULT_PORT}; 0 picks a free one)
  --dir DIR    where objects, dead letters and logs are kept (default .dualtrack/ in the project)
  --demo       upload the sample submissions on start and wait for their release
Exit code: 0 after a clean stop, 1 when the server could not start, 2 bad usage.`;

interface Options {
  port: number;
  dir: string | undefined;
  demo: boolean;
}

const parse = (args: string[]): Options => {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: { port: { type: 'string' }, dir: { type: 'string' }, demo: { type: 'boolean', default: false } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), { cause: error });
  }
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!/^\d+$/.test(values.port ?? '0') || !Number.isInteger(port) || port > 65535) {
    throw new UsageError(`--port must be a port number (0-65535), not "${values.port ?? ''}"`);
  }
  return { port, dir: values.dir, demo: values.demo === true };
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

const run = async (args: string[], io: CliIo): Promise<number> => {
  const options = parse(args);
  const dir = options.dir === undefined ? DEFAULT_RUNTIME_DIR : resolve(io.cwd, options.dir);
  const say = createTerminal(io.out);
  let cloud;
  try {
    cloud = await startLocalCloud({ dir, port: options.port, observe: printCloudEvents(say) });
  } catch (error) {
    if (error instanceof LocalCloudError) {
      io.err(`dualtrack serve: ${error.message}`);
      return 1;
    }
    throw error;
  }
  // A second Ctrl-C while stopping is not caught: it ends the process at once.
  const stopped = untilStopped();
  io.out(bannerLines(cloud, dir, io.cwd).join('\n'));
  if (options.demo) {
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
};

const command: CliCommand = {
  name: 'serve',
  summary: 'run the pipeline locally on an embedded S3 server (Ctrl-C to stop)',
  usage,
  run,
};

export { command };
