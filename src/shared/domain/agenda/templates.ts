import { AppError } from '../../contract/errors';
import type { EventKind, Visibility } from './kinds';
import type { SeriesMaster } from './recurrence';
import { addMinutesLocal, isLocalDateTime, type LocalDateTime } from './time';

/**
 * Annual ceremonies the ceremonial office prepares every year. These are seeds: each town
 * edits times, places and notes, and sets its own patron saint's day.
 */

export interface CeremonyTemplate {
  key: string;
  title: string;
  month: number;
  day: number;
  /** 'HH:mm', Rome wall time. */
  time: string;
  durationMinutes: number;
  kind: EventKind;
  visibility: Visibility;
  notes: string;
  /** True when the date is only a placeholder the town must set (the patron saint). */
  datePlaceholder?: boolean;
}

export const defaultCeremonyTemplates: readonly CeremonyTemplate[] = [
  {
    key: 'giorno-della-memoria',
    title: 'Giorno della Memoria',
    month: 1,
    day: 27,
    time: '10:00',
    durationMinutes: 90,
    kind: 'cerimonia',
    visibility: 'pubblico',
    notes: 'Legge 20 luglio 2000, n. 211. Commemorazione con le scuole; gonfalone e fascia tricolore.',
  },
  {
    key: 'giorno-del-ricordo',
    title: 'Giorno del Ricordo',
    month: 2,
    day: 10,
    time: '10:00',
    durationMinutes: 90,
    kind: 'cerimonia',
    visibility: 'pubblico',
    notes: 'Legge 30 marzo 2004, n. 92. Ricordo delle vittime delle foibe e dell’esodo giuliano-dalmata.',
  },
  {
    key: 'festa-della-liberazione',
    title: 'Festa della Liberazione',
    month: 4,
    day: 25,
    time: '10:00',
    durationMinutes: 120,
    kind: 'cerimonia',
    visibility: 'pubblico',
    notes: 'Legge 27 maggio 1949, n. 260. Corteo e deposizione della corona al monumento ai caduti; gonfalone.',
  },
  {
    key: 'festa-della-repubblica',
    title: 'Festa della Repubblica',
    month: 6,
    day: 2,
    time: '10:30',
    durationMinutes: 120,
    kind: 'cerimonia',
    visibility: 'pubblico',
    notes: 'Legge 27 maggio 1949, n. 260; festiva di nuovo dalla legge 20 novembre 2000, n. 336. Alzabandiera e consegna della Costituzione ai diciottenni.',
  },
  {
    key: 'giorno-unita-nazionale',
    title: 'Giorno dell’Unità Nazionale e Giornata delle Forze Armate',
    month: 11,
    day: 4,
    time: '10:00',
    durationMinutes: 90,
    kind: 'cerimonia',
    visibility: 'pubblico',
    notes: 'Legge 27 maggio 1949, n. 260. Non più festivo dalla legge 5 marzo 1977, n. 54: se il Comune celebra la domenica più vicina, modificare la data.',
  },
  {
    key: 'santo-patrono',
    title: 'Festa del Santo Patrono',
    month: 6,
    day: 24,
    time: '11:00',
    durationMinutes: 120,
    kind: 'cerimonia',
    visibility: 'pubblico',
    notes: 'Data segnaposto: impostare il giorno del Santo Patrono del Comune. Messa solenne e processione con il gonfalone.',
    datePlaceholder: true,
  },
];

const pad = (n: number): string => String(n).padStart(2, '0');

/** Start and end of a template's ceremony in a year; AppError VALIDATION if the date does not exist. */
export function templateOccurrence(t: CeremonyTemplate, year: number): { start: LocalDateTime; end: LocalDateTime } {
  const start = `${String(year).padStart(4, '0')}-${pad(t.month)}-${pad(t.day)}T${t.time}`;
  if (!isLocalDateTime(start)) {
    throw new AppError('VALIDATION', `La cerimonia «${t.title}» non ha una data valida nel ${year}.`);
  }
  if (!Number.isInteger(t.durationMinutes) || t.durationMinutes <= 0) {
    throw new AppError('VALIDATION', `La durata della cerimonia «${t.title}» deve essere positiva.`);
  }
  return { start, end: addMinutesLocal(start, t.durationMinutes) };
}

/** The yearly series of a template from `fromYear` on (RRULE on month and day). */
export function templateSeries(t: CeremonyTemplate, fromYear: number, id: string): SeriesMaster {
  const { start, end } = templateOccurrence(t, fromYear);
  return { id, start, end, rrule: `FREQ=YEARLY;BYMONTH=${t.month};BYMONTHDAY=${t.day}`, exdates: [] };
}
