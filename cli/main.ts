// Entry point of `npm run dualtrack -- <command> [args]`. Commands are files in ./commands,
// loaded by name so adding one never touches this file.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CliCommand, CliIo } from './command.ts';
import { UsageError } from './command.ts';

const commandsDir = join(dirname(fileURLToPath(import.meta.url)), 'commands');

const commandNames = (): string[] =>
  readdirSync(commandsDir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => f.slice(0, -3))
    .sort();

const loadCommand = async (name: string): Promise<CliCommand | null> => {
  if (!/^[a-z][a-z-]*$/.test(name) || !commandNames().includes(name)) return null;
  const mod = (await import(pathToFileURL(join(commandsDir, `${name}.ts`)).href)) as { command?: CliCommand };
  return mod.command ?? null;
};

const help = async (io: CliIo): Promise<void> => {
  const lines = ['Usage: npm run dualtrack -- <command> [args]', '', 'Commands:'];
  for (const name of commandNames()) {
    const c = await loadCommand(name);
    if (c) lines.push(`  ${c.name.padEnd(11)} ${c.summary}`);
  }
  lines.push('', 'Run `npm run dualtrack -- help <command>` for a command\'s options.');
  io.out(lines.join('\n'));
};

const main = async (argv: string[], io: CliIo): Promise<number> => {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    const topic = args[0] ? await loadCommand(args[0]) : null;
    if (topic) io.out(topic.usage);
    else await help(io);
    return name ? 0 : 2;
  }
  const command = await loadCommand(name);
  if (!command) {
    io.err(`dualtrack: unknown command "${name}". Known commands: ${commandNames().join(', ')}.`);
    return 2;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`dualtrack ${name}: ${error.message}\n\n${command.usage}`);
      return 2;
    }
    throw error;
  }
};

const isEntryPoint = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isEntryPoint) {
  // The AWS SDK warns on Node 20 that its releases after January 2027 will need Node 22; the
  // lock file pins a release that works here, so the notice would only bury the tool's output.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const io: CliIo = {
    out: (t) => process.stdout.write(`${t}\n`),
    err: (t) => process.stderr.write(`${t}\n`),
    cwd: process.env.INIT_CWD ?? process.cwd(),
    env: process.env,
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`dualtrack: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}

export { main, commandNames, loadCommand };
