import type { AgendaEventDto, AgendaPersonDto, RoomDto } from '../../../src/shared/contract/agenda';
import { uuidv7 } from '../../../src/shared/domain/ids';
import { MutationDesk } from './mutation-desk';
import type { TestServer } from './harness';

/** A desk of the agenda tests (mutation-desk.ts). */
export class AgendaDesk extends MutationDesk {

}

export async function agendaDesk(t: TestServer, username: string): Promise<AgendaDesk> {
  return new AgendaDesk(t.url, await t.login(username));
}

export async function mayorOf(desk: AgendaDesk): Promise<AgendaPersonDto> {
  const people = [...(await desk.rows<AgendaPersonDto>('agenda_people')).values()];
  const mayor = people.find((p) => p?.role === 'sindaco');
  if (!mayor) throw new Error('Sindaco non creato');
  return mayor;
}

export async function addRoom(desk: AgendaDesk, name = 'Sala Alessi'): Promise<RoomDto> {
  return desk.ok<RoomDto>('agenda.upsertRoom', { id: uuidv7(), name, capacity: 120 });
}

export function eventArgs(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { id: uuidv7(), kind: 'appuntamento', title: 'Incontro', start: '2031-05-02T10:00', end: '2031-05-02T12:00', ...overrides };
}

export type EventResult = { event: AgendaEventDto; warnings: { rooms: unknown[]; people: Array<{ personName: string; title: string }> } };
