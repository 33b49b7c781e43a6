// The submitters' portal in the stack (issue 10): the user pool and its groups, the page's app
// client, the HTTP API with the JWT authorizer on every route, the uploads bucket's rule that
// only the portal and the operators write under submissions/, and the receipt topic.
import { describe, expect, it } from 'vitest';
import { PORTAL_GROUPS } from '../../cdk/dualtrack-stack.ts';
import { ALLIES } from '../../shared/reference/index.ts';
import { EnvName, PortalEnvName, StackOutput } from '../../shared/stack/index.ts';
import { asArray, render, resourceOf, roleStatements, synthTemplate } from './template.ts';
import type { Statement } from './template.ts';

const template = synthTemplate();

const fn = (t: typeof template, prefix: string) => resourceOf(t, 'AWS::Lambda::Function', `${prefix}Fn`);
const roleOf = (t: typeof template, prefix: string) => render(fn(t, prefix).props.Role).replace(/^<|\.Arn>$/g, '');
const envOf = (t: typeof template, prefix: string) => (fn(t, prefix).props.Environment as { Variables: Record<string, unknown> }).Variables;
const POOL = resourceOf(template, 'AWS::Cognito::UserPool', 'SubmittersPool');
const CLIENT = resourceOf(template, 'AWS::Cognito::UserPoolClient', 'SubmittersPoolPage');
const UPLOADS = resourceOf(template, 'AWS::S3::Bucket', 'Uploads').id;
const PUBLIC = resourceOf(template, 'AWS::S3::Bucket', 'Public').id;
const PAGE_URL = `https://<${PUBLIC}.RegionalDomainName>/submit/index.html`;

describe('the user pool', () => {
  it('takes no sign-ups, signs in by e-mail, and makes TOTP optional (the API holds analysts to it)', () => {
    expect(POOL.props).toMatchObject({
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      UsernameAttributes: ['email'],
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      DeletionProtection: 'ACTIVE',
      Policies: { PasswordPolicy: { MinimumLength: 12, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true } },
    });
    expect(template.toJSON().Resources[POOL.id].DeletionPolicy).toBe('Retain');
    // No remembered device: a user who set up TOTP is asked for it at every sign-in.
    expect(POOL.props.DeviceConfiguration).toBeUndefined();
  });

  it('has one group per ally, named ally-<ISO3>, and the analysts, and no other', () => {
    const groups = Object.values(template.findResources('AWS::Cognito::UserPoolGroup')).map((g) => (g as { Properties: { GroupName: string; UserPoolId: unknown } }).Properties);
    expect(groups.map((g) => g.GroupName).sort()).toEqual([...ALLIES.map((a) => `ally-${a.iso3}`), 'analysts'].sort());
    expect(groups).toHaveLength(33);
    expect(new Set(groups.map((g) => render(g.UserPoolId)))).toEqual(new Set([`<${POOL.id}>`]));
    expect(PORTAL_GROUPS.find((g) => g.name === 'ally-EST')?.description).toContain('Estonia');
  });

  it("gives the page a public client: authorization code only (PKCE, no secret), back to the page alone", () => {
    expect(CLIENT.props).toMatchObject({
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: ['openid', 'email'],
      SupportedIdentityProviders: ['COGNITO'],
      PreventUserExistenceErrors: 'ENABLED',
    });
    expect(asArray(CLIENT.props.CallbackURLs).map(render)).toEqual([PAGE_URL]);
    expect(asArray(CLIENT.props.LogoutURLs).map(render)).toEqual([PAGE_URL]);
  });

  it('signs in on a Cognito domain named after the stack and account, or the prefix the context gives', () => {
    expect(render(resourceOf(template, 'AWS::Cognito::UserPoolDomain', 'SubmittersPoolSignIn').props.Domain)).toBe('dualtrack-<AWS::AccountId>');
    const named = synthTemplate({ 'dualtrack:signInDomainPrefix': 'nato-dualtrack' });
    expect(resourceOf(named, 'AWS::Cognito::UserPoolDomain', 'SubmittersPoolSignIn').props.Domain).toBe('nato-dualtrack');
    expect(() => synthTemplate({ 'dualtrack:signInDomainPrefix': 'my-cognito' })).toThrow(/dualtrack:signInDomainPrefix/);
  });
});

