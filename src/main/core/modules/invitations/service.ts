import type { z } from 'zod';
import {
  AppError,
  type AgendaEventDto,
  type ConflictReport,
  type Correspondent,
  type InvitationDto,
  type invitationDecideInput,
  type invitationLetterInput,
  type invitationRecordInput,
  type LetterDraft,
  type SessionUser,
} from '../../../../shared/contract';
import { recordInvitation } from '../../../../shared/domain/agenda/invitations-reducer';
import { uuidv7 } from '../../../../shared/domain/ids';
import { isAllowed } from '../../../../shared/domain/permissions';
import { formatYearNumber } from '../../../../shared/domain/protocol-number';
import { italianDate } from '../../../../shared/domain/time';
import type { DeskDeps } from '../../deps';
import { applyMutation } from '../../write/apply-mutation';
import { assertRoomFree, checkRows } from '../agenda/conflict-check';
import { redactEvent, viewerOf } from '../agenda/reads';
import { getEvent, namesOf } from '../agenda/repository';
import { afterAgendaWrite, todayLocal } from '../agenda/service';
import { getContact } from '../directory/repository';
import { findEntry } from '../protocol/repository';
import { caseOfInvitation, invitationDecisionNote } from '../cases/invitation-note';
import { decide } from './effects';
import { findInvitation, getInvitation } from './repository';

/**
 * Invitations to the Mayor (issue 5): recorded from a registered letter or without protocol
 * (art. 53 c.5 DPR 445/2000), then accepted (the engagement goes on the Sindaco's agenda),
 * declined, or delegated to an Assessore; the reply or delegation letter is drafted for the
 * Registra form and linked back once registered.
 */

const baseOf = (inv: { id: string; version: number } | null): Record<string, number> => (inv ? { [`invitations:${inv.id}`]: inv.version } : {});

export function recordInvitationCall(d: DeskDeps, input: z.output<typeof invitationRecordInput>, user: SessionUser): InvitationDto {
  const now = d.clock();
  const mutationId = uuidv7(now.getTime());
  const args = { ...input, id: input.id ?? uuidv7(now.getTime()) };
  const current = findInvitation(d.db, args.id);
  if (args.entryId && !findEntry(d.db, args.entryId)) throw new AppError('NOT_FOUND', 'Registrazione di protocollo non trovata su questa postazione.');
  recordInvitation(current, args, { now: now.toISOString(), mutationId });
  applyMutation(d.db, 'invitations.record', args, user, { now, mutationId, baseVersions: baseOf(current) });
  afterAgendaWrite(d);
  return getInvitation(d.db, args.id);
}

/** Accept, decline or delegate; the engagement is checked for double bookings like any other. */
export function decideInvitationCall(
  d: DeskDeps,
  input: z.output<typeof invitationDecideInput>,
  user: SessionUser,
): { invitation: InvitationDto; event: AgendaEventDto | null; warnings: ConflictReport } {
  const now = d.clock();
  const mutationId = uuidv7(now.getTime());
  const args = { ...input, eventId: input.eventId ?? uuidv7(now.getTime()) };
  const current = findInvitation(d.db, args.id);
  const dry = decide(d.db, current, args, { user, now: now.toISOString(), mutationId });
  let warnings: ConflictReport = { rooms: [], people: [] };
  if (dry.agenda) {
    const check = checkRows(d.db, dry.agenda.rows, new Set(dry.agenda.rows.map((r) => r.id)), todayLocal(d), namesOf(d.db), viewerOf(user));
    if (dry.agenda.recheckRooms) assertRoomFree(check);
    warnings = check.report;
  }
  // The decision is also "recorded and visible in the case" (issue 5): a note on the timeline of
  // the invitation's case, written with the decision in one transaction.
  const note = caseNoteOf(d, dry.invitation, user);
  d.db.$client.transaction(() => {
    applyMutation(d.db, 'invitations.decide', args, user, { now, mutationId, baseVersions: baseOf(current) });
    if (note) applyMutation(d.db, 'cases.addNote', { caseId: note.caseId, text: note.text }, user, { now, baseVersions: { [`cases:${note.caseId}`]: note.version } });
  })();
  if (note) d.emit({ type: 'data-changed', domains: ['cases'] });
  afterAgendaWrite(d);
  const event = dry.agenda ? redactEvent(getEvent(d.db, dry.agenda.primaryId), viewerOf(user)) : null;
  return { invitation: getInvitation(d.db, args.id), event, warnings };
}

