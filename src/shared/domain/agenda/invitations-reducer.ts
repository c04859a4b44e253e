import type { z } from 'zod';
import { AppError } from '../../contract/errors';
import type { AgendaEventDto, AgendaPersonDto, InvitationDto, invitationDecideInput, invitationLetterInput, invitationRecordInput } from '../../contract/agenda';
import { derivedId } from './reducer-ids';
import { checkOrder } from './reducer-rows';
import { reduceAgenda, type AgendaReduceCtx, type AgendaReduction } from './reducer';
import { instantToRomeLocal } from './time';

/**
 * Invitations to the Mayor (issue 5), as pure functions shared by desk and server. Recording one
 * without a registered letter is allowed: invitations are among the documents art. 53 c.5 DPR
 * 445/2000 exempts from protocol registration.
 */

const labels: Record<InvitationDto['state'], string> = { da_decidere: 'da decidere', accettato: 'accettato', declinato: 'declinato', delegato: 'delegato' };

/** Records (or corrects, while undecided) an invitation. */
export function recordInvitation(current: InvitationDto | null, args: z.output<typeof invitationRecordInput>, ctx: Pick<AgendaReduceCtx, 'now' | 'mutationId'>): InvitationDto {
  checkOrder(args.eventStart, args.eventEnd);
  if (current && current.state !== 'da_decidere') throw new AppError('INVALID_STATE', `L’invito è già stato ${labels[current.state]}: non si può più modificare.`);
  const fields = {
    receivedOn: args.receivedOn ?? current?.receivedOn ?? instantToRomeLocal(ctx.now).slice(0, 10),
    from: args.from,
    title: args.title,
    eventStart: args.eventStart,
    eventEnd: args.eventEnd,
    place: args.place,
    entryId: args.entryId,
    recordedWithoutProtocol: args.entryId === null,
    notes: args.notes,
  };
  if (current) return { ...current, ...fields };
  return { id: args.id ?? derivedId(ctx.mutationId, 0), ...fields, caseId: null, state: 'da_decidere', decision: null, eventId: null, version: 0 };
}

export interface InvitationDecision {
  invitation: InvitationDto;
  /** The engagement created by accepting or delegating (null when declined). */
  agenda: AgendaReduction | null;
}

/**
 * Accept: the engagement goes on the Mayor's agenda. Delegate: it goes on the delegate's agenda
 * "in rappresentanza del Sindaco". Decline: no engagement (the reply letter is drafted apart).
 * The engagement is internal until someone makes it public: an invitation is not an announcement.
 */
export function decideInvitation(
  inv: InvitationDto | null,
  args: z.output<typeof invitationDecideInput>,
  ctx: AgendaReduceCtx & { mayor: AgendaPersonDto | null },
): InvitationDecision {
  if (!inv) throw new AppError('NOT_FOUND', 'Invito non trovato.');
  if (inv.state !== 'da_decidere') throw new AppError('INVALID_STATE', `L’invito è già stato ${labels[inv.state]}.`);
  const delegate = args.decision === 'delega' ? ctx.people(args.delegateToPersonId ?? '') : null;
  if (args.decision === 'delega' && (!delegate || !delegate.active)) throw new AppError('VALIDATION', 'Scegli una persona attiva a cui delegare.');
  if (args.decision !== 'declina' && !ctx.mayor) throw new AppError('VALIDATION', 'Manca l’agenda del Sindaco: aggiungila nelle impostazioni dell’agenda.');
  const decision = {
    at: ctx.now,
    byName: ctx.actor.name,
    note: args.note,
    delegateToPersonId: delegate?.id ?? null,
    delegateToName: delegate?.name ?? null,
    letterEntryId: null,
  };
  const state = args.decision === 'accetta' ? 'accettato' : args.decision === 'delega' ? 'delegato' : 'declinato';
  if (args.decision === 'declina') return { invitation: { ...inv, state, decision, eventId: null }, agenda: null };

  const eventId = args.eventId ?? derivedId(ctx.mutationId, 0);
  const created = reduceAgenda(
    { event: null, overrides: [] },
    {
      name: 'agenda.create',
      args: {
        id: eventId,
        kind: 'evento_pubblico',
        title: inv.title,
        start: inv.eventStart,
        end: inv.eventEnd,
        allDay: false,
        rrule: null,
        visibility: 'interno',
        agendaOf: ctx.mayor!.id,
        roomId: null,
        address: inv.place,
        counterpart: inv.from.name,
        foreign: false,
        participants: [],
        staffContact: null,
        notes: inv.notes,
        attachments: [],
        entryIds: inv.entryId ? [inv.entryId] : [],
        caseIds: inv.caseId ? [inv.caseId] : [],
        organiser: null,
        services: [],
        templateKey: null,
        invitationId: inv.id,
        overrideRoomConflict: args.overrideRoomConflict,
        // An invitation's time is what the letter says: a repeated October hour is read as the first.
        ambiguous: 'earlier',
      },
    },
    ctx,
  );
  const agenda = delegate ? withDelegation(created, ctx.mayor!, delegate, args.note, ctx) : created;
  return { invitation: { ...inv, state, decision, eventId }, agenda };
}

function withDelegation(r: AgendaReduction, mayor: AgendaPersonDto, to: AgendaPersonDto, note: string | null, ctx: AgendaReduceCtx): AgendaReduction {
  const delegation = { fromPersonId: mayor.id, fromName: mayor.name, toPersonId: to.id, toName: to.name, note, at: ctx.now, byName: ctx.actor.name };
  const rows = r.rows.map((row): AgendaEventDto => ({ ...row, agendaOf: to.id, delegation }));
  return { ...r, rows };
}

/** Links the registered reply or delegation letter to the decision. */
export function linkInvitationLetter(inv: InvitationDto | null, args: z.output<typeof invitationLetterInput>): InvitationDto {
  if (!inv) throw new AppError('NOT_FOUND', 'Invito non trovato.');
  if (!inv.decision) throw new AppError('INVALID_STATE', 'Prima decidi sull’invito, poi collega la lettera.');
  return { ...inv, decision: { ...inv.decision, letterEntryId: args.letterEntryId } };
}
