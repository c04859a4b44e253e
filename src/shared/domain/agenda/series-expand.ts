import { AppError } from '../../contract/errors';
import type { Occurrence, SeriesMaster, SeriesOverride } from './recurrence';
import { formatRrule, parseRrule, utcUntil, type ParsedRrule } from './rrule';
import { iterateRule, ruleProducesStart } from './rrule-iterate';
import { floatingMsToLocal, instantToRomeLocal, localToFloatingMs, romeLocalStatus, romeLocalToInstantMs, type LocalDateTime } from './time';

/** Does [start, end) meet the window [from, to)? A zero-length item counts at its instant. */
function meets(start: number, end: number, from: number, to: number): boolean {
  return end > start ? start < to && end > from : start >= from && start < to;
}

/**
 * The wall end of an instance. A start in the spring gap (02:30 on the last Sunday of March)
 * happens at 03:30 (RFC 5545 §3.3.5), so the instance ends its length after that, not at 03:30.
 */
function endOf(start: LocalDateTime, floatingEnd: number, duration: number): LocalDateTime {
  if (romeLocalStatus(start) !== 'nonexistent') return floatingMsToLocal(floatingEnd);
  return instantToRomeLocal(new Date(romeLocalToInstantMs(start) + duration).toISOString());
}

function compareOccurrences(a: Occurrence, b: Occurrence): number {
  return (
    a.start.localeCompare(b.start) ||
    a.end.localeCompare(b.end) ||
    a.masterId.localeCompare(b.masterId) ||
    (a.recurrenceId ?? '').localeCompare(b.recurrenceId ?? '')
  );
}

/**
 * One override per original start. Two desks may each create an override for the same occurrence
 * while offline; every desk must then show the same one: a cancellation wins (a deleted
 * occurrence never comes back by accident), then the smallest id (UUIDv7: the first created).
 */
export function effectiveOverrides(overrides: readonly SeriesOverride[]): Map<LocalDateTime, SeriesOverride> {
  const out = new Map<LocalDateTime, SeriesOverride>();
  for (const o of overrides) {
    const current = out.get(o.recurrenceId);
    const wins =
      current === undefined ||
      (o.cancelled && !current.cancelled) ||
      (o.cancelled === current.cancelled && o.id < current.id);
    if (wins) out.set(o.recurrenceId, o);
  }
  return out;
}

/**
 * Checks a series before it is saved: valid times, end not before start, a rule Gonfalone can
 * expand, and a start on a date the rule produces. RFC 5545 calls a series whose DTSTART the
 * rule would not produce "undefined", and clients disagree on it (ical.js drops that first
 * date, we would keep it), so the public feed could differ from the desk: refuse it.
 */
export function validateSeries(master: SeriesMaster): void {
  const start = localToFloatingMs(master.start);
  if (localToFloatingMs(master.end) < start) throw new AppError('VALIDATION', "La fine dell'impegno precede l'inizio.");
  for (const e of master.exdates) localToFloatingMs(e);
  if (master.rrule === null) return;
  const rule = parseRrule(master.rrule);
  if (rule.until !== null && rule.until.floatingMs < start) {
    throw new AppError('VALIDATION', 'La ripetizione finisce prima di cominciare: controlla la data di fine.');
  }
  if (!ruleProducesStart(rule, start)) {
    throw new AppError('VALIDATION', 'Il primo appuntamento della serie deve cadere in un giorno previsto dalla regola di ripetizione.');
  }
}

/** True when the rule (from this DTSTART) produces exactly this original start. */
export function isOccurrenceOf(master: Pick<SeriesMaster, 'start' | 'rrule'>, recurrenceId: LocalDateTime): boolean {
  const dtstart = localToFloatingMs(master.start);
  const target = localToFloatingMs(recurrenceId);
  if (master.rrule === null) return target === dtstart;
  return ruleHits(parseRrule(master.rrule), dtstart, target);
}

function ruleHits(rule: ParsedRrule, dtstart: number, target: number): boolean {
  for (const t of iterateRule(rule, dtstart, target)) {
    if (t === target) return true;
    if (t > target) return false;
  }
  return false;
}

/**
 * Occurrences meeting the half-open window [from, to), sorted by start. Exception dates and
 * cancelled overrides are left out; an override counts where it now is, so one moved into the
 * window appears even if its original slot is outside, and one moved out disappears. Overrides
 * whose original start is no longer produced by the rule (left behind by a split) are ignored.
 */
