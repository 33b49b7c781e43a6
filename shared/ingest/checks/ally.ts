// An upload filed under submissions/<ISO3>/ may only carry that ally's figures. A workbook that
// names no ally is taken as the filed-under ally's; with neither, nothing can be filed.
import { findingOf } from '../../findings/index.ts';
import type { Finding } from '../../findings/index.ts';
import type { DraftRecord } from '../draft.ts';
import type { Check } from './context.ts';
import { effectiveAlly } from './context.ts';

const placeOf = (d: DraftRecord) => ({ sheet: d.sheet, cell: d.cells.ally ?? null });

const allyMatches: Check = (drafts, context) => {
  const { expectedAlly, reference } = context;
  if (expectedAlly !== null && reference.allyName(expectedAlly) === null) {
    return [findingOf('ally-not-known', { found: expectedAlly, expected: 'the ISO3 code of an ally' })];
  }
  const ally = effectiveAlly(drafts, context);
  if (drafts.length === 0) return [];
  if (ally === null) return [findingOf('ally-unknown', { expected: 'an ally named in the workbook' })];
  const findings: Finding[] = [];
  const reported = new Set<string>();
  for (const d of drafts) {
    if (d.ally === null || d.ally === ally || reported.has(d.ally)) continue;
    reported.add(d.ally);
    findings.push(
      findingOf('ally-mismatch', {
        ...placeOf(d),
        ally: d.ally,
        year: d.year,
        found: d.ally,
        expected: ally,
        params: {
          foundName: reference.allyName(d.ally),
          expectedName: reference.allyName(ally),
          foundNameFr: reference.allyName(d.ally, 'fr'),
          expectedNameFr: reference.allyName(ally, 'fr'),
        },
      }),
    );
  }
  if (expectedAlly !== null && drafts.every((d) => d.ally === null)) {
    const first = drafts[0];
    findings.push(
      findingOf('ally-missing', {
        sheet: first?.sheet ?? null,
        ally: expectedAlly,
        expected: expectedAlly,
        params: { expectedNameFr: reference.allyName(expectedAlly, 'fr') },
      }),
    );
  }
  return findings;
};

export { allyMatches };
