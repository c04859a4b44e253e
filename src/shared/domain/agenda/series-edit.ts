import { AppError } from '../../contract/errors';
import type { EditScope, Occurrence, OverrideChange, SeriesEditPlan, SeriesMaster, SeriesOverride } from './recurrence';
import { formatRrule, parseRrule, utcUntil, weekdays, type ParsedRrule } from './rrule';
import { effectiveOverrides, isOccurrenceOf, rruleUntilBefore, startsBefore } from './series-expand';
import { floatingMsToInstantMs, floatingMsToLocal, localToFloatingMs, type LocalDateTime } from './time';

/**
 * Planning an edit of a recurring series ("solo questo", "questo e i successivi", "tutti").
 *
 * The rule that matters (issue 5): an edit never brings back a deleted occurrence and never
 * undoes a moved one. Exception dates and overrides are keyed by original start, so when the
 * series' time moves, their keys move by the same amount; moved overrides keep their own times.
 *
 * Deleting one occurrence writes a cancelled override rather than an EXDATE on the master: an
 * override is its own synced row, so two desks deleting two different occurrences offline merge
 * cleanly instead of colliding on the master's `exdates` field. `addExdate` is left to imports.
 */

const DAY = 86_400_000;
type Change = { start?: LocalDateTime; end?: LocalDateTime; deleted?: boolean };
interface Target {
  start: LocalDateTime;
  end: LocalDateTime;
  /** How far the occurrence's start moves (floating ms). */
  delta: number;
  duration: number;
  timeChanged: boolean;
}

const shiftLocal = (local: LocalDateTime, ms: number): LocalDateTime => floatingMsToLocal(localToFloatingMs(local) + ms);

function targetOf(occurrence: Occurrence, change: Change): Target {
  const start = change.start ?? occurrence.start;
  const end = change.end ?? shiftLocal(start, localToFloatingMs(occurrence.end) - localToFloatingMs(occurrence.start));
  const duration = localToFloatingMs(end) - localToFloatingMs(start);
  if (duration < 0) throw new AppError('VALIDATION', "La fine dell'impegno deve seguire l'inizio.");
  const delta = localToFloatingMs(start) - localToFloatingMs(occurrence.start);
  return { start, end, delta, duration, timeChanged: start !== occurrence.start || end !== occurrence.end };
}

/**
 * The rule for a series whose first start moves from `from` to `to` (floating ms): UNTIL moves
 * with it; a move to another day carries plain weekdays (BYDAY=MO → TU) or a single month day
 * (BYMONTH=4;BYMONTHDAY=25 → 26) along. Anything subtler is refused: the user edits the rule.
 */
function rebaseRule(rule: ParsedRrule, from: number, to: number): ParsedRrule {
  let out: ParsedRrule = rule.until === null ? rule : { ...rule, until: utcUntil(floatingMsToInstantMs(rule.until.floatingMs + (to - from))) };
  const dayShift = Math.floor(to / DAY) - Math.floor(from / DAY);
  if (dayShift === 0 || (rule.byDay.length === 0 && rule.byMonthDay.length === 0 && rule.byMonth.length === 0)) return out;
  const onlyPlainDays = rule.byDay.every((d) => d.n === null) && rule.byMonthDay.length === 0 && rule.byMonth.length === 0 && rule.bySetPos.length === 0;
  const singleMonthDay = rule.byDay.length === 0 && rule.bySetPos.length === 0 && rule.byMonthDay.length === 1 && (rule.byMonthDay[0] ?? 0) > 0 && rule.byMonth.length <= 1;
  if (onlyPlainDays && rule.freq !== 'MONTHLY' && rule.freq !== 'YEARLY') {
    const shifted = rule.byDay.map((d) => ({ day: weekdays[(((weekdays.indexOf(d.day) + dayShift) % 7) + 7) % 7] ?? d.day, n: null }));
    out = { ...out, byDay: shifted };
  } else if (singleMonthDay && (rule.freq === 'MONTHLY' || rule.freq === 'YEARLY')) {
    const date = new Date(to);
    out = { ...out, byMonthDay: [date.getUTCDate()], byMonth: rule.byMonth.length === 1 ? [date.getUTCMonth() + 1] : [] };
  } else {
    throw new AppError('VALIDATION', 'Per spostare tutte le ripetizioni in un altro giorno modifica la regola di ripetizione.');
  }
  return out;
}

function moveOverride(o: SeriesOverride, masterId: string, delta: number, occurrence: Occurrence, target: Target): OverrideChange {
  const dragged = o.id === occurrence.overrideId;
  return {
    ...o,
    masterId,
    recurrenceId: shiftLocal(o.recurrenceId, delta),
    start: dragged ? target.start : o.start,
    end: dragged ? target.end : o.end,
  };
}

