import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { E2eWorld, login, people, registerViaRpc, rpc, seedOrganisation, type Browser, type SeededEntry } from './support';
import { LoginPage } from './pages/LoginPage';
import { AppShellPage } from './pages/AppShellPage';
import { blocking, describeViolations, runAxe } from './axe';
import type { SyncStatus } from '../../src/shared/contract';

/**
 * The desk side of review in Chromium: a change the register server refused is listed in
 * "Da verificare" with its payload, reason and the entry's current state; "Scarta" moves it to
 * the log; with the server gone the status bar shows the pending change; the diagnostic bundle
 * downloads as JSON without secrets.
 */

/** "Da verificare" screen. */
class ReviewPage {
  constructor(private readonly page: Page) {}
  heading() {
    return this.page.getByRole('heading', { name: 'Da verificare', level: 1 });
  }
  item(title: string) {
    return this.page.getByRole('article', { name: title });
  }
  statusBar() {
    return this.page.getByRole('contentinfo', { name: 'Stato della sincronizzazione' });
  }
}

let world: E2eWorld;
let b: Browser & { foreign: string[] };
let entry: SeededEntry;
let clerk: string;
let serverClosing: Promise<unknown> = Promise.resolve();

beforeAll(async () => {
  world = await E2eWorld.start();
  await seedOrganisation(world.url);
  clerk = await login(world.url, people.protocollista);
  entry = await registerViaRpc(world.url, clerk, 'Richiesta di patrocinio per la sagra', 'Pro Loco di Roccabella');
  // A classification missing from the titolario: the server refuses the change.
  await rpc(world.url, 'protocol.update', { id: entry.id, classificationCode: 'XIX.99' }, clerk);
  const status = await rpc<SyncStatus>(world.url, 'sync.now', {}, clerk);
  expect(status.rejectedCount).toBe(1);

  // CSP lifted in this browser only, so axe-core can be injected to check the screen.
  b = await world.browser({ bypassCSP: true });
  await world.open(b.page, '#/verifica');
  await new LoginPage(b.page).login(people.protocollista.username, people.protocollista.password);
  await new AppShellPage(b.page).userBadge(people.protocollista.fullName).waitFor();
});
afterAll(async () => {
  const dataDir = world?.desk.dataDir;
  await world?.desk.embedded?.desk.close().catch(() => undefined);
  await serverClosing;
  // The test stopped the register server itself: closing it again may fail; the folder goes anyway.
  await world?.close().catch(() => undefined);
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('review inbox, status bar and diagnostics', () => {
  it('shows the refused change with payload, reason and current state; Scarta keeps it in the log', async () => {
    const { page } = b;
    const review = new ReviewPage(page);
    await review.heading().waitFor();
    await expect.poll(() => review.statusBar().getByRole('link', { name: 'Da verificare: 1' }).count()).toBe(1);

    const card = review.item('Modifica di classificazione o assegnazione');
    await card.waitFor();
    const text = await card.innerText();
    expect(text).toContain(people.protocollista.fullName);
    expect(text).toContain('XIX.99');
    expect(text).toMatch(/Motivo del rifiuto/);
    expect(text).toContain(`Protocollo ${entry.year}/${String(entry.number).padStart(7, '0')}`);
    expect(text).toContain('Richiesta di patrocinio per la sagra');
    // Nothing on this screen throws pending work away: only Risolvi and Scarta per refused change.
    expect(await page.getByRole('button', { name: /elimina|svuota|reimposta/i }).count()).toBe(0);

    const axe = await runAxe(page);
    expect(axe.passedRules).toBeGreaterThan(10);
    expect(blocking(axe.violations), describeViolations('Da verificare', blocking(axe.violations))).toEqual([]);

    await card.getByRole('button', { name: 'Scarta' }).click();
    await page.getByText('Nessuna modifica da verificare.').waitFor();
    const log = page.getByRole('region', { name: 'Registro delle decisioni' });
    await log.getByText(`scartata da ${people.protocollista.fullName}`, { exact: false }).waitFor();
    await expect.poll(() => review.statusBar().getByRole('link', { name: /Da verificare/ }).count()).toBe(0);
  });

  it('shows pending changes with their age when the server is gone, and downloads the diagnostic bundle', async () => {
    const { page } = b;
    const review = new ReviewPage(page);
    // Not awaited: the server refuses new requests at once, while it waits for the desk's open
    // event stream to end; afterAll waits for it.
    serverClosing = world.desk.embedded!.server.close().catch(() => undefined);
    await rpc(world.url, 'protocol.update', { id: entry.id, classificationCode: 'I.13' }, clerk);
    await rpc(world.url, 'sync.now', {}, clerk);
    await review.statusBar().getByText(/In attesa di invio: 1 \(in attesa da /).waitFor();
    await review.statusBar().getByText('Non in linea').waitFor();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Esporta pacchetto diagnostico' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^gonfalone-diagnostica-.*\.json$/);
    const text = fs.readFileSync(await file.path(), 'utf8');
    expect(text).not.toContain(people.protocollista.password);
    expect(text).not.toContain(clerk);
    const bundle = JSON.parse(text) as { outbox: Array<{ name: string; status: string }>; reviewLog: Array<{ decision: string }>; syncLog: unknown[] };
    expect(bundle.outbox).toEqual([expect.objectContaining({ name: 'protocol.update', status: 'pending' })]);
    expect(bundle.reviewLog.map((r) => r.decision)).toEqual(['discarded']);
    expect(bundle.syncLog.length).toBeGreaterThan(0);
    expect(b.foreign).toEqual([]);
  });
});
