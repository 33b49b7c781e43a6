// `dualtrack users add --ally EST --email ADDRESS [--endpoint URL | --stack NAME]`: adds a
// submitter for one ally (group ally-<ISO3>), or with --analyst an analyst, to the portal's user
// directory, and prints the sign-in password to hand over. Thin: the directories are in
// cli/clients/ (users.ts).
import { z } from 'zod';
import { userDirectoryFor } from '../clients/users.ts';
import { UsageError } from '../command.ts';
import type { CliIo, CommandModule } from '../command.ts';
import { ExitCode } from '../command.ts';
import { allyCode, allyOption } from '../options.ts';
import type { CliCommand } from '../program.ts';
import { TargetOptionsSchema, endpointOption, stackOption, targetOf } from '../target-options.ts';

const AddOptionsSchema = TargetOptionsSchema.extend({ ally: z.string().optional(), email: z.string().optional(), analyst: z.boolean().optional() });

const declare = (cmd: CliCommand, io: CliIo): void => {
  cmd
    .description("The submitters' portal's users: each submits for one ally (group ally-<ISO3>), or is an analyst who reads every ally's receipts and uploads for none.")
    .addHelpText('after', '\nExit codes: 0 done, 1 the user could not be added (it exists, the cloud is unreachable), 2 bad usage.');

  const add = cmd.command('add').description('Adds a user and prints the sign-in password to hand over (shown once; only its hash is kept).');
  add
    .addOption(allyOption('the ally the user submits for'))
    .option('--email <ADDRESS>', "the user's e-mail address, which is also the sign-in name")
    .option('--analyst', 'an analyst instead (no --ally): reads every ally\'s receipts, uploads for none')
    .addOption(endpointOption())
    .addOption(stackOption('its user pool'))
    .runs(async () => {
      const o = add.optionsAs(AddOptionsSchema);
      if (o.email === undefined) throw new UsageError('--email is required');
      if (o.analyst && o.ally !== undefined) throw new UsageError('--analyst and --ally exclude each other: an analyst submits for no ally');
      if (!o.analyst && o.ally === undefined) throw new UsageError('--ally is required (or --analyst)');
      const ally = o.analyst ? null : allyCode(o.ally ?? '');
      const directory = await userDirectoryFor(targetOf(o));
      try {
        const added = await directory.addUser({ email: o.email, ally });
        io.out(`Added ${added.email} (group ${added.group}) to ${directory.description}.`);
        if (added.password !== null) io.out(`Sign-in password: ${added.password}`);
        else io.out(`The directory e-mails ${added.email} a temporary password and a link to the page; it is changed at the first sign-in.`);
        return ExitCode.ok;
      } finally {
        directory.close();
      }
    });
};

const command: CommandModule = { declare };

export { command };
