import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Response } from 'playwright-core';
import { E2eWorld, login, people, rpc, seedOrganisation, sha256, type Browser } from './support';
import { LoginPage } from './pages/LoginPage';
import { AppShellPage } from './pages/AppShellPage';
import { RegisterPage } from './pages/RegisterPage';
import { RegistroPage } from './pages/RegistroPage';
import { DetailPage } from './pages/DetailPage';
import { EmergencyPage } from './pages/EmergencyPage';
import { scanBarcodes } from './label-scan';
import { blocking, describeViolations, runAxe } from './axe';
import { pdfText } from '../helpers/pdf';
import { DEFAULT_EMERGENCY_CAUSE, parseEmergencyNumber } from '../../src/shared/domain/emergency';
import { formatYearNumber } from '../../src/shared/domain/protocol-number';
import { romeYear } from '../../src/shared/domain/time';
import type { EmergencyRegisterResult, EmergencySession, GeneratedFile, ProtocolEntry } from '../../src/shared/contract';

/**
 * The emergency register end to end (issue 3, DPR 445/2000 art. 63), in Chromium through the
 * web host: the register server stops under a running desk; registering offers the emergency
 * register; a letter gets an E/… number and its label says REGISTRO DI EMERGENZA; the server
 * comes back on the same data folder and port, and the ordinary number arrives on the page by
 * itself, linked to the emergency number.
 */
let world: E2eWorld;
let b: Browser & { foreign: string[] };
let reg: RegisterPage;
let em: EmergencyPage;

const sender = { kind: 'impresa', name: 'Ferrari Costruzioni S.r.l.', pec: 'ferraricostruzioni@pec.example.it', city: 'Roccabella' };
const authoriser = { name: 'Giulia Verdi', act: 'Provvedimento del Responsabile n. 3 del 12/01/2026' };
const letters = ['Richiesta di occupazione di suolo pubblico in piazza Garibaldi', 'Segnalazione di un lampione spento in via Mazzini'];
/** Set by the tests in order: the emergency registrations, oldest first. */
const registered: EmergencyRegisterResult[] = [];

const isRpc = (name: string) => (r: Response) => r.url().endsWith(`/rpc/${name}`) && r.request().method() === 'POST';

/** "2026-03-02T10:15" as a datetime-local input shows the current minute in Rome. */
function romeLocalMinute(at: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** Types a letter into the registration form from the keyboard: sender, then oggetto. */
async function typeLetter(page: Page, oggetto: string): Promise<void> {
  await reg.form().waitFor();
  await page.waitForFunction(() => document.activeElement?.getAttribute('type') === 'radio');
  await page.keyboard.press('Tab');
  expect(await reg.isFocused(reg.senderInput())).toBe(true);
  await reg.pickSenderWithArrows('Ferrari', sender.name);
  await page.keyboard.press('Tab');
  expect(await reg.isFocused(reg.oggetto())).toBe(true);
  await page.keyboard.type(oggetto);
}

/** The big E/… number on screen, "Stampa etichetta" focused, and the label the page prints. */
async function expectEmergencySuccess(page: Page, result: EmergencyRegisterResult, seq: number): Promise<void> {
  const parts = parseEmergencyNumber(result.emergencyNumber);
  expect(parts).toMatchObject({ year: romeYear(new Date()), seq });
  expect(result.entry.number).toBeNull();
  await reg.bigNumber().waitFor();
  expect((await reg.bigNumber().textContent())?.trim()).toBe(result.emergencyNumber);
  const fontPx = await reg.bigNumber().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(fontPx).toBeGreaterThanOrEqual(28);
  await page.waitForFunction(() => document.activeElement?.textContent?.trim() === 'Stampa etichetta');
  expect(await reg.isFocused(reg.labelButton())).toBe(true);
}

/**
 * axe-core on the emergency parts of the screen (`scope`): nothing of impact serious or critical,
 * as accessibility.test.ts asks of the main screens. Scoped because the rest of the page (the
 * registration form, the detail) is that test's subject.
 */
async function expectAccessible(page: Page, screen: string, scope: string): Promise<void> {
  await runAxe(page); // injects axe-core once
  const violations = await page.evaluate(async (selector) => {
    type AxeResult = { violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[]; failureSummary?: string }> }>; passes: unknown[] };
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<AxeResult> } }).axe;
    const r = await axe.run({ include: [[selector]] }, { resultTypes: ['violations'] });
    return {
      passed: r.passes.length,
      list: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target.map(String), summary: n.failureSummary ?? '' })) })),
    };
  }, scope);
  expect(violations.passed).toBeGreaterThan(5);
  const serious = blocking(violations.list);
  expect(serious, describeViolations(screen, serious)).toEqual([]);
}