describe('the portal API', () => {
  const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map((r) => (r as { Properties: Record<string, unknown> }).Properties);
  const authorizer = resourceOf(template, 'AWS::ApiGatewayV2::Authorizer', 'PortalApi');

  it('checks every token against the pool as issuer and the page client as audience', () => {
    expect(authorizer.props.AuthorizerType).toBe('JWT');
    expect(asArray(authorizer.props.IdentitySource)).toEqual(['$request.header.Authorization']);
    const jwt = authorizer.props.JwtConfiguration as { Audience: unknown[]; Issuer: unknown };
    expect(jwt.Audience.map(render)).toEqual([`<${CLIENT.id}>`]);
    expect(render(jwt.Issuer)).toBe(`https://cognito-idp.<AWS::Region>.amazonaws.com/<${POOL.id}>`);
  });

  it('has exactly the four routes of the portal core, each behind the JWT authorizer', () => {
    expect(routes.map((r) => r.RouteKey).sort()).toEqual(['GET /receipts', 'GET /receipts/{id}', 'GET /template', 'POST /uploads']);
    for (const route of routes) {
      expect([route.AuthorizationType, render(route.AuthorizerId)]).toEqual(['JWT', `<${authorizer.id}>`]);
    }
  });

  it('lets only the public site call it, and logs and throttles every request', () => {
    const api = resourceOf(template, 'AWS::ApiGatewayV2::Api', 'PortalApi').props;
    const cors = api.CorsConfiguration as { AllowOrigins: unknown[]; AllowHeaders: string[]; AllowMethods: string[] };
    expect(cors.AllowOrigins.map(render)).toEqual([`https://<${PUBLIC}.RegionalDomainName>`]);
    expect([cors.AllowHeaders, cors.AllowMethods]).toEqual([['authorization', 'content-type'], ['GET', 'POST']]);
    const stage = resourceOf(template, 'AWS::ApiGatewayV2::Stage', 'PortalApi').props;
    expect(render((stage.AccessLogSettings as { DestinationArn: unknown }).DestinationArn)).toMatch(/^<PortalApiAccessLogs.*\.Arn>$/);
    expect(stage.DefaultRouteSettings).toEqual({ ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 });
  });

  it('runs the portal function with exactly the rights it uses: receipts read, uploads signed, analysts MFA asked', () => {
    const statements = roleStatements(template, roleOf(template, 'Portal')).map(({ effect: _e, ...rest }) => rest);
    expect(statements.slice(1)).toEqual([
      { actions: ['s3:GetObject'], resources: [`<${UPLOADS}.Arn>/receipts/*`] },
      { actions: ['s3:PutObject'], resources: [`<${UPLOADS}.Arn>/submissions/*`] },
      { actions: ['s3:ListBucket'], resources: [`<${UPLOADS}.Arn>`], condition: { StringLikeIfExists: { 's3:prefix': ['receipts/*'] } } },
      { actions: ['cognito-idp:AdminGetUser'], resources: [`<${POOL.id}.Arn>`] },
    ]);
    expect(envOf(template, 'Portal')).toEqual(expect.objectContaining({ [EnvName.uploadsBucket]: { Ref: UPLOADS }, [PortalEnvName.userPoolId]: { Ref: POOL.id } }));
  });
});

describe('the uploads bucket under submissions/', () => {
  const statements = () => (resourceOf(template, 'AWS::S3::BucketPolicy', 'UploadsPolicy').props.PolicyDocument as { Statement: Statement[] }).Statement;

  it('refuses PutObject to every principal but the portal (its presigned uploads) and the operators role', () => {
    const deny = statements().find((s) => s.Sid === 'OnlyThePortalAndOperatorsSubmit');
    expect([deny?.Effect, asArray(deny?.Action), render(asArray(deny?.Resource)[0])]).toEqual(['Deny', ['s3:PutObject'], `<${UPLOADS}.Arn>/submissions/*`]);
    expect(JSON.stringify(deny?.Principal)).toBe(JSON.stringify({ AWS: '*' }));
    const exempt = (deny?.Condition as { ArnNotLike: { 'aws:PrincipalArn': unknown[] } }).ArnNotLike['aws:PrincipalArn'].map(render);
    expect(exempt.sort()).toEqual([`<${roleOf(template, 'Portal')}.Arn>`, `<${resourceOf(template, 'AWS::IAM::Role', 'OperatorsRole').id}.Arn>`].sort());
  });

  it('also exempts the principals the context names, and refuses a malformed one', () => {
    const t = synthTemplate({ 'dualtrack:operatorPrincipalArns': 'arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/*/AWSReservedSSO_Admin_*' });
    const deny = (resourceOf(t, 'AWS::S3::BucketPolicy', 'UploadsPolicy').props.PolicyDocument as { Statement: Statement[] }).Statement.find((s) => s.Sid === 'OnlyThePortalAndOperatorsSubmit');
    expect((deny?.Condition as { ArnNotLike: { 'aws:PrincipalArn': unknown[] } }).ArnNotLike['aws:PrincipalArn']).toContain(
      'arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/*/AWSReservedSSO_Admin_*',
    );
    expect(() => synthTemplate({ 'dualtrack:operatorPrincipalArns': 'admin' })).toThrow(/dualtrack:operatorPrincipalArns/);
  });

  it('takes browser POSTs from the public site only', () => {
    const rules = (resourceOf(template, 'AWS::S3::Bucket', 'Uploads').props.CorsConfiguration as { CorsRules: { AllowedOrigins: unknown[] }[] }).CorsRules;
    expect(rules.map((r) => ({ ...r, AllowedOrigins: r.AllowedOrigins.map(render) }))).toEqual([
      { AllowedMethods: ['POST'], AllowedOrigins: [`https://<${PUBLIC}.RegionalDomainName>`], AllowedHeaders: ['*'], MaxAge: 3600 },
    ]);
  });
});

