import type { Desk } from '../core/desk';
import { AppError, type AgendaEventDto, type AgendaPersonDto, type CeremonyTemplateDto, type InvitationDto, type RoomDto } from '../../shared/contract';
import { defaultCeremonyTemplates } from '../../shared/domain/agenda';
import { seededRandom } from '../../shared/domain/seeded-random';
import { romeDate } from '../../shared/domain/time';
import { demoPassword } from './demo-data';

/**
 * The demo's agenda (issue 5), seeded through the desk's own procedures like the rest of the demo:
 * two months of a plausible Mayor's agenda around today (public and private engagements, a weekly
 * Giunta on a series, the annual ceremonies from the templates), four representation rooms with
 * bookings by other offices, an engagement delegated to an Assessore, and pending invitations.
 */

type Call = <T>(name: string, input: unknown) => Promise<T>;

const rooms = [
  { name: 'Sala Consiliare', location: 'Palazzo Comunale, primo piano', capacity: 120, services: ['audio', 'streaming', 'proiettore'] },
  { name: 'Sala Giunta', location: 'Palazzo Comunale, secondo piano', capacity: 20, services: ['proiettore', 'videoconferenza'] },
  { name: 'Sala degli Specchi', location: 'Palazzo Comunale, piano nobile', capacity: 80, services: ['audio', 'interpretariato', 'allestimento floreale'] },
  { name: 'Sala Alessi', location: 'Palazzo Marino, piano terra', capacity: 60, services: ['audio', 'proiettore', 'catering'] },
] as const;

const assessori = [
  { name: 'Davide Conti', role: 'vicesindaco', title: 'Vicesindaco e Assessore al Bilancio' },
  { name: 'Elena Marchetti', role: 'assessore', title: 'Assessora alla Cultura e al Turismo' },
  { name: 'Chiara Fontana', role: 'assessore', title: 'Assessora alle Politiche sociali' },
] as const;

/** Office business, on the Mayor's agenda: [kind, title, room index or address, counterpart]. */
const engagements: ReadonlyArray<readonly [string, string, number | string, string | null]> = [
  ['appuntamento', 'Incontro con il Prefetto', 'Prefettura, piazza del Governo 1', 'Prefettura'],
  ['udienza', 'Ricevimento dei cittadini', 2, null],
  ['appuntamento', 'Incontro con le associazioni di categoria', 1, 'Confcommercio e Confartigianato'],
  ['evento_pubblico', 'Conferenza stampa sul piano delle opere pubbliche', 3, null],
  ['evento_pubblico', 'Visita alla scuola primaria «Gianni Rodari»', 'Via delle Scuole 4', 'Istituto comprensivo Nord'],
  ['appuntamento', 'Incontro con il comandante della Polizia locale', 'Comando di Polizia locale', null],
  ['missione', 'Assemblea ANCI regionale', 'Sede ANCI, capoluogo di regione', 'ANCI'],
  ['evento_pubblico', 'Inaugurazione del nuovo centro anziani', 'Via dei Tigli 12', 'Cooperativa Il Ponte'],
  ['appuntamento', 'Tavolo tecnico sul trasporto pubblico locale', 1, 'Agenzia per la mobilità'],
  ['evento_pubblico', 'Premiazione del torneo giovanile di calcio', 'Stadio comunale', 'ASD Esempio Calcio'],
];
const privateOnes = ['Visita medica', 'Colloquio riservato con il segretario di partito', 'Impegno familiare'];
const staff = ['Giulia Neri (segreteria) 333 1234567', 'Marco Villa (cerimoniale) 335 7654321', 'Autista: Bruno Sala 347 1122334'];
const otherOffices: ReadonlyArray<readonly [string, string, readonly string[]]> = [
  ['Ufficio Cultura', 'Presentazione del libro «Storie della nostra città»', ['audio', 'proiettore']],
  ['Ufficio Personale', 'Corso di formazione sulla privacy per i dipendenti', ['proiettore']],
  ['Presidenza del Consiglio comunale', 'Commissione consiliare Bilancio', ['audio', 'streaming']],
  ['Stato civile', 'Celebrazione di matrimonio civile', ['allestimento floreale']],
  ['Ufficio Turismo', 'Incontro con gli operatori turistici', ['audio', 'catering']],
];

