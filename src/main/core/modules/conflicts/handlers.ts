import type { Handlers } from '../../../../shared/contract';
import { requireUser, type DeskContext, type DeskDeps } from '../../deps';
import { listConflicts, resolveConflict } from './service';

type ConflictHandlers = Pick<Handlers<DeskContext>, `conflicts.${string}` & keyof Handlers<DeskContext>>;

/** conflicts.*: the conflicts recorded by the server, resolved in one click. */
export function conflictsHandlers(d: DeskDeps): ConflictHandlers {
  return {
    'conflicts.list': (input, ctx) => listConflicts(d, input, requireUser(ctx)),
    'conflicts.resolve': (input, ctx) => resolveConflict(d, input, requireUser(ctx)),
  };
}
