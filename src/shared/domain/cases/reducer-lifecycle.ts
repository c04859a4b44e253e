import type { CaseDto, CaseLink, CaseLinkRole } from '../../contract/cases';
import { patronageLateness, patronageLatenessLabels } from './patronage';
import { assertTransition, caseStateLabels, type CaseState } from './states';
import { assertNotFuture, assertOpen, dmy, invalid, stateLabel, withNote, type CaseAction, type CaseEntryInfo, type CaseReduceCtx, type Timeline } from './reducer-kit';
import { endOpenSuspension, recomputeTerm } from './reducer-term';

/** Opening, linking entries, state changes, the reply and closing. */

type ArgsOf<N extends CaseAction['name']> = Extract<CaseAction, { name: N }>['args'];

const roleLabels: Record<CaseLinkRole, string> = {
  richiesta: 'richiesta',
  sollecito: 'sollecito',
  integrazione: 'integrazione',
  risposta: 'risposta',
  altro: 'altro',
};

function entryFor(ctx: CaseReduceCtx, entryId: string): CaseEntryInfo {
  const e = ctx.entry;
  if (!e || e.id !== entryId) invalid('Registrazione di protocollo non trovata.', { entryId });
  return e;
}

function linkOf(e: CaseEntryInfo, role: CaseLinkRole, at: string): CaseLink {
  return { entryId: e.id, role, label: e.label, direction: e.direction, at };
}

/**
 * Opens a case, from a protocol entry (title = oggetto, requester = its correspondent, receipt =
 * its legal date, the emergency date when registered in emergency: DPR 445/2000 art. 63) or alone.
 */
export function open(args: ArgsOf<'cases.open'>, ctx: CaseReduceCtx, tl: Timeline, id: string): CaseDto {
  const type = ctx.type;
  if (type.code !== args.typeCode) invalid('Tipo di pratica incoerente con la configurazione.', { typeCode: args.typeCode });
  if (!type.active) invalid(`Il tipo di pratica «${type.name}» non è più attivo.`);
  const entry = args.entryId ? entryFor(ctx, args.entryId) : null;
  const title = (args.title ?? '').trim() || entry?.oggetto || '';
  if (!title) invalid("Indica l'oggetto della pratica.");
  const receivedOn = args.receivedOn ?? entry?.legalDate ?? ctx.today;
  assertNotFuture(receivedOn, ctx.today, 'La data di ricevimento');
  if (args.patronage && type.code !== 'patrocinio') invalid('I dati del patrocinio valgono solo per le richieste di patrocinio.');
  const base: CaseDto = {
    id,
    typeCode: type.code,
    title,
    requester: args.requester !== undefined ? args.requester : (entry?.requester ?? null),
    receivedOn,
    state: 'ricevuta',
    stateBeforeSuspension: null,
    dueOn: null,
    suspensions: [],
    suspendedDays: 0,
    ownerId: null,
    ownerName: null,
    officeId: null,
    officeName: null,
    assignments: [],
    links: entry ? [linkOf(entry, 'richiesta', ctx.now)] : [],
    replyEntryId: null,
    repliedOn: null,
    closedOn: null,
    closingNote: null,
    priority: args.priority,
    notes: args.notes ?? null,
    patronage: args.patronage ? { ...args.patronage, checklist: {}, staffReport: null, decision: null, outcomeEntryId: null } : null,
    hearing: type.code === 'udienza' ? { stage: 'richiesta', topic: args.hearingTopic || title, agendaEventId: null, scheduledAt: null, outcome: null } : null,
    createdBy: ctx.actor.id,
    createdByName: ctx.actor.name,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    version: 0,
  };
  const c = recomputeTerm(base, type, ctx.settings);
  const from = entry ? ` dalla registrazione ${entry.label}` : '';
  const due = c.dueOn ? `, scadenza ${dmy(c.dueOn)}` : ', senza termine di legge';
  const lateness = c.patronage ? patronageLateness(receivedOn, c.patronage.eventDate, ctx.settings) : null;
  const late = lateness && lateness !== 'in_termine' ? ` — richiesta ${patronageLatenessLabels[lateness].toLowerCase()}` : '';
  tl.add('aperta', `Pratica aperta${from}: ${type.name}, ricevuta il ${dmy(receivedOn)}${due}${late}`, {
    typeCode: type.code,
    entryId: entry?.id ?? null,
    receivedOn,
    dueOn: c.dueOn,
    ...(lateness ? { patronageLateness: lateness } : {}),
  });
  return c;
}

/**
 * Gathers a protocol entry in the case. A reply linked while the case is being instructed moves
 * it to "risposta in preparazione".
 */
