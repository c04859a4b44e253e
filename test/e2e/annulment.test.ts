import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2eWorld, login, people, registerViaRpc, rpc, seedOrganisation, type Browser, type Person, type SeededEntry } from './support';
import { LoginPage } from './pages/LoginPage';
import { AppShellPage } from './pages/AppShellPage';
import { RegistroPage } from './pages/RegistroPage';
import { DetailPage } from './pages/DetailPage';
import { formatYearNumber } from '../../src/shared/domain/protocol-number';

/**
 * Annulment with two roles (art. 54 DPR 445/2000, Linee guida AgID): the protocollista asks,
 * the responsabile annuls with reason and authorising act, in a second browser; the entry stays
 * in the list and in search results, marked ANNULLATO, and its number is never reused.
 */
let world: E2eWorld;
let clerkBrowser: Browser & { foreign: string[] };
let chiefBrowser: Browser & { foreign: string[] };
let target: SeededEntry;
let other: SeededEntry;
const label = (e: SeededEntry) => formatYearNumber(e.year, e.number);
const reason = 'Registrata due volte: duplicato del protocollo precedente';
const act = 'Provvedimento del Responsabile n. 7 del giorno stesso';

async function loggedIn(b: Browser, who: Person, hash: string): Promise<void> {
  await world.open(b.page, hash);
  await new LoginPage(b.page).login(who.username, who.password);
  await new AppShellPage(b.page).userBadge(who.fullName).waitFor();
}

beforeAll(async () => {
  world = await E2eWorld.start();
  await seedOrganisation(world.url);
  const clerk = await login(world.url, people.protocollista);
  other = await registerViaRpc(world.url, clerk, 'Domanda di contributo per la banda musicale', 'Corpo Bandistico Roccabellese');
  target = await registerViaRpc(world.url, clerk, 'Domanda di contributo per la banda musicale (copia)', 'Corpo Bandistico Roccabellese');
  [clerkBrowser, chiefBrowser] = [await world.browser(), await world.browser()];
  await loggedIn(clerkBrowser, people.protocollista, `#/registro/${target.id}`);
  await loggedIn(chiefBrowser, people.responsabile, '#/registro');
});
afterAll(async () => {
  await world?.close();
});

describe('annulment with two roles', () => {
  it('lets the protocollista request it, but not execute it', async () => {
    const detail = new DetailPage(clerkBrowser.page);
    await detail.waitFor(label(target));
    // A clerk sees no "Annulla registrazione" and no act field: only the request.
    expect(await detail.annulmentPanel().getByRole('button', { name: 'Annulla registrazione' }).count()).toBe(0);
    expect(await detail.annulmentPanel().getByLabel('Atto autorizzativo').count()).toBe(0);

    await detail.requestAnnulment(reason);
    await detail.annulmentPanel().getByText('Annullamento richiesto: in attesa del responsabile del protocollo.').waitFor();
    const history = await detail.waitForHistoryRows(1);
    expect(history[0]).toMatchObject({ who: people.protocollista.fullName, what: 'Richiesta di annullamento' });

    // The server refuses the annulment itself from a protocollista, in Italian.
    const token = await new AppShellPage(clerkBrowser.page).token();
    await expect(rpc(world.url, 'protocol.annul', { id: target.id, reason, act }, token)).rejects.toMatchObject({ status: 403, code: 'FORBIDDEN' });
  });

  it('shows the pending request in the responsabile’s list, who annuls with reason and act', async () => {
    const { page } = chiefBrowser;
    const registro = new RegistroPage(page);
    await registro.search('banda musicale');
    await registro.waitForNumbers([label(target), label(other)]);
    expect(await registro.row(label(target)).textContent()).toContain('ANNULLAMENTO RICHIESTO');

    await registro.open(label(target));
    const detail = new DetailPage(page);
    await detail.waitFor(label(target));
    // The clerk's reason is offered to the responsabile; an empty act is refused with an Italian message.
    expect(await detail.annulmentPanel().getByLabel("Motivo dell'annullamento").inputValue()).toBe(reason);
    await detail.annulmentPanel().getByRole('button', { name: 'Annulla registrazione' }).click();
    await detail.annulmentPanel().locator('.g-field-error').first().waitFor();
    expect(await detail.annulmentPanel().locator('.g-field-error').first().textContent()).toMatch(/obbligatorio|Campo/);
    expect(await detail.annulledNote().count()).toBe(0);

    await detail.annul(null, act);
    await detail.annulledNote().waitFor();
    const note = (await detail.annulledNote().textContent()) ?? '';
    expect(note).toContain(people.responsabile.fullName);
    expect(note).toContain(reason);
    expect(note).toContain(act);
    expect(await detail.title().textContent()).toContain('ANNULLATO');
    // An annulled entry can no longer be reclassified or annulled again.
    expect(await detail.editPanel().count()).toBe(0);
    expect(await detail.annulmentPanel().count()).toBe(0);
    const history = await detail.waitForHistoryRows(2);
    expect(history.map((h) => [h.who, h.what])).toEqual(
      expect.arrayContaining([
        [people.protocollista.fullName, 'Richiesta di annullamento'],
        [people.responsabile.fullName, 'Annullamento'],
      ]),
    );
  });

  it('keeps the annulled entry in the list and in search results, marked ANNULLATO', async () => {
    for (const b of [chiefBrowser, clerkBrowser]) {
      const { page } = b;
      await new AppShellPage(page).goTo('Registro');
      const registro = new RegistroPage(page);
      await registro.heading().waitFor();
      await registro.waitForNumbers([label(target), label(other)]);
      expect(await registro.row(label(target)).textContent()).toContain('ANNULLATO');
      expect(await registro.row(label(other)).textContent()).not.toContain('ANNULLATO');

      await registro.search('copia');
      await registro.waitForNumbers([label(target)]);
      expect(await registro.row(label(target)).textContent()).toContain('ANNULLATO');

      // The "Solo annullate" filter finds it too.
      await page.getByLabel('Testo da cercare').fill('');
      await page.getByLabel('Annullate').selectOption({ label: 'Solo annullate' });
      await page.getByRole('button', { name: 'Cerca' }).click();
      await registro.waitForNumbers([label(target)]);
    }

    // The number is never reused: the next registration continues the sequence.
    const clerk = await login(world.url, people.protocollista);
    const next = await registerViaRpc(world.url, clerk, 'Ringraziamento per il concerto', 'Corpo Bandistico Roccabellese');
    expect(next.number).toBe(target.number + 1);
    const stored = await rpc<{ status: string; annulment: { act: string; annulledByName: string } }>(world.url, 'protocol.get', { id: target.id }, clerk);
    expect(stored.status).toBe('annullato');
    expect(stored.annulment).toMatchObject({ act, annulledByName: people.responsabile.fullName });
    expect([...clerkBrowser.foreign, ...chiefBrowser.foreign]).toEqual([]);
  });
});
