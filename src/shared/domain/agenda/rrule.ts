import { AppError } from '../../contract/errors';
import { instantMsToFloatingMs } from './time';

/**
 * RRULE (RFC 5545 §3.3.10) parsing, checking and writing, for the subset an agenda needs:
 * FREQ, INTERVAL, COUNT, UNTIL, BYDAY, BYMONTHDAY, BYMONTH, BYSETPOS, WKST. Rules with
 * BYHOUR, BYMINUTE, BYSECOND, BYYEARDAY or BYWEEKNO are refused with a clear message rather
 * than half understood: the desk, the server and the ICS export must expand the same dates.
 */

export const frequencies = ['MINUTELY', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'] as const;
export type Frequency = (typeof frequencies)[number];
/** RFC weekday codes, Monday first (index 0 = MO). */
export const weekdays = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof weekdays)[number];

/** A BYDAY item: 'MO' (n null) or '-1FR' (n = -1, the last Friday). */
export interface WeekdaySpec {
  day: Weekday;
  n: number | null;
}

/** UNTIL as written (raw) and as Rome wall time in floating ms (seconds kept, inclusive). */
export interface RuleUntil {
  raw: string;
  floatingMs: number;
}

export interface ParsedRrule {
  freq: Frequency;
  interval: number;
  count: number | null;
  until: RuleUntil | null;
  byDay: WeekdaySpec[];
  byMonthDay: number[];
  byMonth: number[];
  bySetPos: number[];
  wkst: Weekday;
}

const MAX_COUNT = 10_000;
const unsupported = ['BYSECOND', 'BYMINUTE', 'BYHOUR', 'BYYEARDAY', 'BYWEEKNO'];

function invalid(message: string): AppError {
  return new AppError('VALIDATION', `Regola di ripetizione non valida: ${message}`);
}

function intList(value: string, key: string, min: number, max: number, allowNegative: boolean): number[] {
  return value.split(',').map((item) => {
    if (!/^[+-]?\d{1,3}$/.test(item)) throw invalid(`${key}=${value}.`);
    const n = Number(item);
    const abs = Math.abs(n);
    if (abs < min || abs > max || (n < 0 && !allowNegative)) throw invalid(`${key}=${value} fuori intervallo.`);
    return n;
  });
}

function parseUntil(value: string): RuleUntil {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(value);
  if (!m) throw invalid(`UNTIL=${value}.`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // A date-only UNTIL includes its whole day (RFC 5545: UNTIL is inclusive).
  const [h, mi, s] = m[4] === undefined ? [23, 59, 59] : [Number(m[4]), Number(m[5]), Number(m[6])];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(ms);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) {
    throw invalid(`UNTIL=${value}.`);
  }
  // RFC 5545: with a TZID'd DTSTART, UNTIL must be UTC ('Z'); floating forms are read as Rome time.
  return { raw: value, floatingMs: m[7] === 'Z' ? instantMsToFloatingMs(ms) : ms };
}

function parseByDay(value: string, freq: Frequency): WeekdaySpec[] {
  return value.split(',').map((item) => {
    const m = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(item);
    if (!m) throw invalid(`BYDAY=${value}.`);
    const n = m[1] === undefined ? null : Number(m[1]);
    if (n !== null) {
      // RFC 5545: numbered weekdays only make sense within a month or a year.
      if (freq !== 'MONTHLY' && freq !== 'YEARLY') throw invalid(`BYDAY=${item} richiede FREQ=MONTHLY o YEARLY.`);
      const limit = freq === 'MONTHLY' ? 5 : 53;
      if (n === 0 || Math.abs(n) > limit) throw invalid(`BYDAY=${item} fuori intervallo.`);
    }
    return { day: m[2] as Weekday, n };
  });
}

