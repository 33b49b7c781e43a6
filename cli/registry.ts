// The commands of `dualtrack`, in the order `help` lists them. Each is loaded only when it
// runs (or its help is asked for), so a command pays for no other command's modules.
// Adding a command: a module in cli/commands/ exporting `command: CommandModule`, and one line here.
import type { CommandModule } from './command.ts';

interface CommandEntry {
  name: string;
  /** One line for `dualtrack help`. */
  summary: string;
  load: () => Promise<CommandModule>;
}

const COMMANDS: readonly CommandEntry[] = [
  { name: 'template', summary: 'write the submission template for an ally', load: async () => (await import('./commands/template.ts')).command },
  { name: 'check', summary: 'check a submission file as an upload would be checked (dry run)', load: async () => (await import('./commands/check.ts')).command },
  { name: 'process', summary: 'ingest workbooks and publish a release into a local folder', load: async () => (await import('./commands/process.ts')).command },
  { name: 'serve', summary: 'run the pipeline locally on an embedded S3 server (Ctrl-C to stop)', load: async () => (await import('./commands/serve.ts')).command },
  { name: 'upload', summary: 'upload a submission to the local cloud (or a stack) and print its receipt', load: async () => (await import('./commands/upload.ts')).command },
  { name: 'recompute', summary: 'republish from every stored submission now (local cloud or a stack)', load: async () => (await import('./commands/recompute.ts')).command },
  { name: 'repair', summary: 'finish or discard what a publisher left half-written, then publish (local cloud or a stack)', load: async () => (await import('./commands/repair.ts')).command },
  { name: 'config', summary: 'check, publish or show the rules and exchange-rate table the cloud uses', load: async () => (await import('./commands/config.ts')).command },
  { name: 'users', summary: "add a user of the submitters' portal and print its password (local cloud or a stack)", load: async () => (await import('./commands/users.ts')).command },
  { name: 'rules', summary: 'print the default rules, or check a rules file', load: async () => (await import('./commands/rules.ts')).command },
  { name: 'allies', summary: 'list the allies, their names and currencies', load: async () => (await import('./commands/allies.ts')).command },
];

const commandEntry = (name: string): CommandEntry | undefined => COMMANDS.find((c) => c.name === name);

export { COMMANDS, commandEntry };
export type { CommandEntry };
