import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2eWorld, rpc, type Browser } from './support';
import { agendaPeople, seedAgenda, type AgendaFixture } from './agenda-support';
import { LoginPage } from './pages/LoginPage';
import { AgendaPage } from './pages/AgendaPage';
import { blocking, describeViolations, runAxe, type AxeViolation } from './axe';
import { romeDate } from '../../src/shared/domain/time';

/**
 * axe-core on the agenda's screens (issue 5): the calendar in its four views, the engagement
 * form with a room conflict showing, the rooms grid, the invitations inbox and the agenda's
 * administration tabs. No violation of impact serious or critical (WCAG 2.1 AA).
 */
let world: E2eWorld;
let b: Browser & { foreign: string[] };
let fx: AgendaFixture;
const report: Record<string, AxeViolation[]> = {};
const today = romeDate(new Date());

async function check(screen: string): Promise<void> {
  const { violations, passedRules } = await runAxe(b.page);
  expect(passedRules).toBeGreaterThan(10);
  report[screen] = violations;
  const serious = blocking(violations);
  expect(serious, describeViolations(screen, serious)).toEqual([]);
}

beforeAll(async () => {
  world = await E2eWorld.start();
  fx = await seedAgenda(world.url);
  const at = (h: number) => `${today}T${String(h).padStart(2, '0')}:00`;
  await rpc(world.url, 'agenda.create', { kind: 'giunta', title: 'Giunta comunale', start: at(9), end: at(10), rrule: 'FREQ=WEEKLY', agendaOf: fx.sindaco.id, roomId: fx.giunta.id }, fx.token);
  await rpc(world.url, 'agenda.create', { kind: 'impegno_privato', title: 'Visita medica', start: at(12), end: at(13), agendaOf: fx.sindaco.id }, fx.token);
  await rpc(world.url, 'agenda.create', { kind: 'prenotazione_sala', title: 'Corso di formazione', start: at(15), end: at(17), roomId: fx.consiglio.id, organiser: 'Ufficio Personale' }, fx.token);
  await rpc(world.url, 'invitations.record', { from: { name: 'Pro Loco' }, title: 'Sagra del tartufo', eventStart: at(18), eventEnd: at(20), place: 'Piazza Grande' }, fx.token);
  b = await world.browser({ bypassCSP: true });
  await world.open(b.page, '#/agenda');
  await new LoginPage(b.page).login(agendaPeople.segreteria.username, agendaPeople.segreteria.password);
});
afterAll(async () => {
  const minor = Object.entries(report).flatMap(([s, v]) => v.filter((x) => !blocking([x]).length).map((x) => `${s}: [${x.impact}] ${x.id}`));
  if (minor.length) console.info(`axe, violazioni minori:\n${minor.join('\n')}`);
  await world?.close();
});

describe('accessibility of the agenda screens (axe-core)', () => {
  it('agenda in its week, day, month and list views', async () => {
    const agenda = new AgendaPage(b.page);
    await agenda.heading().waitFor();
    await agenda.loaded();
    await agenda.event('Giunta comunale').first().waitFor();
    await check('Agenda, settimana');
    for (const view of ['Giorno', 'Mese', 'Elenco'] as const) {
      await agenda.view(view);
      await check(`Agenda, ${view.toLowerCase()}`);
    }
    await agenda.view('Settimana');
  });

  it('engagement form, with a room conflict and the recurrence described', async () => {
    const agenda = new AgendaPage(b.page);
    await agenda.newEvent();
    const d = agenda.dialog();
    await d.getByLabel('Titolo', { exact: true }).fill('Incontro con le associazioni');
    await d.getByLabel('Inizio', { exact: true }).fill(`${today}T15:30`);
    await d.getByLabel('Fine', { exact: true }).fill(`${today}T16:30`);
    await d.getByLabel('Sala', { exact: true }).selectOption({ label: 'Sala del Consiglio (80 posti)' });
    await d.getByLabel('Ripetizione', { exact: true }).selectOption({ label: 'Ogni mese' });
    await d.locator('.g-conflicts .alert-danger').waitFor();
    await check('Nuovo impegno (conflitto di sala)');
    await d.getByRole('button', { name: 'Annulla' }).click();
  });

  it('an existing engagement, with delegation and deletion', async () => {
    const agenda = new AgendaPage(b.page);
    await agenda.event('Giunta comunale').first().click();
    await agenda.dialog().getByRole('heading', { name: 'Delega a…' }).or(agenda.dialog().getByText('Delega a…')).first().waitFor();
    await check('Modifica impegno');
    await agenda.dialog().getByRole('button', { name: 'Annulla' }).click();
  });

  it('rooms, one column a room', async () => {
    await world.open(b.page, '#/sale');
    await b.page.locator('table.g-rooms button.g-booking', { hasText: 'Corso di formazione' }).waitFor();
    await check('Sale, giorno');
    await b.page.getByRole('group', { name: 'Vista' }).getByRole('button', { name: 'Settimana' }).click();
    await b.page.locator('table.g-rooms button.g-booking', { hasText: 'Corso di formazione' }).waitFor();
    await check('Sale, settimana');
  });

  it('invitations inbox and the decision dialog', async () => {
    await world.open(b.page, '#/inviti');
    await b.page.locator('table.g-inv-table tbody tr', { hasText: 'Sagra del tartufo' }).waitFor();
    await check('Inviti');
    await b.page.getByRole('button', { name: 'Delega «Sagra del tartufo»' }).click();
    await b.page.locator('dialog[open]').getByLabel('Delega a').waitFor();
    await check('Inviti, delega');
    await b.page.locator('dialog[open]').getByRole('button', { name: 'Annulla' }).click();
  });

  it('administration: rooms, agendas, ceremonies', async () => {
    await world.open(b.page, '#/agenda');
    await b.page.getByRole('button', { name: 'Esci' }).click();
    await world.open(b.page, '#/amministrazione/sale');
    await new LoginPage(b.page).login('admin', agendaPeople.segreteria.password);
    await b.page.getByRole('cell', { name: 'Sala del Consiglio', exact: true }).waitFor();
    await check('Amministrazione, sale');
    await world.open(b.page, '#/amministrazione/agende');
    await b.page.getByRole('cell', { name: 'Elena Conti', exact: true }).waitFor();
    await check('Amministrazione, agende');
    await world.open(b.page, '#/amministrazione/cerimonie');
    await b.page.locator('table tbody tr').first().waitFor();
    await check('Amministrazione, cerimonie');
  });
});
