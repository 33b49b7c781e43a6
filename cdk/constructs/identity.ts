// Who may use the submitters' portal: a Cognito user pool with one group per ally (`ally-EST`)
// and `analysts`, Cognito's hosted sign-in on a prefix domain, and one public app client for the
// page (authorization code with PKCE, no secret). Users are added by operators only
// (`dualtrack users add`), never by signing up.
//
// MFA: the pool makes it optional (TOTP only, so no SMS role or cost). Cognito cannot require MFA
// of one group, so analysts are held to it by the API: it refuses an analyst whose account has
// no TOTP set up (shared/portal, functions/portal/mfa.ts). With MFA optional, Cognito challenges
// every user who has set it up, and no device is ever remembered here, so an analyst with a TOTP
// cannot sign in without it.
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type {
  UserPoolClient,
  UserPoolDomain} from 'aws-cdk-lib/aws-cognito';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  FeaturePlan,
  Mfa,
  OAuthScope,
  UserPool,
  UserPoolClientIdentityProvider
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

interface SubmitterIdentityProps {
  /** The groups to make: one per ally, and the analysts'. */
  groups: readonly { name: string; description: string }[];
  /** The page signed-in users return to (the app client's only callback and sign-out URL). */
  pageUrl: string;
  /** The hosted sign-in's domain prefix: https://<prefix>.auth.<region>.amazoncognito.com. */
  domainPrefix: string;
}

/** How long a sign-in lasts: an ID token for an hour, renewed without a password for a working day. */
const ID_TOKEN_VALIDITY = Duration.hours(1);
const REFRESH_TOKEN_VALIDITY = Duration.hours(12);

class SubmitterIdentity extends Construct {
  readonly pool: UserPool;
  readonly client: UserPoolClient;
  readonly domain: UserPoolDomain;

  constructor(scope: Construct, id: string, props: SubmitterIdentityProps) {
    super(scope, id);
    this.pool = new UserPool(this, 'Pool', {
      // Operators add every user; nobody signs up.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(7),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // The Essentials plan: the hosted sign-in and TOTP, without the paid threat protection.
      featurePlan: FeaturePlan.ESSENTIALS,
      userInvitation: {
        emailSubject: 'Your dualtrack submission account',
        emailBody: `You can now upload your ally's defence-spending workbook at ${props.pageUrl}. Sign in with {username} and the temporary password {####}; you will choose your own.`,
      },
      deletionProtection: true,
      // The accounts of thirty-two ministries outlive a stack.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    for (const group of props.groups) {
      new CfnUserPoolGroup(this, `Group-${group.name}`, { userPoolId: this.pool.userPoolId, groupName: group.name, description: group.description });
    }

    this.domain = this.pool.addDomain('SignIn', { cognitoDomain: { domainPrefix: props.domainPrefix } });

    // A browser page holds no secret: a public client, authorization code with PKCE only.
    this.client = this.pool.addClient('Page', {
      generateSecret: false,
      authFlows: {},
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL],
        callbackUrls: [props.pageUrl],
        logoutUrls: [props.pageUrl],
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      idTokenValidity: ID_TOKEN_VALIDITY,
      accessTokenValidity: ID_TOKEN_VALIDITY,
      refreshTokenValidity: REFRESH_TOKEN_VALIDITY,
      enableTokenRevocation: true,
    });
  }

  /** Where the page's sign-in lives (`/oauth2/authorize`, `/oauth2/token` below it). */
  get authority(): string {
    return this.domain.baseUrl();
  }
}

export { SubmitterIdentity, ID_TOKEN_VALIDITY, REFRESH_TOKEN_VALIDITY };
export type { SubmitterIdentityProps };
