// The rules and exchange-rate table a handler runs with. Deployed (and in the local cloud) they
// are read from the data bucket's config/ at every invocation through the one loader
// (shared/config), so `dualtrack config put` takes effect without a deploy; a test may fix them.
// An invalid object there fails the invocation, logged with the zod path of every problem, so
// it retries, then lands in the failure queue or DLQ and raises the alarm: never a silent default.
import { ConfigInvalidError, loadConfig, loadRules } from '../../shared/config/index.ts';
import type { Rules } from '../../shared/model/index.ts';
import { referenceFromFx } from '../../shared/pipeline/publishing.ts';
import type { PublishReference } from '../../shared/pipeline/publishing.ts';
import type { Storage } from '../../shared/storage/index.ts';
import type { Log } from './logger.ts';

interface ConfigDeps {
  storage: Storage;
  logger: Log;
  /** Fixed rules instead of the store's (tests). */
  rules?: Rules;
  /** A fixed reference instead of one from the store's exchange-rate table (tests). */
  reference?: PublishReference;
}

const logged = async <T>(logger: Log, load: () => Promise<T>): Promise<T> => {
  try {
    return await load();
  } catch (error) {
    if (error instanceof ConfigInvalidError) {
      logger.error('invalid configuration', {
        where: error.where,
        kind: error.kind,
        problems: error.problems.map((p) => `${p.path}: ${p.message}`),
      });
    }
    throw error;
  }
};

/** The rules ingest checks an upload with. */
const ingestRules = (deps: ConfigDeps): Promise<Rules> =>
  deps.rules ? Promise.resolve(deps.rules) : logged(deps.logger, async () => (await loadRules({ storage: deps.storage })).value);

/** The rules and reference a publish computes with, and where they came from (for the log). */
const publishConfig = async (deps: ConfigDeps): Promise<{ rules: Rules; reference: PublishReference; from: string[] }> => {
  if (deps.rules && deps.reference) return { rules: deps.rules, reference: deps.reference, from: ['fixed'] };
  const loaded = await logged(deps.logger, () => loadConfig({ storage: deps.storage }));
  return {
    rules: deps.rules ?? loaded.rules.value,
    reference: deps.reference ?? referenceFromFx(loaded.fx.value),
    from: [loaded.rules.from, loaded.fx.from],
  };
};

export { ingestRules, publishConfig };
export type { ConfigDeps };
