import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2eWorld, login, people, rpc, seedOrganisation, type Browser } from './support';
import { LoginPage } from './pages/LoginPage';
import { AppShellPage } from './pages/AppShellPage';
import { CaseDetailPage } from './pages/CaseDetailPage';
import { DetailPage } from './pages/DetailPage';
import { formatYearNumber } from '../../src/shared/domain/protocol-number';
import type { CaseDto, RegisterResult } from '../../src/shared/contract';

/**
 * Issue 4 in the browser: a reminder registered later joins its case from the case's detail
 * ("Collega registrazione": search the register, choose the role), is listed with its segnatura
 * and a link to the entry, whose detail then shows the case.
 */
let world: E2eWorld;
let b: Browser & { foreign: string[] };
let detail: CaseDetailPage;
let request: RegisterResult['entry'];
let reminder: RegisterResult['entry'];
let opened: CaseDto;

const letter = (oggetto: string) => ({ direction: 'entrata', oggetto, correspondents: [{ newContact: { kind: 'persona', name: 'Federica Gallo', email: 'federica.gallo@example.it' } }], means: 'email' });

beforeAll(async () => {
  world = await E2eWorld.start();
  await seedOrganisation(world.url);
  const clerk = await login(world.url, people.protocollista);
  request = (await rpc<RegisterResult>(world.url, 'protocol.register', letter('Richiesta di un contributo per il coro parrocchiale'), clerk)).entry;
  reminder = (await rpc<RegisterResult>(world.url, 'protocol.register', letter('Sollecito del contributo per il coro parrocchiale'), clerk)).entry;
  opened = await rpc<CaseDto>(world.url, 'cases.open', { typeCode: 'istanza', entryId: request.id }, clerk);
  b = await world.browser();
  await world.open(b.page, `#/pratiche/${opened.id}`);
  await new LoginPage(b.page).login(people.protocollista.username, people.protocollista.password);
  await new AppShellPage(b.page).userBadge(people.protocollista.fullName).waitFor();
  detail = new CaseDetailPage(b.page);
});
afterAll(async () => {
  await world?.close();
});

describe('linking a further entry to a case', () => {
  it('finds the reminder in the register from the case, links it as sollecito, and lists it with its segnatura', async () => {
    await detail.waitFor(opened.title);
    const label = formatYearNumber(reminder.year, reminder.number!);
    await b.page.getByRole('button', { name: 'Collega registrazione' }).click();
    const form = detail.form('Collega una registrazione');
    await form.getByRole('combobox', { name: 'Registrazione di protocollo' }).fill('coro parrocchiale');
    // Both letters match; the request is already in the case, so only the reminder is offered.
    const suggestions = form.getByRole('listbox');
    const option = suggestions.getByRole('option', { name: new RegExp(`^${label} — Sollecito del contributo`) });
    await option.waitFor();
    expect(await suggestions.getByRole('option').count()).toBe(1);
    await option.click();
    await form.getByText(`Scelta: ${label}`).waitFor();
    await form.getByLabel('Ruolo nella pratica').selectOption({ label: 'Sollecito' });
    await form.getByRole('button', { name: 'Collega', exact: true }).click();

    await b.page.getByRole('status').filter({ hasText: `Registrazione ${label} collegata come sollecito.` }).waitFor();
    const row = detail.linksTable().getByRole('row').filter({ hasText: label });
    await row.waitFor();
    expect((await row.textContent())?.replace(/\s+/g, ' ')).toContain('Sollecito');
    expect(await detail.linksTable().getByRole('row').count()).toBe(3);
    expect((await detail.timeline())[0]).toContain(`Collegata la registrazione ${label} (sollecito)`);

    // The segnatura leads to the entry, whose detail lists the case.
    await row.getByRole('link', { name: label }).click();
    await new DetailPage(b.page).waitFor(label);
    await b.page.getByRole('region', { name: 'Pratiche', exact: true }).getByRole('link', { name: opened.title }).waitFor();
  });

  it('never requested anything outside 127.0.0.1', () => {
    expect(b.foreign).toEqual([]);
  });
});
