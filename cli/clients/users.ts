// The directory `users add` writes to: the local cloud's identity provider (local-users.ts) or,
// with --stack, the stack's Cognito user pool. Both take the same request and answer the same
// shape, so the command does not know which it talks to.
import type { TargetChoice } from './target.ts';
import { localUserDirectory } from './local-users.ts';
import type { LocalUserDirectory } from './local-users.ts';
import { CloudClientError } from './errors.ts';

type UserDirectory = LocalUserDirectory;

/** The user directory of the cloud --endpoint or --stack names. */
const userDirectoryFor = async (choice: TargetChoice): Promise<UserDirectory> => {
  if ('endpoint' in choice) return localUserDirectory(choice.endpoint);
  // The stack's pool (AdminCreateUser, AdminAddUserToGroup) is written with the stack's portal.
  throw new CloudClientError(`users add --stack ${choice.stack}: adding users to a stack's user pool is not in this build yet; use the Cognito console or AWS CLI (admin-create-user, admin-add-user-to-group)`);
};

export { userDirectoryFor };
export type { UserDirectory };
export type { NewUser, AddedUser } from './local-users.ts';