function withChanges(plan: SeriesEditPlan, changes: OverrideChange[]): SeriesEditPlan {
  return changes.length === 0 ? plan : { ...plan, shiftOverrides: true, overrideChanges: changes };
}

function onlyThis(overrides: readonly SeriesOverride[], occurrence: Occurrence, rid: LocalDateTime, change: Change, newId: () => string): SeriesEditPlan {
  const id = effectiveOverrides(overrides).get(rid)?.id ?? newId();
  if (change.deleted) {
    return { upsertOverride: { id, recurrenceId: rid, start: occurrence.start, end: occurrence.end, cancelled: true } };
  }
  const t = targetOf(occurrence, change);
  return { upsertOverride: { id, recurrenceId: rid, start: t.start, end: t.end, cancelled: false } };
}

function everyOccurrence(master: SeriesMaster, rrule: string, overrides: readonly SeriesOverride[], occurrence: Occurrence, change: Change): SeriesEditPlan {
  if (change.deleted) return { deleteMaster: true };
  const t = targetOf(occurrence, change);
  if (!t.timeChanged) return {};
  const oldStart = localToFloatingMs(master.start);
  const newStart = oldStart + t.delta;
  const updateMaster: Partial<SeriesMaster> = {
    start: floatingMsToLocal(newStart),
    end: floatingMsToLocal(newStart + t.duration),
    rrule: formatRrule(rebaseRule(parseRrule(rrule), oldStart, newStart)),
  };
  if (t.delta !== 0) updateMaster.exdates = master.exdates.map((e) => shiftLocal(e, t.delta));
  const changes = overrides
    .filter((o) => t.delta !== 0 || o.id === occurrence.overrideId)
    .map((o) => moveOverride(o, master.id, t.delta, occurrence, t));
  return withChanges({ updateMaster }, changes);
}

function thisAndFollowing(
  master: SeriesMaster,
  rrule: string,
  overrides: readonly SeriesOverride[],
  occurrence: Occurrence,
  rid: LocalDateTime,
  change: Change,
  newId: () => string,
): SeriesEditPlan {
  const ridMs = localToFloatingMs(rid);
  const dtstart = localToFloatingMs(master.start);
  const before = rruleUntilBefore(rrule, rid, master.start);
  if (before === null) return everyOccurrence(master, rrule, overrides, occurrence, change);
  if (change.deleted) return { updateMaster: { rrule: before } };
  const t = targetOf(occurrence, change);
  const rule = parseRrule(rrule);
  const newStart = ridMs + t.delta;
  let rest = rebaseRule(rule, ridMs, newStart);
  // RFC 5545 COUNT counts every start the rule makes, exdated or not: the new series gets the rest.
  if (rule.count !== null) rest = { ...rest, count: rule.count - startsBefore(rule, dtstart, ridMs) };
  const newMaster: SeriesMaster = {
    id: newId(),
    start: floatingMsToLocal(newStart),
    end: floatingMsToLocal(newStart + t.duration),
    rrule: formatRrule(rest),
    exdates: master.exdates.filter((e) => localToFloatingMs(e) >= ridMs).map((e) => shiftLocal(e, t.delta)),
  };
  const changes = overrides
    .filter((o) => localToFloatingMs(o.recurrenceId) >= ridMs)
    .map((o) => moveOverride(o, newMaster.id, t.delta, occurrence, t));
  return withChanges({ updateMaster: { rrule: before }, newMaster }, changes);
}

/**
 * The plan for editing `occurrence` of `master` with `scope`: a move or resize (start/end) or a
 * deletion. Other fields (title, notes…) are the caller's: for 'tutti' they go on the master,
 * for 'questo_e_successivi' on the new master, for 'solo_questo' on the override.
 */
export function planSeriesEdit(
  master: SeriesMaster,
  overrides: readonly SeriesOverride[],
  occurrence: Occurrence,
  scope: EditScope,
  change: Change,
  newId: () => string,
): SeriesEditPlan {
  if (occurrence.masterId !== master.id) throw new AppError('VALIDATION', "L'occorrenza non appartiene a questa serie.");
  if (master.rrule === null) {
    if (change.deleted) return { deleteMaster: true };
    const t = targetOf(occurrence, change);
    return t.timeChanged ? { updateMaster: { start: t.start, end: t.end } } : {};
  }
  const rid = occurrence.recurrenceId;
  if (rid === null || !isOccurrenceOf(master, rid)) {
    throw new AppError('CONFLICT', 'Questa ripetizione non fa più parte della serie: ricarica l’agenda e riprova.');
  }
  switch (scope) {
    case 'solo_questo':
      return onlyThis(overrides, occurrence, rid, change, newId);
    case 'tutti':
      return everyOccurrence(master, master.rrule, overrides, occurrence, change);
    case 'questo_e_successivi':
      return thisAndFollowing(master, master.rrule, overrides, occurrence, rid, change, newId);
  }
}
