import { AppError } from '../../contract/errors';
import type { CaseSettings, CaseTypeRule, SilenceMeaning } from './case-types';
import { addDays, dayNumber, daysBetween, nextWorkingDay } from './holidays';

/**
 * The legal term of a case.
 *
 * Counting (art. 2963 c.c., applied to administrative terms): the day of receipt is not counted
 * and the term ends at the end of its last day, so a 30-day term for a request received on
 * 2025-03-03 ends on 2025-04-02 (receipt + 30).
 *
 * Suspensions: `from` is the first day on which the clock stands still, `to` the day it runs
 * again (exclusive), so a suspension lasts `to - from` days and pushes the end of the term by
 * exactly that many days (from 2025-03-10 to 2025-03-16: 6 days, so 2025-04-02 becomes
 * 2025-04-08). An open suspension (`to: null`) has no known end: the result then has
 * `suspendedNow: true` and `dueOn: null`, because a provisional date "as if it resumed today"
 * would depend on the clock and this function is pure.
 *
 * 'richiesta_irregolare' is not a pause but a restart: an irregular or incomplete request for
 * access (L. 241/1990 art. 25; DPR 184/2006 art. 6 c.5) makes the term run again, whole, from
 * the corrected request, so its `to` (the day the correction arrives) becomes the new start and
 * the days and suspensions before it no longer matter.
 *
 * 'controinteressati' (D.lgs 33/2013 art. 5 c.5): the term is suspended until the
 * controinteressati answer, for at most `maxSuspensionDays` (10) days, after which the
 * administration decides anyway. When the cap is given a longer recorded suspension counts for
 * the cap only.
 */

export type SuspensionReason = 'controinteressati' | 'richiesta_irregolare' | 'parere' | 'altro';

export const suspensionReasonLabels: Record<SuspensionReason, string> = {
  controinteressati: 'Notifica ai controinteressati',
  richiesta_irregolare: 'Richiesta irregolare o incompleta',
  parere: 'Acquisizione di pareri',
  altro: 'Altro motivo',
};

export interface Suspension {
  from: string;
  to: string | null;
  reason: SuspensionReason;
  note?: string;
}

export interface TermInput {
  /** The receipt date (or, for an emergency registration, the emergency date: DPR 445/2000 art. 63). */
  receivedOn: string;
  termDays: number | null;
  /** In chronological order, not overlapping; only the last may be open. */
  suspensions: readonly Suspension[];
  settings: Pick<CaseSettings, 'moveOnHoliday' | 'patronDay'>;
  /** The type's `maxSuspensionDays`, applied to 'controinteressati' suspensions. */
  maxSuspensionDays?: number | null;
}

export interface TermResult {
  /** Last day of the term; null when there is no term or the clock is stopped now. */
  dueOn: string | null;
  /** Days added by closed suspensions since the term last started. */
  suspendedDays: number;
  /** The last suspension is still open. */
  suspendedNow: boolean;
  /** The day the term runs from: receipt, or the corrected request after a restart. */
  termStartsOn: string;
  /** While a capped suspension is open, the day the clock restarts by law; otherwise null. */
  resumesBy: string | null;
}

function invalid(message: string, details?: unknown): never {
  throw new AppError('VALIDATION', message, details);
}

/** Throws a VALIDATION error unless the suspensions are well-formed, ordered and disjoint. */
export function assertSuspensions(receivedOn: string, suspensions: readonly Suspension[]): void {
  dayNumber(receivedOn);
  suspensions.forEach((s, i) => {
    const n = i + 1;
    dayNumber(s.from);
    if (s.to !== null && dayNumber(s.to) < dayNumber(s.from)) {
      invalid(`La sospensione n. ${n} termina (${s.to}) prima di iniziare (${s.from}).`, { index: i });
    }
    if (s.from < receivedOn) invalid(`La sospensione n. ${n} inizia (${s.from}) prima del ricevimento (${receivedOn}).`, { index: i });
    const prev = suspensions[i - 1];
    if (!prev) return;
    if (prev.to === null) invalid(`La sospensione n. ${i} è ancora aperta: chiudila prima di registrarne un'altra.`, { index: i - 1 });
    if (s.from < prev.from) invalid(`Le sospensioni non sono in ordine cronologico (n. ${n} inizia il ${s.from}, prima della n. ${i}).`, { index: i });
    if (s.from < prev.to) invalid(`Le sospensioni n. ${i} e n. ${n} si sovrappongono (${s.from} è prima del ${prev.to}).`, { index: i });
  });
}

