// The one place a rule set or an exchange-rate table from outside the code is checked: the zod
// schemas of the model and the reference data, plus what those cannot know alone (a rules
// override must name an ally). The data bucket, `config put`, `process --rules` and `rules
// --rules` all go through here, so a file is valid everywhere or nowhere.
import type * as z from 'zod';
import { RulesSchema } from '../model/index.ts';
import type { Rules } from '../model/index.ts';
import { ALLIES, FxTableSchema } from '../reference/index.ts';
import type { AllyRef, FxTable } from '../reference/index.ts';
import { canonicalJson, sha256Hex } from '../report/digest.ts';
import { ConfigInvalidError } from './errors.ts';
import type { ConfigProblem } from './errors.ts';

/** What an operator can replace without a deploy. */
const ConfigKind = { rules: 'rules', fx: 'fx' } as const;
type ConfigKind = (typeof ConfigKind)[keyof typeof ConfigKind];

interface ConfigOf {
  rules: Rules;
  fx: FxTable;
}

/** The rules schema, and every override naming an ally of `allies`. */
const rulesSchemaFor = (allies: readonly AllyRef[]) => {
  const known = new Set(allies.map((a) => a.iso3));
  return RulesSchema.superRefine((rules, ctx) => {
    for (const code of Object.keys(rules.overrides)) {
      if (!known.has(code)) ctx.addIssue({ code: 'custom', message: `${code} is not an ally's ISO3 code`, path: ['overrides', code] });
    }
  });
};

const problemsOf = (error: z.ZodError): ConfigProblem[] =>
  error.issues.map((i) => ({ path: i.path.length > 0 ? i.path.map(String).join('.') : '(root)', message: i.message }));

/** Checks parsed JSON as configuration of `kind`; ConfigInvalidError names every problem. */
const parseConfig = <K extends ConfigKind>(kind: K, data: unknown, where: string, allies: readonly AllyRef[] = ALLIES): ConfigOf[K] => {
  const schema = kind === ConfigKind.rules ? rulesSchemaFor(allies) : FxTableSchema;
  const result = schema.safeParse(data);
  if (!result.success) throw new ConfigInvalidError(kind, where, problemsOf(result.error), { cause: result.error });
  return result.data as ConfigOf[K];
};

/** The same from the bytes of a file or object: not JSON is one problem at the root. */
const parseConfigText = <K extends ConfigKind>(kind: K, text: string, where: string, allies: readonly AllyRef[] = ALLIES): ConfigOf[K] => {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ConfigInvalidError(kind, where, [{ path: '(root)', message: `not valid JSON (${error instanceof Error ? error.message : String(error)})` }], {
      cause: error,
    });
  }
  return parseConfig(kind, data, where, allies);
};

/** sha256 of the table's canonical JSON: the same table gives the same digest however it is spaced. */
const fxTableDigest = (table: FxTable): string => sha256Hex(canonicalJson(table));

export { ConfigKind, rulesSchemaFor, parseConfig, parseConfigText, fxTableDigest };
export type { ConfigOf };
