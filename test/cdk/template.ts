// Synthesises the stack for assertions (bundling skipped: the template does not depend on the
// bundle's bytes) and reads CloudFormation values back as plain strings.
import { Template } from 'aws-cdk-lib/assertions';
import { buildApp } from '../../cdk/app-builder.ts';

const synthTemplate = (context: Record<string, unknown> = {}): Template => {
  const { stack } = buildApp({ context: { 'aws:cdk:bundling-stacks': [], ...context } });
  return Template.fromStack(stack);
};

type Json = unknown;

/**
 * A CloudFormation value as text: `Ref` becomes `<Id>`, `Fn::GetAtt` `<Id.Attr>`, `Fn::Join`
 * the joined parts; so an ARN pattern reads `<PublicD0AE4A11.Arn>/releases/*`.
 */
const render = (value: Json): string => {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const o = value as Record<string, Json>;
    if ('Ref' in o) return `<${String(o.Ref)}>`;
    if ('Fn::GetAtt' in o) return `<${(o['Fn::GetAtt'] as string[]).join('.')}>`;
    if ('Fn::Join' in o) {
      const [sep, parts] = o['Fn::Join'] as [string, Json[]];
      return parts.map(render).join(sep);
    }
  }
  return JSON.stringify(value);
};

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The one resource of `type` whose logical id starts with `prefix`. */
const resourceOf = (template: Template, type: string, prefix: string): { id: string; props: Record<string, Json> } => {
  const matches = Object.entries(template.findResources(type)).filter(([id]) => id.startsWith(prefix));
  if (matches.length !== 1) throw new Error(`expected one ${type} ${prefix}…, found ${matches.length}`);
  const [id, resource] = matches[0] as [string, { Properties?: Record<string, Json> }];
  return { id, props: resource.Properties ?? {} };
};

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource?: Json;
  Principal?: Json;
  Condition?: Json;
  Sid?: string;
}

interface RoleStatement {
  effect: string;
  actions: string[];
  resources: string[];
  /** The condition block, values rendered as text; absent when the statement has none. */
  condition?: Record<string, Record<string, string[]>>;
}

/** Every statement of the IAM policies attached to the role `roleId`, actions and resources as text. */
const roleStatements = (template: Template, roleId: string): RoleStatement[] =>
  Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((p) => asArray((p as { Properties: { Roles: Json[] } }).Properties.Roles).some((r) => render(r) === `<${roleId}>`))
    .flatMap((p) => (p as { Properties: { PolicyDocument: { Statement: Statement[] } } }).Properties.PolicyDocument.Statement)
    .map((s) => ({
      effect: s.Effect,
      actions: asArray(s.Action),
      resources: asArray(s.Resource).map(render),
      ...(s.Condition === undefined
        ? {}
        : {
            condition: Object.fromEntries(
              Object.entries(s.Condition as Record<string, Record<string, Json>>).map(([op, keys]) => [
                op,
                Object.fromEntries(Object.entries(keys).map(([k, v]) => [k, asArray(v).map(render)])),
              ]),
            ),
          }),
    }));

export { synthTemplate, render, asArray, resourceOf, roleStatements };
export type { Statement, RoleStatement };
