import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2eWorld, login, people, registerViaRpc, rpc, seedOrganisation, type Browser, type SeededEntry } from './support';
import { LoginPage } from './pages/LoginPage';
import { AppShellPage } from './pages/AppShellPage';
import { RegistroPage } from './pages/RegistroPage';
import { DetailPage } from './pages/DetailPage';
import { formatYearNumber } from '../../src/shared/domain/protocol-number';

/**
 * Search in the register (oggetto words, correspondent, number), the detail of an entry, and
 * the only changes allowed after registration — classification and assignment — with their
 * history (old → new, who).
 */
let world: E2eWorld;
let b: Browser & { foreign: string[] };
let entries: SeededEntry[];
const label = (e: SeededEntry) => formatYearNumber(e.year, e.number);

beforeAll(async () => {
  world = await E2eWorld.start();
  const { adminToken } = await seedOrganisation(world.url);
  await rpc(world.url, 'offices.upsert', { code: 'GABINETTO', name: 'Gabinetto del Sindaco' }, adminToken);
  const clerk = await login(world.url, people.protocollista);
  entries = [];
  entries.push(await registerViaRpc(world.url, clerk, 'Richiesta di patrocinio per la sagra della castagna', 'Pro Loco di Roccabella'));
  entries.push(await registerViaRpc(world.url, clerk, 'Invito alla cerimonia del 4 novembre', 'Prefettura di Cuneo'));
  entries.push(await registerViaRpc(world.url, clerk, 'Esposto sul rumore notturno in piazza Duomo', 'Bruno Lanfranchi'));
  entries.push(await registerViaRpc(world.url, clerk, 'Seconda richiesta di patrocinio: mostra fotografica', 'Circolo fotografico La Rocca'));
  b = await world.browser();
  await world.open(b.page, '#/registro');
  await new LoginPage(b.page).login(people.protocollista.username, people.protocollista.password);
  await new AppShellPage(b.page).userBadge(people.protocollista.fullName).waitFor();
});
afterAll(async () => {
  await world?.close();
});

describe('search and detail', () => {
  it('lists every entry newest first', async () => {
    const registro = new RegistroPage(b.page);
    await registro.heading().waitFor();
    await registro.waitForNumbers(entries.map(label).reverse());
    expect(await registro.count().textContent()).toContain('4 registrazioni trovate');
  });

  it('finds entries by a word of the oggetto, by the correspondent and by the number', async () => {
    const registro = new RegistroPage(b.page);
    const [sagra, invito, esposto, mostra] = entries as [SeededEntry, SeededEntry, SeededEntry, SeededEntry];

    await registro.search('patrocinio');
    await registro.waitForNumbers([label(mostra), label(sagra)]);
    expect(await registro.count().textContent()).toContain('2 registrazioni trovate');

    await registro.search('Lanfranchi');
    await registro.waitForNumbers([label(esposto)]);
    expect(await registro.row(label(esposto)).textContent()).toContain('Bruno Lanfranchi');

    // A number as written on the label, and its bare digits, both find that entry first.
    await registro.search(label(invito));
    await registro.waitForNumbers([label(invito)]);
    await registro.search(String(invito.number));
    await b.page.waitForFunction((want) => document.querySelector('ul[aria-label="Registrazioni"] li .g-num')?.textContent?.trim() === want, label(invito));

    // FTS syntax is taken as plain words, never an error.
    await registro.search('"patrocinio* OR (');
    await b.page.locator('.g-count').filter({ hasText: 'registrazioni trovate' }).waitFor();
    expect(await b.page.locator('.alert-danger').count()).toBe(0);
  });

  it('opens the detail with the registered data', async () => {
    const registro = new RegistroPage(b.page);
    const esposto = entries[2]!;
    await registro.search('rumore');
    await registro.waitForNumbers([label(esposto)]);
    await registro.open(label(esposto));
    const detail = new DetailPage(b.page);
    await detail.waitFor(label(esposto));
    expect(b.page.url()).toContain(`#/registro/${esposto.id}`);
    expect(await detail.field('Oggetto')).toBe(esposto.oggetto);
    expect(await detail.field('Mittente')).toContain('Bruno Lanfranchi');
    expect(await detail.field('Registrata da')).toBe(people.protocollista.fullName);
    expect(await detail.field('Classificazione')).toBe('—');
    expect(await b.page.getByText('Nessuna modifica dopo la registrazione.').isVisible()).toBe(true);
  });

  it('changes classification and assignment and shows the history: old → new, who', async () => {
    const detail = new DetailPage(b.page);
    const who = people.protocollista.fullName;
    await detail.chooseClassification('I.13');
    await detail.addAssignment('Gabinetto del Sindaco (GABINETTO)', 'competenza');
    await detail.save();

    let history = await detail.waitForHistoryRows(2);
    expect(history).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ who, what: 'Classificazione', before: '—', after: 'I.13' }),
        expect.objectContaining({ who, what: 'Assegnazione', before: '—', after: 'Gabinetto del Sindaco (competenza)' }),
      ]),
    );
    await b.page.waitForFunction(() => {
      const dt = [...document.querySelectorAll('dl.g-dl dt')].find((d) => d.textContent === 'Classificazione');
      return dt?.nextElementSibling?.textContent === 'I.13';
    });
    expect(await detail.field('Assegnazioni')).toContain('Gabinetto del Sindaco (per competenza');

    // A second change records the previous value as "before".
    await detail.chooseClassification('I.14');
    await detail.save();
    history = await detail.waitForHistoryRows(3);
    expect(history).toEqual(expect.arrayContaining([expect.objectContaining({ who, what: 'Classificazione', before: 'I.13', after: 'I.14' })]));
    expect(history.every((h) => /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/.test(h.when))).toBe(true);

    // The register itself (server side, through /rpc) agrees, and the immutable fields did not move.
    const token = await new AppShellPage(b.page).token();
    const stored = await rpc<{ classificationCode: string; oggetto: string; number: number; history: Array<{ field: string; oldValue: unknown; newValue: unknown; byName: string }> }>(
      world.url,
      'protocol.get',
      { id: entries[2]!.id },
      token,
    );
    expect(stored.classificationCode).toBe('I.14');
    expect(stored.oggetto).toBe(entries[2]!.oggetto);
    expect(stored.number).toBe(entries[2]!.number);
    expect(stored.history.filter((h) => h.field === 'classificazione').map((h) => [h.oldValue, h.newValue])).toEqual([
      [null, 'I.13'],
      ['I.13', 'I.14'],
    ]);

    // And the list shows the new class in its column.
    await new AppShellPage(b.page).goTo('Registro');
    const registro = new RegistroPage(b.page);
    await registro.search('rumore');
    await registro.waitForNumbers([label(entries[2]!)]);
    expect(await registro.row(label(entries[2]!)).textContent()).toContain('I.14');
    expect(b.foreign).toEqual([]);
  });
});
