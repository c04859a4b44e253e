import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Response } from 'playwright-core';
import { E2eWorld, rpc, type Browser } from './support';
import { agendaPeople, eventually, rangeOf, seedAgenda, type AgendaFixture } from './agenda-support';
import { LoginPage } from './pages/LoginPage';
import { AppShellPage } from './pages/AppShellPage';
import { AgendaPage, EventFormPage } from './pages/AgendaPage';
import { AgendaRoomsPage } from './pages/AgendaRoomsPage';
import { AgendaInvitationsPage } from './pages/AgendaInvitationsPage';
import { pdfText } from '../helpers/pdf';
import { romeDate } from '../../src/shared/domain/time';
import type { AgendaEventDto, GeneratedFile, InvitationDto } from '../../src/shared/contract';

/**
 * The agenda screens in Chromium (issue 5): a weekly Giunta created in the form, one occurrence
 * moved by dragging it with the mouse, a room booked over another office's booking (refused,
 * then forced with a reason), an invitation accepted and found in the agenda, and the day sheet
 * printed (the PDF the desk produced lists the day's engagements).
 */
let world: E2eWorld;
let b: Browser & { foreign: string[] };
let fx: AgendaFixture;

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const today = romeDate(new Date());
const monday = addDays(today, -((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7));
const tuesday = addDays(monday, 1);
const thursday = addDays(monday, 3);
const friday = addDays(monday, 4);

/** The agenda's sections in the navigation (AppShellPage knows the protocol ones). */
const goTo = (section: 'Agenda' | 'Sale' | 'Inviti') => b.page.getByRole('navigation', { name: 'Sezioni' }).getByRole('link', { name: section, exact: true }).click();

beforeAll(async () => {
  world = await E2eWorld.start();
  fx = await seedAgenda(world.url);
  b = await world.browser();
  await world.open(b.page, '#/agenda');
  await new LoginPage(b.page).login(agendaPeople.segreteria.username, agendaPeople.segreteria.password);
  await new AppShellPage(b.page).userBadge(agendaPeople.segreteria.fullName).waitFor();
});
afterAll(async () => {
  await world?.close();
});

describe('agenda (Chromium)', () => {
  it('creates a weekly Giunta from the form and shows it every week', async () => {
    const agenda = new AgendaPage(b.page);
    await agenda.heading().waitFor();
    await agenda.loaded();
    await agenda.newEvent();
    const form = new EventFormPage(b.page);
    await form.choose('Tipo', 'Riunione di Giunta');
    await form.fill({ Titolo: 'Giunta comunale', Inizio: `${tuesday}T09:00`, Fine: `${tuesday}T10:00` });
    await form.choose('Agenda di', 'Marco Galli — Sindaco');
    await form.choose('Sala', 'Sala Giunta (20 posti)');
    await form.choose('Ripetizione', 'Ogni settimana');
    await expect.poll(() => form.rruleText().textContent()).toContain('Ogni settimana il martedì');
    await form.save();
    await agenda.notice().getByText('Impegno creato.').waitFor();

    await agenda.event('Giunta comunale').first().waitFor();
    await agenda.next();
    await agenda.event('Giunta comunale').first().waitFor();
    const weeks = await rangeOf(world.url, fx.token, `${monday}T00:00`, `${addDays(monday, 28)}T00:00`);
    const giunte = weeks.filter((o) => o.title === 'Giunta comunale');
    expect(giunte.map((o) => o.start)).toEqual([0, 7, 14, 21].map((n) => `${addDays(tuesday, n)}T09:00`));
    expect(giunte.every((o) => o.recurring && o.roomName === 'Sala Giunta' && o.agendaOfName === 'Marco Galli')).toBe(true);
  });

  it('moves one occurrence by dragging it, "solo questo"', async () => {
    const agenda = new AgendaPage(b.page);
    // Still on next week: drag next Tuesday's Giunta to Wednesday at 11:00.
    const nextTuesday = addDays(tuesday, 7);
    const nextWednesday = addDays(tuesday, 8);
    await agenda.dayColumn(nextTuesday).locator('.fc-event', { hasText: 'Giunta comunale' }).waitFor();
    await agenda.drag('Giunta comunale', nextWednesday, '11:00:00');
    const question = agenda.dialog();
    await question.getByText('fa parte di una serie').waitFor();
    await question.getByRole('button', { name: 'Solo questo' }).click();
    await agenda.notice().getByText('spostato').waitFor();

    const moved = await eventually(
      () => rangeOf(world.url, fx.token, `${monday}T00:00`, `${addDays(monday, 21)}T00:00`),
      (list) => list.some((o) => o.title === 'Giunta comunale' && o.start === `${nextWednesday}T11:00`),
      'occorrenza spostata',
    );
    const giunte = moved.filter((o) => o.title === 'Giunta comunale').map((o) => `${o.start}–${o.end.slice(11)}`);
    // Only that occurrence moved, with its duration; the weeks around it keep their Tuesday.
    expect(giunte).toEqual([`${tuesday}T09:00–10:00`, `${nextWednesday}T11:00–12:00`, `${addDays(tuesday, 14)}T09:00–10:00`]);
    await agenda.dayColumn(nextWednesday).locator('.fc-event', { hasText: 'Giunta comunale' }).waitFor();
    expect(await agenda.dayColumn(nextTuesday).locator('.fc-event', { hasText: 'Giunta comunale' }).count()).toBe(0);
  });

  it('books a room, hits a conflict and forces it with a reason', async () => {
    // Another office holds the Sala del Consiglio on Thursday afternoon.
    await rpc(world.url, 'agenda.create', {
      kind: 'prenotazione_sala', title: 'Corso di formazione', start: `${thursday}T15:00`, end: `${thursday}T17:00`, roomId: fx.consiglio.id, organiser: 'Ufficio Personale',
    }, fx.token);
    const { page } = b;
    await goTo('Sale');
    const rooms = new AgendaRoomsPage(page);
    await rooms.heading().waitFor();
    await rooms.goToDay(thursday);
    await rooms.booking('Corso di formazione').waitFor();
    await page.getByRole('button', { name: 'Nuova prenotazione' }).click();
    const form = new EventFormPage(page);
    await form.fill({ Titolo: 'Conferenza stampa', Inizio: `${thursday}T16:00`, Fine: `${thursday}T17:30`, 'Ufficio o persona che organizza': 'Ufficio Stampa' });
    await form.choose('Sala', 'Sala del Consiglio (80 posti)');
    await page.locator('dialog[open]').locator('label', { hasText: 'audio' }).click();
    // The live check shows the clash, and saving without a reason is refused on the page.
    await form.roomConflict().getByText('Corso di formazione').waitFor();
    await form.save();
    await page.locator('dialog[open]').getByText('scrivi il motivo per forzare').waitFor();
    await page.locator('dialog[open]').getByLabel('Motivo della doppia prenotazione').fill('Conferenza convocata dal Sindaco, il corso cede la sala');
    await form.save();
    await rooms.notice().getByText('Prenotazione registrata.').waitFor();
    await rooms.booking('Conferenza stampa').waitFor();

    const list = await rangeOf(world.url, fx.token, `${thursday}T00:00`, `${addDays(thursday, 1)}T00:00`);
    const booking = list.find((o) => o.title === 'Conferenza stampa');
    expect(booking).toMatchObject({ kind: 'prenotazione_sala', roomName: 'Sala del Consiglio', organiser: 'Ufficio Stampa', roomOverride: true, agendaOf: null });
    const stored = await rpc<AgendaEventDto>(world.url, 'agenda.get', { id: booking!.eventId }, fx.token);
    expect(stored.roomOverride?.reason).toBe('Conferenza convocata dal Sindaco, il corso cede la sala');
    expect(stored.services).toEqual(['audio']);
  });

  it('records an invitation without protocol, accepts it and finds the engagement in the agenda', async () => {
    const { page } = b;
    await goTo('Inviti');
    const inbox = new AgendaInvitationsPage(page);
    await inbox.heading().waitFor();
    await page.getByRole('button', { name: 'Registra invito' }).click();
    const dialog = page.locator('dialog[open]');
    await dialog.getByLabel('Senza protocollo (art. 53 c.5 DPR 445/2000)').check();
    await dialog.getByLabel('Da (chi invita)').fill('Pro Loco di Roccabella');
    await dialog.getByLabel("Titolo dell'evento").fill('Inaugurazione della mostra sul Novecento');
    await dialog.getByLabel('Inizio').fill(`${friday}T18:00`);
    await dialog.getByLabel('Fine').fill(`${friday}T20:00`);
    await dialog.getByLabel('Luogo').fill('Palazzo Civico, piano nobile');
    await dialog.getByRole('button', { name: 'Registra invito' }).click();
    await inbox.row('Inaugurazione della mostra').getByText('Da decidere').waitFor();

    await inbox.decide('Inaugurazione della mostra sul Novecento', 'Accetta');
    await inbox.notice().getByText('Invito accettato').waitFor();
    await inbox.row('Inaugurazione della mostra').getByText('Accettato').waitFor();
    const [inv] = (await rpc<InvitationDto[]>(world.url, 'invitations.list', { state: 'accettato' }, fx.token)).filter((i) => i.title.startsWith('Inaugurazione'));
    expect(inv?.eventId).toBeTruthy();

    await inbox.row('Inaugurazione della mostra').getByRole('button', { name: /Vedi .* in agenda/ }).click();
    const agenda = new AgendaPage(page);
    await agenda.heading().waitFor();
    await agenda.loaded();
    await agenda.event('Inaugurazione della mostra sul Novecento').waitFor();
    const friday18 = (await rangeOf(world.url, fx.token, `${friday}T00:00`, `${addDays(friday, 1)}T00:00`)).find((o) => o.eventId === inv!.eventId);
    expect(friday18).toMatchObject({ start: `${friday}T18:00`, end: `${friday}T20:00`, agendaOfName: 'Marco Galli' });
  });

  it('prints the day sheet: the PDF lists the day’s engagements', async () => {
    const { page } = b;
    const agenda = new AgendaPage(page);
    await page.getByRole('button', { name: 'Foglio di servizio' }).click();
    const dialog = page.locator('dialog[open]');
    await dialog.getByLabel('Giorno').fill(tuesday);
    const replied = page.waitForResponse((r: Response) => r.url().endsWith('/rpc/agenda.daySheet') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: 'Stampa foglio' }).click();
    const file = (await (await replied).json()) as GeneratedFile;
    await dialog.getByText('Foglio di servizio pronto').waitFor();
    expect(file.mimeType).toBe('application/pdf');
    const text = (await pdfText(new Uint8Array(Buffer.from(file.base64, 'base64')))).replace(/\s+/g, ' ');
    expect(text).toContain('Giunta comunale');
    expect(text).toContain('09:00');
    expect(text).not.toContain('Inaugurazione della mostra');
    await dialog.getByRole('button', { name: 'Chiudi' }).click();
    await agenda.heading().waitFor();
    expect(b.foreign).toEqual([]);
  });

  it('works from the keyboard: PagGiù/PagSu/O, Enter on an engagement, then "Delega a…"', async () => {
    const { page } = b;
    const agenda = new AgendaPage(page);
    await agenda.heading().click();
    await page.keyboard.press('s');
    await page.keyboard.press('o');
    await agenda.loaded();
    const thisWeek = await agenda.rangeTitle().textContent();
    await page.keyboard.press('PageDown');
    await expect.poll(() => agenda.rangeTitle().textContent()).not.toBe(thisWeek);
    await page.keyboard.press('PageUp');
    await expect.poll(() => agenda.rangeTitle().textContent()).toBe(thisWeek);
    await agenda.loaded();

    // Engagements are in the tab order and open with Enter.
    const giunta = agenda.dayColumn(tuesday).locator('.fc-event', { hasText: 'Giunta comunale' });
    expect(await giunta.getAttribute('tabindex')).toBe('0');
    await giunta.focus();
    await page.keyboard.press('Enter');
    const dialog = agenda.dialog();
    await dialog.getByRole('heading', { name: 'Modifica impegno' }).waitFor();
    await dialog.getByLabel('Chi rappresenta').selectOption({ label: 'Elena Conti — Assessore alla Cultura' });
    await dialog.getByRole('button', { name: 'Delega', exact: true }).click();
    await agenda.notice().getByText('Impegno delegato a Elena Conti').waitFor();
    await agenda.dayColumn(tuesday).locator('.fc-event', { hasText: 'in rappresentanza · Elena Conti' }).waitFor();
    const week = await rangeOf(world.url, fx.token, `${tuesday}T00:00`, `${addDays(tuesday, 9)}T00:00`);
    // Only this occurrence went to the Assessore; next week's Giunta is still the Mayor's.
    expect(week.filter((o) => o.title === 'Giunta comunale').map((o) => o.agendaOfName)).toEqual(['Elena Conti', 'Marco Galli']);
  });
});
