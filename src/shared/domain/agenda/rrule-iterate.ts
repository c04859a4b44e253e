import type { ParsedRrule, WeekdaySpec } from './rrule';
import { weekdays } from './rrule';

/**
 * Expansion of a parsed RRULE in floating wall time (Europe/Rome fields read as UTC), so a
 * weekly 09:00 stays 09:00 on both sides of a DST change. Follows RFC 5545 §3.3.10: DTSTART is
 * always the first occurrence and counts towards COUNT; BYxxx parts expand or limit as the
 * RFC's table says for each FREQ; BYSETPOS picks within each period; invalid dates (31 April,
 * 29 February in 2027) are skipped, never moved.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;
// A rule whose periods keep coming up empty (BYMONTH=2;BYMONTHDAY=30) must not spin forever;
// a legitimate sparse rule (29 February, daily) never goes 30 years without a date.
const MAX_EMPTY_PERIODS = 1_000;
const NEVER_AGAIN_MS = 30 * 366 * 86_400_000;

/** Day number since 1970-01-01 of floating ms. */
const dayOf = (ms: number): number => Math.floor(ms / DAY);
/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
const weekdayOfDay = (day: number): number => (((day + 3) % 7) + 7) % 7;
const dayFromYmd = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / DAY;
const monthLength = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

