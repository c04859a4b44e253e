import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Response } from 'playwright-core';
import { launchBrowser, startWebDesk, type RunningDesk } from './harness';
import { rpc } from './support';
import { LoginPage } from './pages/LoginPage';
import { AppShellPage } from './pages/AppShellPage';
import { RegisterPage } from './pages/RegisterPage';
import { http, startTestServer, type TestServer } from '../integration/server/harness';
import { createEnrollmentCode } from '../integration/remote/helpers';
import { startSwitchableProxy, type SwitchableProxy } from '../integration/emergency/switchable-proxy';
import { blocking, describeViolations, runAxe } from './axe';
import { formatYearNumber } from '../../src/shared/domain/protocol-number';
import type { DeviceSummary, RegisterResult } from '../../src/shared/contract';

/**
 * Issue 3: a desk started with `--server URL` against a town hall's register server that
 * requires enrolled devices shows "Collega questa postazione"; the one-time code an
 * administrator created enrolls it; then the clerk logs in and registers number 1.
 * A loopback proxy between desk and server plays the unreachable network.
 */
let t: TestServer;
let proxy: SwitchableProxy;
let desk: RunningDesk;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;

beforeAll(async () => {
  t = await startTestServer({ requireDevice: true });
  proxy = await startSwitchableProxy(t.url);
  desk = await startWebDesk({ serverUrl: proxy.url });
  // The desk's CSP refuses injected scripts, as it should: lifted in this browser for axe-core only.
  browser = await launchBrowser({ bypassCSP: true });
  page = browser.page;
  page.setDefaultTimeout(15_000);
});
afterAll(async () => {
  await browser?.close();
  await desk?.close();
  await proxy?.close();
  if (!t) return;
  const closing = t.close();
  // The proxy's forwarded SSE stream (GET /sync/events) never ends by itself: drop it, as the
  // e2e harness does for its embedded server, or Fastify's close would wait for it for ever.
  t.server.app.server.closeAllConnections();
  await closing;
});

const isRpc = (name: string) => (r: Response) => r.url().endsWith(`/rpc/${name}`) && r.request().method() === 'POST';

describe('Collega questa postazione', () => {
  it('enrolls with a code created by the administrator, then the clerk logs in and registers number 1', async () => {
    const code = await createEnrollmentCode(t, 'SEGR05');
    await page.goto(`${desk.url}/`);
    await page.getByRole('heading', { name: 'Collega questa postazione' }).waitFor();
    await page.getByText(proxy.url).waitFor();
    const axe = await runAxe(page);
    expect(axe.passedRules).toBeGreaterThan(10);
    expect(blocking(axe.violations), describeViolations('Collega questa postazione', blocking(axe.violations))).toEqual([]);
    const codeInput = page.getByLabel('Codice di abilitazione');
    const submit = page.getByRole('button', { name: 'Collega la postazione' });
    const alert = page.locator('.alert[role="alert"]');

    // A code that does not exist (or was used, or expired): the server's clear refusal.
    await codeInput.fill('ZZZZ-ZZZZ-ZZ');
    await submit.click();
    await alert.getByText(/non valido, già usato o scaduto/).waitFor();

    // The right code while the server cannot be reached: a clear message, the code stays typed.
    await codeInput.fill(code);
    proxy.down();
    await submit.click();
    await alert.getByText(/non è raggiungibile/).waitFor();
    expect(await codeInput.inputValue()).toBe(code);

    // Network back: the same typed code enrolls the desk, and the login follows.
    proxy.up();
    await submit.click();
    const login = new LoginPage(page);
    await login.heading().waitFor();
    await page.getByText(/Postazione collegata al server del registro come SEGR05/).waitFor();
    await login.login(t.users.protocollista.username, t.users.protocollista.password);
    await new AppShellPage(page).userBadge('Paola Protocollista').waitFor();

    const admin = await t.login('admin');
    const devices = await http<{ devices: DeviceSummary[] }>(t.url, 'POST', '/api/devices.list', { token: admin, body: {} });
    expect(devices.body.devices.map((d) => d.code)).toEqual(['SEGR05']);

    // The sender is seeded over the desk's own /rpc; the registration is made in the page.
    const token = await new AppShellPage(page).token();
    await rpc(desk.url, 'directory.create', { kind: 'persona', name: 'Colombo Beatrice', city: 'Roccabella' }, token);
    const reg = new RegisterPage(page);
    await reg.form().waitFor();
    await reg.senderInput().click();
    await reg.pickSenderWithArrows('Colombo', 'Colombo Beatrice');
    await reg.oggetto().click();
    await page.keyboard.type('Richiesta di patrocinio per la mostra fotografica in biblioteca');
    const registered = page.waitForResponse(isRpc('protocol.register'));
    await page.keyboard.press('Control+Enter');
    const result = (await (await registered).json()) as RegisterResult;
    expect(result.entry.number).toBe(1);
    await reg.bigNumber().waitFor();
    expect((await reg.bigNumber().textContent())?.trim()).toBe(formatYearNumber(result.entry.year, 1));
  });

  it('waits for an unreachable server on the first start, and lets an administrator log in without enrolling', async () => {
    const second = await startWebDesk({ serverUrl: proxy.url });
    try {
      proxy.down();
      const tab = await browser.context.newPage();
      await tab.goto(`${second.url}/`);
      // Unreachable on the first start: the desk cannot know yet whether the server is set up.
      await tab.getByRole('heading', { name: 'Configurazione iniziale' }).waitFor();
      await tab.getByText('Il server del registro non risponde').waitFor();
      proxy.up();
      await tab.getByRole('button', { name: 'Riprova a contattare il server' }).click();
      await tab.getByRole('heading', { name: 'Collega questa postazione' }).waitFor();

      // An administrator may log in from an unenrolled desk (to create the codes); no sync.
      await tab.getByRole('button', { name: 'Accedi senza collegare la postazione' }).click();
      await new LoginPage(tab).login(t.users.amministratore.username, t.users.amministratore.password);
      await new AppShellPage(tab).userBadge('Anna Amministratrice').waitFor();
      await tab.close();
    } finally {
      await second.close();
    }
  }, 120_000); // two health timeouts on a loaded CI machine
});
