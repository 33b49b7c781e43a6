// Where the project lives, for defaults that are "under the project" whatever the working
// directory: the runtime's folder and the sample submissions.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { DEFAULT_DIR } from './settings.ts';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEFAULT_RUNTIME_DIR = join(PROJECT_ROOT, DEFAULT_DIR);
const SAMPLES_DIR = join(PROJECT_ROOT, 'samples');

export { PROJECT_ROOT, DEFAULT_RUNTIME_DIR, SAMPLES_DIR };
