import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2eWorld, login, organisation, people, registerViaRpc, rpc, type Browser, type SeededEntry } from './support';
import { SetupPage } from './pages/SetupPage';
import { LoginPage } from './pages/LoginPage';
import { AppShellPage } from './pages/AppShellPage';
import { RegisterPage } from './pages/RegisterPage';
import { RegistroPage } from './pages/RegistroPage';
import { DetailPage } from './pages/DetailPage';
import { DailyRegisterPage } from './pages/DailyRegisterPage';
import { blocking, describeViolations, runAxe, type AxeViolation } from './axe';
import { formatYearNumber } from '../../src/shared/domain/protocol-number';

/**
 * axe-core on the main screens: no violation of impact serious or critical. The whole session
 * also proves the desk never reaches outside 127.0.0.1 (fonts, scripts and styles are bundled).
 */
let world: E2eWorld;
let b: Browser & { foreign: string[] };
const report: Record<string, AxeViolation[]> = {};

async function check(screen: string): Promise<void> {
  const { violations: found, passedRules } = await runAxe(b.page);
  // axe really ran its rules on a rendered screen (an empty page would pass trivially).
  expect(passedRules).toBeGreaterThan(10);
  report[screen] = found;
  const serious = blocking(found);
  expect(serious, describeViolations(screen, serious)).toEqual([]);
}

beforeAll(async () => {
  world = await E2eWorld.start();
  // The desk's CSP refuses injected scripts, as it should: lift it for axe in this browser only.
  b = await world.browser({ bypassCSP: true });
});
afterAll(async () => {
  // Minor/moderate findings are printed for the record, without failing the run.
  const minor = Object.entries(report).flatMap(([s, v]) => v.filter((x) => !blocking([x]).length).map((x) => `${s}: [${x.impact}] ${x.id}`));
  if (minor.length) console.info(`axe, violazioni minori:\n${minor.join('\n')}`);
  await world?.close();
});

describe('accessibility of the main screens (axe-core)', () => {
  let entry: SeededEntry;

  it('setup screen', async () => {
    await world.open(b.page);
    await new SetupPage(b.page).heading().waitFor();
    await check('Configurazione iniziale');
  });

  it('setup screen with validation errors shown', async () => {
    await new SetupPage(b.page).submit();
    await b.page.locator('.g-field-error').first().waitFor();
    await check('Configurazione iniziale (errori)');
  });

  it('login screen, also with its error', async () => {
    await rpc(world.url, 'setup.initialize', { ...organisation, admin: { username: people.admin.username, fullName: people.admin.fullName, password: people.admin.password } });
    const admin = await login(world.url, people.admin);
    for (const p of [people.protocollista, people.responsabile]) {
      await rpc(world.url, 'users.create', { username: p.username, fullName: p.fullName, password: p.password, roles: p.roles }, admin);
    }
    entry = await registerViaRpc(world.url, await login(world.url, people.protocollista), 'Richiesta di accesso agli atti', 'Federica Gallo');
    await b.page.reload();
    const loginPage = new LoginPage(b.page);
    await loginPage.heading().waitFor();
    await check('Accesso');
    await loginPage.login(people.protocollista.username, 'sbagliata-davvero');
    await loginPage.error().waitFor();
    await check('Accesso (errore)');
  });

  it('Registra, empty and with the sender suggestions open', async () => {
    await new LoginPage(b.page).login(people.protocollista.username, people.protocollista.password);
    await new AppShellPage(b.page).userBadge(people.protocollista.fullName).waitFor();
    const reg = new RegisterPage(b.page);
    await reg.form().waitFor();
    await check('Registra');
    await reg.senderInput().fill('Gallo');
    await b.page.getByRole('option', { name: /Federica Gallo/ }).waitFor();
    await check('Registra (suggerimenti)');
    await b.page.keyboard.press('Escape');
  });

  it('Registro', async () => {
    await new AppShellPage(b.page).goTo('Registro');
    const registro = new RegistroPage(b.page);
    await registro.waitForNumbers([formatYearNumber(entry.year, entry.number)]);
    await check('Registro');
  });

  it('detail of an entry', async () => {
    await new RegistroPage(b.page).open(formatYearNumber(entry.year, entry.number));
    await new DetailPage(b.page).waitFor(formatYearNumber(entry.year, entry.number));
    await check('Dettaglio');
  });

  it('Rubrica', async () => {
    await new AppShellPage(b.page).goTo('Rubrica');
    await b.page.getByRole('heading', { name: 'Rubrica' }).waitFor();
    await b.page.getByRole('cell', { name: 'Federica Gallo', exact: true }).waitFor();
    await check('Rubrica');
  });

  it('Registro giornaliero, with a produced register', async () => {
    await new AppShellPage(b.page).goTo('Registro giornaliero');
    const daily = new DailyRegisterPage(b.page);
    await daily.heading().waitFor();
    await daily.produce();
    await daily.summary().waitFor();
    await check('Registro giornaliero');
  });

  it('never requested anything outside 127.0.0.1', () => {
    expect(new URL(world.url).hostname).toBe('127.0.0.1');
    expect(b.foreign).toEqual([]);
  });
});
