import { AppError } from '../../../shared/contract/errors';
import { parseInput } from '../../../shared/contract/procedure';
import { agendaUpdateInput } from '../../../shared/contract/agenda';
import type { MutationCtx } from '../../sync/mutation-handler';
import { applyAgenda } from './service';

/** Fields an agenda conflict can be about: those an edit may change. */
const editable = new Set(Object.keys(agendaUpdateInput.shape.changes.shape));

/**
 * conflicts.resolve on an engagement: the losing value goes through an ordinary edit of that row
 * (an override edits its own occurrence), so room checks and series rules still apply.
 */
export async function applyAgendaField(ctx: MutationCtx, id: string, field: string, value: unknown): Promise<void> {
  if (!editable.has(field)) throw new AppError('VALIDATION', `Campo dell'impegno non modificabile da un conflitto: ${field}.`);
  const args = parseInput(agendaUpdateInput, { id, changes: { [field]: value } });
  await applyAgenda({ ...ctx, baseVersions: {} }, { name: 'agenda.update', args });
}
