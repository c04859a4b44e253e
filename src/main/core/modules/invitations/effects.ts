import type { z } from 'zod';
import { AppError, type invitationDecideInput, type invitationLetterInput, type invitationRecordInput } from '../../../../shared/contract';
import { decideInvitation, linkInvitationLetter, recordInvitation, type InvitationDecision } from '../../../../shared/domain/agenda/invitations-reducer';
import { putDoc } from '../../db/doc-tables';
import type { Db } from '../../db/open';
import type { EffectContext } from '../../write/context';
import { reduceCtx, storeRows } from '../agenda/effects';
import { agendaPeople } from '../agenda/repository';
import { findInvitation, publicInvitation, type StoredInvitation } from './repository';

/**
 * Local effects of the invitation mutations, through the shared invitation reducer
 * (src/shared/domain/agenda/invitations-reducer.ts). Idempotent the same way as the agenda's:
 * the invitation row remembers the pending mutations it carries (`_localMutations`).
 */

export type RecordArgs = z.output<typeof invitationRecordInput> & { id: string };
export type DecideArgs = z.output<typeof invitationDecideInput> & { eventId: string };
export type LinkArgs = z.output<typeof invitationLetterInput>;

function store(db: Db, inv: StoredInvitation, carried: string[], mutationId: string): void {
  putDoc(db, 'invitations', { ...inv, _localMutations: [...carried, mutationId] }, inv.version);
}

/** Runs `fn` on the invitation unless it already carries this mutation; a replay may not apply. */
function once(ctx: EffectContext, id: string, fn: (current: StoredInvitation | null, carried: string[]) => void): void {
  const current = findInvitation(ctx.db, id);
  const carried = current?._localMutations ?? [];
  if (carried.includes(ctx.mutationId)) return;
  try {
    fn(current, carried);
  } catch (err) {
    if (ctx.replay && err instanceof AppError) return;
    throw err;
  }
}

/** The Sindaco's agenda: the first active person with that role. */
export function mayorOf(db: Db) {
  return agendaPeople(db).find((p) => p.role === 'sindaco' && p.active) ?? null;
}

/** Shared by the effect and the service's dry run. */
export function decide(db: Db, current: StoredInvitation | null, args: DecideArgs, ctx: Pick<EffectContext, 'user' | 'now' | 'mutationId'>): InvitationDecision {
  return decideInvitation(current ? publicInvitation(current) : null, args, { ...reduceCtx(db, ctx.user, ctx.now, ctx.mutationId), mayor: mayorOf(db) });
}

/** invitations.record. */
export function recordInvitationEffect(args: RecordArgs, ctx: EffectContext): void {
  once(ctx, args.id, (current, carried) => {
    store(ctx.db, recordInvitation(current ? publicInvitation(current) : null, args, ctx), carried, ctx.mutationId);
  });
}

/** invitations.decide: the decision, and the engagement it creates (accept, delegate). */
export function decideInvitationEffect(args: DecideArgs, ctx: EffectContext): void {
  once(ctx, args.id, (current, carried) => {
    const r = decide(ctx.db, current, args, ctx);
    store(ctx.db, r.invitation, carried, ctx.mutationId);
    if (r.agenda) storeRows(ctx.db, r.agenda.rows, ctx.mutationId);
  });
}

/** invitations.linkLetter. */
export function linkLetterEffect(args: LinkArgs, ctx: EffectContext): void {
  once(ctx, args.id, (current, carried) => {
    store(ctx.db, linkInvitationLetter(current ? publicInvitation(current) : null, args), carried, ctx.mutationId);
  });
}
