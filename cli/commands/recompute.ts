// `dualtrack recompute`: republishes from every stored submission now, on a running local
// cloud (through its control route, in the publisher's single lane) or a deployed stack (by
// invoking its recompute function). Prints what was published.
import { parseArgs } from 'node:util';
import type { ManualPayload } from '../../functions/common/events.ts';
import { DEFAULT_ENDPOINT } from '../../local/contract.ts';
import { CloudClientError } from '../clients/errors.ts';
import { resolveTarget } from '../clients/target.ts';
import type { TargetChoice } from '../clients/target.ts';
import { outcomeSentence } from '../print/publish-outcome.ts';
import { UsageError } from '../command.ts';
import type { CliCommand, CliIo } from '../command.ts';

const usage = `Usage: npm run dualtrack -- recompute [--reporting-year Y] [--reason TEXT] [--endpoint URL | --stack NAME]

Rebuilds the release from every stored submission with the current rules and reference data,
and publishes it unless it equals the latest release.
  --reporting-year Y   the year the standings are about (default: the latest year at least
                       half the allies with armed forces report)
  --reason TEXT        why, recorded in the release (default "manual recomputation")
  --endpoint URL       a running local cloud (default ${DEFAULT_ENDPOINT}; see \`serve\`)
  --stack NAME         a deployed stack instead (its RecomputeFunctionName output is invoked),
                       with the AWS credentials and region of the environment
Exit code: 0 published or nothing changed, 1 the recomputation failed, 2 bad usage.`;

interface Options {
  payload: ManualPayload;
  target: TargetChoice;
}

const parse = (args: string[]): Options => {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: { 'reporting-year': { type: 'string' }, reason: { type: 'string' }, endpoint: { type: 'string' }, stack: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), { cause: error });
  }
  if (values.endpoint !== undefined && values.stack !== undefined) throw new UsageError('give --endpoint or --stack, not both');
  const payload: ManualPayload = {};
  const year = values['reporting-year'];
  if (year !== undefined) {
    if (!/^\d{4}$/.test(year)) throw new UsageError(`--reporting-year must be a year, not "${year}"`);
    payload.reportingYear = Number(year);
  }
  if (values.reason !== undefined) {
    if (values.reason.trim() === '' || values.reason.length > 500) throw new UsageError('--reason must be 1 to 500 characters');
    payload.reason = values.reason;
  }
  return { payload, target: values.stack !== undefined ? { stack: values.stack } : { endpoint: values.endpoint ?? DEFAULT_ENDPOINT } };
};

const run = async (args: string[], io: CliIo): Promise<number> => {
  const options = parse(args);
  try {
    const target = await resolveTarget(options.target);
    try {
      io.out(`Recomputing on ${target.description}...`);
      const outcome = await target.recompute(options.payload);
      io.out(outcomeSentence(outcome));
      return 0;
    } finally {
      target.close();
    }
  } catch (error) {
    if (error instanceof CloudClientError) {
      io.err(`dualtrack recompute: ${error.message}`);
      return 1;
    }
    throw error;
  }
};

const command: CliCommand = {
  name: 'recompute',
  summary: 'republish from every stored submission now (local cloud or a stack)',
  usage,
  run,
};

export { command };
