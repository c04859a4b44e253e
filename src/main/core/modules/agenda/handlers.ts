import type { Handlers } from '../../../../shared/contract';
import { requireUser, type DeskContext, type DeskDeps } from '../../deps';
import { daySheet, exportIcs } from './documents';
import { agendaGet, agendaRange, checkConflicts, roomsView } from './reads';
import { agendaPeople, listRooms, listTemplates } from './repository';
import { createEvent, delegateEvent, deleteEvent, todayLocal, updateEvent } from './service';
import { instantiateTemplates, upsertPerson, upsertRoom, upsertTemplate } from './settings';

type AgendaHandlers = Pick<Handlers<DeskContext>, `agenda.${string}` & keyof Handlers<DeskContext>>;

/** agenda.*: the Mayor's agenda, rooms and ceremonies on this desk. */
export function agendaHandlers(d: DeskDeps): AgendaHandlers {
  return {
    'agenda.range': (input, ctx) => agendaRange(d.db, input, requireUser(ctx)),
    'agenda.get': (input, ctx) => agendaGet(d.db, input.id, requireUser(ctx)),
    'agenda.create': (input, ctx) => createEvent(d, input, requireUser(ctx)),
    'agenda.update': (input, ctx) => updateEvent(d, input, requireUser(ctx)),
    'agenda.delete': (input, ctx) => deleteEvent(d, input, requireUser(ctx)),
    'agenda.delegate': (input, ctx) => delegateEvent(d, input, requireUser(ctx)),
    'agenda.checkConflicts': (input, ctx) => checkConflicts(d.db, input, requireUser(ctx), todayLocal(d)),
    'agenda.people': () => agendaPeople(d.db),
    'agenda.upsertPerson': (input, ctx) => upsertPerson(d, input, requireUser(ctx)),
    'agenda.rooms': () => listRooms(d.db),
    'agenda.upsertRoom': (input, ctx) => upsertRoom(d, input, requireUser(ctx)),
    'agenda.roomsView': (input, ctx) => roomsView(d.db, input, requireUser(ctx)),
    'agenda.templates': () => listTemplates(d.db),
    'agenda.upsertTemplate': (input, ctx) => upsertTemplate(d, input, requireUser(ctx)),
    'agenda.instantiateTemplates': (input, ctx) => instantiateTemplates(d, input, requireUser(ctx)),
    'agenda.daySheet': (input, ctx) => daySheet(d, input, requireUser(ctx)),
    'agenda.exportIcs': (input) => exportIcs(d, input),
  };
}
