// Configuration named on the command line (`--rules FILE`, `--fx FILE`, `config put KIND FILE`),
// read through the one loader (shared/config), and how the terminal shows a file it refuses:
// the verdict, then every problem on its own line with its zod path.
import type { ConfigError} from '../shared/config/index.ts';
import { ConfigInvalidError, configKindName } from '../shared/config/index.ts';

/** What the terminal prints for configuration that cannot be used. */
const configErrorLines = (error: ConfigError): string[] =>
  error instanceof ConfigInvalidError
    ? [`${error.where} is not a valid ${configKindName(error.kind)}:`, ...error.problems.map((p) => `  ${p.path}: ${p.message}`)]
    : [error.message];

export { configErrorLines };
