import type { AgendaEventDto } from '../../../shared/contract/agenda';
import { busyTitle } from '../../../shared/domain/agenda/visibility';
import type { Change } from '../../../shared/sync/protocol';

/**
 * A private engagement as a desk receives it when none of its users may read private details
 * (permissions.ts, `agenda.privateDetails`): the time, the room and whose agenda stay, so nobody
 * books over it; everything that says what it is goes. The desk never holds what it may not show.
 */
export function redactPrivateEvent(row: AgendaEventDto): AgendaEventDto {
  return {
    ...row,
    title: busyTitle,
    address: null,
    counterpart: null,
    participants: [],
    staffContact: null,
    notes: null,
    attachments: [],
    entryIds: [],
    caseIds: [],
    organiser: null,
    services: [],
    invitationId: null,
    foreign: false,
    roomOverride: row.roomOverride ? { ...row.roomOverride, reason: '' } : null,
    delegation: row.delegation ? { ...row.delegation, note: null } : null,
  };
}

/** The change as this desk may receive it. */
export function agendaChangeFor(c: Change, canSeePrivate: boolean): Change {
  if (canSeePrivate || c.table !== 'agenda_events' || !c.row || c.row.visibility !== 'privato') return c;
  return { ...c, row: redactPrivateEvent(c.row as unknown as AgendaEventDto) as unknown as Record<string, unknown> };
}
