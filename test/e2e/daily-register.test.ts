import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Response } from 'playwright-core';
import { E2eWorld, login, people, registerViaRpc, rpc, seedOrganisation, sha256, type Browser, type SeededEntry } from './support';
import { LoginPage } from './pages/LoginPage';
import { AppShellPage } from './pages/AppShellPage';
import { DailyRegisterPage } from './pages/DailyRegisterPage';
import { pdfText } from '../helpers/pdf';
import { dailyRegisterFileId, formatYearNumber } from '../../src/shared/domain/protocol-number';
import { romeDate } from '../../src/shared/domain/time';
import type { DailyRegister, DailyRegisterJson } from '../../src/shared/contract';

/**
 * The registro giornaliero of today, produced from the UI: first/last number and count shown,
 * the PDF lists every entry, the JSON lists them in numeric order, and the fingerprints shown
 * are those of the files the clerk downloads.
 */
let world: E2eWorld;
let b: Browser & { foreign: string[] };
const entries: SeededEntry[] = [];
const label = (e: SeededEntry) => formatYearNumber(e.year, e.number);

beforeAll(async () => {
  world = await E2eWorld.start();
  await seedOrganisation(world.url);
  const clerk = await login(world.url, people.protocollista);
  const mail = [
    ['Convocazione del Consiglio comunale', 'Presidenza del Consiglio'],
    ['Richiesta di udienza dal Sindaco', 'Anna Castelli'],
    ['Trasmissione del verbale di sopralluogo', 'Corpo di Polizia Locale'],
    ['Proposta di gemellaggio con Saint-Rémy', 'Mairie de Saint-Rémy'],
    ['Segnalazione guasto illuminazione pubblica', 'Davide Moretti'],
  ] as const;
  for (const [oggetto, who] of mail) entries.push(await registerViaRpc(world.url, clerk, oggetto, who));
  // Annul one entry of the day: it stays in the day's register with its status.
  const chief = await login(world.url, people.responsabile);
  await rpc(world.url, 'protocol.annul', { id: entries[3]!.id, reason: 'Registrazione errata', act: 'Provvedimento n. 3' }, chief);

  b = await world.browser();
  await world.open(b.page, '#/giornaliero');
  await new LoginPage(b.page).login(people.protocollista.username, people.protocollista.password);
  await new AppShellPage(b.page).userBadge(people.protocollista.fullName).waitFor();
});
afterAll(async () => {
  await world?.close();
});

const isDaily = (r: Response) => r.url().endsWith('/rpc/protocol.dailyRegister') && r.request().method() === 'POST';

describe('registro giornaliero', () => {
  it('produces today’s register with first and last number, count, PDF and JSON', async () => {
    const { page } = b;
    const daily = new DailyRegisterPage(page);
    await daily.heading().waitFor();
    const today = romeDate(new Date());
    expect(await daily.day().inputValue()).toBe(today);

    const replied = page.waitForResponse(isDaily);
    await daily.produce();
    const result = (await (await replied).json()) as DailyRegister;
    await daily.summary().waitFor();

    const first = entries[0]!;
    const last = entries[entries.length - 1]!;
    expect(await daily.value('Registrazioni')).toBe(String(entries.length));
    expect(await daily.value('Primo numero')).toBe(label(first));
    expect(await daily.value('Ultimo numero')).toBe(label(last));
    expect(result).toMatchObject({ date: today, count: entries.length, firstNumber: first.number, lastNumber: last.number });

    // The PDF, as downloaded by the browser: its fingerprint is the one on screen, and it lists
    // every entry of the day with its number and oggetto.
    const pdf = await daily.download('Scarica PDF');
    expect(sha256(pdf.bytes)).toBe(result.pdf.sha256);
    expect((await daily.value('Impronta SHA-256 del PDF')).replace(/\s+/g, '')).toBe(result.pdf.sha256);
    const text = (await pdfText(new Uint8Array(pdf.bytes))).replace(/\s+/g, ' ');
    for (const e of entries) {
      expect(text).toContain(label(e));
      expect(text).toContain(e.oggetto);
    }
    expect(text).toContain('ANNULLAT');
    // Entries appear in numeric order in the PDF too (the header names first and last number,
    // so the unique oggetti mark each row).
    const positions = entries.map((e) => text.indexOf(e.oggetto));
    expect([...positions].sort((a, z) => a - z)).toEqual(positions);

    // The JSON: same fingerprint as shown, the day's entries in numeric order, nothing else.
    const json = await daily.download('Scarica JSON');
    expect(sha256(json.bytes)).toBe(result.json.sha256);
    expect((await daily.value('Impronta SHA-256 del JSON')).replace(/\s+/g, '')).toBe(result.json.sha256);
    const content = JSON.parse(json.bytes.toString('utf8')) as DailyRegisterJson;
    expect(content.date).toBe(today);
    expect(content.entries.map((e) => e.number)).toEqual(entries.map((e) => e.number));
    expect(content.entries.map((e) => e.oggetto)).toEqual(entries.map((e) => e.oggetto));
    expect(content.entries[3]!.status).toBe('annullato');
    expect(content).toMatchObject({ firstNumber: first.number, lastNumber: last.number, count: entries.length });
    // The usual file id <codiceIPA><AOO>-YYYYMMDD-NNN names the files.
    expect(json.fileName).toContain(dailyRegisterFileId('c_r999', 'SEGR', today).slice(0, -4));
    expect(b.foreign).toEqual([]);
  });

  it('produces an empty register for a day without entries', async () => {
    const { page } = b;
    const daily = new DailyRegisterPage(page);
    await daily.day().fill('2025-03-03');
    const replied = page.waitForResponse(isDaily);
    await daily.produce();
    await replied;
    await daily.summary().getByText('Registro del 03/03/2025').waitFor();
    expect(await daily.value('Registrazioni')).toBe('0');
    expect(await daily.value('Primo numero')).toBe('—');
  });
});