/** Parses and checks an RRULE ('FREQ=WEEKLY;BYDAY=MO', with or without the 'RRULE:' prefix). */
export function parseRrule(rrule: string): ParsedRrule {
  const body = rrule.trim().replace(/^RRULE:/i, '');
  if (body === '') throw invalid('regola vuota.');
  const parts = new Map<string, string>();
  for (const piece of body.split(';')) {
    const eq = piece.indexOf('=');
    const key = piece.slice(0, eq).trim().toUpperCase();
    const value = piece.slice(eq + 1).trim().toUpperCase();
    if (eq <= 0 || value === '') throw invalid(`«${piece}».`);
    if (parts.has(key)) throw invalid(`${key} ripetuto.`);
    if (unsupported.includes(key)) throw invalid(`${key} non è gestito da Gonfalone.`);
    parts.set(key, value);
  }
  const freqText = parts.get('FREQ');
  if (freqText === 'SECONDLY') throw invalid("l'agenda non ripete eventi ogni secondo.");
  if (!freqText || !(frequencies as readonly string[]).includes(freqText)) throw invalid('FREQ mancante o sconosciuto.');
  const freq = freqText as Frequency;
  const known = ['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY', 'BYMONTHDAY', 'BYMONTH', 'BYSETPOS', 'WKST'];
  for (const key of parts.keys()) if (!known.includes(key)) throw invalid(`${key} sconosciuto.`);

  const interval = parts.has('INTERVAL') ? intList(parts.get('INTERVAL') ?? '', 'INTERVAL', 1, 999, false) : [1];
  const count = parts.has('COUNT') ? intList(parts.get('COUNT') ?? '', 'COUNT', 1, MAX_COUNT, false) : null;
  if (interval.length !== 1 || (count !== null && count.length !== 1)) throw invalid('INTERVAL e COUNT vogliono un solo numero.');
  const until = parts.has('UNTIL') ? parseUntil(parts.get('UNTIL') ?? '') : null;
  // RFC 5545 §3.3.10: COUNT and UNTIL MUST NOT occur in the same rule.
  if (count !== null && until !== null) throw invalid('COUNT e UNTIL insieme.');
  // Every-minute or every-hour rules without an end would fill the agenda (and the sync) forever.
  if ((freq === 'MINUTELY' || freq === 'HOURLY') && count === null && until === null) {
    throw invalid('una ripetizione ogni ora o ogni minuto deve avere una fine (COUNT o UNTIL).');
  }
  const byMonthDay = parts.has('BYMONTHDAY') ? intList(parts.get('BYMONTHDAY') ?? '', 'BYMONTHDAY', 1, 31, true) : [];
  if (byMonthDay.length > 0 && freq === 'WEEKLY') throw invalid('BYMONTHDAY non si usa con FREQ=WEEKLY.');
  const bySetPos = parts.has('BYSETPOS') ? intList(parts.get('BYSETPOS') ?? '', 'BYSETPOS', 1, 366, true) : [];
  const rule: ParsedRrule = {
    freq,
    interval: interval[0] ?? 1,
    count: count?.[0] ?? null,
    until,
    byDay: parts.has('BYDAY') ? parseByDay(parts.get('BYDAY') ?? '', freq) : [],
    byMonthDay,
    byMonth: parts.has('BYMONTH') ? intList(parts.get('BYMONTH') ?? '', 'BYMONTH', 1, 12, false) : [],
    bySetPos,
    wkst: 'MO',
  };
  const wkst = parts.get('WKST');
  if (wkst !== undefined) {
    if (!(weekdays as readonly string[]).includes(wkst)) throw invalid(`WKST=${wkst}.`);
    rule.wkst = wkst as Weekday;
  }
  if (bySetPos.length > 0 && rule.byDay.length + byMonthDay.length + rule.byMonth.length === 0) {
    throw invalid('BYSETPOS richiede BYDAY, BYMONTHDAY o BYMONTH.');
  }
  return rule;
}

/** Throws AppError('VALIDATION', Italian message) unless the rule is one Gonfalone can expand. */
export function validateRrule(rrule: string): void {
  parseRrule(rrule);
}

/** Writes a parsed rule back, canonical order, no 'RRULE:' prefix. */
export function formatRrule(rule: ParsedRrule): string {
  const out = [`FREQ=${rule.freq}`];
  if (rule.interval !== 1) out.push(`INTERVAL=${rule.interval}`);
  if (rule.count !== null) out.push(`COUNT=${rule.count}`);
  if (rule.until !== null) out.push(`UNTIL=${rule.until.raw}`);
  if (rule.byMonth.length > 0) out.push(`BYMONTH=${rule.byMonth.join(',')}`);
  if (rule.byMonthDay.length > 0) out.push(`BYMONTHDAY=${rule.byMonthDay.join(',')}`);
  if (rule.byDay.length > 0) out.push(`BYDAY=${rule.byDay.map((d) => `${d.n ?? ''}${d.day}`).join(',')}`);
  if (rule.bySetPos.length > 0) out.push(`BYSETPOS=${rule.bySetPos.join(',')}`);
  if (rule.wkst !== 'MO') out.push(`WKST=${rule.wkst}`);
  return out.join(';');
}

/** UNTIL in the UTC form RFC 5545 requires next to a DTSTART with TZID ('20250330T065959Z'). */
export function utcUntil(instantMs: number): RuleUntil {
  const iso = new Date(instantMs).toISOString();
  const raw = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  return { raw, floatingMs: instantMsToFloatingMs(Math.floor(instantMs / 1000) * 1000) };
}
