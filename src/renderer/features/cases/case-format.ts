import type { CaseDto, CaseLinkRole, CaseSettingsDto, CaseTypeDto } from '../../../shared/contract';
import { addDays, daysBetween } from '../../../shared/domain/cases/holidays';
import { isOpenState } from '../../../shared/domain/cases/states';
import { silenceMatured, termStatus, termStatusLabels, type TermStatus } from '../../../shared/domain/cases/deadlines';
import type { SilenceMeaning } from '../../../shared/domain/cases/case-types';

/**
 * How a case's term reads on screen. Status is always written in words (and with a symbol),
 * never shown by colour alone (WCAG 1.4.1): the colour of the badge only repeats the text.
 */

export const termBadgeClass: Record<TermStatus, string> = {
  scaduto: 'g-term g-term-overdue',
  in_scadenza: 'g-term g-term-soon',
  in_termine: 'g-term g-term-ok',
  sospeso: 'g-term g-term-suspended',
  chiuso: 'g-term g-term-closed',
  nessun_termine: 'g-term g-term-none',
};

/** A symbol before the words, for readers who scan the column: it is decoration (aria-hidden). */
export const termSymbols: Record<TermStatus, string> = {
  scaduto: '!',
  in_scadenza: '◷',
  in_termine: '✓',
  sospeso: 'Ⅱ',
  chiuso: '■',
  nessun_termine: '–',
};

/** "Scade oggi", "Scade tra 3 giorni", "Scaduta da 1 giorno"; null when there is nothing to count. */
export function daysLeftLabel(status: TermStatus, daysLeft: number | null): string | null {
  if (daysLeft === null || status === 'chiuso' || status === 'sospeso' || status === 'nessun_termine') return null;
  if (daysLeft === 0) return 'scade oggi';
  if (daysLeft > 0) return `scade tra ${daysLeft} ${daysLeft === 1 ? 'giorno' : 'giorni'}`;
  const late = -daysLeft;
  return `scaduta da ${late} ${late === 1 ? 'giorno' : 'giorni'}`;
}

/** The whole term in words: "Scaduto — scaduta da 3 giorni". */
export function termText(status: TermStatus, daysLeft: number | null): string {
  const extra = daysLeftLabel(status, daysLeft);
  return extra ? `${termStatusLabels[status]} — ${extra}` : termStatusLabels[status];
}

export interface CaseTermView {
  status: TermStatus;
  daysLeft: number | null;
  silence: SilenceMeaning | null;
  /** The first day on which the silence has its legal meaning: the day after the due date. */
  silenceSince: string | null;
}

/** The term of a case today, from the same pure rules the desk uses for the list. */
export function caseTermView(c: Pick<CaseDto, 'dueOn' | 'state'>, type: Pick<CaseTypeDto, 'silence'> | undefined, settings: Pick<CaseSettingsDto, 'dueSoonDays'> | undefined, today: string): CaseTermView {
  const closed = !isOpenState(c.state);
  const status = termStatus({ dueOn: c.dueOn, suspendedNow: c.state === 'sospesa', closed }, today, settings?.dueSoonDays ?? 7);
  const daysLeft = c.dueOn && !closed ? daysBetween(today, c.dueOn) : null;
  const silence = type ? silenceMatured(type, c.dueOn, today, closed) : null;
  return { status, daysLeft, silence, silenceSince: silence && c.dueOn ? addDays(c.dueOn, 1) : null };
}

export const linkRoleLabels: Record<CaseLinkRole, string> = {
  richiesta: 'Richiesta',
  sollecito: 'Sollecito',
  integrazione: 'Integrazione',
  risposta: 'Risposta',
  altro: 'Altro',
};

export const assignmentStateLabels = {
  assegnato: 'In attesa di presa in carico',
  preso_in_carico: 'Presa in carico',
  rifiutato: 'Rifiutata',
  revocato: 'Revocata',
} as const;

export const priorityLabels = { normale: 'Normale', urgente: 'Urgente' } as const;
