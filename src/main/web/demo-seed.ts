import type { Desk } from '../core/desk';
import { seededRandom } from '../../shared/domain/seeded-random';
import type { Contact, ContactCreateResult, Direction, Office, RegisterInput } from '../../shared/contract';
import {
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
  streets,
} from './demo-data';

/**
 * `npm run web -- --demo`: seeds "Comune di Esempio" through the desk's own procedures (the same
 * validation and write path as a clerk), so the demo is also a smoke test of the whole chain.
 * Does nothing if the administration is already configured.
 */
export async function seedDemo(desk: Desk, entries = 300): Promise<{ entries: number } | null> {
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
    await desk.call('protocol.register', input, { token: clerk });
  }
  return { entries };
}

async function login(desk: Desk, username: string): Promise<string> {
  const res = (await desk.call('auth.login', { username, password: demoPassword }, {})) as { token: string };
  return res.token;
}