beforeAll(async () => {
  world = await E2eWorld.start();
  await seedOrganisation(world.url);
  const clerk = await login(world.url, people.protocollista);
  await rpc(world.url, 'directory.create', sender, clerk);
  // The desk's CSP refuses injected scripts, as it should: lifted in this browser for axe only.
  b = await world.browser({ bypassCSP: true });
  await world.open(b.page);
  await new LoginPage(b.page).login(people.protocollista.username, people.protocollista.password);
  await new AppShellPage(b.page).userBadge(people.protocollista.fullName).waitFor();
  reg = new RegisterPage(b.page);
  em = new EmergencyPage(b.page);
});
afterAll(async () => {
  await world?.close();
});

describe('emergency register in the browser (art. 63)', () => {
  it('offers the emergency register when the server is down and registers a letter from the keyboard', async () => {
    const { page } = b;
    await world.desk.stopRegisterServer();

    // The clerk forgets the sender: the page's own check answers at once, next to the field.
    await reg.form().waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('type') === 'radio');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await reg.isFocused(reg.oggetto())).toBe(true);
    await page.keyboard.type(letters[0]!);
    await page.keyboard.press('Control+Enter');
    const fieldError = page.locator('.g-combo .g-field-error');
    await fieldError.waitFor();
    expect(await fieldError.textContent()).toContain('Indica almeno un corrispondente');
    expect(await reg.submitError().textContent()).toContain('controlla i campi evidenziati');
    // Fixing the field clears the stale messages without waiting for the next submit.
    await page.keyboard.press('Shift+Tab');
    expect(await reg.isFocused(reg.senderInput())).toBe(true);
    await reg.pickSenderWithArrows('Ferrari', sender.name);
    await fieldError.waitFor({ state: 'detached' });
    expect(await reg.submitError().count()).toBe(0);

    await page.keyboard.press('Tab');
    expect(await reg.isFocused(reg.oggetto())).toBe(true);
    const attempt = page.waitForResponse(isRpc('protocol.register'));
    await page.keyboard.press('Control+Enter');
    const refused = await attempt;
    expect(refused.ok()).toBe(false);
    expect(((await refused.json()) as { code: string }).code).toBe('OFFLINE');

    // The offer: cause prefilled, start now, the cursor on the authoriser (nothing typed is lost).
    await em.openPanel().waitFor();
    expect(await em.cause().inputValue()).toBe(DEFAULT_EMERGENCY_CAUSE);
    const shownStart = await em.start().inputValue();
    const before = Date.now();
    expect([romeLocalMinute(new Date(before - 60_000)), romeLocalMinute(new Date(before))]).toContain(shownStart);
    await page.waitForFunction(() => document.activeElement?.id === 'g-em-name');
    expect(await reg.oggetto().inputValue()).toBe(letters[0]);

    // Art. 63: no emergency register without an authoriser; the page says so and sends nothing.
    let opensSent = 0;
    const countOpens = (r: { url(): string }) => {
      if (r.url().endsWith('/rpc/emergency.open')) opensSent++;
    };
    page.on('request', countOpens);
    await page.keyboard.press('Control+Enter');
    await em.openPanel().getByRole('alert').getByText(/Indica chi autorizza/).waitFor();
    page.off('request', countOpens);
    expect(opensSent).toBe(0);
    expect(await em.authoriserName().evaluate((el) => el === document.activeElement)).toBe(true);
    await expectAccessible(page, 'apertura del registro di emergenza, con errore', '.g-emergency-open');

    await page.keyboard.type(authoriser.name);
    await page.keyboard.press('Tab');
    expect(await em.authoriserAct().evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type(authoriser.act);
    const opened = page.waitForResponse(isRpc('emergency.open'));
    const done = page.waitForResponse(isRpc('emergency.register'));
    await page.keyboard.press('Control+Enter');
    const session = (await (await opened).json()) as EmergencySession;
    expect(session).toMatchObject({ cause: DEFAULT_EMERGENCY_CAUSE, endedAt: null, authoriser: { kind: 'manuale', ...authoriser } });
    const result = (await (await done).json()) as EmergencyRegisterResult;
    expect(result.entry.oggetto).toBe(letters[0]);
    registered.push(result);
    await expectEmergencySuccess(page, result, 1);
    await expectAccessible(page, 'numero di emergenza', '.g-success');

    // Enter on the focused button: the label of the emergency register (captured as the page got it).
    const labelReply = page.waitForResponse(isRpc('protocol.label'));
    await page.keyboard.press('Enter');
    const label = (await (await labelReply).json()) as GeneratedFile;
    const pdf = new Uint8Array(Buffer.from(label.base64, 'base64'));
    expect(sha256(pdf)).toBe(label.sha256);
    const text = await pdfText(pdf);
    expect(text).toContain('REGISTRO DI EMERGENZA');
    expect(text).toContain(result.emergencyNumber);
    expect(text).toContain('ENTRATA');
    // No ordinary number may appear before the server gives one (art. 57): not on the label either.
    expect(text).not.toMatch(/Prot\. n\./);
    const scanned = await scanBarcodes(pdf);
    expect(scanned.rows).toBeGreaterThan(20);
    expect([...scanned.texts]).toEqual([result.emergencyNumber.replaceAll('/', '')]);
    expect([...scanned.texts][0]).toMatch(/^E\d{4}[A-Z0-9]{2,12}\d{7}$/);
    await page.getByRole('button', { name: 'Scarica etichetta (PDF)' }).waitFor();
  });

  it('while the emergency register is open, Ctrl+Enter registers the next letter into it', async () => {
    const { page } = b;
    await page.keyboard.press('Alt+N');
    await em.banner().waitFor();
    expect(await em.banner().textContent()).toContain(authoriser.name);
    await typeLetter(page, letters[1]!);
    const done = page.waitForResponse(isRpc('emergency.register'));
    await page.keyboard.press('Control+Enter');
    const result = (await (await done).json()) as EmergencyRegisterResult;
    registered.push(result);
    await expectEmergencySuccess(page, result, 2);
    // Gapless per device: the same device code, the next number.
    expect(parseEmergencyNumber(result.emergencyNumber)?.deviceCode).toBe(parseEmergencyNumber(registered[0]!.emergencyNumber)?.deviceCode);
  });

  it('closes the emergency register, recording end time and total', async () => {
    const { page } = b;
    await page.keyboard.press('Alt+N');
    await em.closeButton().waitFor();
    expect(await em.banner().textContent()).toContain('registrazioni: 2');
    await expectAccessible(page, 'Registra con il registro di emergenza aperto', 'section[aria-label="Registro di emergenza"]');
    const closed = page.waitForResponse(isRpc('emergency.close'));
    await em.closeButton().click();
    const session = (await (await closed).json()) as EmergencySession;
    expect(session.endedAt).not.toBeNull();
    expect(session.total).toBe(2);
    await em.banner().waitFor({ state: 'detached' });
    expect(Object.values(session.dailyCounts).reduce((a, n) => a + n, 0)).toBe(2);
  });

  it('the ordinary numbers arrive on the page by themselves when the server is back', async () => {
    const { page } = b;
    const first = registered[0]!;
    // The list shows the emergency numbers while the entries wait for the server.
    await new AppShellPage(page).goTo('Registro');
    const registro = new RegistroPage(page);
    await registro.heading().waitFor();
    await registro.row(letters[0]!).getByText(first.emergencyNumber).waitFor();
    await registro.open(letters[0]!);
    await em.linkInfo().waitFor();
    expect(await em.ordinaryLine().textContent()).toContain('in attesa del ritorno del server');

    const restartedAt = Date.now();
    await world.desk.restartRegisterServer();
    // No reload: the desk's sync engine finds the server again and the page follows its events.
    const year = romeYear(new Date());
    await page.getByTestId('emergency-ordinary').getByText(`Numero di protocollo ordinario: ${formatYearNumber(year, 1)}`).waitFor({ timeout: 60_000 });
    const arrivalMs = Date.now() - restartedAt;
    console.log(`emergency e2e: ordinary number shown ${arrivalMs} ms after the register server restarted`);
    await new DetailPage(page).waitFor(formatYearNumber(year, 1));
    // The link is kept on the entry: the emergency number and its legal date stay visible.
    expect(await em.linkInfo().textContent()).toContain(first.emergencyNumber);
    expect(await em.linkInfo().textContent()).toContain('data giuridica per i termini');
    await expectAccessible(page, 'dettaglio con il collegamento al numero di emergenza', 'section[aria-label="Registro di emergenza"]');

    // Both entries: exactly one ordinary number each, continuing the sequence, in emergency order.
    const token = await new AppShellPage(page).token();
    const numbers: Array<number | null> = [];
    for (const r of registered) {
      const entry = await rpc<ProtocolEntry>(world.url, 'protocol.get', { id: r.entry.id }, token);
      expect(entry.emergency).toMatchObject({ emergencyNumber: r.emergencyNumber, ordinaryYear: year });
      expect(entry.emergency?.ordinaryNumber).toBe(entry.number);
      numbers.push(entry.number);
    }
    expect(numbers).toEqual([1, 2]);
    await page.getByRole('link', { name: '← Torna al registro' }).click();
    await registro.waitForNumbers([formatYearNumber(year, 2), formatYearNumber(year, 1)].sort().reverse());
    expect(b.foreign).toEqual([]);
  });
});
