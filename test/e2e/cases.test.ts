import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Response } from 'playwright-core';
import { E2eWorld, login, people, rpc, seedOrganisation, type Browser } from './support';
import { LoginPage } from './pages/LoginPage';
import { AppShellPage } from './pages/AppShellPage';
import { RegisterPage } from './pages/RegisterPage';
import { DetailPage } from './pages/DetailPage';
import { CasesPage } from './pages/CasesPage';
import { CaseDetailPage } from './pages/CaseDetailPage';
import { formatYearNumber } from '../../src/shared/domain/protocol-number';
import { addDays } from '../../src/shared/domain/cases/holidays';
import { romeDate } from '../../src/shared/domain/time';
import type { CaseDto, RegisterResult } from '../../src/shared/contract';

/**
 * Issue 4 in the browser: an incoming letter registered in Registra becomes a case ("Apri
 * pratica"), which is assigned, taken in charge, suspended and resumed; its reply is drafted
 * as an outgoing entry in Registra and linked back; the case closes. The counts on the desk
 * move at each step. Then the start-up reminder for an overdue case.
 */
let world: E2eWorld;
let b: Browser & { foreign: string[] };
let cases: CasesPage;
let detail: CaseDetailPage;

const sender = { kind: 'persona', name: 'Federica Gallo', email: 'federica.gallo@example.it', city: 'Roccabella' };
const oggetto = 'Richiesta di accesso agli atti della pratica edilizia n. 12/2025';
const isRpc = (name: string) => (r: Response) => r.url().endsWith(`/rpc/${name}`) && r.request().method() === 'POST';

beforeAll(async () => {
  world = await E2eWorld.start();
  await seedOrganisation(world.url);
  const clerk = await login(world.url, people.protocollista);
  await rpc(world.url, 'directory.create', sender, clerk);
  b = await world.browser();
  await world.open(b.page, '#/pratiche');
  await new LoginPage(b.page).login(people.protocollista.username, people.protocollista.password);
  await new AppShellPage(b.page).userBadge(people.protocollista.fullName).waitFor();
  cases = new CasesPage(b.page);
  detail = new CaseDetailPage(b.page);
});
afterAll(async () => {
  await world?.close();
});

