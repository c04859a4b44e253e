import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Response } from 'playwright-core';
import { E2eWorld, login, people, rpc, seedOrganisation, sha256, type Browser } from './support';
import { LoginPage } from './pages/LoginPage';
import { AppShellPage } from './pages/AppShellPage';
import { RegisterPage } from './pages/RegisterPage';
import { scanBarcodes } from './label-scan';
import { pdfText } from '../helpers/pdf';
import { barcodePayload, formatYearNumber, parseBarcodePayload } from '../../src/shared/domain/protocol-number';
import { romeDateTimeLabel } from '../../src/shared/domain/time';
import type { GeneratedFile, RegisterResult } from '../../src/shared/contract';

/**
 * Keyboard-first registration (issue 2): an incoming letter registered without the mouse,
 * the number large with "Stampa etichetta" focused, the label PDF checked by an independent
 * reader and its barcode decoded to year + number.
 */
let world: E2eWorld;
let b: Browser & { foreign: string[] };
let reg: RegisterPage;

const sender = { kind: 'impresa', name: 'Ferrari Costruzioni S.r.l.', pec: 'ferraricostruzioni@pec.example.it', city: 'Roccabella' };
const letter = Buffer.from('%PDF-1.4\n% Lettera di Ferrari Costruzioni: richiesta di occupazione di suolo pubblico\n', 'utf8');

const isRpc = (name: string) => (r: Response) => r.url().endsWith(`/rpc/${name}`) && r.request().method() === 'POST';

beforeAll(async () => {
  world = await E2eWorld.start();
  await seedOrganisation(world.url);
  const clerk = await login(world.url, people.protocollista);
  await rpc(world.url, 'directory.create', sender, clerk);
  b = await world.browser();
  await world.open(b.page);
  await new LoginPage(b.page).login(people.protocollista.username, people.protocollista.password);
  await new AppShellPage(b.page).userBadge(people.protocollista.fullName).waitFor();
  reg = new RegisterPage(b.page);
});
afterAll(async () => {
  await world?.close();
});

