import { AppError } from '../../contract/errors';

/**
 * Wall-clock time in Europe/Rome, which is what the Mayor's office thinks in: "Giunta every
 * Monday at 09:00" means 09:00 on the clock in the town hall, in winter and in summer.
 *
 * Calendar arithmetic happens on "floating" milliseconds: the wall time read as if it were UTC
 * (Date.UTC of its fields). Only `romeLocalToInstant` / `instantToRomeLocal` cross to real
 * instants, through the platform's time-zone data (Intl), so the rules of Legge 24/12/1965
 * n. 1144 and Directive 2000/84/EC (last Sunday of March and of October, at 01:00 UTC) are
 * never re-implemented here.
 */

/** 'YYYY-MM-DDTHH:mm', Europe/Rome wall time. */
export type LocalDateTime = string;
export type LocalStatus = 'ok' | 'nonexistent' | 'ambiguous';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const localPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

const romeFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Rome',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
});

// Rome changes offset only on whole UTC hours, so one Intl call per UTC hour is enough; the
// week and month views convert thousands of occurrences, and formatToParts is the slow part.
const offsetCache = new Map<number, number>();

/** Rome's UTC offset (ms) at an instant. */
function romeOffsetAt(instantMs: number): number {
  const hourKey = Math.floor(instantMs / HOUR);
  const cached = offsetCache.get(hourKey);
  if (cached !== undefined) return cached;
  const at = hourKey * HOUR;
  const p: Record<string, number> = {};
  for (const part of romeFormat.formatToParts(new Date(at))) p[part.type] = Number(part.value);
  const wall = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0);
  const offset = wall - at;
  if (offsetCache.size > 100_000) offsetCache.clear();
  offsetCache.set(hourKey, offset);
  return offset;
}

/** True when the text is a well-formed, real calendar wall time ('2025-02-30T10:00' is not). */
export function isLocalDateTime(value: string): boolean {
  const m = localPattern.exec(value);
  if (!m) return false;
  const [y, mo, d, h, mi] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])];
  // Years before 100 would be read by Date.UTC as 19xx.
  if (y < 100 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** Wall time → floating ms; AppError VALIDATION when malformed. */
export function localToFloatingMs(local: LocalDateTime): number {
  if (!isLocalDateTime(local)) {
    throw new AppError('VALIDATION', `Data e ora non valide: «${local}» (formato atteso AAAA-MM-GGTHH:mm).`);
  }
  return Date.UTC(
    Number(local.slice(0, 4)),
    Number(local.slice(5, 7)) - 1,
    Number(local.slice(8, 10)),
    Number(local.slice(11, 13)),
    Number(local.slice(14, 16)),
  );
}

/** Floating ms → wall time (seconds dropped). */
export function floatingMsToLocal(ms: number): LocalDateTime {
  return new Date(Math.floor(ms / MINUTE) * MINUTE).toISOString().slice(0, 16);
}

/** Instants at which Rome's clock shows this wall time: none, one or two, earliest first. */
function instantsOf(local: LocalDateTime): number[] {
  const wall = localToFloatingMs(local);
  const offsets = new Set([romeOffsetAt(wall - DAY), romeOffsetAt(wall + DAY), romeOffsetAt(wall)]);
  const out: number[] = [];
  for (const offset of offsets) {
    const instant = wall - offset;
    if (romeOffsetAt(instant) === offset) out.push(instant);
  }
  return out.sort((a, b) => a - b);
}

/**
 * Whether a wall time exists once in Rome: 2025-03-30T02:30 never happens (clocks jump from
 * 02:00 to 03:00), 2025-10-26T02:30 happens twice (03:00 CEST goes back to 02:00 CET).
 * The agenda warns on the first and asks which one on the second.
 */
export function romeLocalStatus(local: LocalDateTime): LocalStatus {
  const n = instantsOf(local).length;
  return n === 0 ? 'nonexistent' : n === 2 ? 'ambiguous' : 'ok';
}

/**
 * The UTC instant ('…Z') of a Rome wall time. Ambiguous times take the earlier instant unless
 * told otherwise; a non-existent time is read with the offset in force before the gap, i.e.
 * shifted forward by the gap (02:30 → 03:30 CEST), which is also how RFC 5545 §3.3.5 tells
 * calendar clients to read it, so our ICS export and Outlook/Google agree.
 */
export function romeLocalToInstant(local: LocalDateTime, ambiguous: 'earlier' | 'later' = 'earlier'): string {
  return new Date(romeLocalToInstantMs(local, ambiguous)).toISOString();
}

/** As `romeLocalToInstant`, in epoch ms. */
export function romeLocalToInstantMs(local: LocalDateTime, ambiguous: 'earlier' | 'later' = 'earlier'): number {
  const candidates = instantsOf(local);
  const first = candidates[0];
  if (first === undefined) {
    const wall = localToFloatingMs(local);
    return wall - romeOffsetAt(wall - DAY);
  }
  return ambiguous === 'later' ? (candidates[candidates.length - 1] ?? first) : first;
}

/** As `romeLocalToInstantMs` for floating ms that may carry seconds (UNTIL values). */
export function floatingMsToInstantMs(floatingMs: number, ambiguous: 'earlier' | 'later' = 'earlier'): number {
  const minuteMs = Math.floor(floatingMs / MINUTE) * MINUTE;
  return romeLocalToInstantMs(floatingMsToLocal(minuteMs), ambiguous) + (floatingMs - minuteMs);
}

/** Rome wall time of an instant ('2025-03-31T07:00:00Z' → '2025-03-31T09:00'). */
export function instantToRomeLocal(isoInstant: string): LocalDateTime {
  const ms = Date.parse(isoInstant);
  if (Number.isNaN(ms)) throw new AppError('VALIDATION', `Istante non valido: «${isoInstant}».`);
  return floatingMsToLocal(ms + romeOffsetAt(ms));
}

/** Rome wall time of an instant, in floating ms (seconds kept: used for UNTIL comparisons). */
export function instantMsToFloatingMs(instantMs: number): number {
  return instantMs + romeOffsetAt(instantMs);
}

/**
 * Wall-clock arithmetic: 09:00 + 24 h is 09:00 the next day even across a DST change. The result
 * may be a non-existent or ambiguous wall time; check it with `romeLocalStatus` where it matters.
 */
export function addMinutesLocal(local: LocalDateTime, minutes: number): LocalDateTime {
  return floatingMsToLocal(localToFloatingMs(local) + Math.round(minutes) * MINUTE);
}

/** Wall-clock minutes from a to b (a 09:00–10:00 meeting lasts 60 even on a DST Sunday). */
export function localMinutesBetween(a: LocalDateTime, b: LocalDateTime): number {
  return Math.round((localToFloatingMs(b) - localToFloatingMs(a)) / MINUTE);
}

/** 'YYYY-MM-DD' of a wall time. */
export function localDay(local: LocalDateTime): string {
  return local.slice(0, 10);
}