describe('a case from the letter to the reply', () => {
  let entry: RegisterResult['entry'];
  let caseId: string;

  it('starts from an empty desk', async () => {
    await cases.heading().waitFor();
    await cases.status().filter({ hasText: 'Nessuna pratica trovata' }).waitFor();
    expect(await cases.counts()).toEqual({ overdue: 0, dueSoon: 0, suspended: 0, open: 0 });
  });

  it('registers the incoming letter in Registra', async () => {
    await new AppShellPage(b.page).goTo('Registra');
    const reg = new RegisterPage(b.page);
    await reg.form().waitFor();
    await reg.senderInput().focus();
    await reg.pickSenderWithArrows('Gallo', sender.name);
    await reg.oggetto().fill(oggetto);
    const registered = b.page.waitForResponse(isRpc('protocol.register'));
    await b.page.keyboard.press('Control+Enter');
    entry = ((await (await registered).json()) as RegisterResult).entry;
    await reg.bigNumber().waitFor();
  });

  it('opens a case from the entry in one action: type, confirm', async () => {
    await world.open(b.page, `#/registro/${entry.id}`);
    await new DetailPage(b.page).waitFor(formatYearNumber(entry.year, entry.number!));
    const panel = b.page.getByRole('region', { name: 'Pratiche', exact: true });
    await panel.getByText('Nessuna pratica raccoglie questa registrazione.').waitFor();
    await panel.getByRole('button', { name: 'Apri pratica' }).click();
    const form = b.page.getByRole('dialog').getByRole('form', { name: 'Apri pratica' });
    await form.getByLabel('Tipo di pratica').selectOption({ label: 'Accesso documentale (30 giorni)' });
    await form.getByRole('button', { name: 'Conferma apertura' }).click();

    await detail.waitFor(oggetto);
    caseId = decodeURIComponent(b.page.url().split('#/pratiche/')[1] ?? '');
    expect(await detail.state()).toBe('Ricevuta');
    // Received today: 30 days left, said in words (not only by the badge's colour).
    expect(await detail.term()).toContain('In termine — scade tra 30 giorni');
    expect(await b.page.locator('dl.g-dl').textContent()).toContain(sender.name);
    expect(await detail.linksTable().getByRole('row').nth(1).textContent()).toContain(formatYearNumber(entry.year, entry.number!));
    expect((await detail.timeline())[0]).toContain('Pratica aperta dalla registrazione');
  });

  it('shows the case on the entry it came from', async () => {
    await world.open(b.page, `#/registro/${entry.id}`);
    await b.page.getByRole('region', { name: 'Pratiche', exact: true }).getByRole('link', { name: oggetto }).click();
    await detail.waitFor(oggetto);
  });

  it('assigns the case per competenza, then takes it in charge', async () => {
    await detail.assign(people.protocollista.fullName, 'competenza');
    await detail.waitForState('Assegnata');
    await detail.actionStatus().filter({ hasText: 'Assegnazione registrata.' }).waitFor();

    await detail.act('Prendi in carico');
    await detail.waitForState('In istruttoria');
    // The button is gone with the state: the focus lands on the actions' heading, not on <body>.
    await b.page.waitForFunction(() => document.activeElement?.id === 'g-case-actions');
    expect(await detail.owner()).toBe(people.protocollista.fullName);
    expect(await b.page.getByRole('table', { name: 'Assegnazioni della pratica' }).textContent()).toContain('Presa in carico');

    // On my desk now: one open case, none suspended.
    await cases.goTo();
    await cases.waitForCounts({ open: 1, suspended: 0, overdue: 0 });
    await cases.row(oggetto).waitFor();
    expect(await cases.row(oggetto).textContent()).toContain('In istruttoria');
    await cases.open(oggetto);
    await detail.waitFor(oggetto);
  });

  it('suspends the term and resumes it; the desk counts the suspension', async () => {
    await detail.suspend('Acquisizione di pareri', 'Parere dell’Ufficio Tecnico');
    await detail.waitForState('Sospesa');
    expect(await detail.term()).toContain('Sospeso');
    await cases.goTo();
    await cases.waitForCounts({ open: 1, suspended: 1 });

    await cases.open(oggetto);
    await detail.waitFor(oggetto);
    await detail.resume();
    await detail.waitForState('In istruttoria');
    expect(await detail.term()).toContain('In termine');
    const lines = await detail.timeline();
    expect(lines[0]).toMatch(/ripres/i);
    expect(lines.some((l) => /sospes/i.test(l))).toBe(true);
  });

  it('drafts the reply as an outgoing entry in Registra and links it back', async () => {
    await detail.act('Prepara risposta');
    const reg = new RegisterPage(b.page);
    await reg.form().waitFor();
    await b.page.getByText(`Bozza di risposta alla pratica «${oggetto}»`).waitFor();
    // Prefilled: outgoing, to the requester, same oggetto.
    expect(await b.page.getByRole('radio', { name: /Uscita/ }).isChecked()).toBe(true);
    const replyOggetto = await reg.oggetto().inputValue();
    expect(replyOggetto).toContain(oggetto);
    expect(replyOggetto).toContain(formatYearNumber(entry.year, entry.number!));
    expect(await b.page.getByRole('list', { name: 'Destinatari scelti' }).textContent()).toContain(sender.name);

    const registered = b.page.waitForResponse(isRpc('protocol.register'));
    await reg.form().getByRole('button', { name: /^Registra/ }).click();
    const reply = ((await (await registered).json()) as RegisterResult).entry;
    expect(reply.direction).toBe('uscita');
    await b.page.getByText('Risposta collegata alla pratica').waitFor();

    await b.page.getByRole('link', { name: 'Torna alla pratica' }).click();
    await detail.waitFor(oggetto);
    await detail.waitForState('Risposta in preparazione');
    const links = await detail.linksTable().textContent();
    expect(links).toContain(formatYearNumber(reply.year, reply.number!));
    expect(links).toContain('Risposta');
  });

  it('records the reply as sent and closes the case; the desk is empty again', async () => {
    await detail.replySent(true);
    await detail.waitForState('Chiusa');
    expect(await detail.term()).toContain('Chiuso');
    const stored = await rpc<{ case: CaseDto }>(world.url, 'cases.get', { caseId }, await new AppShellPage(b.page).token());
    expect(stored.case.state).toBe('chiusa');
    expect(stored.case.closedOn).toBe(romeDate(new Date()));
    expect(stored.case.replyEntryId).not.toBeNull();

    await cases.goTo();
    await cases.waitForCounts({ open: 0, suspended: 0, overdue: 0, dueSoon: 0 });
    await cases.showAll(true);
    await cases.row(oggetto).waitFor();
    expect(await cases.row(oggetto).textContent()).toContain('Chiusa');
  });
});

describe('start-up reminder', () => {
  it('after login, says what is overdue with a link to the list, and can be dismissed', async () => {
    const clerk = await login(world.url, people.protocollista);
    const me = (await rpc<Array<{ id: string; username: string }>>(world.url, 'users.list', {}, clerk)).find((u) => u.username === people.protocollista.username)!;
    const late = await rpc<CaseDto>(world.url, 'cases.open', { typeCode: 'istanza', title: 'Istanza di rimborso della TARI', receivedOn: addDays(romeDate(new Date()), -40) }, clerk);
    await rpc(world.url, 'cases.assign', { caseId: late.id, kind: 'competenza', assigneeType: 'utente', assigneeId: me.id }, clerk);

    await new AppShellPage(b.page).logout();
    await new LoginPage(b.page).login(people.protocollista.username, people.protocollista.password);
    const banner = b.page.getByRole('region', { name: 'Promemoria delle pratiche' });
    await banner.waitFor();
    expect(await banner.textContent()).toContain('hai 1 pratica scaduta');
    // Not modal: the rest of the desk stays usable while the banner is shown.
    expect(await b.page.getByRole('dialog').count()).toBe(0);
    await banner.getByRole('link', { name: 'Vai alle pratiche' }).click();
    await cases.heading().waitFor();
    await cases.waitForCounts({ overdue: 1, open: 1 });
    expect(await cases.row('Istanza di rimborso della TARI').textContent()).toContain('scaduta da 10 giorni');

    await banner.getByRole('button', { name: 'Nascondi promemoria' }).click();
    await banner.waitFor({ state: 'detached' });
  });

  it('never requested anything outside 127.0.0.1', () => {
    expect(b.foreign).toEqual([]);
  });
});