const pad = (n: number) => String(n).padStart(2, '0');
const dayPlus = (day: string, n: number): string => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
const weekday = (day: string): number => new Date(`${day}T00:00:00Z`).getUTCDay();

/** Seeds the agenda; a room clash or an impossible time is skipped, as a clerk would. */
export async function seedAgendaDemo(desk: Desk, today = romeDate(new Date())): Promise<{ events: number }> {
  const rnd = seededRandom(5_2026);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const token = ((await desk.call('auth.login', { username: 'segreteria', password: demoPassword }, {})) as { token: string }).token;
  const call: Call = async <T>(name: string, input: unknown) => (await desk.call(name, input, { token })) as T;
  await desk.syncNow();
  let events = 0;
  const create = async (input: Record<string, unknown>): Promise<AgendaEventDto | null> => {
    try {
      const res = await call<{ event: AgendaEventDto }>('agenda.create', input);
      events++;
      return res.event;
    } catch (err) {
      if (err instanceof AppError && (err.code === 'CONFLICT' || err.code === 'VALIDATION')) return null;
      throw err;
    }
  };

  const people = await call<AgendaPersonDto[]>('agenda.people', {});
  const found = people.find((p) => p.role === 'sindaco');
  const mayor = await call<AgendaPersonDto>('agenda.upsertPerson', { id: found?.id, name: 'Marco Gallo', role: 'sindaco', title: 'Sindaco' });
  const team: AgendaPersonDto[] = [];
  for (const a of assessori) team.push(await call<AgendaPersonDto>('agenda.upsertPerson', a));
  const roomRows: RoomDto[] = [];
  for (const r of rooms) roomRows.push(await call<RoomDto>('agenda.upsertRoom', { ...r, services: [...r.services] }));
  const room = (i: number) => roomRows[i]!.id;

  // The weekly Giunta: Tuesdays at 09:00 in the Sala Giunta, with the Assessori.
  const from = dayPlus(today, -30);
  let firstTuesday = from;
  while (weekday(firstTuesday) !== 2) firstTuesday = dayPlus(firstTuesday, 1);
  await create({
    kind: 'giunta', title: 'Riunione di Giunta', start: `${firstTuesday}T09:00`, end: `${firstTuesday}T11:00`, rrule: 'FREQ=WEEKLY;BYDAY=TU',
    agendaOf: mayor.id, roomId: room(1), staffContact: staff[0],
    participants: team.map((p) => ({ kind: 'persona_agenda', id: p.id, name: p.name, role: p.title })),
    notes: "Ordine del giorno trasmesso dal Segretario generale il venerdì precedente.",
  });

  // A foreign delegation (indicators of issue 4), booked before the rooms fill up.
  const visit = dayPlus(today, 9);
  await create({
    kind: 'visita_delegazione', title: 'Visita della delegazione della città gemellata di Lione', start: `${visit}T10:00`, end: `${visit}T12:00`,
    agendaOf: mayor.id, roomId: room(2), counterpart: 'Delegazione della Ville de Lyon', foreign: true, visibility: 'pubblico', services: ['interpretariato'],
    staffContact: staff[1], notes: 'Scambio dei doni nella Sala degli Specchi; interprete francese prenotato.',
  });

  // A working day of the Mayor: one to three engagements, sometimes a private one.
  for (let i = 0; i <= 60; i++) {
    const day = dayPlus(from, i);
    if (weekday(day) === 0) continue;
    const slots = weekday(day) === 6 ? [10] : [11, 15, 17].filter(() => rnd() < 0.6);
    for (const hour of slots) {
      const [kind, title, where, counterpart] = pick(engagements);
      await create({
        kind, title, start: `${day}T${pad(hour)}:00`, end: `${day}T${pad(hour + 1)}:${rnd() < 0.5 ? '00' : '30'}`, agendaOf: mayor.id,
        roomId: typeof where === 'number' ? room(where) : null, address: typeof where === 'string' ? where : null, counterpart,
        staffContact: rnd() < 0.7 ? pick(staff) : null, notes: rnd() < 0.4 ? 'Portare la cartella con la documentazione preparata dagli uffici.' : null,
      });
    }
    if (rnd() < 0.15) {
      await create({ kind: 'impegno_privato', title: pick(privateOnes), start: `${day}T13:00`, end: `${day}T14:00`, agendaOf: mayor.id, notes: 'Non comunicare a terzi.' });
    }
    // Rooms booked by other offices, with organiser and services.
    if (weekday(day) !== 6 && rnd() < 0.5) {
      const [organiser, title, services] = pick(otherOffices);
      const hour = pick([9, 14, 16]);
      await create({
        kind: 'prenotazione_sala', title, start: `${day}T${pad(hour)}:00`, end: `${day}T${pad(hour + 2)}:00`, agendaOf: null,
        roomId: room(title.includes('matrimonio') ? 2 : pick([0, 2, 3])), organiser, services: [...services], visibility: 'interno',
      });
    }
  }

  // An engagement handed to an Assessora.
  const festival = dayPlus(today, 4);
  const handed = await create({
    kind: 'evento_pubblico', title: 'Apertura del festival «Libri in piazza»', start: `${festival}T18:00`, end: `${festival}T19:30`,
    agendaOf: mayor.id, address: 'Piazza del Mercato', counterpart: 'Associazione Libri in piazza',
  });
  if (handed) await call('agenda.delegate', { id: handed.id, toPersonId: team[1]!.id, note: 'Il Sindaco è in missione a Roma.' });

  // The year's ceremonies (and next year's, when the two months cross New Year).
  if ((await call<CeremonyTemplateDto[]>('agenda.templates', {})).length === 0) {
    for (const t of defaultCeremonyTemplates) await call('agenda.upsertTemplate', t);
  }
  for (const year of new Set([Number(from.slice(0, 4)), Number(dayPlus(from, 60).slice(0, 4))])) {
    events += (await call<{ created: number }>('agenda.instantiateTemplates', { year, agendaOf: mayor.id })).created;
  }

  // Invitations: a few to decide, one accepted (its engagement is in the agenda), one declined.
  const invitations = [
    ['Pro Loco di Esempio', 'Sagra d’autunno: taglio del nastro', 12, 'Piazza Garibaldi'],
    ['Istituto comprensivo Nord', 'Festa di fine anno scolastico', 18, 'Cortile della scuola, via delle Scuole 4'],
    ['Associazione Nazionale Alpini', 'Raduno sezionale', 22, 'Monumento ai caduti'],
    ['Camera di commercio', 'Presentazione del rapporto sull’economia locale', 6, 'Sala convegni della Camera di commercio'],
    ['Rotary Club Esempio', 'Serata di beneficenza', 15, 'Villa Comunale'],
    ['Comitato di quartiere San Rocco', 'Inaugurazione del giardino condiviso', 26, 'Via San Rocco'],
  ] as const;
  const recorded: InvitationDto[] = [];
  for (const [name, title, inDays, place] of invitations) {
    const day = dayPlus(today, inDays);
    recorded.push(await call<InvitationDto>('invitations.record', { from: { name }, title, eventStart: `${day}T19:00`, eventEnd: `${day}T20:30`, place, notes: null }));
  }
  await call('invitations.decide', { id: recorded[3]!.id, decision: 'accetta', note: null });
  await call('invitations.decide', { id: recorded[4]!.id, decision: 'declina', note: 'Concomitanza con il Consiglio comunale.' });
  return { events };
}
