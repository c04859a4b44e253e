import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2eWorld, registerViaRpc, rpc, type Browser, type SeededEntry } from './support';
import { agendaPeople, eventually, rangeOf, seedAgenda, type AgendaFixture } from './agenda-support';
import { LoginPage } from './pages/LoginPage';
import { AppShellPage } from './pages/AppShellPage';
import { AgendaPage } from './pages/AgendaPage';
import { AgendaInvitationsPage } from './pages/AgendaInvitationsPage';
import { romeDate } from '../../src/shared/domain/time';
import type { InvitationDto } from '../../src/shared/contract';

/**
 * Invitations end to end (issue 5): one recorded from its registered letter and declined, whose
 * reply is prepared in Registra and linked to the decision once registered; one delegated to an
 * Assessore, in her agenda; and a private engagement the ceremonial office sees as "Occupato".
 */
let world: E2eWorld;
let b: Browser & { foreign: string[] };
let fx: AgendaFixture;
let letter: SeededEntry;
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const today = romeDate(new Date());
const party = addDays(today, 2);

beforeAll(async () => {
  world = await E2eWorld.start();
  fx = await seedAgenda(world.url);
  letter = await registerViaRpc(world.url, fx.token, 'Invito alla Festa della Liberazione', 'Associazione Partigiani');
  b = await world.browser();
  await world.open(b.page, '#/inviti');
  await new LoginPage(b.page).login(agendaPeople.segreteria.username, agendaPeople.segreteria.password);
  await new AppShellPage(b.page).userBadge(agendaPeople.segreteria.fullName).waitFor();
});
afterAll(async () => {
  await world?.close();
});

const invitation = async (title: string): Promise<InvitationDto> => {
  const found = (await rpc<InvitationDto[]>(world.url, 'invitations.list', {}, fx.token)).find((i) => i.title === title);
  if (!found) throw new Error(`Invito «${title}» non trovato`);
  return found;
};

describe('invitations (Chromium)', () => {
  it('records an invitation from its registered letter, declines it and links the reply registered in Registra', async () => {
    const { page } = b;
    const inbox = new AgendaInvitationsPage(page);
    await inbox.heading().waitFor();
    await page.getByRole('button', { name: 'Registra invito' }).click();
    const dialog = page.locator('dialog[open]');
    await dialog.getByRole('combobox', { name: "Registrazione dell'invito" }).fill('Festa della Liberazione');
    await dialog.getByRole('option', { name: /Invito alla Festa della Liberazione/ }).click();
    // The letter fills in the event's title and who invites.
    await expect.poll(() => dialog.getByLabel("Titolo dell'evento").inputValue()).toBe('Invito alla Festa della Liberazione');
    expect(await dialog.getByRole('combobox', { name: 'Da (chi invita)' }).inputValue()).toBe('Associazione Partigiani');
    await dialog.getByLabel('Inizio').fill(`${party}T10:00`);
    await dialog.getByLabel('Fine').fill(`${party}T12:00`);
    await dialog.getByLabel('Luogo').fill('Monumento ai Caduti');
    await dialog.getByRole('button', { name: 'Registra invito' }).click();
    await inbox.row('Invito alla Festa della Liberazione').getByText('Da decidere').waitFor();
    expect(await invitation('Invito alla Festa della Liberazione')).toMatchObject({ entryId: letter.id, recordedWithoutProtocol: false, from: { name: 'Associazione Partigiani' } });

    await inbox.decide('Invito alla Festa della Liberazione', 'Declina');
    await inbox.row('Invito alla Festa della Liberazione').getByText('Declinato').waitFor();
    await inbox.row('Invito alla Festa della Liberazione').getByRole('button', { name: /Prepara lettera/ }).click();

    // Registra, prefilled with the reply; registering it links it to the decision.
    await page.getByText('Risposta a un invito').waitFor();
    const oggetto = await page.getByLabel('Oggetto').inputValue();
    expect(oggetto).toContain("Riscontro all'invito «Invito alla Festa della Liberazione»");
    await page.getByRole('button', { name: /^Registra/ }).last().click();
    await page.getByText("Lettera collegata all'invito").waitFor();
    const declined = await invitation('Invito alla Festa della Liberazione');
    expect(declined.state).toBe('declinato');
    expect(declined.decision?.letterEntryId).toBeTruthy();
    expect(declined.decision?.letterEntryId).not.toBe(letter.id);
  });

  it('delegates an invitation to an Assessore: the engagement is in her agenda', async () => {
    await rpc(world.url, 'invitations.record', { from: { name: 'Biblioteca civica' }, title: 'Premiazione del concorso di poesia', eventStart: `${party}T17:00`, eventEnd: `${party}T18:30`, place: 'Biblioteca civica' }, fx.token);
    const { page } = b;
    await world.open(page, '#/inviti');
    const inbox = new AgendaInvitationsPage(page);
    await inbox.row('Premiazione del concorso di poesia').getByRole('button', { name: 'Delega «Premiazione del concorso di poesia»' }).click();
    const dialog = page.locator('dialog[open]');
    await dialog.getByLabel('Delega a').selectOption({ label: 'Elena Conti — Assessore alla Cultura' });
    await dialog.getByRole('button', { name: 'Delega', exact: true }).click();
    await inbox.notice().getByText('Invito delegato a Elena Conti').waitFor();
    await inbox.row('Premiazione del concorso di poesia').getByText('Delegato').waitFor();
    const inv = await invitation('Premiazione del concorso di poesia');
    const occ = await eventually(() => rangeOf(world.url, fx.token, `${party}T00:00`, `${addDays(party, 1)}T00:00`), (l) => l.some((o) => o.eventId === inv.eventId), 'impegno delegato');
    expect(occ.find((o) => o.eventId === inv.eventId)).toMatchObject({ agendaOfName: 'Elena Conti', start: `${party}T17:00` });
  });

  it('shows a private engagement as "Occupato" to the ceremonial office', async () => {
    await rpc(world.url, 'agenda.create', { kind: 'impegno_privato', title: 'Visita medica del Sindaco', start: `${today}T08:00`, end: `${today}T09:00`, agendaOf: fx.sindaco.id }, fx.token);
    const { page } = b;
    await page.getByRole('button', { name: 'Esci' }).click();
    await world.open(page, '#/agenda');
    await new LoginPage(page).login(agendaPeople.cerimoniale.username, agendaPeople.cerimoniale.password);
    const agenda = new AgendaPage(page);
    await agenda.heading().waitFor();
    await agenda.view('Giorno');
    await agenda.event('Occupato').waitFor();
    expect(await page.locator('.g-agenda-cal').textContent()).not.toContain('Visita medica');
    await agenda.event('Occupato').click();
    await agenda.dialog().getByText('il dettaglio è riservato alla segreteria').waitFor();
    expect(b.foreign).toEqual([]);
  });
});
