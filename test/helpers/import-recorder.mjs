// `node --import ./test/helpers/import-recorder.mjs …`: appends the URL of every module the
// process resolves to the file named by DUALTRACK_IMPORT_LOG, so a test can tell which
// modules a command loaded. The hooks run on Node's loader thread (import-recorder-hooks.mjs).
import { register } from 'node:module';

register('./import-recorder-hooks.mjs', import.meta.url);