export function linkEntry(c: CaseDto, args: ArgsOf<'cases.linkEntry'>, ctx: CaseReduceCtx, tl: Timeline): CaseDto {
  if (c.state === 'archiviata') invalid('Non si può collegare una registrazione a una pratica archiviata.');
  const entry = entryFor(ctx, args.entryId);
  if (c.links.some((l) => l.entryId === entry.id)) invalid(`La registrazione ${entry.label} è già collegata alla pratica.`);
  let state: CaseState = c.state;
  if (args.role === 'risposta') state = replyState(c.state, 'collegare la risposta');
  tl.add('collegata', `Collegata la registrazione ${entry.label} (${roleLabels[args.role]})`, { entryId: entry.id, role: args.role });
  if (state !== c.state) tl.add('stato', `Stato: da «${stateLabel(c.state)}» a «${stateLabel(state)}»`, { from: c.state, to: state });
  return { ...c, links: [...c.links, linkOf(entry, args.role, ctx.now)], state };
}

/** Where a reply can be drafted from: the case must be under instruction (or already drafting). */
function replyState(from: CaseState, what: string): CaseState {
  if (from === 'in_istruttoria' || from === 'risposta_in_preparazione') return 'risposta_in_preparazione';
  if (from === 'sospesa') invalid(`Non si può ${what}: la pratica è sospesa, riprendila prima.`);
  if (from === 'ricevuta' || from === 'assegnata') invalid(`Non si può ${what}: prendi prima in carico la pratica.`);
  invalid(`Non si può ${what}: la pratica è nello stato «${caseStateLabels[from]}».`);
}

export function transition(c: CaseDto, args: ArgsOf<'cases.transition'>, ctx: CaseReduceCtx, tl: Timeline): CaseDto {
  if (args.to === 'chiusa') return close(c, { caseId: c.id, note: args.note }, ctx, tl);
  assertTransition(c.state, args.to);
  const repliedOn = args.to === 'risposta_inviata' ? (c.repliedOn ?? ctx.today) : c.repliedOn;
  tl.add('stato', withNote(`Stato: da «${stateLabel(c.state)}» a «${stateLabel(args.to)}»`, args.note), { from: c.state, to: args.to });
  if (args.to !== 'ricevuta') return { ...c, state: args.to, repliedOn };
  // Back to be assigned: the assignments per competenza are withdrawn (history kept).
  const assignments = c.assignments.map((a) => (a.kind === 'competenza' && (a.state === 'assegnato' || a.state === 'preso_in_carico') ? { ...a, state: 'revocato' as const } : a));
  return { ...c, state: args.to, assignments, officeId: null, officeName: null, ownerId: null, ownerName: null };
}

export function addNote(c: CaseDto, args: ArgsOf<'cases.addNote'>, _ctx: CaseReduceCtx, tl: Timeline): CaseDto {
  tl.add('nota', args.text, {});
  return c;
}

/** The reply went out with an outgoing (or internal) entry; optionally the case closes with it. */
export function replySent(c: CaseDto, args: ArgsOf<'cases.replySent'>, ctx: CaseReduceCtx, tl: Timeline): CaseDto {
  assertOpen(c, 'registrare la risposta');
  const entry = entryFor(ctx, args.entryId);
  if (entry.direction === 'entrata') invalid('La risposta deve essere una registrazione in uscita.');
  if (c.replyEntryId === entry.id) invalid(`La risposta ${entry.label} è già stata registrata.`);
  const sentOn = args.sentOn ?? ctx.today;
  assertNotFuture(sentOn, ctx.today, "La data d'invio della risposta");
  if (sentOn < c.receivedOn) invalid(`La risposta non può precedere il ricevimento della richiesta (${dmy(c.receivedOn)}).`);
  replyState(c.state, 'registrare la risposta');
  const linked = c.links.some((l) => l.entryId === entry.id);
  const links = linked ? c.links.map((l) => (l.entryId === entry.id ? { ...l, role: 'risposta' as const } : l)) : [...c.links, linkOf(entry, 'risposta', ctx.now)];
  tl.add('risposta', `Risposta inviata il ${dmy(sentOn)} con la registrazione ${entry.label}`, { entryId: entry.id, sentOn });
  const next: CaseDto = { ...c, links, replyEntryId: entry.id, repliedOn: sentOn, state: 'risposta_inviata' };
  if (!args.close) return next;
  tl.add('chiusa', "Pratica chiusa con l'invio della risposta", { closedOn: sentOn });
  return { ...next, state: 'chiusa', closedOn: sentOn };
}

/** Closes an open case (with or without a reply); a running suspension ends today. */
export function close(c: CaseDto, args: ArgsOf<'cases.close'>, ctx: CaseReduceCtx, tl: Timeline): CaseDto {
  assertTransition(c.state, 'chiusa');
  const ended = c.state === 'sospesa' ? recomputeTerm(endOpenSuspension(c, ctx.today), ctx.type, ctx.settings) : c;
  tl.add('chiusa', withNote('Pratica chiusa', args.note), { closedOn: ctx.today, from: c.state });
  return { ...ended, state: 'chiusa', stateBeforeSuspension: null, closedOn: ctx.today, closingNote: args.note ?? null };
}

/** Only a closed case is archived. */
export function archive(c: CaseDto, _ctx: CaseReduceCtx, tl: Timeline): CaseDto {
  assertTransition(c.state, 'archiviata');
  tl.add('stato', `Stato: da «${stateLabel(c.state)}» a «${stateLabel('archiviata')}»`, { from: c.state, to: 'archiviata' });
  return { ...c, state: 'archiviata' };
}
