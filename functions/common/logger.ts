// One Powertools logger per function, configured once: structured JSON, the service name and
// level from POWERTOOLS_SERVICE_NAME and LOG_LEVEL (set by the stack). Handlers log only ally,
// key, submission id and counts, never submitted figures.
import { Logger } from '@aws-lambda-powertools/logger';

/** What the handlers need from a logger; Powertools' Logger satisfies it, tests pass a recorder. */
type Log = Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>;

const DEFAULT_SERVICE_NAME = 'dualtrack';

const createLogger = (serviceName?: string): Logger =>
  new Logger({ serviceName: serviceName ?? process.env.POWERTOOLS_SERVICE_NAME ?? DEFAULT_SERVICE_NAME });

export { createLogger, DEFAULT_SERVICE_NAME };
export type { Log };
