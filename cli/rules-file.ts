// Reads a rules file named on the command line (`process --rules`, `rules --rules`): JSON,
// checked by the rules schema, defaults filled in. A file that cannot be read or is not valid
// is a RulesFileError naming every problem by field.
import { readFile } from 'node:fs/promises';
import { RulesSchema } from '../shared/model/index.ts';
import type { Rules } from '../shared/model/index.ts';
import { DualtrackError } from '../shared/errors.ts';

class RulesFileError extends DualtrackError {
  override name = 'RulesFileError';
  readonly path: string;
  /** "field: problem" for an invalid file; empty when it could not be read at all. */
  readonly problems: string[];
  constructor(path: string, message: string, problems: string[], options?: { cause?: unknown }) {
    super(message, options);
    this.path = path;
    this.problems = problems;
  }
}

const readRulesFile = async (path: string): Promise<Rules> => {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new RulesFileError(path, `cannot read the rules file ${path}: ${error instanceof Error ? error.message : String(error)}`, [], { cause: error });
  }
  const result = RulesSchema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : '(root)'}: ${i.message}`);
    throw new RulesFileError(path, `${path} is not a valid rules file (${problems.join('; ')})`, problems);
  }
  return result.data;
};

export { readRulesFile, RulesFileError };
