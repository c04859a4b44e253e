import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/contract/errors';
import {
  expandSeries,
  planSeriesEdit,
  type EditScope,
  type Occurrence,
  type SeriesEditPlan,
  type SeriesMaster,
  type SeriesOverride,
  validateSeries,
} from '../../../src/shared/domain/agenda/recurrence';

/** A tiny in-memory agenda that applies plans the way the desk and the server do. */
class Agenda {
  masters = new Map<string, SeriesMaster & { title: string }>();
  overrides: Array<SeriesOverride & { masterId: string }> = [];
  private seq = 0;
  newId = (): string => `id-${++this.seq}`;

  constructor(master: SeriesMaster, title: string) {
    this.masters.set(master.id, { ...master, title });
  }

  overridesOf(masterId: string): SeriesOverride[] {
    return this.overrides.filter((o) => o.masterId === masterId);
  }

  occurrences(from: string, to: string): Array<Occurrence & { title: string }> {
    return [...this.masters.values()]
      .flatMap((m) => expandSeries(m, this.overridesOf(m.id), { from, to }).map((o) => ({ ...o, title: m.title })))
      .sort((a, b) => a.start.localeCompare(b.start));
  }

  find(recurrenceId: string): Occurrence {
    const found = this.occurrences('2020-01-01T00:00', '2035-01-01T00:00').find((o) => o.recurrenceId === recurrenceId);
    if (!found) throw new Error(`no occurrence ${recurrenceId}`);
    return found;
  }

  edit(recurrenceId: string, scope: EditScope, change: { start?: string; end?: string; deleted?: boolean }, title?: string): SeriesEditPlan {
    const occurrence = this.find(recurrenceId);
    const master = this.masters.get(occurrence.masterId);
    if (!master) throw new Error('no master');
    const plan = planSeriesEdit(master, this.overridesOf(master.id), occurrence, scope, change, this.newId);
    if (plan.deleteMaster) this.masters.delete(master.id);
    if (plan.updateMaster) this.masters.set(master.id, { ...master, ...plan.updateMaster });
    if (plan.addExdate) master.exdates = [...master.exdates, plan.addExdate];
    if (plan.newMaster) this.masters.set(plan.newMaster.id, { ...plan.newMaster, title: title ?? master.title });
    else if (title !== undefined && scope === 'tutti') this.masters.set(master.id, { ...(this.masters.get(master.id) ?? master), title });
    if (plan.upsertOverride) {
      const o = { ...plan.upsertOverride, masterId: master.id };
      this.overrides = [...this.overrides.filter((x) => x.id !== o.id), o];
    }
    for (const change of plan.overrideChanges ?? []) this.overrides = [...this.overrides.filter((x) => x.id !== change.id), change];
    // Whatever a plan leaves behind must still be a well-formed series.
    for (const m of this.masters.values()) validateSeries(m);
    return plan;
  }
}

const liberazione: SeriesMaster = { id: 'lib', start: '2025-04-25T10:00', end: '2025-04-25T12:00', rrule: 'FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=25', exdates: [] };
const giunta: SeriesMaster = { id: 'giunta', start: '2025-03-03T09:00', end: '2025-03-03T10:30', rrule: 'FREQ=WEEKLY;BYDAY=MO', exdates: [] };

