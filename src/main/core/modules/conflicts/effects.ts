import { and, eq, isNull } from 'drizzle-orm';
import type { ConflictResolveInput } from '../../../../shared/contract';
import { conflicts } from '../../db/schema';
import type { EffectContext } from '../../write/context';

/**
 * Local effect of conflicts.resolve: the conflict reads as resolved at once; the losing value
 * itself arrives with the server's row (the server applies it through the table's own rules).
 */
export function resolveConflictEffect(args: ConflictResolveInput, { db, user, now }: EffectContext): void {
  db.update(conflicts)
    .set({ resolvedBy: user.id, resolvedAt: now, resolution: args.choose })
    .where(and(eq(conflicts.id, args.conflictId), isNull(conflicts.resolvedAt)))
    .run();
}
