import type { CaseDto, CaseSettingsDto, CaseTypeDto } from '../../contract/cases';
import { computeTerm, suspensionReasonLabels, type Suspension } from './deadlines';
import { assertSuspend, resumeTarget } from './states';
import { assertNotFuture, dmy, invalid, withNote, type CaseAction, type CaseReduceCtx, type Timeline } from './reducer-kit';

type ArgsOf<N extends CaseAction['name']> = Extract<CaseAction, { name: N }>['args'];

/**
 * The case's due date and suspended days from its receipt, suspensions and type rule
 * (computeTerm: art. 2963 c.c. counting, suspensions of L. 241/1990 art. 2 c.7 and D.lgs 33/2013
 * art. 5 c.5). Throws VALIDATION when the suspensions do not fit the rule.
 */
export function recomputeTerm(c: CaseDto, type: CaseTypeDto, settings: CaseSettingsDto): CaseDto {
  const t = computeTerm({
    receivedOn: c.receivedOn,
    termDays: type.termDays,
    suspensions: c.suspensions,
    settings,
    maxSuspensionDays: type.maxSuspensionDays,
  });
  return { ...c, dueOn: t.dueOn, suspendedDays: t.suspendedDays };
}

/** Suspends the term: the clock stands still from `from` (default today) until resume. */
export function suspend(c: CaseDto, args: ArgsOf<'cases.suspend'>, ctx: CaseReduceCtx, tl: Timeline): CaseDto {
  assertSuspend(c.state);
  const from = args.from ?? ctx.today;
  assertNotFuture(from, ctx.today, 'La data di inizio della sospensione');
  const s: Suspension = { from, to: null, reason: args.reason };
  if (args.note) s.note = args.note;
  const next = recomputeTerm({ ...c, suspensions: [...c.suspensions, s], stateBeforeSuspension: c.state, state: 'sospesa' }, ctx.type, ctx.settings);
  const capped = args.reason === 'controinteressati' && ctx.type.maxSuspensionDays !== null;
  const cap = capped ? ` (al massimo ${ctx.type.maxSuspensionDays} giorni, D.lgs 33/2013 art. 5 c.5)` : '';
  tl.add('sospesa', withNote(`Termine sospeso dal ${dmy(from)}: ${suspensionReasonLabels[args.reason]}${cap}`, args.note), { from, reason: args.reason });
  return next;
}

/** Ends the open suspension on `on` (default today) and restores the state before it. */
export function resume(c: CaseDto, args: ArgsOf<'cases.resume'>, ctx: CaseReduceCtx, tl: Timeline): CaseDto {
  const back = resumeTarget(c.state, c.stateBeforeSuspension ?? 'ricevuta');
  const last = c.suspensions[c.suspensions.length - 1];
  if (!last || last.to !== null) invalid('La pratica non ha una sospensione aperta da chiudere.');
  const on = args.on ?? ctx.today;
  assertNotFuture(on, ctx.today, 'La data di ripresa');
  const closed: Suspension = { ...last, to: on };
  const next = recomputeTerm({ ...c, suspensions: [...c.suspensions.slice(0, -1), closed], state: back, stateBeforeSuspension: null }, ctx.type, ctx.settings);
  const due = next.dueOn ? `: nuova scadenza ${dmy(next.dueOn)}` : '';
  const what =
    last.reason === 'richiesta_irregolare'
      ? `Termine ripreso il ${dmy(on)}: ricevuta la richiesta regolarizzata, il termine riparte da capo`
      : `Termine ripreso il ${dmy(on)} dopo una sospensione dal ${dmy(last.from)}`;
  tl.add('ripresa', withNote(`${what}${due}`, args.note), { from: last.from, to: on, reason: last.reason, dueOn: next.dueOn });
  return next;
}

/** A suspension still open when the case closes ends on the closing day (nothing left to wait for). */
export function endOpenSuspension(c: CaseDto, on: string): CaseDto {
  const last = c.suspensions[c.suspensions.length - 1];
  if (!last || last.to !== null) return c;
  const to = on < last.from ? last.from : on;
  return { ...c, suspensions: [...c.suspensions.slice(0, -1), { ...last, to }], stateBeforeSuspension: null };
}

/**
 * After a change of the type's rule or of the settings (cases.updateType/updateSettings): the
 * case with its new term and, when the due date moved, a 'termine_ricalcolato' event.
 */
export function termChange(c: CaseDto, type: CaseTypeDto, settings: CaseSettingsDto, ctx: CaseReduceCtx, tl: Timeline): CaseDto | null {
  const next = recomputeTerm(c, type, settings);
  if (next.dueOn === c.dueOn && next.suspendedDays === c.suspendedDays) return null;
  const from = c.dueOn ? dmy(c.dueOn) : 'nessun termine';
  const to = next.dueOn ? dmy(next.dueOn) : 'nessun termine';
  tl.add('termine_ricalcolato', `Scadenza ricalcolata per la modifica della configurazione: da ${from} a ${to}`, { before: c.dueOn, after: next.dueOn });
  return { ...next, updatedAt: ctx.now };
}
