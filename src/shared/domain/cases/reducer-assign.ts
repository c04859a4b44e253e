import type { CaseAssignment, CaseDto } from '../../contract/cases';
import { assertOpen, invalid, withNote, type CaseAction, type CaseActor, type CaseReduceCtx, type Timeline } from './reducer-kit';

/**
 * Assignments of a case (per competenza or per conoscenza), taking in charge and refusal. The
 * history is kept: a reassigned or refused assignment stays in the list with its state.
 */

type ArgsOf<N extends CaseAction['name']> = Extract<CaseAction, { name: N }>['args'];

const active = (a: CaseAssignment) => a.state === 'assegnato' || a.state === 'preso_in_carico';
const kindLabel = (a: Pick<CaseAssignment, 'kind'>) => (a.kind === 'competenza' ? 'per competenza' : 'per conoscenza');

/** Whether the assignment names the actor or the actor's office. */
export function isActorsAssignment(a: CaseAssignment, actor: CaseActor): boolean {
  return a.assigneeType === 'utente' ? a.assigneeId === actor.id : actor.officeId !== null && a.assigneeId === actor.officeId;
}

/** Assigns the case to an office or a person; a competenza assignment moves ricevuta → assegnata. */
export function assign(c: CaseDto, args: ArgsOf<'cases.assign'>, ctx: CaseReduceCtx, tl: Timeline): CaseDto {
  assertOpen(c, 'assegnare la pratica');
  const name = args.assigneeType === 'ufficio' ? ctx.names.office(args.assigneeId) : ctx.names.user(args.assigneeId);
  if (name === null) invalid(args.assigneeType === 'ufficio' ? 'Ufficio non trovato.' : 'Utente non trovato.', { assigneeId: args.assigneeId });
  const same = c.assignments.find((a) => active(a) && a.assigneeId === args.assigneeId && a.kind === args.kind);
  if (same) invalid(`La pratica è già assegnata ${kindLabel(same)} a ${same.assigneeName}.`);
  const competenza = args.kind === 'competenza';
  const replaced = competenza && args.replaceCompetenza ? c.assignments.filter((a) => active(a) && a.kind === 'competenza') : [];
  const assignments: CaseAssignment[] = c.assignments.map((a) => (replaced.includes(a) ? { ...a, state: 'revocato' } : a));
  assignments.push({
    id: tl.nextId(),
    kind: args.kind,
    assigneeType: args.assigneeType,
    assigneeId: args.assigneeId,
    assigneeName: name,
    state: 'assegnato',
    reason: null,
    at: ctx.now,
    by: ctx.actor.id,
    byName: ctx.actor.name,
  });
  let next: CaseDto = { ...c, assignments };
  if (competenza && args.assigneeType === 'ufficio') next = { ...next, officeId: args.assigneeId, officeName: name };
  // A reassignment hands the case over: whoever held it under the revoked assignment no longer does.
  if (replaced.length > 0 && next.ownerId !== null && next.ownerId !== args.assigneeId) next = { ...next, ownerId: null, ownerName: null };
  if (competenza && next.state === 'ricevuta') next = { ...next, state: 'assegnata' };
  const verb = replaced.length > 0 ? 'Riassegnata' : 'Assegnata';
  const before = replaced.length > 0 ? ` (prima: ${replaced.map((a) => a.assigneeName).join(', ')})` : '';
  tl.add('assegnata', withNote(`${verb} ${kindLabel(args)} a ${name}${before}`, args.note), {
    assigneeType: args.assigneeType,
    assigneeId: args.assigneeId,
    kind: args.kind,
    revoked: replaced.map((a) => a.id),
  });
  return next;
}

/** A competenza assignment that a user gave himself by taking an unassigned case in charge. */
const selfTaken = (a: CaseAssignment) => a.kind === 'competenza' && a.assigneeType === 'utente' && a.by === a.assigneeId;

