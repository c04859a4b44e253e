import { desc, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError, type Conflict, type conflictListInput, type ConflictResolveInput, type SessionUser } from '../../../../shared/contract';
import { canSeeConflict } from '../../../../shared/domain/scopes';
import { conflictFromRow } from '../../db/conflict-rows';
import { conflicts } from '../../db/schema';
import type { DeskDeps } from '../../deps';
import { applyMutation } from '../../write/apply-mutation';

/** The conflicts the session user may see (involved or responsabile), newest first. */
export function listConflicts(d: DeskDeps, input: z.output<typeof conflictListInput>, user: SessionUser): Conflict[] {
  const q = d.db.select().from(conflicts);
  const rows = (input.includeResolved ? q : q.where(isNull(conflicts.resolvedAt))).orderBy(desc(conflicts.at)).limit(500).all();
  return rows.map(conflictFromRow).filter((c) => canSeeConflict(user, c));
}

function getConflict(d: DeskDeps, id: string): Conflict {
  const row = d.db.select().from(conflicts).where(eq(conflicts.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', 'Conflitto non trovato.');
  return conflictFromRow(row);
}

/** One click: keeps the server's value or applies the losing one; the server decides for good. */
export function resolveConflict(d: DeskDeps, input: ConflictResolveInput, user: SessionUser): Conflict {
  const current = getConflict(d, input.conflictId);
  if (!canSeeConflict(user, current)) throw new AppError('FORBIDDEN', 'Solo chi ha fatto le due modifiche o il responsabile può risolvere il conflitto.');
  if (current.resolvedAt) throw new AppError('INVALID_STATE', 'Il conflitto è già stato risolto.');
  applyMutation(d.db, 'conflicts.resolve', input, user, { now: d.clock(), baseVersions: { [`conflicts:${current.id}`]: current.version } });
  d.emit({ type: 'data-changed', domains: ['conflicts'] });
  void d.engine.round();
  return getConflict(d, input.conflictId);
}
