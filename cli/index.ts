// Public surface of the command line for callers in the same process: run it with an io of
// your own. Light on purpose (each command loads its modules only when it runs); the clients of
// a running cloud have their own surface, cli/clients/index.ts.
export { main } from './main.ts';
export { UsageError, ExitCode } from './command.ts';
export type { CliIo } from './command.ts';
