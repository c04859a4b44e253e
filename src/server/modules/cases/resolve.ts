import { eq } from 'drizzle-orm';
import { AppError } from '../../../shared/contract/errors';
import { isCaseState } from '../../../shared/domain/cases/states';
import { users } from '../../db/schema';
import type { MutationCtx } from '../../sync/mutation-handler';
import { actorOf } from './reduce-context';
import { applyCaseAction } from './service';

/**
 * conflicts.resolve on a case (issue 3 engine): the losing value goes through the same reducer
 * as the action that produced it. For `ownerId` the losing desk's user takes the case in charge
 * (with the rules of takeCharge); for `state` the losing transition is applied now.
 */
export async function applyCaseField(ctx: MutationCtx, key: string, field: string, value: unknown): Promise<void> {
  const direct = { ...ctx, baseVersions: {} };
  if (field === 'ownerId') {
    if (typeof value !== 'string') throw new AppError('VALIDATION', 'Valore del conflitto non valido per il responsabile della pratica.');
    const [u] = await ctx.tx.select({ id: users.id, fullName: users.fullName, officeId: users.officeId }).from(users).where(eq(users.id, value));
    if (!u) throw new AppError('VALIDATION', 'Utente non trovato.');
    await applyCaseAction(direct, { name: 'cases.takeCharge', args: { caseId: key } }, { actor: actorOf(u) });
    return;
  }
  if (field === 'state') {
    if (typeof value !== 'string' || !isCaseState(value)) throw new AppError('VALIDATION', 'Valore del conflitto non valido per lo stato della pratica.');
    await applyCaseAction(direct, { name: 'cases.transition', args: { caseId: key, to: value } });
    return;
  }
  throw new AppError('VALIDATION', `Conflitto su un campo della pratica non gestito: ${field}.`);
}
