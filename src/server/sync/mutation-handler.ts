import type { SessionUser } from '../../shared/contract/auth';
import type { ChangeSet } from '../db/change-set';
import type { Db } from '../db/client';

/** What a mutation handler receives: its transaction, the change set, the caller and the server time. */
export interface MutationCtx {
  tx: Db;
  changes: ChangeSet;
  user: SessionUser;
  now: Date;
  /** The pushed mutation's id (conflict records name it); absent for server-side writes. */
  mutationId?: string;
  /** The desk that pushed it: its own earlier changes are never a conflict with its later ones. */
  clientId?: string;
  /** Row versions the desk based the change on, `"<table>:<key>"` → version. */
  baseVersions?: Record<string, number>;
}

/** Validates its raw arguments with the contract schema and applies them; throws AppError to reject. */
export type MutationHandler = (ctx: MutationCtx, rawArgs: unknown) => Promise<unknown>;
