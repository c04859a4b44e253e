import { AppError } from '../../contract/errors';
import type { AgendaEventDto } from '../../contract/agenda';
import type { EditScope, Occurrence, SeriesEditPlan } from './recurrence';
import { planSeriesEdit } from './series-edit';
import { effectiveOverrides } from './series-expand';
import { localMinutesBetween, addMinutesLocal, localToFloatingMs, type LocalDateTime } from './time';
import { propagated, toSeriesMaster, toSeriesOverride, withFields } from './reducer-rows';

/**
 * Applying an edit of an engagement (single or series) to its rows: the series plan of
 * series-edit.ts for timing, then the other fields on the row the edit is about. Used by the
 * agenda reducer for update, delete and delegate alike.
 */

export interface EditRequest {
  /** Original start of the occurrence edited; null: the event or the whole series. */
  rid: LocalDateTime | null;
  scope: EditScope;
  timing: { start?: LocalDateTime; end?: LocalDateTime; rrule?: string | null };
  fields: Partial<AgendaEventDto>;
  deleted?: boolean;
}

/** Rows of one series as they were and as they become. */
export class Drafts {
  readonly before = new Map<string, AgendaEventDto>();
  readonly after = new Map<string, AgendaEventDto>();
  constructor(rows: readonly AgendaEventDto[]) {
    for (const r of rows) {
      this.before.set(r.id, r);
      this.after.set(r.id, r);
    }
  }
  get(id: string): AgendaEventDto | undefined {
    return this.after.get(id);
  }
  set(row: AgendaEventDto): void {
    this.after.set(row.id, row);
  }
  /** Live overrides of a master, as they are now. */
  overridesOf(masterId: string): AgendaEventDto[] {
    return [...this.after.values()].filter((r) => r.seriesId === masterId && !r.deleted);
  }
}

/** The occurrence edited: the stored override if there is one, else the rule's slot. */
function occurrenceOf(master: AgendaEventDto, overrides: readonly AgendaEventDto[], rid: LocalDateTime | null): Occurrence {
  if (master.rrule === null || rid === null) {
    return { masterId: master.id, overrideId: null, recurrenceId: master.rrule === null ? null : master.start, start: master.start, end: master.end };
  }
  const o = effectiveOverrides(overrides.map(toSeriesOverride)).get(rid);
  if (o?.cancelled) throw new AppError('CONFLICT', 'Questa ripetizione è stata eliminata nel frattempo: ricarica l’agenda.');
  if (o) return { masterId: master.id, overrideId: o.id, recurrenceId: rid, start: o.start, end: o.end };
  return { masterId: master.id, overrideId: null, recurrenceId: rid, start: rid, end: addMinutesLocal(rid, localMinutesBetween(master.start, master.end)) };
}

/** A new override of one occurrence: a full copy of the series' fields at that slot. */
function newOverride(master: AgendaEventDto, id: string, rid: LocalDateTime, now: string, actor: { id: string; name: string }): AgendaEventDto {
  return {
    ...master,
    id,
    rrule: null,
    exdates: [],
    seriesId: master.id,
    recurrenceId: rid,
    cancelled: false,
    deleted: false,
    createdBy: actor.id,
    createdByName: actor.name,
    createdAt: now,
    updatedAt: now,
    version: 0,
  };
}

/**
 * Applies the edit to the drafts and returns the id of the row the edit is about (the override,
 * the new series of a split, or the master).
 */
export function applyEdit(
  d: Drafts,
  master: AgendaEventDto,
  req: EditRequest,
  ctx: { now: string; actor: { id: string; name: string }; newId: () => string },
): string {
  const overrides = d.overridesOf(master.id);
  // "Tutti" on a whole series edits from its first slot; a single event has no slots.
  const scope: EditScope = master.rrule === null || req.rid === null ? 'tutti' : req.scope;
  const occurrence = occurrenceOf(master, overrides, scope === 'tutti' && req.rid === null ? null : req.rid);
  const change = req.deleted ? { deleted: true } : { start: req.timing.start, end: req.timing.end };
  const plan: SeriesEditPlan = planSeriesEdit(toSeriesMaster(master), overrides.map(toSeriesOverride), occurrence, scope, change, ctx.newId);

  if (plan.updateMaster) d.set({ ...d.get(master.id)!, ...plan.updateMaster, id: master.id });
  let target = master.id;
  if (plan.newMaster) {
    const nm = plan.newMaster;
    d.set({ ...newOverride(master, nm.id, nm.start, ctx.now, ctx.actor), seriesId: null, recurrenceId: null, start: nm.start, end: nm.end, rrule: nm.rrule, exdates: nm.exdates });
    target = nm.id;
  }
  if (plan.upsertOverride) {
    const o = plan.upsertOverride;
    const base = d.get(o.id) ?? newOverride(master, o.id, o.recurrenceId, ctx.now, ctx.actor);
    d.set({ ...base, start: o.start, end: o.end, cancelled: o.cancelled });
    target = o.id;
  }
  const slotMinutes = localMinutesBetween(master.start, master.end);
  for (const c of plan.overrideChanges ?? []) {
    const row = d.get(c.id);
    if (!row) continue;
    // An override edited only in its fields (title, notes…) still sits in its slot: it moves with the
    // series. One moved on purpose keeps its own time (series-edit.ts).
    const inSlot = row.start === row.recurrenceId && localMinutesBetween(row.start, row.end) === slotMinutes && c.id !== occurrence.overrideId;
    const newMaster = d.get(c.masterId)!;
    const times = inSlot ? { start: c.recurrenceId, end: addMinutesLocal(c.recurrenceId, localMinutesBetween(newMaster.start, newMaster.end)) } : { start: c.start, end: c.end };
    d.set({ ...row, seriesId: c.masterId, recurrenceId: c.recurrenceId, ...times, cancelled: c.cancelled });
  }
  if (plan.deleteMaster) {
    d.set({ ...d.get(master.id)!, deleted: true });
    for (const o of d.overridesOf(master.id)) d.set({ ...o, deleted: true });
    return master.id;
  }
  if (req.deleted && scope === 'questo_e_successivi' && req.rid !== null) {
    // The series now ends before this occurrence: overrides from here on leave with it.
    const from = localToFloatingMs(req.rid);
    for (const o of d.overridesOf(master.id)) if (localToFloatingMs(o.recurrenceId ?? o.start) >= from) d.set({ ...o, deleted: true });
  }
  if (!req.deleted) applyFieldsTo(d, master, target, req);
  return target;
}

/** The other fields go on the row edited; a series passes them on to its untouched overrides. */
function applyFieldsTo(d: Drafts, oldMaster: AgendaEventDto, target: string, req: EditRequest): void {
  const row = d.get(target)!;
  const ruleChange = req.timing.rrule !== undefined && req.timing.rrule !== oldMaster.rrule;
  if (row.seriesId !== null) {
    if (ruleChange) throw new AppError('VALIDATION', 'La regola di ripetizione si cambia per tutta la serie o da questa ripetizione in poi.');
    d.set(withFields(row, req.fields));
    return;
  }
  d.set({ ...withFields(row, req.fields), ...(ruleChange ? { rrule: req.timing.rrule ?? null } : {}) });
  const series = d.overridesOf(target);
  for (const o of series) {
    // A series turned into a single engagement has no slots left for its overrides.
    d.set(d.get(target)!.rrule === null ? { ...o, deleted: true } : propagated(o, oldMaster, req.fields));
  }
}
