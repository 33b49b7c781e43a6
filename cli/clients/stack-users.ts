// `users add --stack NAME`: the stack's Cognito user pool (its UserPoolId output). Cognito makes
// the temporary password and e-mails it with the pool's invitation (which links the page), so
// nothing secret is printed here. A user is created, then put in its one group; a run stopped
// between the two is completed by running it again, and an address already in another group is
// refused (one ally per account).
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminListGroupsForUserCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import type { AdminListGroupsForUserCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { ANALYSTS_GROUP, allyGroup } from '../../shared/portal/index.ts';
import { StackOutput } from '../../shared/stack/index.ts';
import { StackOutputMissingError, UserAddError } from './errors.ts';
import { describeOutputs } from './target.ts';
import type { StackDescriber } from './target.ts';
import type { AddedUser, NewUser, UserDirectory } from './user-directory.ts';

type PoolCommand = AdminCreateUserCommand | AdminAddUserToGroupCommand | AdminListGroupsForUserCommand;

/** The calls made of the Cognito client; the real client fits it, tests pass a recorder. */
interface UserPoolAdmin {
  send: (command: PoolCommand) => Promise<unknown>;
  destroy: () => void;
}

interface StackUserClients {
  cloudFormation: StackDescriber;
  cognito: UserPoolAdmin;
}

const environmentClients = (): StackUserClients => ({ cloudFormation: new CloudFormationClient({}), cognito: new CognitoIdentityProviderClient({}) });

const errorName = (error: unknown): string => (error instanceof Error ? error.name : '');
const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

const stackUserDirectory = async (stack: string, clients: StackUserClients = environmentClients()): Promise<UserDirectory> => {
  const close = (): void => {
    clients.cloudFormation.destroy();
    clients.cognito.destroy();
  };
  let poolId: string;
  try {
    const outputs = await describeOutputs(clients.cloudFormation, stack);
    const found = outputs.get(StackOutput.userPoolId);
    if (!found) throw new StackOutputMissingError(stack, StackOutput.userPoolId);
    poolId = found;
  } catch (error) {
    close();
    throw error;
  }
  const { cognito } = clients;

  const groupsOf = async (email: string): Promise<string[]> => {
    const listed = (await cognito.send(new AdminListGroupsForUserCommand({ UserPoolId: poolId, Username: email }))) as AdminListGroupsForUserCommandOutput;
    return (listed.Groups ?? []).flatMap((g) => (g.GroupName ? [g.GroupName] : []));
  };

  const addUser = async (user: NewUser): Promise<AddedUser> => {
    const group = user.ally === null ? ANALYSTS_GROUP : allyGroup(user.ally);
    try {
      await cognito.send(
        new AdminCreateUserCommand({
          UserPoolId: poolId,
          Username: user.email,
          // The operator vouches for the address: the invitation goes to it.
          UserAttributes: [
            { Name: 'email', Value: user.email },
            { Name: 'email_verified', Value: 'true' },
          ],
          DesiredDeliveryMediums: ['EMAIL'],
        }),
      );
    } catch (error) {
      if (errorName(error) !== 'UsernameExistsException') throw new UserAddError(user.email, errorText(error), { cause: error });
      const groups = await groupsOf(user.email);
      if (groups.includes(group)) throw new UserAddError(user.email, `the pool of stack ${stack} has this user in ${group} already`);
      if (groups.length > 0) throw new UserAddError(user.email, `the user is in ${groups.join(', ')} already, and an account belongs to one ally or to the analysts`);
      // Created by an earlier run that stopped before the group: finish it.
    }
    try {
      await cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: user.email, GroupName: group }));
    } catch (error) {
      throw new UserAddError(user.email, `created, but not put in ${group} (${errorText(error)}); run the command again to finish`, { cause: error });
    }
    return { email: user.email, group, password: null };
  };

  return { description: `the user pool of stack ${stack} (Cognito e-mails the temporary password)`, addUser, close };
};

export { stackUserDirectory };
export type { StackUserClients, UserPoolAdmin };
