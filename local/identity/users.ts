// The local identity provider's user directory: what Cognito's user pool keeps, in one JSON file
// under the runtime's folder (<dir>/identity/users.json), so users outlive a restart as the pool
// outlives a deploy. Passwords are kept as scrypt hashes, never as given; the sign-in password
// is shown once, to whoever added the user (`dualtrack users add`).
import { randomBytes, randomUUID, scryptSync, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import * as z from 'zod';
import { IdentityError } from './errors.ts';

/** One group per ally (`ally-EST`) and the analysts, as in the AWS pool. */
const GroupSchema = z.union([z.string().regex(/^ally-[A-Z]{3}$/), z.literal('analysts')]);
type Group = z.infer<typeof GroupSchema>;

const EmailSchema = z.email().transform((e) => e.toLowerCase());

const UserSchema = z.strictObject({
  sub: z.uuid(),
  email: z.string(),
  groups: z.array(GroupSchema),
  /** `scrypt$<salt hex>$<hash hex>`. */
  passwordHash: z.string().regex(/^scrypt\$[0-9a-f]+\$[0-9a-f]+$/),
  createdAt: z.iso.datetime(),
});
type User = z.infer<typeof UserSchema>;

const DirectorySchema = z.strictObject({ users: z.array(UserSchema) });

const KEY_BYTES = 32;

const hashPassword = (password: string): string => {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('hex')}$${scryptSync(password, salt, KEY_BYTES).toString('hex')}`;
};

const passwordMatches = (password: string, stored: string): boolean => {
  const [, saltHex = '', hashHex = ''] = stored.split('$');
  const expected = Buffer.from(hashHex, 'hex');
  const actual = scryptSync(password, Buffer.from(saltHex, 'hex'), expected.length);
  return expected.length === KEY_BYTES && timingSafeEqual(actual, expected);
};

/** A sign-in password: 18 characters from an alphabet without look-alikes (no 0/O, 1/l/I). */
const newPassword = (): string => {
  const alphabet = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return [...randomBytes(18)].map((b) => alphabet[b % alphabet.length]).join('');
};

interface NewUser {
  email: string;
  groups: readonly Group[];
}

interface AddedUser {
  user: User;
  /** Shown once; only its hash is kept. */
  password: string;
}

interface UserDirectory {
  path: string;
  /** Adds a user with a new password; refuses an e-mail already in the directory. */
  add: (input: NewUser) => AddedUser;
  /** Adds the user, or gives an existing one (same groups) a new password: the demo user at every start. */
  addOrReset: (input: NewUser) => AddedUser;
  /** The user whose e-mail and password these are, or null. */
  authenticate: (email: string, password: string) => User | null;
  bySub: (sub: string) => User | null;
  list: () => User[];
}

const readDirectory = (path: string): User[] => {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT') return [];
    throw error;
  }
  const parsed = DirectorySchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new IdentityError(`${path} is not a user directory: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data.users;
};

const createUserDirectory = (path: string, now: () => Date = () => new Date()): UserDirectory => {
  const write = (users: readonly User[]): void => {
    mkdirSync(dirname(path), { recursive: true });
    const scratch = `${path}.${process.pid}.tmp`;
    writeFileSync(scratch, `${JSON.stringify({ users }, null, 2)}\n`, { mode: 0o600 });
    renameSync(scratch, path);
  };
  const checked = (input: NewUser): NewUser => {
    const email = EmailSchema.safeParse(input.email);
    if (!email.success) throw new IdentityError(`"${input.email}" is not an e-mail address`);
    const groups = z.array(GroupSchema).min(1).safeParse(input.groups);
    if (!groups.success) throw new IdentityError(`a user needs one group, ally-<ISO3> or analysts, not ${JSON.stringify(input.groups)}`);
    return { email: email.data, groups: groups.data };
  };
  const create = (input: NewUser): AddedUser => {
    const password = newPassword();
    const user: User = { sub: randomUUID(), email: input.email, groups: [...input.groups], passwordHash: hashPassword(password), createdAt: now().toISOString() };
    write([...readDirectory(path), user]);
    return { user, password };
  };
  const byEmail = (email: string): User | null => readDirectory(path).find((u) => u.email === email.toLowerCase()) ?? null;

  return {
    path,
    add: (input) => {
      const wanted = checked(input);
      if (byEmail(wanted.email)) throw new IdentityError(`a user ${wanted.email} already exists`, { code: 'user-exists' });
      return create(wanted);
    },
    addOrReset: (input) => {
      const wanted = checked(input);
      const existing = byEmail(wanted.email);
      if (!existing) return create(wanted);
      const password = newPassword();
      const user: User = { ...existing, groups: [...wanted.groups], passwordHash: hashPassword(password) };
      write(readDirectory(path).map((u) => (u.sub === user.sub ? user : u)));
      return { user, password };
    },
    authenticate: (email, password) => {
      const user = byEmail(email.trim());
      return user && passwordMatches(password, user.passwordHash) ? user : null;
    },
    bySub: (sub) => readDirectory(path).find((u) => u.sub === sub) ?? null,
    list: () => readDirectory(path),
  };
};

export { createUserDirectory, GroupSchema };
export type { User, Group, NewUser, AddedUser, UserDirectory };
