import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2eWorld, login, organisation, people, rpc, type Browser } from './support';
import { SetupPage } from './pages/SetupPage';
import { LoginPage } from './pages/LoginPage';
import { AppShellPage } from './pages/AppShellPage';
import { AdminUsersPage } from './pages/AdminUsersPage';

/** First run in a real browser: setup screen → login → the administrator creates the staff. */
let world: E2eWorld;
let b: Browser & { foreign: string[] };

beforeAll(async () => {
  world = await E2eWorld.start();
  b = await world.browser();
});
afterAll(async () => {
  await world?.close();
});

describe('first run, login and users', () => {
  it('shows the setup screen on a new data folder and initialises the administration', async () => {
    const { page } = b;
    await world.open(page);
    const setup = new SetupPage(page);
    await setup.heading().waitFor();

    // Mismatched passwords are caught on the page, and nothing typed is lost.
    const data = {
      administrationName: organisation.administration.name,
      ipaCode: organisation.administration.ipaCode,
      aooCode: organisation.aoo.code,
      aooName: organisation.aoo.name,
      registerCode: organisation.registerCode,
      username: people.admin.username,
      fullName: people.admin.fullName,
      password: people.admin.password,
    };
    await setup.fill(data, 'un-altra-password');
    await setup.submit();
    await expect(page.getByText('Le due password non coincidono').textContent()).resolves.toBeTruthy();
    expect(await page.getByLabel('Codice IPA').inputValue()).toBe(data.ipaCode);

    await page.getByLabel('Ripeti la password').fill(data.password);
    await setup.submit();

    const loginPage = new LoginPage(page);
    await loginPage.heading().waitFor();
    await expect(page.getByText(`${organisation.administration.name} — ${organisation.aoo.name}`).isVisible()).resolves.toBe(true);

    // The server now reports the organisation as configured.
    const status = await rpc<{ initialized: boolean; organisation: { ipaCode: string; aooCode: string; registerCode: string } }>(world.url, 'setup.status', {});
    expect(status.initialized).toBe(true);
    expect(status.organisation).toMatchObject({ ipaCode: 'c_r999', aooCode: 'SEGR', registerCode: 'PG' });
  });

  it('refuses a wrong password with an Italian message, then lets the administrator in', async () => {
    const { page } = b;
    const loginPage = new LoginPage(page);
    await loginPage.login(people.admin.username, 'password-sbagliata');
    await loginPage.error().waitFor();
    expect(await loginPage.error().textContent()).toContain('Nome utente o password non corretti');
    // The password field is cleared, the user name stays.
    expect(await page.getByLabel('Password').inputValue()).toBe('');
    expect(await page.getByLabel('Nome utente').inputValue()).toBe(people.admin.username);

    await loginPage.login(people.admin.username, people.admin.password);
    const shell = new AppShellPage(page);
    await shell.userBadge(people.admin.fullName).waitFor();
    expect(await page.locator('.g-user').textContent()).toContain('Amministratore');
  });

  it('lets the administrator create a protocollista and a responsabile from Amministrazione', async () => {
    const { page } = b;
    const shell = new AppShellPage(page);
    await shell.goTo('Amministrazione');
    const admin = new AdminUsersPage(page);
    await admin.form().waitFor();
    await admin.createUser(people.protocollista);
    await admin.createUser(people.responsabile);

    expect(await admin.row(people.protocollista.username).textContent()).toContain('Protocollista');
    expect(await admin.row(people.responsabile.username).textContent()).toContain('Responsabile del protocollo');

    // The new accounts really work, with the right profiles.
    for (const p of [people.protocollista, people.responsabile]) {
      const token = await login(world.url, p);
      const me = await rpc<{ username: string; roles: string[] }>(world.url, 'auth.session', {}, token);
      expect(me).toMatchObject({ username: p.username, roles: [...p.roles] });
    }

    // And one of them logs in through the UI after the administrator leaves.
    await shell.logout();
    await new LoginPage(page).login(people.protocollista.username, people.protocollista.password);
    await shell.userBadge(people.protocollista.fullName).waitFor();
    expect(b.foreign).toEqual([]);
  });
});
