import type { z } from 'zod';
import type { AgendaEventDto, ConflictReport, InvitationDto, invitationDecideInput, invitationLetterInput, invitationRecordInput } from '../../../shared/contract/agenda';
import { decideInvitation, linkInvitationLetter, recordInvitation } from '../../../shared/domain/agenda/invitations-reducer';
import { loadDoc, saveDoc } from '../../db/docs';
import type { MutationCtx } from '../../sync/mutation-handler';
import { loadPeople, loadRooms } from './repository';
import { reduceCtxOf, storeReduction } from './service';

/**
 * Invitations to the Mayor on the register: the shared invitation reducer, then the engagement
 * it creates goes through the same checks and storage as any other.
 */

function save(ctx: MutationCtx, inv: InvitationDto, previousVersion: number): Promise<InvitationDto> {
  return saveDoc(ctx, 'invitations', inv, { columns: { state: inv.state }, previousVersion });
}

export async function recordOnRegister(ctx: MutationCtx, args: z.output<typeof invitationRecordInput>): Promise<InvitationDto> {
  const current = args.id ? await loadDoc<InvitationDto>(ctx.tx, 'invitations', args.id, { forUpdate: true }) : null;
  const rctx = reduceCtxOf(ctx, () => null, () => null);
  return save(ctx, recordInvitation(current, args, rctx), current?.version ?? 0);
}

export async function decideOnRegister(
  ctx: MutationCtx,
  args: z.output<typeof invitationDecideInput>,
): Promise<{ invitation: InvitationDto; event: AgendaEventDto | null; warnings: ConflictReport }> {
  const inv = await loadDoc<InvitationDto>(ctx.tx, 'invitations', args.id, { forUpdate: true });
  const [people, rooms] = await Promise.all([loadPeople(ctx.tx), loadRooms(ctx.tx)]);
  // The Mayor's agenda: the first active person with the role (seeded at setup as "Sindaco").
  const mayor = [...people.values()].filter((p) => p.role === 'sindaco' && p.active).sort((a, b) => a.id.localeCompare(b.id))[0] ?? null;
  const rctx = reduceCtxOf(ctx, (id) => people.get(id) ?? null, (id) => rooms.get(id) ?? null);
  const decided = decideInvitation(inv, args, { ...rctx, mayor });
  let event: AgendaEventDto | null = null;
  let warnings: ConflictReport = { rooms: [], people: [] };
  if (decided.agenda) {
    const stored = await storeReduction(ctx, { event: null, overrides: [] }, decided.agenda, { people, rooms });
    event = stored.saved.get(decided.agenda.primaryId) ?? null;
    warnings = stored.warnings;
  }
  const invitation = await save(ctx, decided.invitation, inv?.version ?? 0);
  return { invitation, event, warnings };
}

export async function linkLetterOnRegister(ctx: MutationCtx, args: z.output<typeof invitationLetterInput>): Promise<InvitationDto> {
  const inv = await loadDoc<InvitationDto>(ctx.tx, 'invitations', args.id, { forUpdate: true });
  return save(ctx, linkInvitationLetter(inv, args), inv?.version ?? 0);
}
