import type { AgendaEventDto, AgendaOccurrenceDto, AgendaPersonDto, RoomDto } from '../../../src/shared/contract';
import type { TestDesk } from '../sync/desks';

/**
 * Shared set-up for the agenda tests: the people and rooms the office keeps, created on desk A by
 * the secretariat (the register server also seeds a "Sindaco" person: it is renamed, not doubled).
 */
export interface AgendaWorld {
  mayor: AgendaPersonDto;
  assessora: AgendaPersonDto;
  salaGiunta: RoomDto;
  salaSpecchi: RoomDto;
}

export async function agendaWorld(a: TestDesk): Promise<AgendaWorld> {
  await a.login('segreteria');
  await a.syncOnce();
  const seeded = (await a.call<AgendaPersonDto[]>('agenda.people', {}, 'segreteria')).find((p) => p.role === 'sindaco');
  if (!seeded) throw new Error('Il server non ha creato l’agenda del Sindaco');
  const mayor = await a.call<AgendaPersonDto>('agenda.upsertPerson', { id: seeded.id, name: 'Marco Gallo', role: 'sindaco', title: 'Sindaco' }, 'segreteria');
  const assessora = await a.call<AgendaPersonDto>('agenda.upsertPerson', { name: 'Elena Marchetti', role: 'assessore', title: 'Assessora alla Cultura' }, 'segreteria');
  const salaGiunta = await a.call<RoomDto>('agenda.upsertRoom', { name: 'Sala Giunta', capacity: 20, services: ['proiettore'] }, 'segreteria');
  const salaSpecchi = await a.call<RoomDto>('agenda.upsertRoom', { name: 'Sala degli Specchi', capacity: 80, services: ['audio', 'interpretariato'] }, 'segreteria');
  return { mayor, assessora, salaGiunta, salaSpecchi };
}

export type Created = { event: AgendaEventDto; warnings: { rooms: unknown[]; people: unknown[] } };

/** Occurrences of a window, as "start title" lines: easy to compare between desks. */
export async function lines(d: TestDesk, role: Parameters<TestDesk['login']>[0], from: string, to: string): Promise<string[]> {
  const occ = await d.call<AgendaOccurrenceDto[]>('agenda.range', { from, to }, role);
  return occ.map((o) => `${o.start} ${o.end.slice(11)} ${o.title}`);
}
