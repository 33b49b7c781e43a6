// How every report names a sum over allies (DESIGN §6): on the basis the engine presents (full
// coverage first), with the basis and the coverage beside it, and under the group's name only
// when it meets the rules' coverage rule. Below the rule a figure is "N of M allies", never
// "the alliance", and it never appears without that coverage.
import type { AllianceYear, GroupAggregate, LeftOut } from '../model/index.ts';
import { LeftOutReason } from '../model/index.ts';

type GroupKey = 'all' | 'europeCanada';

const GROUP_NAME: Record<GroupKey, string> = { all: 'Alliance', europeCanada: 'Europe and Canada' };

const REASON_TEXT: Record<LeftOut['reason'], string> = {
  [LeftOutReason.noFigures]: 'no figures',
  [LeftOutReason.noRate]: 'no exchange rate',
  [LeftOutReason.noGdp]: 'no GDP',
  [LeftOutReason.noCore]: 'no core expenditure',
  [LeftOutReason.noBaseline]: 'no baseline',
  [LeftOutReason.noSecurity]: 'no security-related expenditure',
};

/** The figures a report shows for a group in a year: the presented basis. */
const presented = (year: AllianceYear, group: GroupKey): GroupAggregate => year[group][year[group].presented];

/** "30 of 31 allies". */
const coverageText = (g: GroupAggregate): string => `${g.coverage.included} of ${g.coverage.expected} allies`;

/** "no exchange rate: CAN, DEU; no figures: FRA", or '' when nobody is left out. */
const leftOutText = (g: GroupAggregate): string => {
  const byReason = new Map<LeftOut['reason'], string[]>();
  for (const l of g.leftOut) byReason.set(l.reason, [...(byReason.get(l.reason) ?? []), l.iso3]);
  return [...byReason].map(([reason, iso3s]) => `${REASON_TEXT[reason]}: ${iso3s.join(', ')}`).join('; ');
};

/** "FIN, SWE not yet members", or '' when every ally with figures was a member that year. */
const notYetMembersText = (g: GroupAggregate): string =>
  g.notYetMembers.length === 0 ? '' : `${g.notYetMembers.join(', ')} not yet ${g.notYetMembers.length === 1 ? 'a member' : 'members'}`;

/**
 * The name a figure goes by: the group's ("Alliance", "Europe and Canada") when it meets the
 * coverage rule, else what it is: "Sum over 1 of 31 allies (USA), not the Alliance's figure".
 */
const groupName = (g: GroupAggregate, group: GroupKey): string => {
  if (g.coverage.meetsRule) return GROUP_NAME[group];
  const who = g.allies.length > 0 && g.allies.length <= 5 ? ` (${g.allies.join(', ')})` : '';
  return `Sum over ${coverageText(g)}${who}, not the ${GROUP_NAME[group]}'s figure`;
};

/** The whole caption: name, basis, coverage and who is left out, e.g. for a headline figure. */
const groupCaption = (g: GroupAggregate, group: GroupKey): string => {
  const left = leftOutText(g);
  const coverage = g.coverage.meetsRule ? `; ${coverageText(g)}` : '';
  return `${groupName(g, group)}, ${g.basisLabel} (sum over sum${coverage}${left ? `; left out: ${left}` : ''})`;
};

export { GROUP_NAME, presented, coverageText, leftOutText, notYetMembersText, groupName, groupCaption };
export type { GroupKey };
