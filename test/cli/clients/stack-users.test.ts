// `users add --stack`: the pool id from the stack's outputs, the user created with the address
// as its sign-in name and put in its one group. The Cognito client is a stand-in that keeps
// users and groups as a pool does and answers its errors by name (AWS is unreachable here).
import { describe, expect, it } from 'vitest';
import type { AdminAddUserToGroupCommand, AdminCreateUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { StackOutputMissingError, UserAddError } from '../../../cli/clients/errors.ts';
import { stackUserDirectory } from '../../../cli/clients/stack-users.ts';
import type { UserPoolAdmin } from '../../../cli/clients/stack-users.ts';
import { StackOutput } from '../../../shared/stack/index.ts';
import { describeStacksOutput, fakeCloudFormation } from '../../helpers/aws-stack.ts';

const STACK = 'Dualtrack';
const POOL = 'eu-west-1_AbCdEf123';

/** A pool in memory: users and their groups; `failGroupOnce` makes the next group call fail. */
const fakePool = () => {
  const users = new Map<string, { attributes: unknown; groups: string[] }>();
  const calls: { name: string; input: Record<string, unknown> }[] = [];
  let failGroupOnce = false;
  const named = (name: string, message: string) => Object.assign(new Error(message), { name });
  const cognito: UserPoolAdmin & { destroyed: boolean } = {
    destroyed: false,
    send: async (command) => {
      const name = command.constructor.name;
      const input = command.input as Record<string, unknown> & { Username: string; UserPoolId: string };
      calls.push({ name, input });
      if (input.UserPoolId !== POOL) throw named('ResourceNotFoundException', 'no such pool');
      const user = users.get(input.Username);
      if (name === 'AdminCreateUserCommand') {
        if (user) throw named('UsernameExistsException', 'User account already exists');
        users.set(input.Username, { attributes: (command as AdminCreateUserCommand).input.UserAttributes, groups: [] });
        return {};
      }
      if (!user) throw named('UserNotFoundException', 'User does not exist.');
      if (name === 'AdminAddUserToGroupCommand') {
        if (failGroupOnce) {
          failGroupOnce = false;
          throw named('TooManyRequestsException', 'Rate exceeded');
        }
        user.groups.push(String((command as AdminAddUserToGroupCommand).input.GroupName));
        return {};
      }
      return { Groups: user.groups.map((GroupName) => ({ GroupName })) };
    },
    destroy: () => {
      cognito.destroyed = true;
    },
  };
  return { cognito, users, calls, failNextGroup: () => (failGroupOnce = true) };
};

const directoryOf = async (pool: ReturnType<typeof fakePool>, outputs: Record<string, string> = { [StackOutput.userPoolId]: POOL }) =>
  stackUserDirectory(STACK, { cloudFormation: fakeCloudFormation(async () => describeStacksOutput(STACK, outputs)), cognito: pool.cognito });

describe("adding users to a stack's pool", () => {
  it('creates the user by e-mail (verified, invited by e-mail) and puts it in its ally group; no password is printed', async () => {
    // Prepare
    const pool = fakePool();
    const directory = await directoryOf(pool);
    // Act
    const added = await directory.addUser({ email: 'officer@mod.example', ally: 'EST' });
    directory.close();
    // Assess
    expect(added).toEqual({ email: 'officer@mod.example', group: 'ally-EST', password: null });
    expect(pool.calls.map((c) => c.name)).toEqual(['AdminCreateUserCommand', 'AdminAddUserToGroupCommand']);
    expect(pool.calls[0]?.input).toEqual({
      UserPoolId: POOL,
      Username: 'officer@mod.example',
      UserAttributes: [
        { Name: 'email', Value: 'officer@mod.example' },
        { Name: 'email_verified', Value: 'true' },
      ],
      DesiredDeliveryMediums: ['EMAIL'],
    });
    expect(pool.users.get('officer@mod.example')?.groups).toEqual(['ally-EST']);
    expect(pool.cognito.destroyed).toBe(true);
  });

  it('puts an analyst in analysts', async () => {
    const pool = fakePool();
    expect(await (await directoryOf(pool)).addUser({ email: 'analyst@hq.example', ally: null })).toMatchObject({ group: 'analysts' });
  });

  it('finishes a user an earlier run created but did not put in its group', async () => {
    // Prepare: the first run fails between the two calls
    const pool = fakePool();
    const directory = await directoryOf(pool);
    pool.failNextGroup();
    const first = await directory.addUser({ email: 'officer@mod.example', ally: 'EST' }).catch((e: unknown) => e);
    // Act
    const second = await directory.addUser({ email: 'officer@mod.example', ally: 'EST' });
    // Assess
    expect(first).toBeInstanceOf(UserAddError);
    expect((first as Error).message).toBe('Could not add officer@mod.example: created, but not put in ally-EST (Rate exceeded); run the command again to finish');
    expect(second.group).toBe('ally-EST');
    expect(pool.users.get('officer@mod.example')?.groups).toEqual(['ally-EST']);
  });

  it('refuses an address already in a group: the same one, or another ally (one ally per account)', async () => {
    const pool = fakePool();
    const directory = await directoryOf(pool);
    await directory.addUser({ email: 'officer@mod.example', ally: 'EST' });
    await expect(directory.addUser({ email: 'officer@mod.example', ally: 'EST' })).rejects.toThrow(/has this user in ally-EST already/);
    await expect(directory.addUser({ email: 'officer@mod.example', ally: 'POL' })).rejects.toThrow(/in ally-EST already, and an account belongs to one ally or to the analysts/);
    expect(pool.users.get('officer@mod.example')?.groups).toEqual(['ally-EST']);
  });

  it('names the missing output of a stack that has no pool, and closes its clients', async () => {
    const pool = fakePool();
    const error = await directoryOf(pool, { [StackOutput.uploadsBucket]: 'b' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StackOutputMissingError);
    expect((error as Error).message).toContain('UserPoolId');
    expect(pool.cognito.destroyed).toBe(true);
  });
});
