// How the pages name a sum over allies, in each language. English is groups.ts' wording (the
// one the workbook and CSV use); French says the same from the page label table.
import type { GroupAggregate, LeftOut } from '../../model/index.ts';
import type { Lang } from '../../text/index.ts';
import { coverageText, groupCaption, groupName, leftOutText, notYetMembersText } from '../groups.ts';
import type { GroupKey } from '../groups.ts';
import { labelIn } from '../labels.ts';

const REASON_KEY = {
  no_figures: 'page.leftOut.no_figures',
  no_rate: 'page.leftOut.no_rate',
  no_gdp: 'page.leftOut.no_gdp',
  no_core: 'page.leftOut.no_core',
  no_baseline: 'page.leftOut.no_baseline',
  no_security: 'page.leftOut.no_security',
} as const satisfies Record<LeftOut['reason'], string>;

const GROUP_KEY = { all: 'page.group.all', europeCanada: 'page.group.europeCanada' } as const;

type Coverage = Pick<GroupAggregate, 'coverage'>;

const coverageIn = (lang: Lang, g: Coverage): string =>
  lang === 'en' ? coverageText(g as GroupAggregate) : labelIn(lang, 'page.group.coverage', { included: String(g.coverage.included), expected: String(g.coverage.expected) });

const leftOutIn = (lang: Lang, g: Pick<GroupAggregate, 'leftOut'>): string => {
  if (lang === 'en') return leftOutText(g as GroupAggregate);
  const byReason = new Map<LeftOut['reason'], string[]>();
  for (const l of g.leftOut) byReason.set(l.reason, [...(byReason.get(l.reason) ?? []), l.iso3]);
  return [...byReason].map(([reason, iso3s]) => labelIn(lang, 'page.leftOut.item', { reason: labelIn(lang, REASON_KEY[reason]), allies: iso3s.join(', ') })).join(' ; ');
};

const notYetMembersIn = (lang: Lang, g: GroupAggregate): string => {
  if (lang === 'en') return notYetMembersText(g);
  if (g.notYetMembers.length === 0) return '';
  return labelIn(lang, g.notYetMembers.length === 1 ? 'page.group.notYetMember' : 'page.group.notYetMembers', { allies: g.notYetMembers.join(', ') });
};

const basisIn = (lang: Lang, g: Pick<GroupAggregate, 'basis' | 'rateYear' | 'basisLabel'>): string =>
  lang === 'en'
    ? g.basisLabel
    : g.basis === 'current'
      ? labelIn(lang, 'page.basis.current')
      : g.rateYear === null
        ? labelIn(lang, 'page.basis.constantNone')
        : labelIn(lang, 'page.basis.constant', { year: String(g.rateYear) });

const groupNameIn = (lang: Lang, g: GroupAggregate, group: GroupKey): string => {
  if (lang === 'en') return groupName(g, group);
  const name = labelIn(lang, GROUP_KEY[group]);
  if (g.coverage.meetsRule) return name;
  const who = g.allies.length > 0 && g.allies.length <= 5 ? ` (${g.allies.join(', ')})` : '';
  return labelIn(lang, group === 'all' ? 'page.group.sumOverAll' : 'page.group.sumOverEuropeCanada', { covered: coverageIn(lang, g), who });
};

const groupPlainName = (lang: Lang, group: GroupKey): string => labelIn(lang, GROUP_KEY[group]);

const groupCaptionIn = (lang: Lang, g: GroupAggregate, group: GroupKey): string => {
  if (lang === 'en') return groupCaption(g, group);
  const left = leftOutIn(lang, g);
  return labelIn(lang, 'page.group.caption', {
    name: groupNameIn(lang, g, group),
    basis: basisIn(lang, g),
    coverage: g.coverage.meetsRule ? ` ; ${coverageIn(lang, g)}` : '',
    left: left ? ` ; ${labelIn(lang, 'page.group.leftOut', { list: left })}` : '',
  });
};

export { coverageIn, leftOutIn, notYetMembersIn, basisIn, groupNameIn, groupPlainName, groupCaptionIn };
