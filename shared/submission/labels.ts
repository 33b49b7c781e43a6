// The reader's side of the field table: which field a header names. Every label and synonym of
// the table is looked up on its normalised form (case, accents and punctuation ignored), so a
// new synonym is one line in fields.ts.
import { normaliseLabel } from '../text/index.ts';
import { FIELD_PATHS, FIELDS } from './fields.ts';
import type { FieldPath } from './fields.ts';
import { pathInGroup } from './parts.ts';
import type { FieldGroup, SharedName } from './parts.ts';

/**
 * Headers that mean a different field depending on the block they sit in ("Other" under the
 * core breakdown is core.other, under the security breakdown security.other).
 */
const CONTEXTUAL_LABELS: Readonly<Record<string, SharedName>> = {
  other: 'other',
  others: 'other',
  autres: 'other',
  autre: 'other',
  total: 'total',
  'sous total': 'total',
  subtotal: 'total',
};

const LABEL_INDEX: ReadonlyMap<string, FieldPath> = new Map(
  FIELD_PATHS.flatMap((path) => {
    const f = FIELDS[path];
    return [f.label.en, f.label.fr, path, ...f.synonyms].map((s) => [normaliseLabel(s), path] as const);
  }),
);

/**
 * Words of a header over figures the reader works out itself from the ones it reads: sums of a
 * breakdown, checks and differences (the template's grey columns are such). A column or row
 * under such a header is not reported as unread.
 */
const DERIVED_LABEL_WORDS: readonly string[] = [
  'sum of breakdown',
  'sum of the breakdown',
  'sum of parts',
  'sum of the parts',
  'check',
  'control',
  'difference',
  'somme de la ventilation',
  'somme des postes',
  'controle',
  'verification',
  'ecart',
];

/** Whether a header names a figure derived from others (see DERIVED_LABEL_WORDS). */
const isDerivedLabel = (text: string): boolean => {
  const key = ` ${normaliseLabel(text)} `;
  return DERIVED_LABEL_WORDS.some((words) => key.includes(` ${words} `));
};

/** The field a header names, or null; `group` resolves words like "Other" or "Total". */
const fieldForLabel = (text: string, group: FieldGroup | null = null): FieldPath | null => {
  const key = normaliseLabel(text);
  const direct = LABEL_INDEX.get(key);
  if (direct) return direct;
  const shared = CONTEXTUAL_LABELS[key];
  return shared && group ? pathInGroup(group, shared) : null;
};

export { CONTEXTUAL_LABELS, DERIVED_LABEL_WORDS, fieldForLabel, isDerivedLabel };