/**
 * The caller becomes the case's one owner. The caller's (or the caller's office's) competenza
 * assignment is marked taken in charge; a case nobody assigned is taken directly (the
 * secretariat works its own mail) with a competenza assignment to the caller. A case assigned
 * to another office or person is refused. Taking over from a colleague is allowed (a hand-over):
 * when two desks do it offline from the same version, the server keeps the first and records a
 * conflict (field merge on ownerId).
 */
export function takeCharge(c: CaseDto, ctx: CaseReduceCtx, tl: Timeline): CaseDto {
  assertOpen(c, 'prendere in carico la pratica');
  if (c.ownerId === ctx.actor.id) invalid('Hai già in carico questa pratica.');
  const competenze = c.assignments.filter((a) => active(a) && a.kind === 'competenza' && !selfTaken(a));
  const mine = competenze.filter((a) => isActorsAssignment(a, ctx.actor));
  if (competenze.length > 0 && mine.length === 0) {
    invalid(`La pratica è assegnata per competenza a ${competenze.map((a) => a.assigneeName).join(', ')}: chiedi che sia assegnata a te o al tuo ufficio.`);
  }
  let assignments = c.assignments.map((a): CaseAssignment => {
    if (mine.includes(a)) return { ...a, state: 'preso_in_carico' };
    // The previous owner's own taking is superseded (history kept).
    return active(a) && selfTaken(a) ? { ...a, state: 'revocato' } : a;
  });
  if (competenze.length === 0) {
    assignments = [
      ...assignments,
      { id: tl.nextId(), kind: 'competenza', assigneeType: 'utente', assigneeId: ctx.actor.id, assigneeName: ctx.actor.name, state: 'preso_in_carico', reason: null, at: ctx.now, by: ctx.actor.id, byName: ctx.actor.name },
    ];
  }
  const state = c.state === 'ricevuta' || c.state === 'assegnata' ? 'in_istruttoria' : c.state;
  const before = c.ownerName ? ` (prima: ${c.ownerName})` : '';
  tl.add('presa_in_carico', `Presa in carico da ${ctx.actor.name}${before}`, { ownerId: ctx.actor.id, previousOwnerId: c.ownerId });
  return { ...c, assignments, ownerId: ctx.actor.id, ownerName: ctx.actor.name, state };
}

/** Refuses an assignment to the caller or the caller's office, with a reason. */
export function refuse(c: CaseDto, args: ArgsOf<'cases.refuse'>, ctx: CaseReduceCtx, tl: Timeline): CaseDto {
  assertOpen(c, "rifiutare l'assegnazione");
  const target = c.assignments.find((a) => a.id === args.assignmentId);
  if (!target) invalid('Assegnazione non trovata nella pratica.', { assignmentId: args.assignmentId });
  if (!isActorsAssignment(target, ctx.actor)) invalid("Puoi rifiutare solo un'assegnazione a te o al tuo ufficio.");
  if (target.state !== 'assegnato') {
    const why = target.state === 'preso_in_carico' ? 'è già stata presa in carico' : target.state === 'rifiutato' ? 'è già stata rifiutata' : 'è stata revocata';
    invalid(`Non si può rifiutare l'assegnazione: ${why}.`);
  }
  const assignments = c.assignments.map((a) => (a === target ? { ...a, state: 'rifiutato' as const, reason: args.reason } : a));
  let next: CaseDto = { ...c, assignments };
  if (target.kind === 'competenza') {
    if (target.assigneeType === 'ufficio' && c.officeId === target.assigneeId) next = { ...next, officeId: null, officeName: null };
    // Refused by every assignee per competenza: the case is back to be assigned.
    const left = assignments.some((a) => active(a) && a.kind === 'competenza');
    if (!left && next.state === 'assegnata') next = { ...next, state: 'ricevuta' };
  }
  tl.add('rifiutata', `Assegnazione ${kindLabel(target)} a ${target.assigneeName} rifiutata: ${args.reason}`, { assignmentId: target.id, reason: args.reason });
  return next;
}
