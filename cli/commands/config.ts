// `dualtrack config check|put|get rules|fx …`: the rules and the exchange-rate table operators
// replace without a deploy. They live in the data bucket's config/ (rules.json, fx-rates.json),
// where the functions and the local cloud read them at every upload and publish (shared/config).
//   check KIND FILE             validates FILE as the functions would, every problem by its zod path
//   put KIND FILE [target]      validates, writes it to the data bucket, then recomputes, so the
//                               next release names the new rules or table
//   get KIND [target]           prints what is stored (or says the shipped default applies)
import { basename, resolve } from 'node:path';
import { Argument } from 'commander';
import { z } from 'zod';
import { ConfigError, ConfigKind, loadConfig, storeLocation, STORE_KEY } from '../../shared/config/index.ts';
import type { ConfigOf } from '../../shared/config/index.ts';
import { BucketRole, createS3Storage } from '../../shared/storage/index.ts';
import type { Storage } from '../../shared/storage/index.ts';
import { resolveTarget } from '../clients/target.ts';
import type { Target } from '../clients/target.ts';
import type { CliIo, CommandModule } from '../command.ts';
import { ExitCode } from '../command.ts';
import { configErrorLines } from '../config-file.ts';
import { outcomeSentence } from '../print/publish-outcome.ts';
import type { CliCommand } from '../program.ts';
import { TargetOptionsSchema, endpointOption, stackOption, targetOf } from '../target-options.ts';

const KindSchema = z.enum([ConfigKind.rules, ConfigKind.fx]);
type Kind = z.infer<typeof KindSchema>;

const kindArgument = (): Argument =>
  new Argument('<KIND>', '`rules` (a rule set, see `dualtrack rules`) or `fx` (an exchange-rate table, the schema of shared/reference/fx-rates.json)').choices([
    ConfigKind.rules,
    ConfigKind.fx,
  ]);

/** Reads FILE as configuration of `kind` through the one loader; null (problems printed) when it cannot be used. */
const checkedFile = async <K extends Kind>(kind: K, path: string, io: CliIo, verb: string): Promise<ConfigOf[K] | null> => {
  try {
    return (await loadConfig({ files: { [kind]: path } }))[kind].value as ConfigOf[K];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const [first = '', ...rest] = configErrorLines(error);
    io.err([`dualtrack config ${verb}: ${first}`, ...rest, `Nothing was ${verb === 'put' ? 'written' : 'changed'}.`].join('\n'));
    return null;
  }
};

/** The data bucket of the target, through the storage port. */
const dataStorage = (target: Target): Storage =>
  createS3Storage({ client: target.client, buckets: { uploads: target.uploadsBucket, data: target.dataBucket(), public: target.dataBucket() } });

const withTarget = async (options: z.infer<typeof TargetOptionsSchema>, work: (target: Target) => Promise<number>): Promise<number> => {
  const target = await resolveTarget(targetOf(options));
  try {
    return await work(target);
  } finally {
    target.close();
  }
};

const declare = (cmd: CliCommand, io: CliIo): void => {
  cmd
    .description(
      "The rules and the exchange-rate table the functions compute with, kept in the data bucket's config/ (rules.json, fx-rates.json) and read at every upload and publish; without them the shipped defaults apply.",
    )
    .addHelpText('after', '\nExit codes: 0 done, 1 the file is not valid (every problem named by its path) or the cloud failed, 2 bad usage.');

  const check = cmd.command('check').description('Checks a rules file or an exchange-rate table as the functions would, naming every problem by its path. Writes nothing.');
  check
    .addArgument(kindArgument())
    .argument('<FILE>', 'the JSON file to check')
    .runs(async ([kind = '', file = '']) => {
      const k = KindSchema.parse(kind);
      const path = resolve(io.cwd, file);
      if ((await checkedFile(k, path, io, 'check')) === null) return ExitCode.failed;
      io.out(`${path} is a valid ${k === ConfigKind.rules ? 'rules file' : 'exchange-rate table'}.`);
      return ExitCode.ok;
    });

  const put = cmd
    .command('put')
    .description('Validates FILE, writes it to the data bucket (config/rules.json or config/fx-rates.json) and recomputes, so the next release is computed with it and names it.');
  put
    .addArgument(kindArgument())
    .argument('<FILE>', 'the JSON file to publish')
    .option('--reason <TEXT>', 'why, recorded in the release (default "config put KIND FILE")')
    .addOption(endpointOption())
    .addOption(stackOption('its DataBucketName output is written and its RecomputeFunctionName output invoked'))
    .runs(async ([kind = '', file = '']) => {
      const o = put.optionsAs(TargetOptionsSchema.extend({ reason: z.string().optional() }));
      const k = KindSchema.parse(kind);
      const path = resolve(io.cwd, file);
      const value = await checkedFile(k, path, io, 'put');
      if (value === null) return ExitCode.failed;
      return withTarget(o, async (target) => {
        await dataStorage(target).put(BucketRole.data, STORE_KEY[k], `${JSON.stringify(value, null, 2)}\n`, {
          contentType: 'application/json; charset=utf-8',
        });
        io.out(`Wrote ${path} to the ${storeLocation(k)} on ${target.description}. Recomputing...`);
        const reason = (o.reason ?? `config put ${k} ${basename(path)}`).slice(0, 500);
        io.out(outcomeSentence(await target.recompute({ reason })));
        return ExitCode.ok;
      });
    });

  const get = cmd.command('get').description('Prints the rules or exchange-rate table stored in the data bucket, or says the shipped default applies.');
  get
    .addArgument(kindArgument())
    .addOption(endpointOption())
    .addOption(stackOption('its DataBucketName output is read'))
    .runs(async ([kind = '']) => {
      const o = get.optionsAs(TargetOptionsSchema);
      const k = KindSchema.parse(kind);
      return withTarget(o, async (target) => {
        const stored = await dataStorage(target).get(BucketRole.data, STORE_KEY[k]);
        if (!stored) {
          io.err(`No ${storeLocation(k)} on ${target.description}: the shipped default applies.`);
          return ExitCode.ok;
        }
        io.out(stored.body.toString('utf8').replace(/\n$/, ''));
        return ExitCode.ok;
      });
    });
};

const command: CommandModule = { declare };

export { command };
