import type { SessionUser } from '../../../shared/contract';
import type { Db } from '../db/open';

/** What a local effect needs: the database (inside the write transaction), the author, the time. */
export interface EffectContext {
  db: Db;
  user: SessionUser;
  now: string;
  /** The mutation's id: rows the shared reducers derive from it get the server's ids (issue 4). */
  mutationId: string;
  /**
   * Set when the effect is re-applied on top of pulled rows: an action the pulled state no longer
   * allows is left to the server's verdict (refused there, listed in "Da verificare") instead of
   * failing the pull.
   */
  replay?: boolean;
}

/** The optimistic local effect of one mutation; must be idempotent (re-applied after each pull). */
export type LocalEffect = (args: never, ctx: EffectContext) => void;