describe('the receipt topic', () => {
  const topic = resourceOf(template, 'AWS::SNS::Topic', 'ReceiptTopic');

  it('is encrypted with a rotating key and refuses plain HTTP', () => {
    const keyId = render(topic.props.KmsMasterKeyId).replace(/^<|\.Arn>$/g, '');
    expect(resourceOf(template, 'AWS::KMS::Key', keyId).props.EnableKeyRotation).toBe(true);
    const policy = (resourceOf(template, 'AWS::SNS::TopicPolicy', 'ReceiptTopicPolicy').props.PolicyDocument as { Statement: Statement[] }).Statement;
    expect(policy.some((s) => s.Effect === 'Deny' && JSON.stringify(s.Condition) === JSON.stringify({ Bool: { 'aws:SecureTransport': 'false' } }))).toBe(true);
  });

  it('is published to by the notify function alone, which reads receipts and sends no e-mail without a sender', () => {
    const publishers = Object.values(template.findResources('AWS::IAM::Policy')).filter((p) =>
      JSON.stringify(p).includes('"sns:Publish"') && JSON.stringify(p).includes(topic.id),
    );
    expect(publishers).toHaveLength(1);
    const statements = roleStatements(template, roleOf(template, 'Notify'));
    expect(statements.find((s) => s.actions.includes('sns:Publish'))?.resources).toEqual([`<${topic.id}>`]);
    expect(statements.filter((s) => s.actions.includes('s3:GetObject')).flatMap((s) => s.resources)).toEqual([`<${UPLOADS}.Arn>/receipts/*`]);
    expect(statements.some((s) => s.actions.some((a) => a.startsWith('ses:')))).toBe(false);
    expect(envOf(template, 'Notify')).toMatchObject({ [PortalEnvName.receiptTopicArn]: { Ref: topic.id } });
    expect(render(envOf(template, 'Notify')[PortalEnvName.portalPageUrl])).toBe(PAGE_URL);
    expect(envOf(template, 'Notify')[PortalEnvName.receiptEmailFrom]).toBeUndefined();
  });

  it('e-mails receipts from the sender the context gives, and from no other address', () => {
    const t = synthTemplate({ 'dualtrack:receiptEmailFrom': 'receipts@dualtrack.example' });
    expect(envOf(t, 'Notify')[PortalEnvName.receiptEmailFrom]).toBe('receipts@dualtrack.example');
    const ses = roleStatements(t, roleOf(t, 'Notify')).find((s) => s.actions.includes('ses:SendEmail'));
    expect(ses?.condition).toEqual({ StringEquals: { 'ses:FromAddress': ['receipts@dualtrack.example'] } });
    expect(() => synthTemplate({ 'dualtrack:receiptEmailFrom': 'receipts' })).toThrow(/dualtrack:receiptEmailFrom/);
  });
});

describe("the page's configuration", () => {
  it('is written to submit/config.json at deploy by a role that may put that one key', () => {
    const resource = Object.values(template.findResources('Custom::AWS')).map((r) => JSON.stringify(r)).find((r) => r.includes('submit/config.json')) ?? '';
    for (const field of ['apiBase', 'authority', 'clientId', 'redirectUri', 'local']) expect(resource).toContain(field);
    const statements = roleStatements(template, resourceOf(template, 'AWS::IAM::Role', 'PageConfigRole').id);
    expect(statements.filter((s) => s.actions.some((a) => a.startsWith('s3:')))).toEqual([
      { effect: 'Allow', actions: ['s3:PutObject'], resources: [`<${PUBLIC}.Arn>/submit/config.json`] },
    ]);
  });

  it('and the operators find the pool, client, API, sign-in, page, topic and role in the outputs', () => {
    const outputs = Object.keys(template.toJSON().Outputs as object);
    for (const name of [
      StackOutput.userPoolId,
      StackOutput.userPoolClientId,
      StackOutput.portalApiUrl,
      StackOutput.signInDomain,
      StackOutput.portalPageUrl,
      StackOutput.receiptTopicArn,
      StackOutput.operatorsRoleArn,
    ]) {
      expect(outputs).toContain(name);
    }
  });
});