function ymd(day: number): { y: number; m: number; d: number } {
  const date = new Date(day * DAY);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

function weekdayIndex(spec: WeekdaySpec): number {
  return weekdays.indexOf(spec.day);
}

/** Days of [first, first + length) matching BYDAY; numbered items count within that span. */
function byDayIn(first: number, length: number, byDay: readonly WeekdaySpec[]): Set<number> {
  const out = new Set<number>();
  for (const spec of byDay) {
    const wanted = weekdayIndex(spec);
    const matches: number[] = [];
    for (let day = first; day < first + length; day++) if (weekdayOfDay(day) === wanted) matches.push(day);
    if (spec.n === null) matches.forEach((d) => out.add(d));
    else {
      const pick = spec.n > 0 ? matches[spec.n - 1] : matches[matches.length + spec.n];
      if (pick !== undefined) out.add(pick);
    }
  }
  return out;
}

/** Days of one month for MONTHLY, or YEARLY with BYMONTH. */
function monthDays(rule: ParsedRrule, y: number, m: number, defaultDay: number): number[] {
  const first = dayFromYmd(y, m, 1);
  const len = monthLength(y, m);
  const fromMonthDay = new Set<number>();
  for (const md of rule.byMonthDay) {
    const d = md > 0 ? md : len + md + 1;
    if (d >= 1 && d <= len) fromMonthDay.add(first + d - 1);
  }
  const fromDay = byDayIn(first, len, rule.byDay);
  if (rule.byMonthDay.length > 0 && rule.byDay.length > 0) return [...fromMonthDay].filter((d) => fromDay.has(d));
  if (rule.byMonthDay.length > 0) return [...fromMonthDay];
  if (rule.byDay.length > 0) return [...fromDay];
  return defaultDay <= len ? [first + defaultDay - 1] : [];
}

/** Days of one year for YEARLY. */
function yearDays(rule: ParsedRrule, y: number, start: { m: number; d: number }): number[] {
  if (rule.byMonth.length > 0) return rule.byMonth.flatMap((m) => monthDays(rule, y, m, start.d));
  if (rule.byMonthDay.length > 0) {
    const all = Array.from({ length: 12 }, (_, i) => monthDays({ ...rule, byDay: [] }, y, i + 1, start.d)).flat();
    if (rule.byDay.length === 0) return all;
    const fromDay = byDayIn(dayFromYmd(y, 1, 1), dayFromYmd(y + 1, 1, 1) - dayFromYmd(y, 1, 1), rule.byDay);
    return all.filter((d) => fromDay.has(d));
  }
  if (rule.byDay.length > 0) {
    return [...byDayIn(dayFromYmd(y, 1, 1), dayFromYmd(y + 1, 1, 1) - dayFromYmd(y, 1, 1), rule.byDay)];
  }
  return start.d <= monthLength(y, start.m) ? [dayFromYmd(y, start.m, start.d)] : [];
}

/** BYxxx parts that only limit (filter) at this FREQ. */
function passesLimits(rule: ParsedRrule, day: number, limitByDay: boolean, limitByMonthDay: boolean): boolean {
  const checksDay = limitByDay && rule.byDay.length > 0;
  const checksMonthDay = limitByMonthDay && rule.byMonthDay.length > 0;
  if (rule.byMonth.length === 0 && !checksDay && !checksMonthDay) return true;
  const { y, m, d } = ymd(day);
  if (rule.byMonth.length > 0 && !rule.byMonth.includes(m)) return false;
  if (limitByMonthDay && rule.byMonthDay.length > 0) {
    const len = monthLength(y, m);
    if (!rule.byMonthDay.some((md) => (md > 0 ? md : len + md + 1) === d)) return false;
  }
  if (limitByDay && rule.byDay.length > 0 && !rule.byDay.some((s) => weekdayIndex(s) === weekdayOfDay(day))) return false;
  return true;
}

function applySetPos(sorted: number[], setPos: readonly number[]): number[] {
  if (setPos.length === 0) return sorted;
  const picked = new Set<number>();
  for (const pos of setPos) {
    const v = pos > 0 ? sorted[pos - 1] : sorted[sorted.length + pos];
    if (v !== undefined) picked.add(v);
  }
  return [...picked].sort((a, b) => a - b);
}

/** Sorted candidate start times (floating ms) of period number `p`. */
function periodStarts(rule: ParsedRrule, dtstart: number, p: number): { first: number; starts: number[] } {
  const startDay = dayOf(dtstart);
  const timeOfDay = dtstart - startDay * DAY;
  const s = ymd(startDay);
  const atTime = (days: number[]): number[] => applySetPos([...days].sort((a, b) => a - b), rule.bySetPos).map((d) => d * DAY + timeOfDay);
  switch (rule.freq) {
    case 'MINUTELY':
    case 'HOURLY': {
      const step = (rule.freq === 'HOURLY' ? 60 : 1) * rule.interval * MINUTE;
      const t = dtstart + p * step;
      return { first: t, starts: passesLimits(rule, dayOf(t), true, true) ? [t] : [] };
    }
    case 'DAILY': {
      const day = startDay + p * rule.interval;
      return { first: day * DAY, starts: passesLimits(rule, day, true, true) ? atTime([day]) : [] };
    }
    case 'WEEKLY': {
      const weekStart = startDay - ((weekdayOfDay(startDay) - weekdays.indexOf(rule.wkst) + 7) % 7) + p * 7 * rule.interval;
      const wanted = rule.byDay.length > 0 ? rule.byDay.map(weekdayIndex) : [weekdayOfDay(startDay)];
      const days = Array.from({ length: 7 }, (_, i) => weekStart + i).filter((d) => wanted.includes(weekdayOfDay(d)) && passesLimits(rule, d, false, false));
      return { first: weekStart * DAY, starts: atTime(days) };
    }
    case 'MONTHLY': {
      const index = s.y * 12 + (s.m - 1) + p * rule.interval;
      const y = Math.floor(index / 12);
      const m = (index % 12) + 1;
      const days = rule.byMonth.length > 0 && !rule.byMonth.includes(m) ? [] : monthDays(rule, y, m, s.d);
      return { first: dayFromYmd(y, m, 1) * DAY, starts: atTime(days) };
    }
    case 'YEARLY': {
      const y = s.y + p * rule.interval;
      return { first: dayFromYmd(y, 1, 1) * DAY, starts: atTime(yearDays(rule, y, s)) };
    }
  }
}

/** Longest possible period in ms (floating time has no DST): used to skip periods safely. */
function maxPeriodMs(rule: ParsedRrule): number {
  const unit = { MINUTELY: MINUTE, HOURLY: 60 * MINUTE, DAILY: DAY, WEEKLY: 7 * DAY, MONTHLY: 31 * DAY, YEARLY: 366 * DAY }[rule.freq];
  return unit * rule.interval;
}

/**
 * Occurrence starts (floating ms), ascending: DTSTART first, then the rule's dates after it,
 * stopping at COUNT or UNTIL (never if the rule is unbounded: the caller breaks). `skipToMs`
 * lets an unbounded or UNTIL rule jump over the periods that end before a window; it has no
 * effect with COUNT, which must be counted from the start.
 */
export function* iterateRule(rule: ParsedRrule, dtstart: number, skipToMs?: number): Generator<number> {
  let emitted = 0;
  const untilOk = (t: number): boolean => rule.until === null || t <= rule.until.floatingMs;
  if (!untilOk(dtstart)) return;
  yield dtstart;
  emitted++;
  let p = 0;
  if (skipToMs !== undefined && rule.count === null && skipToMs > dtstart) {
    // Dividing by the longest period under-counts the periods elapsed, so period p still starts
    // at or before skipToMs and every period skipped ends before it.
    p = Math.max(0, Math.floor((skipToMs - dtstart) / maxPeriodMs(rule)) - 1);
  }
  let empty = 0;
  let lastHit = dtstart;
  for (;;) {
    const { first, starts } = periodStarts(rule, dtstart, p);
    p++;
    if (rule.until !== null && first > rule.until.floatingMs) return;
    for (const t of starts) {
      if (t <= dtstart) continue;
      if (!untilOk(t)) return;
      if (rule.count !== null && emitted >= rule.count) return;
      lastHit = t;
      yield t;
      emitted++;
    }
    if (rule.count !== null && emitted >= rule.count) return;
    empty = lastHit >= first ? 0 : empty + 1;
    if (empty > MAX_EMPTY_PERIODS && first - lastHit > NEVER_AGAIN_MS) return;
  }
}

/** True when the rule itself produces DTSTART (RFC 5545 leaves other DTSTARTs undefined). */
export function ruleProducesStart(rule: ParsedRrule, dtstart: number): boolean {
  return periodStarts(rule, dtstart, 0).starts.includes(dtstart);
}
