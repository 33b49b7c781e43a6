// `dualtrack recompute`: republishes from every stored submission now, on a running local
// cloud (through its control route, in the publisher's single lane) or a deployed stack (by
// invoking its recompute function). Prints what was published. `--rebuild` first makes every
// ally's current figures again from the archive of submissions.
import { z } from 'zod';
import type { ManualPayload } from '../../functions/common/index.ts';
import { resolveTarget } from '../clients/target.ts';
import { UsageError } from '../command.ts';
import type { CliIo, CommandModule } from '../command.ts';
import { reportingYearOption, yearValue } from '../options.ts';
import { outcomeSentence } from '../print/publish-outcome.ts';
import type { CliCommand } from '../program.ts';
import { TargetOptionsSchema, endpointOption, stackOption, targetOf } from '../target-options.ts';

const OptionsSchema = TargetOptionsSchema.extend({ reportingYear: z.string().optional(), reason: z.string().optional(), rebuild: z.boolean().optional() });

const declare = (cmd: CliCommand, io: CliIo): void => {
  cmd
    .description('Rebuilds the release from every stored submission with the current rules and reference data, and publishes it unless it equals the latest release.')
    .addOption(reportingYearOption())
    .option('--reason <TEXT>', 'why, recorded in the release (default "manual recomputation")')
    .option('--rebuild', "first rebuild every ally's current figures from the archive of stored submissions (after a restore or a change to the archive)")
    .addOption(endpointOption())
    .addOption(stackOption('its RecomputeFunctionName output is invoked'))
    .addHelpText('after', '\nExit code: 0 published or nothing changed, 1 the recomputation failed, 2 bad usage.')
    .runs(async () => {
      const o = cmd.optionsAs(OptionsSchema);
      const payload: ManualPayload = {};
      if (o.reportingYear !== undefined) payload.reportingYear = yearValue(o.reportingYear, '--reporting-year');
      if (o.reason !== undefined) {
        if (o.reason.trim() === '' || o.reason.length > 500) throw new UsageError('--reason must be 1 to 500 characters');
        payload.reason = o.reason;
      }
      if (o.rebuild === true) payload.rebuild = true;
      const target = await resolveTarget(targetOf(o));
      try {
        io.out(`${payload.rebuild ? 'Rebuilding the current figures from the archive and recomputing' : 'Recomputing'} on ${target.description}...`);
        io.out(outcomeSentence(await target.recompute(payload)));
        return 0;
      } finally {
        target.close();
      }
    });
};

const command: CommandModule = { declare };

export { command };
