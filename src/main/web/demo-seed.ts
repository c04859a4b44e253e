import type { Desk } from '../core/desk';
import { seedAgendaDemo } from './demo-agenda';
import { seededRandom } from '../../shared/domain/seeded-random';
import type { CaseDto, Contact, ContactCreateResult, Direction, Office, OutputOf, ProtocolEntry, RegisterInput, RegisterResult } from '../../shared/contract';
import { addDays } from '../../shared/domain/cases/holidays';
import { romeDate } from '../../shared/domain/time';
import {
  caseNotes,
  caseTypeBySubject,
  classificationsBySubject,
  demoAdministrations,
  demoCompanies,
  demoOffices,
  demoOrganisation,
  demoPassword,
  demoUsers,
  firstNames,
  incomingSubjects,
  internalSubjects,
  lastNames,
  outgoingSubjects,
  patronageEvents,
  signatureTitles,
  streets,
} from './demo-data';

/**
 * `npm run web -- --demo`: seeds "Comune di Esempio" through the desk's own procedures (the same
 * validation and write path as a clerk), so the demo is also a smoke test of the whole chain.
 * Does nothing if the administration is already configured.
 */
export async function seedDemo(desk: Desk, entries = 300): Promise<{ entries: number; cases: number } | null> {
  const status = (await desk.call('setup.status', {}, {})) as { initialized: boolean };
  if (status.initialized) return null;
  const rnd = seededRandom(20261123);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

  await desk.call('setup.initialize', { ...demoOrganisation, admin: { ...demoUsers[0], password: demoPassword } }, {});
  const admin = await login(desk, 'admin');
  const offices: Office[] = [];
  for (const [code, name] of demoOffices) offices.push((await desk.call('offices.upsert', { code, name }, { token: admin })) as Office);
  for (const u of demoUsers.slice(1)) {
    await desk.call('users.create', { ...u, roles: [...u.roles], password: demoPassword, officeId: offices[0]!.id }, { token: admin });
  }

  const clerk = await login(desk, 'protocollo');
  const contacts: Contact[] = [];
  const addContact = async (input: Record<string, unknown>) => {
    const res = (await desk.call('directory.create', { ...input, ignoreDuplicates: true }, { token: clerk })) as ContactCreateResult;
    if (res.created) contacts.push(res.created);
  };
  for (let i = 0; i < 60; i++) {
    const firstName = pick(firstNames);
    const lastName = pick(lastNames);
    const mail = `${firstName}.${lastName}${i}`.toLowerCase().replace(/[^a-z0-9.]/g, '');
    await addContact({
      kind: 'persona', name: `${lastName} ${firstName}`, firstName, lastName,
      email: `${mail}@esempio-mail.it`, address: `${pick(streets)} ${1 + Math.floor(rnd() * 120)}`, postalCode: '20999', city: 'Esempio', province: 'ES',
    });
  }
  for (const name of demoCompanies) {
    const slug = name.toLowerCase().replace(/[^a-z]+/g, '').slice(0, 18);
    await addContact({ kind: 'impresa', name, pec: `${slug}@pec.it`, city: 'Esempio', province: 'ES' });
  }
  for (const [name, ipaCode, pec] of demoAdministrations) await addContact({ kind: 'pa', name, ipaCode, pec });

  const year = new Date().getFullYear();
  const letters: ProtocolEntry[] = [];
  for (let i = 0; i < entries; i++) {
    const direction: Direction = rnd() < 0.62 ? 'entrata' : rnd() < 0.85 ? 'uscita' : 'interno';
    const template = pick(direction === 'entrata' ? incomingSubjects : direction === 'uscita' ? outgoingSubjects : internalSubjects);
    const oggetto = template
      .replace('{street}', pick(streets))
      .replace('{n}', String(1 + Math.floor(rnd() * 900)))
      .replace('{y}', String(year - Math.floor(rnd() * 2)))
      .replace('{d}', `${1 + Math.floor(rnd() * 28)}/${1 + Math.floor(rnd() * 12)}/${year}`);
    const recipients = direction === 'entrata' ? 1 : 1 + Math.floor(rnd() * 2);
    const input: Partial<RegisterInput> & Record<string, unknown> = {
      direction,
      oggetto,
      correspondents: Array.from({ length: recipients }, () => ({ contactId: pick(contacts).id })),
      means: direction === 'interno' ? 'interno' : pick(['pec', 'email', 'posta_ordinaria', 'raccomandata_ar', 'a_mano'] as const),
      classificationCode: pick(classificationsBySubject),
      assignments: [{ assigneeType: 'ufficio', assigneeId: pick(offices).id, kind: 'competenza' }],
      riservato: rnd() < 0.05,
      ...(direction === 'entrata' && rnd() < 0.4 ? { receivedDocNumber: `${Math.floor(rnd() * 9000)}`, receivedDocDate: `${year}-01-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}` } : {}),
    };
    const registered = (await desk.call('protocol.register', input, { token: clerk })) as RegisterResult;
    if (direction === 'entrata') letters.push(registered.entry);
  }
  const cases = await seedCases(desk, letters, offices, pick, rnd);
  await seedAgendaDemo(desk);
  return { entries, cases };
}

/**
 * Issue 4: ~60 cases opened from the incoming letters, in every state, received over the last
 * eight weeks (so some terms have run out), with patronage requests, hearings, replies and a few
 * documents in the libro firma: `--demo` shows a living desk. Every step goes through the
 * desk's own procedures, as a clerk's would.
 */
