import type { ApiKeyRecord, Team, User } from '../model/identity-types';

/** Who a request acts as, once its key was accepted. */
export type Principal =
  | { kind: 'personal'; key: ApiKeyRecord; user: User; team: Team }
  | { kind: 'team'; key: ApiKeyRecord; team: Team };
