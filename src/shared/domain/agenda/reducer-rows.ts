import { AppError } from '../../contract/errors';
import type { AgendaEventDto } from '../../contract/agenda';
import type { SeriesMaster, SeriesOverride } from './recurrence';
import { validateRrule } from './rrule';
import { seriesEndBound } from './series-expand';
import { addMinutesLocal, localMinutesBetween, romeLocalStatus, romeLocalToInstant, type LocalDateTime } from './time';

/**
 * Small pieces of the agenda reducer (reducer.ts): time checks, instants, field copies. Pure, so
 * the desk's optimistic effect and the server's authoritative one compute the same rows.
 */

export type Ambiguity = 'earlier' | 'later';

/** Fields of an engagement that are its timing: they go through the series plan, not a copy. */
export const timingFields = ['start', 'end', 'rrule'] as const;

/** Fields never copied from an edit (identity, derived instants, bookkeeping). */
const fixedFields = new Set<string>(['id', 'version', 'createdAt', 'createdBy', 'createdByName', 'updatedAt', 'startAt', 'endAt', 'untilAt', 'seriesId', 'recurrenceId', 'cancelled', 'deleted', 'exdates', 'roomOverride', ...timingFields]);

const itDay = (local: LocalDateTime): string => `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)}`;
const itTime = (local: LocalDateTime): string => local.slice(11, 16);

/**
 * Refuses a wall time the user chose that Rome's clock never shows (the last Sunday of March,
 * 02:00–02:59: Legge 1144/1965, Directive 2000/84/EC), and asks which one is meant when it shows
 * twice (the last Sunday of October) unless `ambiguous` says it. The UI shifts or asks first;
 * this is the guard for every other caller.
 */
export function checkChosenTime(local: LocalDateTime, ambiguous: Ambiguity | undefined): void {
  const status = romeLocalStatus(local);
  if (status === 'nonexistent') {
    const shifted = addMinutesLocal(local, 60);
    throw new AppError(
      'VALIDATION',
      `Le ${itTime(local)} del ${itDay(local)} non esistono: quella notte gli orologi passano dalle 02:00 alle 03:00 (ora legale). Scegli un altro orario, per esempio le ${itTime(shifted)}.`,
      { field: 'start', nonexistent: local, suggestion: shifted },
    );
  }
  if (status === 'ambiguous' && ambiguous === undefined) {
    throw new AppError(
      'VALIDATION',
      `Le ${itTime(local)} del ${itDay(local)} ricorrono due volte (ritorno all'ora solare): indica se si tratta della prima (ora legale) o della seconda (ora solare).`,
      { field: 'start', ambiguous: local },
    );
  }
}

/** End after (or at) start, in wall-clock minutes. */
export function checkOrder(start: LocalDateTime, end: LocalDateTime): void {
  if (localMinutesBetween(start, end) < 0) throw new AppError('VALIDATION', "La fine dell'impegno deve seguire l'inizio.");
}

/** A recurrence rule the expansion understands (AppError VALIDATION otherwise). */
export function checkRule(rrule: string | null): void {
  if (rrule !== null) validateRrule(rrule);
}

export function toSeriesMaster(e: AgendaEventDto): SeriesMaster {
  return { id: e.id, start: e.start, end: e.end, rrule: e.rrule, exdates: e.exdates };
}

export function toSeriesOverride(e: AgendaEventDto): SeriesOverride {
  return { id: e.id, recurrenceId: e.recurrenceId ?? e.start, start: e.start, end: e.end, cancelled: e.cancelled };
}

/**
 * startAt, endAt and untilAt of a row after an edit. A wall time that did not change keeps its
 * instant (so an October 02:30 stays the one the user picked); a changed one is converted with
 * the user's choice for a repeated hour. untilAt bounds the series for window queries.
 */
export function withInstants(row: AgendaEventDto, before: AgendaEventDto | null, ambiguous: Ambiguity | undefined): AgendaEventDto {
  const startAt = before && before.start === row.start && before.startAt ? before.startAt : romeLocalToInstant(row.start, ambiguous ?? 'earlier');
  const endAt = before && before.end === row.end && before.endAt ? before.endAt : romeLocalToInstant(row.end, ambiguous ?? 'earlier');
  let untilAt: string | null = endAt;
  if (row.rrule !== null && row.seriesId === null) {
    const bound = seriesEndBound(toSeriesMaster(row));
    untilAt = bound === null ? null : romeLocalToInstant(bound, 'later');
  }
  return { ...row, startAt, endAt, untilAt };
}

/** The row with the given non-timing fields copied in (undefined = unchanged). */
export function withFields(row: AgendaEventDto, fields: Partial<AgendaEventDto>): AgendaEventDto {
  const out: Record<string, unknown> = { ...row };
  for (const [k, v] of Object.entries(fields)) if (v !== undefined && !fixedFields.has(k)) out[k] = v;
  return out as unknown as AgendaEventDto;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * A "tutti" edit of the series reaches an override only where the override still had the
 * series' old value: a title changed on one occurrence on purpose stays changed.
 */
export function propagated(override: AgendaEventDto, oldMaster: AgendaEventDto, fields: Partial<AgendaEventDto>): AgendaEventDto {
  const reach: Partial<AgendaEventDto> = {};
  for (const [k, v] of Object.entries(fields) as Array<[keyof AgendaEventDto, unknown]>) {
    if (v !== undefined && same(override[k], oldMaster[k])) (reach as Record<string, unknown>)[k] = v;
  }
  return withFields(override, reach);
}

/** True when anything but bookkeeping differs. */
export function rowChanged(a: AgendaEventDto, b: AgendaEventDto): boolean {
  const { updatedAt: _a, version: _va, ...ra } = a;
  const { updatedAt: _b, version: _vb, ...rb } = b;
  return !same(ra, rb);
}

/** True when the row's place in time or its room differs (room conflicts must be checked again). */
export function bookingMoved(before: AgendaEventDto | null, after: AgendaEventDto): boolean {
  if (after.deleted || after.cancelled) return false;
  if (before === null || before.deleted || before.cancelled) return true;
  return before.start !== after.start || before.end !== after.end || before.rrule !== after.rrule || before.roomId !== after.roomId || !same(before.exdates, after.exdates);
}
