import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2eWorld, rpc, type Browser } from './support';
import { LoginPage } from './pages/LoginPage';
import { AppShellPage } from './pages/AppShellPage';
import { CasesPage } from './pages/CasesPage';
import { CaseDetailPage } from './pages/CaseDetailPage';
import { blocking, describeViolations, runAxe, type AxeViolation } from './axe';
import { seedDemo } from '../../src/main/web/demo-seed';
import { demoPassword, demoUsers } from '../../src/main/web/demo-data';
import { caseStates } from '../../src/shared/domain/cases/states';
import type { CaseListItem, CaseCounts, SignatureItemDto } from '../../src/shared/contract';

/**
 * The screens of issue 4 on the demo desk (`npm run web -- --demo`): the seed really produces a
 * living desk (every state, overdue terms, patronage, hearings, libro firma), and axe-core finds
 * no serious or critical violation on any new screen, dialogs and charts included.
 */
let world: E2eWorld;
let b: Browser & { foreign: string[] };
let token: string;
let all: CaseListItem[];
const report: Record<string, AxeViolation[]> = {};
const segreteria = demoUsers.find((u) => u.username === 'segreteria')!;

async function check(screen: string): Promise<void> {
  const { violations, passedRules } = await runAxe(b.page);
  expect(passedRules).toBeGreaterThan(10);
  report[screen] = violations;
  const serious = blocking(violations);
  expect(serious, describeViolations(screen, serious)).toEqual([]);
}

async function loginAs(username: string, fullName: string): Promise<void> {
  await new LoginPage(b.page).login(username, demoPassword);
  await new AppShellPage(b.page).userBadge(fullName).waitFor();
}

beforeAll(async () => {
  world = await E2eWorld.start();
  const desk = world.desk.embedded?.desk;
  if (!desk) throw new Error('Scrivania incorporata non avviata');
  // Fewer letters than the real demo (300), but enough for its 60 cases.
  const seeded = await seedDemo(desk, 130);
  expect(seeded?.cases).toBe(60);
  token = (await rpc<{ token: string }>(world.url, 'auth.login', { username: 'segreteria', password: demoPassword })).token;
  all = (await rpc<{ items: CaseListItem[] }>(world.url, 'cases.list', { view: 'all', limit: 500 }, token)).items;
  b = await world.browser({ bypassCSP: true });
}, 240_000);
afterAll(async () => {
  const minor = Object.entries(report).flatMap(([s, v]) => v.filter((x) => !blocking([x]).length).map((x) => `${s}: [${x.impact}] ${x.id}`));
  if (minor.length) console.info(`axe, violazioni minori:\n${minor.join('\n')}`);
  await world?.close();
});

describe('the demo desk has cases in every state', () => {
  it('seeds 60 cases: every state, overdue ones, patronage and hearings, items to sign', async () => {
    expect(all).toHaveLength(60);
    expect(new Set(all.map((c) => c.state))).toEqual(new Set(caseStates));
    expect(all.some((c) => c.termStatus === 'scaduto')).toBe(true);
    expect(all.some((c) => c.typeCode === 'patrocinio')).toBe(true);
    const mine = await rpc<{ counts: CaseCounts }>(world.url, 'cases.list', { view: 'mine' }, token);
    expect(mine.counts.open).toBeGreaterThan(0);
    expect(mine.counts.suspended).toBeGreaterThan(0);
    const waiting = await rpc<SignatureItemDto[]>(world.url, 'signature.list', { state: 'in_attesa' }, token);
    expect(waiting.length).toBeGreaterThanOrEqual(3);
  });
});

