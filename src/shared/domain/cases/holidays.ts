import { AppError } from '../../contract/errors';

/**
 * Calendar days and Italian public holidays. Days are 'YYYY-MM-DD' strings that already name a
 * Rome calendar day; the arithmetic runs on UTC midnights of those strings, so neither the
 * machine's time zone nor daylight saving time can shift a day.
 */

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_DAY_PATTERN = /^(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a 'YYYY-MM-DD' string; throws a VALIDATION error for an impossible date. */
export function dayNumber(day: string): number {
  const m = DAY_PATTERN.exec(day);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const ms = Date.UTC(y, mo - 1, d);
    const back = new Date(ms);
    if (back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d) return ms / DAY_MS;
  }
  throw new AppError('VALIDATION', `Data non valida: «${day}» (formato atteso AAAA-MM-GG).`);
}

/** The 'YYYY-MM-DD' string of a day number. */
export function dayFromNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function isValidDay(day: string): boolean {
  try {
    dayNumber(day);
    return true;
  } catch {
    return false;
  }
}

/** The day n calendar days after (or before, n < 0) the given one. */
export function addDays(day: string, n: number): string {
  if (!Number.isInteger(n)) throw new AppError('VALIDATION', `Numero di giorni non valido: ${n}.`);
  return dayFromNumber(dayNumber(day) + n);
}

/** `to - from` in calendar days (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: string): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumber(day) + 4) % 7) + 7) % 7;
}

/** Easter Sunday of a Gregorian year (anonymous Gregorian computus, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) throw new AppError('VALIDATION', `Anno non valido: ${year}.`);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const dayOfMonth = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
}

/** Throws a VALIDATION error unless the patron day is 'MM-DD' naming a day that exists in some year. */
export function assertPatronDay(patronDay: string): void {
  const m = MONTH_DAY_PATTERN.exec(patronDay);
  // 2024 is a leap year: 29 February is accepted (and observed only in leap years).
  if (!m || !isValidDay(`2024-${patronDay}`)) {
    throw new AppError('VALIDATION', `Giorno del santo patrono non valido: «${patronDay}» (formato atteso MM-GG, es. 12-07).`);
  }
}

/**
 * Fixed national holidays, L. 260/1949 art. 2 as amended (L. 54/1977, DPR 792/1985 for the
 * Epifania, L. 336/2000 for 2 giugno). Sundays are handled by `isHoliday`.
 */
const fixedHolidays = ['01-01', '01-06', '04-25', '05-01', '06-02', '08-15', '11-01', '12-08', '12-25', '12-26'];

/** L. 151/2025 adds 4 ottobre (San Francesco d'Assisi) from 2026. */
const SAN_FRANCESCO_FROM = 2026;

/** The national holidays of a year, Easter Monday and the patron saint's day. */
export function italianHolidays(year: number, patronDay: string | null): Set<string> {
  const out = new Set<string>(fixedHolidays.map((md) => `${year}-${md}`));
  if (year >= SAN_FRANCESCO_FROM) out.add(`${year}-10-04`);
  const easter = easterSunday(year);
  out.add(easter);
  out.add(addDays(easter, 1));
  if (patronDay !== null) {
    assertPatronDay(patronDay);
    const candidate = `${year}-${patronDay}`;
    if (isValidDay(candidate)) out.add(candidate);
  }
  return out;
}

const holidayCache = new Map<string, Set<string>>();

/** Whether a day is a Sunday or a holiday: the days on which a term cannot end when terms move. */
export function isHoliday(day: string, patronDay: string | null): boolean {
  if (weekday(day) === 0) return true;
  const key = `${day.slice(0, 4)}|${patronDay ?? ''}`;
  let set = holidayCache.get(key);
  if (!set) {
    set = italianHolidays(Number(day.slice(0, 4)), patronDay);
    holidayCache.set(key, set);
  }
  return set.has(day);
}

/**
 * The first day on or after `day` that is not a Sunday or holiday. Saturday is a working day:
 * art. 2963 c.c. c.3 moves only a term ending "in giorno festivo", and the extension to
 * Saturday of art. 155 c.5 c.p.c. concerns court proceedings, not administrative terms.
 */
export function nextWorkingDay(day: string, patronDay: string | null): string {
  let d = day;
  while (isHoliday(d, patronDay)) d = addDays(d, 1);
  return d;
}
