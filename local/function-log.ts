// The handlers' log in the local cloud: the structured entries the functions write go to a
// file, one JSON line each, as CloudWatch would keep them. Outcomes reach the runtime through
// the handlers' observer, never through these lines.
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Log } from '../functions/common/index.ts';

type Level = 'debug' | 'info' | 'warn' | 'error';
type Attributes = Record<string, unknown>;

interface LogEntry {
  level: Level;
  message: string;
  attributes: Attributes;
}

/** One error as one line: its name, message and the message of its cause. */
const errorText = (value: unknown): string => {
  if (value instanceof Error) {
    const cause = value.cause instanceof Error ? `: ${value.cause.message}` : '';
    return `${value.name}: ${value.message}${cause}`;
  }
  return String(value);
};

const toJsonable = (attributes: Attributes): Attributes =>
  Object.fromEntries(Object.entries(attributes).map(([k, v]) => [k, v instanceof Error ? errorText(v) : v]));

/**
 * A logger the handlers accept in place of Powertools': every entry is appended as a JSON line
 * to `file` (with the function's name) and handed to `onEntry` so the runtime can print a line.
 */
/**
 * A logger the handlers accept in place of Powertools': every entry is appended as a JSON line
 * to `file` (with the function's name) and handed to `onEntry`, which shows the warnings.
 */
const createHandlerLog = (fn: string, file: string, onEntry: (entry: LogEntry) => void): Log => {
  mkdirSync(dirname(file), { recursive: true });
  const sink =
    (level: Level) =>
    (input: unknown, ...extra: unknown[]): void => {
      const message = typeof input === 'string' ? input : typeof input === 'object' && input !== null && 'message' in input ? String(input.message) : '';
      const attributes: Attributes = {};
      if (typeof input === 'object' && input !== null) Object.assign(attributes, input);
      for (const e of extra) {
        if (e instanceof Error) attributes.error = e;
        else if (typeof e === 'object' && e !== null) Object.assign(attributes, e);
        else if (e !== undefined) attributes.extra = e;
      }
      const entry: LogEntry = { level, message, attributes };
      appendFileSync(file, `${JSON.stringify({ time: new Date().toISOString(), function: fn, level, message, ...toJsonable(attributes) })}\n`);
      onEntry(entry);
    };
  return { debug: sink('debug'), info: sink('info'), warn: sink('warn'), error: sink('error') };
};

export { createHandlerLog, errorText };
export type { LogEntry };
