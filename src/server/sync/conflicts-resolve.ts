import { eq } from 'drizzle-orm';
import { AppError } from '../../shared/contract/errors';
import { parseInput } from '../../shared/contract/procedure';
import { conflictResolveInput, type Conflict } from '../../shared/contract/conflicts';
import { canSeeConflict } from '../../shared/domain/scopes';
import { conflicts } from '../db/schema';
import { applyContactField } from '../modules/directory/service';
import { applyEntryField } from '../modules/protocol/changes';
import { applyAgendaField } from '../modules/agenda/resolve';
import { applyCaseField } from '../modules/cases/resolve';
import { toConflict } from './field-merge';
import type { MutationCtx, MutationHandler } from './mutation-handler';

/** Writes a conflict's losing value on its row, through the table's own update rules. */
const appliers: Record<string, (ctx: MutationCtx, key: string, field: string, value: unknown) => Promise<void>> = {
  protocol_entries: applyEntryField,
  contacts: applyContactField,
  agenda_events: applyAgendaField,
  cases: applyCaseField,
};

/**
 * conflicts.resolve: "keep" confirms the value the server kept; "losing" applies the other one
 * in one click. Either user involved, or the responsabile, may decide; only once.
 */
export async function resolveConflict(ctx: MutationCtx, raw: unknown): Promise<Conflict> {
  const input = parseInput(conflictResolveInput, raw);
  const [row] = await ctx.tx.select().from(conflicts).where(eq(conflicts.id, input.conflictId)).for('update');
  if (!row) throw new AppError('NOT_FOUND', 'Conflitto non trovato.');
  if (!canSeeConflict(ctx.user, row)) throw new AppError('FORBIDDEN', 'Solo chi ha fatto le due modifiche o il responsabile può risolvere il conflitto.');
  if (row.resolvedAt) throw new AppError('INVALID_STATE', 'Il conflitto è già stato risolto.');
  if (input.choose === 'losing') {
    const apply = appliers[row.tableName];
    if (!apply) throw new AppError('VALIDATION', `Conflitto su una tabella non gestita: ${row.tableName}.`);
    await apply(ctx, row.rowKey, row.field, row.losingValue);
  }
  const [updated] = await ctx.tx
    .update(conflicts)
    .set({ resolvedBy: ctx.user.id, resolvedAt: ctx.now, resolution: input.choose, version: row.version + 1 })
    .where(eq(conflicts.id, row.id))
    .returning();
  const dto = toConflict(updated!);
  ctx.changes.add('conflicts', dto.id, dto, dto.version);
  return dto;
}

export const conflictMutations = {
  'conflicts.resolve': resolveConflict,
} satisfies Record<string, MutationHandler>;
