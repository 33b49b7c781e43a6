// What `users add` needs of a directory of portal users, local (the emulator's identity
// provider) or a stack's (Cognito): both answer the same shape.

/** Who to add: an e-mail address, and the ISO3 of the ally the user submits for (null: an analyst). */
interface NewUser {
  email: string;
  ally: string | null;
}

/** Who was added: the group, and the password to hand over (null: the directory sent it itself). */
interface AddedUser {
  email: string;
  group: string;
  password: string | null;
}

interface UserDirectory {
  description: string;
  addUser: (user: NewUser) => Promise<AddedUser>;
  close: () => void;
}

export type { NewUser, AddedUser, UserDirectory };
