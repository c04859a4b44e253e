import type { CaseDto, HearingDetails, PatronageDetails } from '../../contract/cases';
import { canAdvanceHearing, hearingStageLabels } from './hearings';
import { patronageChecklist, patronageFullyInstructed, patronageLateness, patronageLatenessLabels } from './patronage';
import { assertOpen, dmy, invalid, type CaseAction, type CaseReduceCtx, type Timeline } from './reducer-kit';

/** The parts of a case that only some types have: patronage (patrocinio) and hearings (udienze). */

type ArgsOf<N extends CaseAction['name']> = Extract<CaseAction, { name: N }>['args'];

const checklistKeys = new Set(patronageChecklist.map((i) => i.key));

function assertType(c: CaseDto, code: CaseDto['typeCode'], what: string): void {
  if (c.typeCode !== code) invalid(`${what} riguarda solo le pratiche di tipo «${code === 'patrocinio' ? 'Richiesta di patrocinio' : 'Richiesta di udienza col Sindaco'}».`);
}

/** The application and its instruction (checklist, staff report) until the decision. */
export function updatePatronage(c: CaseDto, args: ArgsOf<'cases.updatePatronage'>, ctx: CaseReduceCtx, tl: Timeline): CaseDto {
  assertType(c, 'patrocinio', "L'istruttoria del patrocinio");
  assertOpen(c, "aggiornare l'istruttoria del patrocinio");
  const p = c.patronage;
  if (p?.decision) invalid('La richiesta di patrocinio è già stata decisa: non si modifica più.');
  const unknown = Object.keys(args.checklist ?? {}).filter((k) => !checklistKeys.has(k));
  if (unknown.length > 0) invalid(`Voce della lista di controllo sconosciuta: ${unknown.join(', ')}.`);
  const eventTitle = args.eventTitle ?? p?.eventTitle;
  const eventDate = args.eventDate ?? p?.eventDate;
  const place = args.place ?? p?.place;
  if (!eventTitle || !eventDate || !place) invalid("Indica titolo, data e luogo dell'iniziativa.");
  const next: PatronageDetails = {
    eventTitle,
    eventDate,
    place,
    checklist: { ...(p?.checklist ?? {}), ...(args.checklist ?? {}) },
    staffReport: args.staffReport !== undefined ? args.staffReport : (p?.staffReport ?? null),
    decision: null,
    outcomeEntryId: p?.outcomeEntryId ?? null,
  };
  const ticked = patronageChecklist.filter((i) => next.checklist[i.key] === true).length;
  const complete = patronageFullyInstructed(next.checklist) ? ' (istruttoria completa)' : '';
  const report = args.staffReport ? ', relazione istruttoria aggiornata' : '';
  tl.add('patrocinio', `Istruttoria del patrocinio aggiornata: ${ticked} voci su ${patronageChecklist.length}${complete}${report}`, {
    checklist: args.checklist ?? {},
    lateness: patronageLateness(c.receivedOn, eventDate, ctx.settings),
  });
  return { ...c, patronage: next };
}

/**
 * Decision by the Sindaco or the Giunta, once. A late application is flagged ("fuori termine")
 * but can still be decided: the municipal regulation's window never blocks the decision.
 */
export function decidePatronage(c: CaseDto, args: ArgsOf<'cases.decidePatronage'>, ctx: CaseReduceCtx, tl: Timeline): CaseDto {
  assertType(c, 'patrocinio', 'La decisione sul patrocinio');
  assertOpen(c, 'decidere il patrocinio');
  const p = c.patronage;
  if (!p) invalid("Indica prima titolo, data e luogo dell'iniziativa.");
  if (p.decision) invalid(`La richiesta di patrocinio è già stata decisa il ${dmy(p.decision.on)}.`);
  if (args.on < c.receivedOn) invalid(`La decisione non può precedere il ricevimento della richiesta (${dmy(c.receivedOn)}).`);
  const lateness = patronageLateness(c.receivedOn, p.eventDate, ctx.settings);
  const decision = { by: args.by, outcome: args.outcome, on: args.on, act: args.act, note: args.note };
  const body = args.by === 'sindaco' ? 'dal Sindaco' : 'dalla Giunta';
  const act = args.act ? ` (${args.act})` : '';
  const late = lateness !== 'in_termine' ? ` — richiesta ${patronageLatenessLabels[lateness].toLowerCase()}` : '';
  tl.add('patrocinio', `Patrocinio ${args.outcome} ${body} il ${dmy(args.on)}${act}${late}`, { decision, lateness });
  return { ...c, patronage: { ...p, decision } };
}

/** Hearing stages go forward one at a time; staying on a stage updates its details. */
export function advanceHearing(c: CaseDto, args: ArgsOf<'cases.advanceHearing'>, _ctx: CaseReduceCtx, tl: Timeline): CaseDto {
  assertType(c, 'udienza', "L'avanzamento dell'udienza");
  assertOpen(c, "aggiornare l'udienza");
  const h: HearingDetails = c.hearing ?? { stage: 'richiesta', topic: c.title, agendaEventId: null, scheduledAt: null, outcome: null };
  if (!canAdvanceHearing(h.stage, args.to)) {
    invalid(`Le fasi dell'udienza vanno solo avanti, una alla volta: da «${hearingStageLabels[h.stage]}» non si passa a «${hearingStageLabels[args.to]}».`);
  }
  const next: HearingDetails = {
    ...h,
    stage: args.to,
    scheduledAt: args.scheduledAt !== undefined ? args.scheduledAt : h.scheduledAt,
    agendaEventId: args.agendaEventId !== undefined ? args.agendaEventId : h.agendaEventId,
    outcome: args.outcome !== undefined ? args.outcome : h.outcome,
  };
  if (args.to === 'calendarizzata' && !next.scheduledAt && !next.agendaEventId) invalid("Indica data e ora dell'udienza.");
  if (args.to === 'esito' && !next.outcome) invalid("Indica l'esito dell'udienza.");
  const when = args.to === 'calendarizzata' && next.scheduledAt ? ` (${next.scheduledAt.replace('T', ' ')})` : '';
  const outcome = args.to === 'esito' && next.outcome ? `: ${next.outcome}` : '';
  tl.add('udienza', `Udienza: ${hearingStageLabels[args.to]}${when}${outcome}`, { from: h.stage, to: args.to });
  return { ...c, hearing: next };
}
