// Whether an analyst's account has MFA set up. The pool makes MFA optional, and Cognito always
// challenges a user who set it up (no device is remembered, see cdk/), so an analyst with a
// TOTP configured signed in with it. An analyst without one is refused (analyst-needs-mfa).
import { AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { AdminGetUserCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import type { PortalDeps } from '../../shared/portal/index.ts';

/** The one call made of the Cognito client; the real client fits it, tests pass a fake. */
interface UserReader {
  send: (command: AdminGetUserCommand) => Promise<Pick<AdminGetUserCommandOutput, 'UserMFASettingList'>>;
}

const cognitoMfaCheck = (client: UserReader, userPoolId: string): PortalDeps['analystHasMfa'] => async (caller) => {
  // A user pool whose users sign in with their e-mail takes the sub as the user name.
  const user = await client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: caller.sub }));
  return (user.UserMFASettingList ?? []).length > 0;
};

export { cognitoMfaCheck };
export type { UserReader };
