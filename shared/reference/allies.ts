// The allies shipped with the project, validated once at load, and lookups over them.
import alliesJson from './allies.json' with { type: 'json' };
import { allyFinder } from './names.ts';
import { parseReference } from './parse.ts';
import { AlliesFileSchema } from './types.ts';
import type { AllyRef } from './types.ts';

const ALLIES_FILE = parseReference(AlliesFileSchema, alliesJson, 'shared/reference/allies.json');

const ALLIES: readonly AllyRef[] = Object.freeze(ALLIES_FILE.allies);

const byIso3 = new Map(ALLIES.map((a) => [a.iso3, a]));

const allyByIso3 = (iso3: string): AllyRef | null => byIso3.get(iso3.trim().toUpperCase()) ?? null;

/** The ally a free-text name, ISO code or alias designates; null when unknown or ambiguous. */
const findAlly: (text: string) => AllyRef | null = allyFinder(ALLIES);

export { ALLIES, ALLIES_FILE, allyByIso3, findAlly };
