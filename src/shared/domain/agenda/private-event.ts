import type { AgendaEventDto } from '../../contract/agenda';
import { busyTitle } from './visibility';

/**
 * A private engagement as someone who may not read private details sees it ("Occupato"): the
 * time, the room and whose agenda stay, so nobody books over it; everything that says what it is
 * goes, the kind included. The server sends it so to desks none of whose users may read it, and
 * the desk shows it so to such a user on a shared desk.
 */
export function redactPrivateEvent(e: AgendaEventDto): AgendaEventDto {
  return {
    ...e,
    kind: 'impegno_privato',
    title: busyTitle,
    address: null,
    counterpart: null,
    foreign: false,
    participants: [],
    staffContact: null,
    notes: null,
    attachments: [],
    entryIds: [],
    caseIds: [],
    organiser: null,
    services: [],
    invitationId: null,
    roomOverride: e.roomOverride ? { ...e.roomOverride, reason: '' } : null,
    delegation: null,
  };
}
