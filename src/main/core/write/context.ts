import type { SessionUser } from '../../../shared/contract';
import type { Db } from '../db/open';

/** What a local effect needs: the database (inside the write transaction), the author, the time. */
export interface EffectContext {
  db: Db;
  user: SessionUser;
  now: string;
}

/** The optimistic local effect of one mutation; must be idempotent (re-applied after each pull). */
export type LocalEffect = (args: never, ctx: EffectContext) => void;
