// The `dualtrack` program on commander: the commands of the registry, with -h/--help on each,
// `help <command>`, --version from package.json, unknown options refused with the known ones,
// and every parse problem turned into a UsageError worded as one sentence. Only the command
// being run (or whose help is asked for) is loaded; the others are listed by name and summary.
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import type { Help } from 'commander';
import { z } from 'zod';
import { UsageError } from './command.ts';
import type { CliIo } from './command.ts';
import { COMMANDS } from './registry.ts';

/** How users call the tool (README); every usage line starts with it. */
const INVOCATION = 'npm run dualtrack --';

const PackageSchema = z.object({ version: z.string() });
const packageVersion = (): string =>
  PackageSchema.parse(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))).version;

/** What the run did, kept on the program for main to read. */
interface RunState {
  /** The command running or whose arguments failed to parse ("check", "config put"). */
  active: string | null;
  /** The exit code its action returned. */
  code: number | null;
}

const stripPrefix = (message: string): string => message.replace(/^error: /, '').trim();

/** "-o/--out": how an option is named in a sentence. */
const optionName = (o: { short?: string; long?: string }): string => [o.short, o.long].filter((f) => f !== undefined).join('/');

class CliCommand extends Command {
  readonly state: RunState = { active: null, code: null };

  override createCommand(name?: string): CliCommand {
    return new CliCommand(name);
  }

  /** The program (root command); its state is what main reads. */
  program(): CliCommand {
    return this.parent instanceof CliCommand ? this.parent.program() : this;
  }

  /** "config put": the names from the program down, without the program's own. */
  path(): string {
    if (!this.parent) return '';
    const above = this.parent instanceof CliCommand ? this.parent.path() : '';
    return above === '' ? this.name() : `${above} ${this.name()}`;
  }

  /** Commander reports every parse problem here; it becomes one sentence for main to print. */
  override error(message: string, options?: { code?: string; exitCode?: number }): never {
    this.program().state.active = this.path() || null;
    throw new UsageError(this.problem(message, options?.code));
  }

  private problem(message: string, code: string | undefined): string {
    const suggestion = /\(Did you mean ([^?]+)\?\)/.exec(message)?.[1];
    const hint = suggestion ? ` (did you mean ${suggestion}?)` : '';
    if (code === 'commander.unknownOption') {
      const flag = /'([^']+)'/.exec(message)?.[1] ?? '';
      const known = this.createHelp().visibleOptions(this).map(optionName);
      return `unknown option ${flag}${hint}; the known options are ${known.join(', ')}`;
    }
    if (code === 'commander.unknownCommand') {
      const name = /'([^']+)'/.exec(message)?.[1] ?? '';
      return `unknown command "${name}"${hint}; the commands are ${this.commands.map((c) => c.name()).join(', ')}`;
    }
    if (code === 'commander.invalidArgument') {
      const choice = /option '(\S+)[^']*' argument '([^']*)' is invalid\. Allowed choices are (.*)\.$/.exec(stripPrefix(message));
      if (choice) return `${choice[1]} must be one of ${choice[3]}, not "${choice[2]}"`;
      return stripPrefix(message).replace(/\.\s+/g, '; ').replace(/\.$/, '');
    }
    if (code === 'commander.excessArguments') {
      const wanted = this.registeredArguments.map((a) => a.name());
      return `too many arguments: ${wanted.length === 0 ? 'it takes none' : `it takes ${wanted.join(', ')}`}, got ${this.args.join(' ')}`;
    }
    return stripPrefix(message);
  }

  /**
   * Sets the action: `work` gets the positional arguments, checks what commander could not, and
   * returns the exit code.
   */
  runs(work: (operands: string[]) => Promise<number>): this {
    return this.action(async () => {
      const { state } = this.program();
      state.active = this.path();
      state.code = await work([...this.args]);
    });
  }

  /** The options commander parsed, checked against the command's schema (types for the action). */
  optionsAs<T>(schema: z.ZodType<T>): T {
    return schema.parse(this.opts());
  }
}

/** The command a command line names: its first word, or the one after `help`. */
const commandNamed = (argv: readonly string[]): string | undefined => {
  const words = argv.filter((a) => !a.startsWith('-'));
  return words[0] === 'help' ? words[1] : words[0];
};

const withoutFinalNewline = (text: string): string => text.replace(/\n$/, '');

/** The program for one command line, with that line's command loaded and declared. */
const buildProgram = async (argv: readonly string[], io: CliIo): Promise<CliCommand> => {
  const program = new CliCommand(INVOCATION)
    .description("Turns allies' defence-spending workbooks into public, versioned compliance reports.")
    .version(packageVersion(), '-V, --version', 'print the version number')
    .helpOption('-h, --help', 'print this help')
    .helpCommand('help [command]', 'print the help of a command')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.out(withoutFinalNewline(text)),
      writeErr: (text) => io.err(withoutFinalNewline(text)),
      outputError: () => undefined,
    })
    // Commands not loaded have no options to show, so the list names them all alike.
    .configureHelp({ subcommandTerm: (cmd: Command) => cmd.name(), showGlobalOptions: false } satisfies Partial<Help>)
    .addHelpText('after', `\nRun \`${INVOCATION} help <command>\` (or \`<command> --help\`) for a command's arguments and options.`);
  const wanted = commandNamed(argv);
  // `help nosuch` would otherwise print the program's help as if it were an answer.
  if (wanted !== undefined && argv.find((a) => !a.startsWith('-')) === 'help' && !COMMANDS.some((c) => c.name === wanted)) {
    throw new UsageError(`unknown command "${wanted}"; the commands are ${COMMANDS.map((c) => c.name).join(', ')}`);
  }
  for (const entry of COMMANDS) {
    const cmd = program.command(entry.name).summary(entry.summary).description(`${entry.summary[0]?.toUpperCase() ?? ''}${entry.summary.slice(1)}.`);
    if (entry.name === wanted) (await entry.load()).declare(cmd, io);
  }
  return program;
};

export { buildProgram, CliCommand, INVOCATION };
export type { RunState };
