import { expect } from 'vitest';
import { people, rpc, seedOrganisation } from './support';
import type { AgendaOccurrenceDto, AgendaPersonDto, RoomDto } from '../../src/shared/contract';

/**
 * Fixtures of the agenda's end-to-end tests (issue 5): a secretariat user (who reads private
 * details), a ceremonial-office user (who does not), the Mayor's agenda the server seeds, an
 * Assessore and two rooms, all set up over RPC.
 */
export const agendaPeople = {
  segreteria: { username: 'sbruni', fullName: 'Sara Bruni', password: people.admin.password, roles: ['segreteria'] },
  cerimoniale: { username: 'lferri', fullName: 'Luca Ferri', password: people.admin.password, roles: ['cerimoniale'] },
} as const;

export interface AgendaFixture {
  adminToken: string;
  token: string;
  sindaco: AgendaPersonDto;
  assessore: AgendaPersonDto;
  consiglio: RoomDto;
  giunta: RoomDto;
}

/** Polls until the server's seeded Mayor has reached the desk (first pull after setup). */
async function mayorOf(url: string, token: string): Promise<AgendaPersonDto> {
  for (let i = 0; i < 100; i++) {
    const list = await rpc<AgendaPersonDto[]>(url, 'agenda.people', {}, token);
    const mayor = list.find((p) => p.role === 'sindaco');
    if (mayor) return mayor;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('Agenda del Sindaco non arrivata sulla postazione');
}

export async function seedAgenda(url: string): Promise<AgendaFixture> {
  const { adminToken } = await seedOrganisation(url);
  for (const p of Object.values(agendaPeople)) {
    await rpc(url, 'users.create', { username: p.username, fullName: p.fullName, password: p.password, roles: p.roles }, adminToken);
  }
  const token = (await rpc<{ token: string }>(url, 'auth.login', { username: agendaPeople.segreteria.username, password: agendaPeople.segreteria.password })).token;
  const mayor = await mayorOf(url, token);
  const sindaco = await rpc<AgendaPersonDto>(url, 'agenda.upsertPerson', { id: mayor.id, name: 'Marco Galli', role: 'sindaco', title: 'Sindaco' }, token);
  const assessore = await rpc<AgendaPersonDto>(url, 'agenda.upsertPerson', { name: 'Elena Conti', role: 'assessore', title: 'Assessore alla Cultura' }, token);
  const consiglio = await rpc<RoomDto>(url, 'agenda.upsertRoom', { name: 'Sala del Consiglio', capacity: 80, services: ['audio', 'proiettore'] }, token);
  const giunta = await rpc<RoomDto>(url, 'agenda.upsertRoom', { name: 'Sala Giunta', capacity: 20 }, token);
  return { adminToken, token, sindaco, assessore, consiglio, giunta };
}

/** The occurrences of a window, as the desk returns them to the calendar. */
export async function rangeOf(url: string, token: string, from: string, to: string): Promise<AgendaOccurrenceDto[]> {
  return rpc<AgendaOccurrenceDto[]>(url, 'agenda.range', { from, to }, token);
}

/** Waits for a condition the UI reaches asynchronously (RPC polling, no fixed sleeps). */
export async function eventually<T>(probe: () => Promise<T>, ok: (v: T) => boolean, what: string): Promise<T> {
  let last: T | undefined;
  for (let i = 0; i < 100; i++) {
    last = await probe();
    if (ok(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  expect.fail(`${what}: ${JSON.stringify(last)}`);
}