export function expandSeries(
  master: SeriesMaster,
  overrides: readonly SeriesOverride[],
  window: { from: LocalDateTime; to: LocalDateTime },
): Occurrence[] {
  const from = localToFloatingMs(window.from);
  const to = localToFloatingMs(window.to);
  const dtstart = localToFloatingMs(master.start);
  const duration = localToFloatingMs(master.end) - dtstart;
  if (duration < 0) throw new AppError('VALIDATION', "La fine dell'impegno precede l'inizio.");
  if (master.rrule === null) {
    const single = { masterId: master.id, overrideId: null, recurrenceId: null, start: master.start, end: master.end };
    return meets(dtstart, dtstart + duration, from, to) ? [single] : [];
  }
  const rule = parseRrule(master.rrule);
  const exdates = new Set(master.exdates);
  const byOriginal = effectiveOverrides(overrides);
  // Every instance keeps the master's wall-clock length: a Saturday 23:00–04:00 shift ends at
  // 04:00 on the night the clocks change too (4 or 6 real hours). ical.js reads our ICS the same
  // way; RFC 5545 §3.8.5.3's "exact duration" differs only if the first instance spans a change.
  const out: Occurrence[] = [];
  for (const t of iterateRule(rule, dtstart, from - duration)) {
    if (t >= to) break;
    if (!meets(t, t + duration, from, to)) continue;
    const recurrenceId = floatingMsToLocal(t);
    if (exdates.has(recurrenceId) || byOriginal.has(recurrenceId)) continue;
    out.push({ masterId: master.id, overrideId: null, recurrenceId, start: recurrenceId, end: endOf(recurrenceId, t + duration, duration) });
  }
  for (const o of byOriginal.values()) {
    if (o.cancelled || exdates.has(o.recurrenceId)) continue;
    if (!meets(localToFloatingMs(o.start), localToFloatingMs(o.end), from, to)) continue;
    if (!ruleHits(rule, dtstart, localToFloatingMs(o.recurrenceId))) continue;
    out.push({ masterId: master.id, overrideId: o.id, recurrenceId: o.recurrenceId, start: o.start, end: o.end });
  }
  return out.sort(compareOccurrences);
}

/** Number of original starts the rule produces before `beforeMs` (exdated ones included). */
export function startsBefore(rule: ParsedRrule, dtstart: number, beforeMs: number): number {
  let n = 0;
  for (const t of iterateRule(rule, dtstart)) {
    if (t >= beforeMs) break;
    n++;
  }
  return n;
}

/**
 * "Questo e i successivi": the old series' rule, ending just before `occurrenceStart` (its
 * original start). UNTIL is written in UTC, as RFC 5545 requires next to a TZID'd DTSTART, one
 * second before the occurrence; COUNT is replaced by that UNTIL. With `seriesStart`, returns
 * null when no occurrence would remain (the split is at the first one).
 */
export function rruleUntilBefore(rrule: string, occurrenceStart: LocalDateTime, seriesStart?: LocalDateTime): string | null {
  const rule = parseRrule(rrule);
  if (seriesStart !== undefined && localToFloatingMs(occurrenceStart) <= localToFloatingMs(seriesStart)) return null;
  const until = utcUntil(romeLocalToInstantMs(occurrenceStart) - 1000);
  const keep = rule.until !== null && rule.until.floatingMs <= until.floatingMs ? rule.until : until;
  return formatRrule({ ...rule, count: null, until: keep });
}

/**
 * Wall time after which the series has no occurrence start or end: exact with COUNT, an upper
 * bound with UNTIL (UNTIL plus the duration), null when unbounded. Lets the database index a
 * series by [start, bound) for window queries; moved overrides carry their own times and are
 * not included.
 */
export function seriesEndBound(master: SeriesMaster): LocalDateTime | null {
  if (master.rrule === null) return master.end;
  const rule = parseRrule(master.rrule);
  const dtstart = localToFloatingMs(master.start);
  const duration = localToFloatingMs(master.end) - dtstart;
  if (rule.until !== null) return floatingMsToLocal(Math.max(dtstart, rule.until.floatingMs) + duration + 60_000);
  if (rule.count === null) return null;
  let last = dtstart;
  for (const t of iterateRule(rule, dtstart)) last = t;
  return floatingMsToLocal(last + duration);
}
