// `dualtrack repair [--force] [--reason TEXT] [--endpoint URL | --stack NAME]`: repairs a store
// a publisher left half-written, then publishes. It runs where publishing runs (the local
// cloud's publisher lane, or the stack's recompute function, which the public bucket's deny rule
// lets write there): latest/ and index.html are brought up to the newest indexed release, and
// release folders the index does not list are discarded after their numbers are claimed; a
// publish then finishes the next number with the figures of the moment. Indexed releases are
// never touched. Publishing repairs the same things on its own; this is for an operator who
// wants the store clean now, or knows a publisher that still looks alive is gone (--force).
import { z } from 'zod';
import type { PublishOutcome } from '../../shared/pipeline/index.ts';
import { resolveTarget } from '../clients/target.ts';
import { UsageError } from '../command.ts';
import type { CliIo, CommandModule } from '../command.ts';
import { outcomeSentence } from '../print/publish-outcome.ts';
import type { CliCommand } from '../program.ts';
import { TargetOptionsSchema, endpointOption, stackOption, targetOf } from '../target-options.ts';

const OptionsSchema = TargetOptionsSchema.extend({ force: z.boolean().optional(), reason: z.string().optional() });

/** What the repair did, in words, before the publish sentence. */
const repairLines = (outcome: PublishOutcome): string[] => {
  const repair = outcome.repair;
  if (!repair) return ['The cloud answered without a repair report: it may run an older dualtrack.'];
  const folders = [...new Set(repair.discarded.map((k) => k.split('/').slice(0, 2).join('/')))];
  return [
    repair.settled ? 'latest/ and index.html were behind the index: brought up to the newest release.' : 'latest/ and index.html matched the index.',
    repair.discarded.length > 0
      ? `Discarded ${repair.discarded.length} file(s) of release folder(s) the index does not list: ${folders.join(', ')}.`
      : 'No release folder outside the index.',
    ...(repair.busy
      ? [`Release ${repair.busy.release} is held by ${repair.busy.holder}: left alone (--force takes it over once you know that publisher is gone).`]
      : []),
  ];
};

const declare = (cmd: CliCommand, io: CliIo): void => {
  cmd
    .description(
      "Repairs a store a publisher left half-written, then publishes: latest/ and index.html are brought up to the newest indexed release, release folders the index does not list are discarded, and the next release is published from every stored submission. Runs as the cloud's own publisher (the stack's recompute function), the only role the public bucket's policy lets write there. Indexed releases are never touched.",
    )
    .option('--force', 'take release numbers over even from a publisher that still looks alive (only when you know it is gone)')
    .option('--reason <TEXT>', 'why, recorded in the release (default "repair")')
    .addOption(endpointOption())
    .addOption(stackOption('its RecomputeFunctionName output is invoked with {"repair": true}'))
    .addHelpText('after', '\nExit code: 0 repaired (and published or nothing changed), 1 the repair failed, 2 bad usage.')
    .runs(async () => {
      const o = cmd.optionsAs(OptionsSchema);
      if (o.reason !== undefined && (o.reason.trim() === '' || o.reason.length > 500)) throw new UsageError('--reason must be 1 to 500 characters');
      const target = await resolveTarget(targetOf(o));
      try {
        io.out(`Repairing ${target.description}...`);
        const outcome = await target.recompute({ repair: true, ...(o.force ? { force: true } : {}), ...(o.reason === undefined ? {} : { reason: o.reason }) });
        io.out([...repairLines(outcome), outcomeSentence(outcome)].join('\n'));
        return 0;
      } finally {
        target.close();
      }
    });
};

const command: CommandModule = { declare };

export { command };
