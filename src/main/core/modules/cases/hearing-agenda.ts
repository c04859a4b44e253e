import type { z } from 'zod';
import { agendaCreateInput, AppError, type CaseDto, type hearingAdvanceInput, type SessionUser } from '../../../../shared/contract';
import { addMinutesLocal, instantToRomeLocal, isLocalDateTime, localMinutesBetween, type LocalDateTime } from '../../../../shared/domain/agenda/time';
import type { AgendaAction } from '../../../../shared/domain/agenda/reducer';
import { uuidv7 } from '../../../../shared/domain/ids';
import { isAllowed } from '../../../../shared/domain/permissions';
import type { DeskDeps } from '../../deps';
import { applyMutation } from '../../write/apply-mutation';
import { precheck } from '../agenda/service';
import { findEvent } from '../agenda/repository';
import { mayorOf } from '../invitations/effects';
import { getCase } from './repository';
import { actOnCase } from './service';

/**
 * Hearings with the Mayor (udienze) meet the agenda (issues 4 and 5): moving a hearing to
 * «Calendarizzata» puts an engagement of kind 'udienza' on the Sindaco's agenda, linked to the
 * case (caseIds), and stores its id and wall time in the case; scheduling it again moves the same
 * engagement. The two mutations are written in one local transaction, so the desk never holds a
 * scheduled case without its engagement, and are pushed in that order.
 */

export type HearingArgs = z.output<typeof hearingAdvanceInput>;

/** How long a hearing lasts on the agenda until the secretariat changes it there. */
export const hearingMinutes = 30;

function invalidAt(message: string): never {
  throw new AppError('VALIDATION', message, { fields: [{ path: 'scheduledAt', message }] });
}

/**
 * The hearing's time as Rome wall time ('YYYY-MM-DDTHH:MM', like the agenda's): the form sends
 * the wall time; an ISO instant (older desks) is read in Europe/Rome.
 */
export function hearingWallTime(value: string | null | undefined): LocalDateTime {
  if (!value) invalidAt("Indica data e ora dell'udienza.");
  if (isLocalDateTime(value)) return value;
  if (/Z|[+-]\d{2}:\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))) return instantToRomeLocal(new Date(value).toISOString());
  invalidAt("Data e ora dell'udienza non valide (AAAA-MM-GGTHH:MM).");
}

function hearingTitle(c: CaseDto): string {
  const topic = c.hearing?.topic || c.title;
  const who = c.requester?.name ? ` con ${c.requester.name}` : '';
  return `Udienza${who}: ${topic}`.slice(0, 300);
}

/** True when this advance must create or move the agenda engagement (no engagement id given by the caller). */
export function needsAgenda(c: CaseDto, args: HearingArgs): boolean {
  return c.typeCode === 'udienza' && args.to === 'calendarizzata' && args.agendaEventId === undefined;
}

/** The agenda action for the hearing: a new engagement, or the existing one moved. */
function agendaActionFor(d: DeskDeps, c: CaseDto, start: LocalDateTime, eventId: string): AgendaAction {
  const existing = c.hearing?.agendaEventId ? findEvent(d.db, c.hearing.agendaEventId) : null;
  if (existing && !existing.deleted) {
    const minutes = localMinutesBetween(existing.start, existing.end);
    return { name: 'agenda.update', args: { id: existing.id, recurrenceId: null, scope: 'tutti', changes: { start, end: addMinutesLocal(start, minutes) } } };
  }
  const mayor = mayorOf(d.db);
  if (!mayor) throw new AppError('VALIDATION', 'Manca l’agenda del Sindaco: aggiungila nelle impostazioni dell’agenda.');
  const args = agendaCreateInput.parse({
    id: eventId,
    kind: 'udienza',
    title: hearingTitle(c),
    start,
    end: addMinutesLocal(start, hearingMinutes),
    agendaOf: mayor.id,
    counterpart: c.requester?.name.slice(0, 300) ?? null,
    notes: c.hearing?.topic ? c.hearing.topic.slice(0, 8000) : null,
    entryIds: c.links.map((l) => l.entryId).slice(0, 50),
    caseIds: [c.id],
  });
  return { name: 'agenda.create', args };
}

/**
 * cases.advanceHearing to «Calendarizzata»: the engagement (created or moved) and the case's
 * stage, one transaction. Only who keeps the agenda may put the hearing in it.
 */
export function scheduleHearing(d: DeskDeps, args: HearingArgs, user: SessionUser): CaseDto {
  const c = getCase(d.db, args.caseId);
  if (!isAllowed('agenda.create', user.roles)) {
    throw new AppError('FORBIDDEN', 'Solo la segreteria e il cerimoniale possono fissare l’udienza nell’agenda del Sindaco.');
  }
  const start = hearingWallTime(args.scheduledAt);
  const now = d.clock();
  const agendaMutation = uuidv7(now.getTime());
  const action = agendaActionFor(d, c, start, uuidv7(now.getTime()));
  // Validation, conflicts and base versions exactly as the agenda's own writes (a person booked
  // twice is only a warning; a hearing books no room).
  const { reduction, baseVersions } = precheck(d, action, user, now.toISOString(), agendaMutation);
  const caseArgs: HearingArgs = { ...args, scheduledAt: start, agendaEventId: reduction.primaryId };
  d.db.$client.transaction(() => {
    applyMutation(d.db, action.name, action.args, user, { now, mutationId: agendaMutation, baseVersions });
    applyMutation(d.db, 'cases.advanceHearing', caseArgs, user, { now, baseVersions: { [`cases:${c.id}`]: c.version } });
  })();
  d.emit({ type: 'data-changed', domains: ['cases', 'agenda'] });
  void d.engine.round();
  return getCase(d.db, c.id);
}

/** cases.advanceHearing: through the agenda when the hearing gets its date, else a plain case write. */
export function advanceHearing(d: DeskDeps, args: HearingArgs, user: SessionUser): CaseDto {
  const c = getCase(d.db, args.caseId);
  return needsAgenda(c, args) ? scheduleHearing(d, args, user) : actOnCase(d, 'cases.advanceHearing', args, user);
}
