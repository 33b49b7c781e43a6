// A logger that keeps what the handlers log, so tests can assert what is (and is not) logged.
import type { Log } from '../../functions/common/index.ts';

interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  extra: unknown[];
}

const recordingLogger = (): { logger: Log; entries: LogEntry[] } => {
  const entries: LogEntry[] = [];
  const at =
    (level: LogEntry['level']) =>
    (message: unknown, ...extra: unknown[]) => {
      entries.push({ level, message: String(message), extra });
    };
  return { logger: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }, entries };
};

export { recordingLogger };
export type { LogEntry };
