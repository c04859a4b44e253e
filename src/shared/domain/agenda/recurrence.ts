import type { LocalDateTime } from './time';

/**
 * Recurring engagements (issue 5): a master with an RRULE, exception dates, and overrides that
 * move or cancel single occurrences. Everything is expanded in floating Rome wall time and only
 * then turned into instants, so "every Monday at 09:00" stays 09:00 across DST changes.
 *
 * The functions live in small modules; this file holds the shapes and re-exports them, so the
 * database, sync and UI layers import one place.
 */

/** A series (or a single engagement when rrule is null). */
export interface SeriesMaster {
  id: string;
  start: LocalDateTime;
  end: LocalDateTime;
  /** e.g. 'FREQ=WEEKLY;BYDAY=MO'; null for a one-off engagement. */
  rrule: string | null;
  /** Original starts of removed occurrences (RFC 5545 EXDATE). */
  exdates: LocalDateTime[];
}

/** One occurrence moved (or cancelled), keyed by its original start (RFC 5545 RECURRENCE-ID). */
export interface SeriesOverride {
  recurrenceId: LocalDateTime;
  start: LocalDateTime;
  end: LocalDateTime;
  cancelled: boolean;
  id: string;
}

/** One occurrence as shown in the calendar. */
export interface Occurrence {
  masterId: string;
  overrideId: string | null;
  /** Original start within the series; null for a one-off engagement. */
  recurrenceId: LocalDateTime | null;
  start: LocalDateTime;
  end: LocalDateTime;
}

export type EditScope = 'solo_questo' | 'questo_e_successivi' | 'tutti';

/** An override after an edit, with the master it now belongs to (the new one after a split). */
export interface OverrideChange extends SeriesOverride {
  masterId: string;
}

/**
 * What an edit of a recurring series does, computed once so the desk and the server apply the
 * same thing. Every field is optional; apply all that are present:
 * - updateMaster: fields to set on `master` (never its id);
 * - newMaster: the new series created by "questo e i successivi";
 * - upsertOverride: the override (of `master`) to insert or replace, for "solo questo";
 * - addExdate: an original start to add to `master.exdates` (imports only: see planSeriesEdit);
 * - shiftOverrides / overrideChanges: existing overrides whose key or master changes, each with
 *   its complete new value; moved overrides keep their own start and end;
 * - deleteMaster: tombstone the master (and with it its overrides).
 */
export interface SeriesEditPlan {
  updateMaster?: Partial<SeriesMaster>;
  newMaster?: SeriesMaster;
  upsertOverride?: SeriesOverride;
  addExdate?: LocalDateTime;
  shiftOverrides?: boolean;
  overrideChanges?: OverrideChange[];
  deleteMaster?: boolean;
}

export { describeRrule } from './rrule-describe';
export { validateRrule } from './rrule';
export { effectiveOverrides, expandSeries, isOccurrenceOf, rruleUntilBefore, seriesEndBound, validateSeries } from './series-expand';
export { planSeriesEdit } from './series-edit';
