import { AppError } from '../../contract/errors';

/**
 * The life of a case: ricevuta → assegnata → in istruttoria → (sospesa) → risposta in
 * preparazione → risposta inviata → chiusa → archiviata. Every transition is audited by the
 * service that applies it; this module only says which ones are allowed.
 */

export const caseStates = [
  'ricevuta',
  'assegnata',
  'in_istruttoria',
  'sospesa',
  'risposta_in_preparazione',
  'risposta_inviata',
  'chiusa',
  'archiviata',
] as const;

export type CaseState = (typeof caseStates)[number];

export const caseStateLabels: Record<CaseState, string> = {
  ricevuta: 'Ricevuta',
  assegnata: 'Assegnata',
  in_istruttoria: 'In istruttoria',
  sospesa: 'Sospesa',
  risposta_in_preparazione: 'Risposta in preparazione',
  risposta_inviata: 'Risposta inviata',
  chiusa: 'Chiusa',
  archiviata: 'Archiviata',
};

/**
 * Ordinary transitions. 'sospesa' never appears here: it is entered and left only through
 * suspend/resume, which remember and restore the state before the suspension. Every open
 * state may close (closing without a reply, with a note); only a closed case is archived.
 */
const transitions: Record<CaseState, readonly CaseState[]> = {
  // Back to 'ricevuta' when the assignment is withdrawn or refused by every assignee.
  ricevuta: ['assegnata', 'chiusa'],
  assegnata: ['in_istruttoria', 'ricevuta', 'chiusa'],
  in_istruttoria: ['risposta_in_preparazione', 'chiusa'],
  // A draft can be withdrawn when the instruction must continue.
  risposta_in_preparazione: ['risposta_inviata', 'in_istruttoria', 'chiusa'],
  risposta_inviata: ['chiusa'],
  sospesa: ['chiusa'],
  chiusa: ['archiviata'],
  archiviata: [],
};

/** States in which the term can be suspended: before the reply has been sent. */
export const suspendableStates: readonly CaseState[] = ['ricevuta', 'assegnata', 'in_istruttoria', 'risposta_in_preparazione'];

export function isCaseState(value: string): value is CaseState {
  return (caseStates as readonly string[]).includes(value);
}

/** Open = not yet closed or archived (a suspended case is open). */
export function isOpenState(state: CaseState): boolean {
  return state !== 'chiusa' && state !== 'archiviata';
}

export function allowedTransitions(from: CaseState): readonly CaseState[] {
  return transitions[from];
}

export function canTransition(from: CaseState, to: CaseState): boolean {
  return transitions[from].includes(to);
}

function label(state: CaseState): string {
  return caseStateLabels[state];
}

/** Throws a VALIDATION error with an Italian message unless `from → to` is allowed. */
export function assertTransition(from: CaseState, to: CaseState): void {
  if (canTransition(from, to)) return;
  if (to === 'sospesa' || from === 'sospesa') {
    throw new AppError('VALIDATION', 'Una pratica si sospende e si riprende solo con le azioni «Sospendi» e «Riprendi».', { from, to });
  }
  if (from === to) throw new AppError('VALIDATION', `La pratica è già nello stato «${label(to)}».`, { from, to });
  throw new AppError('VALIDATION', `Passaggio di stato non consentito: da «${label(from)}» a «${label(to)}».`, { from, to });
}

/** Throws a VALIDATION error unless a case in this state can be suspended. */
export function assertSuspend(from: CaseState): void {
  if (suspendableStates.includes(from)) return;
  const why = from === 'sospesa' ? 'è già sospesa' : `è nello stato «${label(from)}»`;
  throw new AppError('VALIDATION', `Non si può sospendere la pratica: ${why}.`, { from });
}

/** The state a resumed case returns to; throws unless the case is suspended and the previous state is suspendable. */
export function resumeTarget(current: CaseState, previous: CaseState): CaseState {
  if (current !== 'sospesa') throw new AppError('VALIDATION', 'La pratica non è sospesa: non c\'è nulla da riprendere.', { current });
  if (!suspendableStates.includes(previous)) {
    throw new AppError('VALIDATION', `Stato precedente alla sospensione non valido: «${label(previous)}».`, { previous });
  }
  return previous;
}