describe('accessibility of the case screens (axe-core)', () => {
  it('Pratiche, my desk, with the start-up reminder', async () => {
    await world.open(b.page, '#/pratiche');
    await loginAs('segreteria', segreteria.fullName);
    const cases = new CasesPage(b.page);
    await cases.heading().waitFor();
    await cases.table().waitFor();
    await b.page.getByRole('region', { name: 'Promemoria delle pratiche' }).waitFor();
    await check('Pratiche (la mia scrivania)');
  });

  it('Pratiche, every case, sorted by a column', async () => {
    const cases = new CasesPage(b.page);
    await cases.showAll(true);
    await cases.status().filter({ hasText: '60 pratiche trovate' }).waitFor();
    await cases.sortBy('Ricevuta il');
    await b.page.locator('th[aria-sort="ascending"]').filter({ hasText: 'Ricevuta il' }).waitFor();
    await check('Pratiche (tutte)');
  });

  it('a patronage case, with the assignment dialog open', async () => {
    const pat = all.find((c) => c.typeCode === 'patrocinio' && c.state !== 'chiusa' && c.state !== 'archiviata') ?? all.find((c) => c.typeCode === 'patrocinio')!;
    await world.open(b.page, `#/pratiche/${pat.id}`);
    const detail = new CaseDetailPage(b.page);
    await detail.waitFor(pat.title);
    await b.page.getByRole('region', { name: 'Patrocinio' }).waitFor();
    await check('Pratica di patrocinio');
    if (pat.state !== 'chiusa' && pat.state !== 'archiviata') {
      await detail.act('Assegna');
      await detail.form('Assegna la pratica').waitFor();
      await check('Pratica (finestra Assegna)');
      await b.page.keyboard.press('Escape');
    }
  });

  it('a suspended case and a hearing', async () => {
    const suspended = all.find((c) => c.state === 'sospesa')!;
    await world.open(b.page, `#/pratiche/${suspended.id}`);
    await new CaseDetailPage(b.page).waitFor(suspended.title);
    await check('Pratica sospesa');
    const hearing = all.find((c) => c.typeCode === 'udienza');
    if (hearing) {
      await world.open(b.page, `#/pratiche/${hearing.id}`);
      await b.page.getByRole('region', { name: 'Udienza' }).waitFor();
      await check('Udienza');
    }
  });

  it('Indicatori, with charts and their tables', async () => {
    await world.open(b.page, '#/indicatori');
    await b.page.getByRole('heading', { name: 'Indicatori', level: 1 }).waitFor();
    await b.page.getByRole('table', { name: 'Pratiche ricevute e chiuse per mese' }).waitFor();
    expect(await b.page.locator('canvas[role="img"]').count()).toBeGreaterThanOrEqual(1);
    await check('Indicatori');
  });

  it('Libro firma', async () => {
    await world.open(b.page, '#/libro-firma');
    await b.page.getByRole('table', { name: 'Documenti del libro firma' }).waitFor();
    await check('Libro firma');
  });

  it('a protocol entry with its cases and the "Apri pratica" dialog', async () => {
    const withEntry = await rpc<{ case: { links: Array<{ entryId: string }> } }>(world.url, 'cases.get', { caseId: all[0]!.id }, token);
    await world.open(b.page, `#/registro/${withEntry.case.links[0]!.entryId}`);
    const panel = b.page.getByRole('region', { name: 'Pratiche', exact: true });
    await panel.getByRole('link', { name: all[0]!.title }).waitFor();
    await panel.getByRole('button', { name: 'Apri pratica' }).click();
    await b.page.getByRole('dialog').getByRole('form', { name: 'Apri pratica' }).waitFor();
    await check('Dettaglio della registrazione (Apri pratica)');
    await b.page.keyboard.press('Escape');
  });

  it('Amministrazione → Pratiche', async () => {
    await new AppShellPage(b.page).logout();
    const admin = demoUsers.find((u) => u.username === 'admin')!;
    await loginAs('admin', admin.fullName);
    await world.open(b.page, '#/amministrazione/pratiche');
    await b.page.getByRole('table', { name: 'Tipi di pratica' }).waitFor();
    await check('Amministrazione (pratiche)');
  });

  it('never requested anything outside 127.0.0.1', () => {
    expect(b.foreign).toEqual([]);
  });
});
