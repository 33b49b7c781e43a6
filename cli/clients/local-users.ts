// `users add` against a running local cloud: the control route POST /_dualtrack/users adds the
// user to the local identity provider, which answers the sign-in password (shown once). The
// stack's directory (Cognito) is beside it; both answer the same shape.
import { AddedPortalUserSchema, ControlPath } from '../../local/contract.ts';
import { ControlRequestError, UnreachableError } from './errors.ts';
import type { UserDirectory } from './user-directory.ts';

const localUserDirectory = async (endpoint: string): Promise<UserDirectory> => ({
  description: `the local cloud at ${endpoint}`,
  addUser: async (user) => {
    const path = ControlPath.users;
    let res: Response;
    try {
      res = await fetch(`${endpoint.replace(/\/$/, '')}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(user) });
    } catch (error) {
      throw new UnreachableError(endpoint, error instanceof Error && error.cause instanceof Error ? error.cause.message : 'no answer', { cause: error });
    }
    const body: unknown = await res.json().catch(() => null);
    if (!res.ok) {
      const detail = typeof body === 'object' && body !== null && 'error' in body ? String(body.error) : `status ${res.status}`;
      throw new ControlRequestError(path, res.status, detail);
    }
    const added = AddedPortalUserSchema.safeParse(body);
    if (!added.success) throw new UnreachableError(endpoint, `${path} did not answer a user`);
    return added.data;
  },
  close: () => undefined,
});

export { localUserDirectory };
