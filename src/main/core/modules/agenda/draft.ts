import type { AgendaEventDto } from '../../../../shared/contract';
import { romeLocalToInstant } from '../../../../shared/domain/agenda';

/**
 * A not-yet-saved engagement with only what a conflict check reads (time, room, people): the
 * form asks "what would this clash with?" before the clerk saves.
 */
export function draftEvent(f: Pick<AgendaEventDto, 'start' | 'end' | 'rrule' | 'roomId' | 'agendaOf' | 'participants'>): AgendaEventDto {
  const startAt = romeLocalToInstant(f.start);
  const endAt = romeLocalToInstant(f.end);
  return {
    id: '00000000-0000-7000-8000-000000000000',
    kind: 'appuntamento',
    title: '',
    allDay: false,
    startAt,
    endAt,
    untilAt: f.rrule === null ? endAt : null,
    exdates: [],
    seriesId: null,
    recurrenceId: null,
    cancelled: false,
    visibility: 'interno',
    address: null,
    counterpart: null,
    foreign: false,
    staffContact: null,
    notes: null,
    attachments: [],
    entryIds: [],
    caseIds: [],
    organiser: null,
    services: [],
    roomOverride: null,
    delegation: null,
    invitationId: null,
    templateKey: null,
    deleted: false,
    createdBy: '',
    createdByName: '',
    createdAt: startAt,
    updatedAt: startAt,
    version: 0,
    ...f,
  };
}
