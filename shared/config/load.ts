// The one loader of the rules and the exchange-rate table, for every part that computes: the
// functions, the local cloud, `process`, `check`. Each comes from, in this order,
//   1. a file named on the command line (`--rules FILE`, `--fx FILE`; the CLI only),
//   2. the data bucket's config/ (what `dualtrack config put` publishes), read afresh each time
//      so a new table or rule set applies to the next upload or publish without a deploy,
//   3. the shipped default.
// A present but invalid file or object is a ConfigInvalidError naming every problem by its zod
// path, never a silent fallback to the default.
import { readFile } from 'node:fs/promises';
import { HAGUE_2025 } from '../model/index.ts';
import type { Rules } from '../model/index.ts';
import { loadFxTable as shippedFxTable } from '../reference/index.ts';
import type { FxTable } from '../reference/index.ts';
// The key layout and the bucket roles themselves, not the storage surface: `check` reads a rules
// file through this loader and must not load the AWS SDK the S3 adapter needs.
import { BucketRole } from '../stack/index.ts';
import { dataKeys } from '../storage/keys.ts';
import type { Storage } from '../storage/index.ts';
import { ConfigUnreadableError } from './errors.ts';
import { ConfigKind, parseConfigText } from './parse.ts';
import type { ConfigOf } from './parse.ts';

/** Where configuration may come from; any part may be left out. */
interface ConfigSource {
  /** A store whose data bucket may hold config/rules.json and config/fx-rates.json. */
  storage?: Storage;
  /** Files that win over the store (paths as given). */
  files?: Partial<Record<ConfigKind, string>>;
}

interface Loaded<T> {
  value: T;
  /** Where it came from, for logs and messages: a file, `data bucket config/…`, or `shipped …`. */
  from: string;
}

interface LoadedConfig {
  rules: Loaded<Rules>;
  fx: Loaded<FxTable>;
}

const STORE_KEY: Record<ConfigKind, string> = { rules: dataKeys.configRules, fx: dataKeys.configFxRates };

const shipped = (kind: ConfigKind): Loaded<ConfigOf[ConfigKind]> =>
  kind === ConfigKind.rules ? { value: HAGUE_2025, from: `shipped rules ${HAGUE_2025.id}` } : { value: shippedFxTable(), from: 'shipped exchange-rate table' };

/** Where the store keeps configuration of `kind`, as messages name it. */
const storeLocation = (kind: ConfigKind): string => `data bucket ${STORE_KEY[kind]}`;

const loadOne = async <K extends ConfigKind>(kind: K, source: ConfigSource): Promise<Loaded<ConfigOf[K]>> => {
  const file = source.files?.[kind];
  if (file !== undefined) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new ConfigUnreadableError(kind, file, error);
    }
    return { value: parseConfigText(kind, text, file), from: file };
  }
  if (source.storage) {
    const where = storeLocation(kind);
    let obj;
    try {
      obj = await source.storage.get(BucketRole.data, STORE_KEY[kind]);
    } catch (error) {
      throw new ConfigUnreadableError(kind, where, error);
    }
    if (obj) return { value: parseConfigText(kind, obj.body.toString('utf8'), where), from: where };
  }
  return shipped(kind) as Loaded<ConfigOf[K]>;
};

const loadRules = (source: ConfigSource): Promise<Loaded<Rules>> => loadOne(ConfigKind.rules, source);

const loadFx = (source: ConfigSource): Promise<Loaded<FxTable>> => loadOne(ConfigKind.fx, source);

/** Both, read at the same moment. */
const loadConfig = async (source: ConfigSource): Promise<LoadedConfig> => {
  const [rules, fx] = await Promise.all([loadRules(source), loadFx(source)]);
  return { rules, fx };
};

export { loadConfig, loadRules, loadFx, storeLocation, STORE_KEY };
export type { ConfigSource, Loaded, LoadedConfig };