describe('registration with the keyboard only', () => {
  it('registers an incoming letter, shows the number and focuses "Stampa etichetta"', async () => {
    const { page } = b;
    await reg.form().waitFor();
    // Focus starts in the form, on the direction (Entrata is preselected).
    expect(await reg.focused()).toMatchObject({ tag: 'input', type: 'radio' });
    expect(await page.getByRole('radio', { name: /Entrata/ }).isChecked()).toBe(true);

    await page.keyboard.press('Tab');
    expect(await reg.isFocused(reg.senderInput())).toBe(true);
    await reg.pickSenderWithArrows('Ferrari', sender.name);

    await page.keyboard.press('Tab');
    expect(await reg.isFocused(reg.oggetto())).toBe(true);
    const oggetto = 'Richiesta di occupazione di suolo pubblico per il cantiere di via Roma';
    await page.keyboard.type(oggetto);

    // The file itself comes from a native chooser: set it directly, then check the impronta shown.
    await reg.primaryDocumentInput().setInputFiles({ name: 'lettera-ferrari.pdf', mimeType: 'application/pdf', buffer: letter });
    expect(await reg.shownPrimaryFingerprint()).toBe(sha256(letter));

    // Back in the form by keyboard (Shift+Tab from wherever the chooser left the focus is not
    // needed: setInputFiles does not move it), then Ctrl+Enter registers.
    const focusedInForm = await page.evaluate(() => !!document.activeElement?.closest('form.g-register'));
    expect(focusedInForm).toBe(true);
    const registered = page.waitForResponse(isRpc('protocol.register'));
    await page.keyboard.press('Control+Enter');
    const result = (await (await registered).json()) as RegisterResult;
    expect(result.entry.number).not.toBeNull();
    const number = result.entry.number!;

    await reg.bigNumber().waitFor();
    expect((await reg.bigNumber().textContent())?.trim()).toBe(formatYearNumber(result.entry.year, number));
    expect(await reg.isFocused(reg.labelButton())).toBe(true);
    // The number is really large on screen (not just a status line).
    const fontPx = await reg.bigNumber().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontPx).toBeGreaterThanOrEqual(28);

    // The stored entry keeps the fingerprint of the very bytes that were attached (art. 53).
    const detail = await rpc<{ documents: Array<{ sha256: string; role: string }>; correspondents: Array<{ name: string }>; oggetto: string }>(
      world.url,
      'protocol.get',
      { id: result.entry.id },
      await new AppShellPage(page).token(),
    );
    expect(detail.documents).toEqual([expect.objectContaining({ sha256: sha256(letter), role: 'primario' })]);
    expect(detail.correspondents.map((c) => c.name)).toEqual([sender.name]);
    expect(detail.oggetto).toBe(oggetto);

    // Enter on the focused button produces the label: capture the PDF the page received.
    const labelReply = page.waitForResponse(isRpc('protocol.label'));
    await page.keyboard.press('Enter');
    const label = (await (await labelReply).json()) as GeneratedFile;
    const pdf = new Uint8Array(Buffer.from(label.base64, 'base64'));
    expect(sha256(pdf)).toBe(label.sha256);
    const text = await pdfText(pdf);
    expect(text).toContain(formatYearNumber(result.entry.year, number));
    expect(text).toContain(romeDateTimeLabel(result.entry.registeredAt));
    expect(text).toContain('ENTRATA');
    expect(text).toContain('c_r999');

    const scanned = await scanBarcodes(pdf);
    expect(scanned.rows).toBeGreaterThan(20);
    expect([...scanned.texts]).toEqual([barcodePayload(result.entry.year, number)]);
    expect(parseBarcodePayload([...scanned.texts][0]!)).toEqual({ year: result.entry.year, number });

    // The browser prints through a hidden frame holding the PDF as a Blob (never the network).
    await page.locator('iframe[aria-hidden="true"]').waitFor({ state: 'attached' });
    expect(await page.locator('iframe[aria-hidden="true"]').getAttribute('src')).toMatch(/^blob:/);
    // After printing, a download of the same label is offered.
    await page.getByRole('button', { name: 'Scarica etichetta (PDF)' }).waitFor();
  });

  it('Alt+N starts a new, empty registration with the focus back in the form', async () => {
    const { page } = b;
    await page.keyboard.press('Alt+N');
    await reg.form().waitFor();
    expect(await reg.oggetto().inputValue()).toBe('');
    expect(await reg.chosenSenders().count()).toBe(0);
    expect(await page.getByRole('list', { name: 'Documento principale: file caricati' }).count()).toBe(0);
    await page.waitForFunction(() => document.activeElement?.getAttribute('type') === 'radio');
    expect(await reg.focused()).toMatchObject({ tag: 'input', type: 'radio' });
  });

  it('keeps what was typed when validation fails, then registers once corrected', async () => {
    const { page } = b;
    const oggetto = 'Segnalazione di una buca in via Garibaldi';
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await reg.isFocused(reg.oggetto())).toBe(true);
    await page.keyboard.type(oggetto);
    await page.keyboard.press('Control+Enter');

    // No sender: the Italian message sits next to the field, and nothing typed is lost.
    const fieldError = page.locator('.g-combo .g-field-error');
    await fieldError.waitFor();
    expect(await fieldError.textContent()).toContain('Indica almeno un corrispondente');
    expect(await reg.submitError().textContent()).toContain('controlla i campi evidenziati');
    expect(await reg.oggetto().inputValue()).toBe(oggetto);
    expect(await reg.bigNumber().count()).toBe(0);

    // Back to the sender with Shift+Tab, create one inline with a wrong PEC: refused, kept.
    await page.keyboard.press('Shift+Tab');
    expect(await reg.isFocused(reg.senderInput())).toBe(true);
    await page.keyboard.type('Esposito Carmela');
    // Wait until the suggestions settle on the full name: the address book has no match, so
    // "Nuovo contatto" is the only option (an earlier, shorter query may have listed others).
    await page.waitForFunction(() => {
      const opts = [...document.querySelectorAll('[role="listbox"]:not([hidden]) [role="option"]')].map((o) => o.textContent?.trim());
      return opts.length === 1 && opts[0] === 'Nuovo contatto: «Esposito Carmela»';
    });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const inline = page.getByRole('group', { name: 'Nuovo contatto' });
    await inline.waitFor();
    expect(await inline.getByLabel('Nome o denominazione').inputValue()).toBe('Esposito Carmela');
    await page.keyboard.press('Tab'); // tipo di contatto (persona)
    await page.keyboard.press('Tab'); // PEC
    await page.keyboard.type('carmela.esposito-senza-chiocciola');
    await page.keyboard.press('Enter');
    await reg.chosenSenders().getByText('Esposito Carmela').waitFor();
    // The inline form closes and the cursor is back in the sender field, not lost on <body>.
    await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'combobox');
    expect(await reg.isFocused(reg.senderInput())).toBe(true);

    await page.keyboard.press('Tab');
    expect(await reg.isFocused(reg.oggetto())).toBe(true);
    await page.keyboard.press('Control+Enter');
    await page.getByText('Indirizzo e-mail non valido').first().waitFor();
    expect(await reg.oggetto().inputValue()).toBe(oggetto);
    expect(await reg.chosenSenders().getByText('Esposito Carmela').count()).toBe(1);

    // Replace the sender with a valid contact from the address book: now it registers.
    await page.keyboard.press('Shift+Tab');
    expect(await reg.isFocused(reg.senderInput())).toBe(true);
    await reg.pickSenderWithArrows('Ferrari', sender.name);
    expect(await reg.chosenSenders().getByText('Esposito Carmela').count()).toBe(0);
    const registered = page.waitForResponse(isRpc('protocol.register'));
    await page.keyboard.press('Control+Enter');
    const result = (await (await registered).json()) as RegisterResult;
    await reg.bigNumber().waitFor();
    expect(result.entry.oggetto).toBe(oggetto);
    expect((await reg.bigNumber().textContent())?.trim()).toBe(formatYearNumber(result.entry.year, result.entry.number!));
    expect(b.foreign).toEqual([]);
  });
});
