// The directory `users add` writes to: the local cloud's identity provider (local-users.ts) or,
// with --stack, the stack's Cognito user pool (stack-users.ts). Both take the same request and
// answer the same shape, so the command does not know which it talks to.
import { localUserDirectory } from './local-users.ts';
import { stackUserDirectory } from './stack-users.ts';
import type { UserDirectory } from './user-directory.ts';
import type { TargetChoice } from './target.ts';

/** The user directory of the cloud --endpoint or --stack names. */
const userDirectoryFor = (choice: TargetChoice): Promise<UserDirectory> =>
  'stack' in choice ? stackUserDirectory(choice.stack) : localUserDirectory(choice.endpoint);

export { userDirectoryFor };
export type { UserDirectory };
