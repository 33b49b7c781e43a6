// The two breakdowns of a record: core defence expenditure and security-related expenditure,
// each a total and its parts. Which parts there are, and in which order, comes from the field
// table; nothing here lists them again.
import { FIELD_PATHS } from './fields.ts';
import type { FieldPath } from './fields.ts';

const FieldGroup = { core: 'core', security: 'security' } as const;
type FieldGroup = (typeof FieldGroup)[keyof typeof FieldGroup];

/** The paths of one group's fields (`core.total`, `core.personnel`, …). */
type GroupPath<G extends FieldGroup> = Extract<FieldPath, `${G}.${string}`>;
/** The name a path has inside its group (`core.personnel` → `personnel`). */
type NameInGroup<P> = P extends `${string}.${infer Name}` ? Name : never;
/** A group's parts: every field of the group but its total. */
type PartOf<G extends FieldGroup> = Exclude<NameInGroup<GroupPath<G>>, 'total'>;
/** Parts of core defence expenditure, in the order NATO tabulates them. */
type CorePart = PartOf<'core'>;
/** Eligible categories of security-related spending (The Hague 2025, the 1.5% track). */
type SecurityPart = PartOf<'security'>;
/** Names both groups have ("total", "other"): a header saying only that needs its block to be placed. */
type SharedName = NameInGroup<GroupPath<'core'>> & NameInGroup<GroupPath<'security'>>;

/** The group a field belongs to, or null for the fields outside both breakdowns. */
const groupOf = (path: FieldPath): FieldGroup | null => {
  const group = path.slice(0, path.indexOf('.'));
  return group === FieldGroup.core || group === FieldGroup.security ? group : null;
};

/** A group's paths in the table's order: its total, then its parts. */
const groupPaths = (group: FieldGroup): FieldPath[] => FIELD_PATHS.filter((path) => groupOf(path) === group);

const partsOf = <G extends FieldGroup>(group: G): readonly [PartOf<G>, ...PartOf<G>[]] =>
  groupPaths(group).flatMap((path) => (path === `${group}.total` ? [] : [path.slice(group.length + 1)])) as [
    PartOf<G>,
    ...PartOf<G>[],
  ];

const CORE_PARTS = partsOf(FieldGroup.core);
const SECURITY_PARTS = partsOf(FieldGroup.security);

/** The path of a name both groups have (`security`, `other` → `security.other`). */
const pathInGroup = (group: FieldGroup, name: SharedName): FieldPath => `${group}.${name}` as const;

export { FieldGroup, groupOf, groupPaths, partsOf, pathInGroup, CORE_PARTS, SECURITY_PARTS };
export type { GroupPath, PartOf, CorePart, SecurityPart, SharedName };
