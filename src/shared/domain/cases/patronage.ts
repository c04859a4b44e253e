import type { CaseSettings } from './case-types';
import { daysBetween } from './holidays';

/**
 * Patronage (patrocinio) requests, as municipal patronage regulations shape them: a checklist
 * of what the application must contain, and the window before the event in which it must
 * arrive. A late application is flagged but can still be decided (by the Sindaco or the Giunta).
 */

export const patronageChecklist: readonly { key: string; label: string }[] = [
  { key: 'finalita', label: "Finalità dell'iniziativa" },
  { key: 'date', label: 'Date di svolgimento' },
  { key: 'luoghi', label: 'Luoghi di svolgimento' },
  { key: 'materiale_promozionale', label: 'Materiale promozionale (bozza con lo stemma)' },
  { key: 'assenza_scopo_lucro', label: 'Assenza di scopo di lucro' },
  { key: 'dichiarazione', label: 'Dichiarazione sottoscritta dal richiedente' },
];

export type PatronageLateness = 'in_termine' | 'fuori_termine' | 'troppo_anticipata';

export const patronageLatenessLabels: Record<PatronageLateness, string> = {
  in_termine: 'Nei termini',
  fuori_termine: 'Fuori termine',
  troppo_anticipata: 'Troppo anticipata',
};

/**
 * Whether the request arrived within the window: at least `patronageMinDaysBefore` and at most
 * `patronageMaxDaysBefore` calendar days before the event, both bounds included. A request
 * received on or after the event day is 'fuori_termine'.
 */
export function patronageLateness(
  receivedOn: string,
  eventDate: string,
  s: Pick<CaseSettings, 'patronageMinDaysBefore' | 'patronageMaxDaysBefore'>,
): PatronageLateness {
  const before = daysBetween(receivedOn, eventDate);
  if (before < s.patronageMinDaysBefore) return 'fuori_termine';
  if (before > s.patronageMaxDaysBefore) return 'troppo_anticipata';
  return 'in_termine';
}

/** True when every item of the checklist is ticked (unknown keys are ignored). */
export function patronageFullyInstructed(checklist: Record<string, boolean>): boolean {
  return patronageChecklist.every((item) => checklist[item.key] === true);
}

/** Items still missing, in checklist order (for the "incompleta" hint). */
export function patronageMissingItems(checklist: Record<string, boolean>): { key: string; label: string }[] {
  return patronageChecklist.filter((item) => checklist[item.key] !== true);
}