/** The note for the invitation's case (its own, or the open 'invito' case of its letter), if any. */
function caseNoteOf(d: DeskDeps, decided: InvitationDto, user: SessionUser): { caseId: string; version: number; text: string } | null {
  if (!isAllowed('cases.addNote', user.roles)) return null;
  const c = caseOfInvitation(d.db, decided);
  const text = invitationDecisionNote(decided);
  return c && text && c.state !== 'archiviata' ? { caseId: c.id, version: c.version, text } : null;
}

export function linkLetterCall(d: DeskDeps, input: z.output<typeof invitationLetterInput>, user: SessionUser): InvitationDto {
  const current = getInvitation(d.db, input.id);
  if (!findEntry(d.db, input.letterEntryId)) throw new AppError('NOT_FOUND', 'Registrazione di protocollo non trovata su questa postazione.');
  if (!current.decision) throw new AppError('INVALID_STATE', 'Prima decidi sull’invito, poi collega la lettera.');
  applyMutation(d.db, 'invitations.linkLetter', input, user, { now: d.clock(), baseVersions: baseOf(current) });
  afterAgendaWrite(d);
  return getInvitation(d.db, input.id);
}

/** The sender as a correspondent: the address-book contact, else as the letter names it. */
function senderOf(d: DeskDeps, inv: InvitationDto): Correspondent[] {
  const entry = inv.entryId ? findEntry(d.db, inv.entryId) : null;
  const fromEntry = entry?.correspondents.find((c) => (inv.from.contactId !== null && c.contactId === inv.from.contactId) || c.name === inv.from.name);
  if (fromEntry) return [fromEntry];
  if (inv.from.contactId) {
    try {
      const k = getContact(d.db, inv.from.contactId);
      return [{ contactId: k.id, name: k.name, kind: k.kind, pec: k.pec ?? null, email: k.email ?? null, ipaCode: k.ipaCode ?? null, address: k.address ?? null }];
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
    }
  }
  return [{ contactId: inv.from.contactId, name: inv.from.name, kind: 'persona', pec: null, email: null, ipaCode: null, address: null }];
}

/**
 * The Registra form's prefill: the reply to a declined invitation (to the sender) or the letter
 * delegating an Assessore (to the sender, who learns who will come), outgoing, classified like the
 * invitation's letter.
 */
export function letterDraft(d: DeskDeps, id: string): LetterDraft {
  const inv = getInvitation(d.db, id);
  if (inv.state === 'da_decidere' || inv.state === 'accettato') {
    throw new AppError('INVALID_STATE', 'La lettera si prepara per un invito declinato o delegato.');
  }
  const entry = inv.entryId ? findEntry(d.db, inv.entryId) : null;
  const ref = entry?.number ? ` (vs. nota prot. ${formatYearNumber(entry.year, entry.number)})` : '';
  const when = italianDate(inv.eventStart.slice(0, 10));
  const oggetto =
    inv.state === 'declinato'
      ? `Riscontro all'invito «${inv.title}» del ${when}${ref}: il Sindaco non potrà partecipare`
      : `Invito «${inv.title}» del ${when}${ref}: delega a ${inv.decision?.delegateToName ?? ''} in rappresentanza del Sindaco`;
  return { direction: 'uscita', oggetto: oggetto.slice(0, 1000), correspondents: senderOf(d, inv), classificationCode: entry?.classificationCode ?? null };
}