/** Due date of a case from its receipt, its term and its suspensions. */
export function computeTerm(input: TermInput): TermResult {
  const { receivedOn, termDays, suspensions, settings } = input;
  if (termDays !== null && (!Number.isInteger(termDays) || termDays < 0)) invalid(`Termine non valido: ${termDays} giorni.`);
  const cap = input.maxSuspensionDays ?? null;
  assertSuspensions(receivedOn, suspensions);

  let start = receivedOn;
  let extension = 0;
  for (const [i, s] of suspensions.entries()) {
    if (termDays !== null) {
      // A term that has already run out cannot be suspended (L. 241/1990 art. 2 c.7: within the term).
      const runningDue = addDays(start, termDays + extension);
      if (s.from > runningDue) invalid(`La sospensione n. ${i + 1} inizia (${s.from}) dopo la scadenza del termine (${runningDue}).`, { index: i });
    }
    if (s.to === null) {
      const resumesBy = cap !== null && s.reason === 'controinteressati' ? addDays(s.from, cap) : null;
      return { dueOn: null, suspendedDays: extension, suspendedNow: true, termStartsOn: start, resumesBy };
    }
    if (s.reason === 'richiesta_irregolare') {
      start = s.to;
      extension = 0;
      continue;
    }
    const length = daysBetween(s.from, s.to);
    extension += cap !== null && s.reason === 'controinteressati' ? Math.min(length, cap) : length;
  }

  if (termDays === null) return { dueOn: null, suspendedDays: extension, suspendedNow: false, termStartsOn: start, resumesBy: null };
  const end = addDays(start, termDays + extension);
  const dueOn = settings.moveOnHoliday ? nextWorkingDay(end, settings.patronDay) : end;
  return { dueOn, suspendedDays: extension, suspendedNow: false, termStartsOn: start, resumesBy: null };
}

export type TermStatus = 'nessun_termine' | 'in_termine' | 'in_scadenza' | 'scaduto' | 'sospeso' | 'chiuso';

export const termStatusLabels: Record<TermStatus, string> = {
  nessun_termine: 'Senza termine',
  in_termine: 'In termine',
  in_scadenza: 'In scadenza',
  scaduto: 'Scaduto',
  sospeso: 'Sospeso',
  chiuso: 'Chiuso',
};

/**
 * Where a case stands against its term today. Closed wins over everything, then a running
 * suspension; "in scadenza" when 0 ≤ dueOn − today ≤ dueSoonDays (the due day itself included:
 * the term ends at the end of it).
 */
export function termStatus(t: { dueOn: string | null; suspendedNow: boolean; closed: boolean }, today: string, dueSoonDays: number): TermStatus {
  if (t.closed) return 'chiuso';
  if (t.suspendedNow) return 'sospeso';
  if (t.dueOn === null) return 'nessun_termine';
  const left = daysBetween(today, t.dueOn);
  if (left < 0) return 'scaduto';
  return left <= dueSoonDays ? 'in_scadenza' : 'in_termine';
}

/**
 * The legal meaning of the administration's silence, once it has matured: from the day after
 * the due date, for an open case whose type gives silence a meaning (accesso documentale:
 * rigetto, L. 241/1990 art. 25 c.4). Null otherwise.
 */
export function silenceMatured(rule: Pick<CaseTypeRule, 'silence'>, dueOn: string | null, today: string, closed: boolean): SilenceMeaning | null {
  if (closed || dueOn === null || rule.silence === 'nessuno') return null;
  return daysBetween(dueOn, today) > 0 ? rule.silence : null;
}