async function seedCases(desk: Desk, letters: ProtocolEntry[], offices: Office[], pick: <T>(xs: readonly T[]) => T, rnd: () => number): Promise<number> {
  const today = romeDate(new Date());
  const [work, boss, clerk] = [await login(desk, 'segreteria'), await login(desk, 'responsabile'), await login(desk, 'protocollo')];
  const call = async <T = CaseDto>(name: string, input: unknown, token = work) => (await desk.call(name, input, { token })) as T;
  // Every demo user works at the Segreteria del Sindaco: what is assigned there is on their desk.
  const home = offices[0]!;
  const chosen = letters.slice(0, 60);
  const forSignature: CaseDto[] = [];
  for (const [i, letter] of chosen.entries()) {
    const typeCode = caseTypeBySubject.find(([re]) => re.test(letter.oggetto))?.[1] ?? 'istanza';
    const age = Math.floor(rnd() * 56);
    const receivedOn = addDays(today, -age);
    const [eventTitle, place] = pick(patronageEvents);
    const patronage = typeCode === 'patrocinio' ? { eventTitle, place, eventDate: addDays(receivedOn, 4 + Math.floor(rnd() * 45)) } : undefined;
    const c = await call('cases.open', { typeCode, entryId: letter.id, receivedOn, priority: rnd() < 0.15 ? 'urgente' : 'normale', ...(patronage ? { patronage } : {}) });
    const stage = i % 10; // 0–1 ricevuta, 2 assegnata, 3–4 in istruttoria, 5 sospesa, 6 risposta in preparazione, 7–9 chiuse
    if (stage <= 1) continue;
    const office = stage === 2 && i % 4 === 2 ? pick(offices.slice(1)) : home;
    await call('cases.assign', { caseId: c.id, kind: 'competenza', assigneeType: 'ufficio', assigneeId: office.id });
    if (stage === 2) continue;
    await call('cases.takeCharge', { caseId: c.id }, i % 3 === 0 ? boss : work);
    if (rnd() < 0.4) await call('cases.addNote', { caseId: c.id, text: pick(caseNotes).replace('{y}', String(Number(today.slice(0, 4)) - 1)) });
    if (patronage) await call('cases.updatePatronage', { caseId: c.id, checklist: { finalita: true, date: true, luoghi: true, ...(stage >= 6 ? { materiale_promozionale: true, assenza_scopo_lucro: true, dichiarazione: true } : {}) } });
    if (typeCode === 'udienza') await call('cases.advanceHearing', { caseId: c.id, to: 'istruttoria' });
    if (stage === 3 || stage === 4) {
      if (forSignature.length < 6) forSignature.push(c);
      continue;
    }
    if (stage === 5) {
      const from = addDays(receivedOn, Math.min(age, 4));
      await call('cases.suspend', { caseId: c.id, reason: typeCode === 'accesso_civico_generalizzato' ? 'controinteressati' : 'parere', from });
      // Some suspensions are over: the term runs again, longer by the days it stood still.
      if (i % 20 === 5) await call('cases.resume', { caseId: c.id, on: addDays(from, Math.min(6, age - Math.min(age, 4))) });
      continue;
    }
    if (patronage && stage >= 7) await call('cases.decidePatronage', { caseId: c.id, by: 'sindaco', outcome: 'concesso', on: today, act: `Decreto sindacale n. ${10 + i}/${today.slice(0, 4)}` });
    if (stage === 6 || stage === 8) {
      const reply = await replyTo(desk, c, work, clerk);
      await call('cases.linkEntry', { caseId: c.id, entryId: reply.id, role: 'risposta' });
      if (stage === 8) await call('cases.replySent', { caseId: c.id, entryId: reply.id, sentOn: today, close: i % 20 !== 8 });
      continue;
    }
    await call('cases.close', { caseId: c.id, note: 'Definita per le vie brevi con il richiedente.' });
    if (stage === 9) await call('cases.archive', { caseId: c.id });
  }
  for (const [i, c] of forSignature.entries()) {
    const item = await call<{ id: string }>('signature.submit', { title: signatureTitles[i % signatureTitles.length], caseId: c.id, officeId: home.id, priority: i === 0 ? 'urgentissima' : i < 3 ? 'urgente' : 'normale', notes: i % 2 ? 'Da firmare entro venerdì.' : null });
    if (i === 4) await call('signature.decide', { id: item.id, outcome: 'firmato' });
    if (i === 5) await call('signature.decide', { id: item.id, outcome: 'chiarimenti', clarification: 'Indicare gli estremi della delibera richiamata.' });
  }
  return chosen.length;
}

/** Registers the outgoing reply the case's reply draft describes (to the requester). */
async function replyTo(desk: Desk, c: CaseDto, work: string, clerk: string): Promise<ProtocolEntry> {
  const draft = (await desk.call('cases.replyDraft', { caseId: c.id }, { token: work })) as OutputOf<'cases.replyDraft'>;
  const correspondents = draft.correspondents.map((x) => (x.contactId ? { contactId: x.contactId } : { newContact: { kind: x.kind, name: x.name, ...(x.pec ? { pec: x.pec } : {}) } }));
  const input = { direction: 'uscita', oggetto: draft.oggetto, correspondents, means: 'pec', classificationCode: draft.classificationCode };
  return ((await desk.call('protocol.register', input, { token: clerk })) as RegisterResult).entry;
}

async function login(desk: Desk, username: string): Promise<string> {
  const res = (await desk.call('auth.login', { username, password: demoPassword }, {})) as { token: string };
  return res.token;
}