describe('editing a recurring series', () => {
  it('keeps the moved 2026 and the deleted 2027 of a yearly 25 aprile after an "all" title edit and an "all" time change', () => {
    const agenda = new Agenda(liberazione, 'Festa della Liberazione');
    agenda.edit('2026-04-25T10:00', 'solo_questo', { start: '2026-04-24T18:00', end: '2026-04-24T20:00' });
    agenda.edit('2027-04-25T10:00', 'solo_questo', { deleted: true });

    const titlePlan = agenda.edit('2028-04-25T10:00', 'tutti', {}, '81º anniversario della Liberazione');
    expect(titlePlan).toEqual({});
    const afterTitle = agenda.occurrences('2025-01-01T00:00', '2030-01-01T00:00');
    expect(afterTitle.map((o) => o.start)).toEqual(['2025-04-25T10:00', '2026-04-24T18:00', '2028-04-25T10:00', '2029-04-25T10:00']);
    expect(new Set(afterTitle.map((o) => o.title))).toEqual(new Set(['81º anniversario della Liberazione']));

    agenda.edit('2028-04-25T10:00', 'tutti', { start: '2028-04-25T10:30' });
    expect(agenda.occurrences('2025-01-01T00:00', '2030-01-01T00:00').map((o) => [o.start, o.end])).toEqual([
      ['2025-04-25T10:30', '2025-04-25T12:30'],
      ['2026-04-24T18:00', '2026-04-24T20:00'],
      ['2028-04-25T10:30', '2028-04-25T12:30'],
      ['2029-04-25T10:30', '2029-04-25T12:30'],
    ]);
  });

  it('deletes one occurrence with a cancelled override (its own synced row), reusing an existing override', () => {
    const agenda = new Agenda(giunta, 'Giunta');
    const moved = agenda.edit('2025-03-10T09:00', 'solo_questo', { start: '2025-03-11T09:00' });
    expect(moved.upsertOverride).toMatchObject({ recurrenceId: '2025-03-10T09:00', start: '2025-03-11T09:00', end: '2025-03-11T10:30', cancelled: false });
    const deleted = agenda.edit('2025-03-10T09:00', 'solo_questo', { deleted: true });
    expect(deleted.upsertOverride).toMatchObject({ id: moved.upsertOverride?.id, cancelled: true });
    expect(deleted.updateMaster).toBeUndefined();
    expect(agenda.occurrences('2025-03-01T00:00', '2025-03-20T00:00').map((o) => o.start)).toEqual(['2025-03-03T09:00', '2025-03-17T09:00']);
  });

  it('splits the series on "questo e i successivi": the old one ends before, the new one carries the later exceptions', () => {
    const agenda = new Agenda({ ...giunta, exdates: ['2025-04-21T09:00'] }, 'Giunta');
    agenda.edit('2025-03-10T09:00', 'solo_questo', { deleted: true });
    agenda.edit('2025-04-14T09:00', 'solo_questo', { start: '2025-04-15T15:00', end: '2025-04-15T16:00' });
    agenda.edit('2025-04-28T09:00', 'solo_questo', { deleted: true });

    const plan = agenda.edit('2025-03-31T09:00', 'questo_e_successivi', { start: '2025-03-31T10:00', end: '2025-03-31T11:00' }, 'Giunta (nuovo orario)');
    expect(plan.updateMaster).toEqual({ rrule: 'FREQ=WEEKLY;UNTIL=20250331T065959Z;BYDAY=MO' });
    expect(plan.newMaster).toMatchObject({ start: '2025-03-31T10:00', end: '2025-03-31T11:00', rrule: 'FREQ=WEEKLY;BYDAY=MO', exdates: ['2025-04-21T10:00'] });
    expect(plan.shiftOverrides).toBe(true);
    expect(plan.overrideChanges?.map((o) => [o.masterId, o.recurrenceId, o.start, o.cancelled])).toEqual([
      [plan.newMaster?.id, '2025-04-14T10:00', '2025-04-15T15:00', false],
      [plan.newMaster?.id, '2025-04-28T10:00', '2025-04-28T09:00', true],
    ]);
    expect(agenda.occurrences('2025-03-01T00:00', '2025-05-10T00:00').map((o) => `${o.start} ${o.title}`)).toEqual([
      '2025-03-03T09:00 Giunta',
      '2025-03-17T09:00 Giunta',
      '2025-03-24T09:00 Giunta',
      '2025-03-31T10:00 Giunta (nuovo orario)',
      '2025-04-07T10:00 Giunta (nuovo orario)',
      '2025-04-15T15:00 Giunta (nuovo orario)',
      '2025-05-05T10:00 Giunta (nuovo orario)',
    ]);
  });

  it('splits a COUNT series into an UNTIL series and one with the remaining count', () => {
    const agenda = new Agenda({ ...giunta, rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=6' }, 'Giunta');
    const plan = agenda.edit('2025-03-24T09:00', 'questo_e_successivi', { start: '2025-03-25T09:00' });
    expect(plan.newMaster?.rrule).toBe('FREQ=WEEKLY;COUNT=3;BYDAY=TU');
    expect(agenda.occurrences('2025-01-01T00:00', '2026-01-01T00:00').map((o) => o.start)).toEqual([
      '2025-03-03T09:00',
      '2025-03-10T09:00',
      '2025-03-17T09:00',
      '2025-03-25T09:00',
      '2025-04-01T09:00',
      '2025-04-08T09:00',
    ]);
  });

  it('treats "questo e i successivi" on the first occurrence as "tutti", and a deletion there ends the old series only', () => {
    const first = new Agenda(giunta, 'Giunta');
    expect(first.edit('2025-03-03T09:00', 'questo_e_successivi', { deleted: true })).toEqual({ deleteMaster: true });
    const later = new Agenda(giunta, 'Giunta');
    expect(later.edit('2025-03-17T09:00', 'questo_e_successivi', { deleted: true })).toEqual({ updateMaster: { rrule: 'FREQ=WEEKLY;UNTIL=20250317T075959Z;BYDAY=MO' } });
    expect(later.occurrences('2025-01-01T00:00', '2026-01-01T00:00').map((o) => o.start)).toEqual(['2025-03-03T09:00', '2025-03-10T09:00']);
  });

  it('moves every occurrence to another weekday on "tutti", keeping deletions deleted', () => {
    const agenda = new Agenda(giunta, 'Giunta');
    agenda.edit('2025-03-10T09:00', 'solo_questo', { deleted: true });
    const plan = agenda.edit('2025-03-17T09:00', 'tutti', { start: '2025-03-18T08:30', end: '2025-03-18T10:00' });
    expect(plan.updateMaster).toMatchObject({ start: '2025-03-04T08:30', end: '2025-03-04T10:00', rrule: 'FREQ=WEEKLY;BYDAY=TU' });
    expect(agenda.occurrences('2025-03-01T00:00', '2025-03-26T00:00').map((o) => o.start)).toEqual(['2025-03-04T08:30', '2025-03-18T08:30', '2025-03-25T08:30']);
  });

  it('refuses to move a rule it cannot carry to another day, and an occurrence the series no longer has', () => {
    const firstMonday: SeriesMaster = { id: 'c', start: '2025-03-03T18:00', end: '2025-03-03T20:00', rrule: 'FREQ=MONTHLY;BYDAY=1MO', exdates: [] };
    const occ = expandSeries(firstMonday, [], { from: '2025-04-01T00:00', to: '2025-05-01T00:00' })[0];
    expect(occ).toBeDefined();
    if (!occ) return;
    const code = (fn: () => unknown): string | null => {
      try {
        fn();
        return null;
      } catch (err) {
        return err instanceof AppError ? err.code : 'other';
      }
    };
    expect(code(() => planSeriesEdit(firstMonday, [], occ, 'tutti', { start: '2025-04-08T18:00' }, () => 'n'))).toBe('VALIDATION');
    expect(code(() => planSeriesEdit(firstMonday, [], occ, 'tutti', { start: '2025-04-07T17:00' }, () => 'n'))).toBeNull();
    const stale = { ...occ, recurrenceId: '2025-04-08T18:00' };
    expect(code(() => planSeriesEdit(firstMonday, [], stale, 'solo_questo', { deleted: true }, () => 'n'))).toBe('CONFLICT');
  });
});
